/**
 * The accounts server's memory. With a state file, clients and tokens survive restarts
 * (so the app's Demo profile stays connected); writes are atomic (temp file + rename), and a
 * file that cannot be read is moved aside with a timestamp, never silently overwritten.
 */
import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AccessTokenRecord, ClientRecord, GrantCodeRecord, PendingConsent, PersistedState, RefreshTokenRecord } from './types';

/** Optional protection for the state file: it holds the Demo org's client secrets and tokens. */
export interface StateSealer {
  seal(plaintext: string): string;
  /** Throws when the text can't be opened (other machine, keychain reset). */
  open(sealed: string): string;
}

export class StateStore {
  readonly clients = new Map<string, ClientRecord>();
  readonly codes = new Map<string, GrantCodeRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly consents = new Set<string>();
  readonly pendingConsents = new Map<string, PendingConsent>();
  /** Grant codes issued per client: the 10-per-10-minutes window (§2.2, §3.4). */
  readonly codeIssueTimes = new Map<string, number[]>();
  /** Problems met while loading the state file (reported by the CLI). */
  readonly notes: string[] = [];

  constructor(
    private readonly file?: string,
    private readonly sealer?: StateSealer,
  ) {
    if (file) this.load(file);
  }

  private load(file: string): void {
    if (!existsSync(file)) return;
    try {
      const text = readFileSync(file, 'utf8');
      const parsed = JSON.parse(this.sealer ? this.sealer.open(text) : text) as Partial<PersistedState>;
      if (parsed.version !== 1 || !Array.isArray(parsed.clients)) throw new Error('unknown state file version');
      for (const c of parsed.clients) this.clients.set(c.client_id, c);
      for (const r of parsed.refreshTokens ?? []) this.refreshTokens.set(r.token, r);
      for (const a of parsed.accessTokens ?? []) this.accessTokens.set(a.token, a);
      for (const k of parsed.consents ?? []) this.consents.add(k);
    } catch (error) {
      const aside = `${file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, aside);
      this.notes.push(`The Demo org state file could not be read (${(error as Error).message}); it was moved to ${aside}.`);
    }
  }

  /** Writes the durable part (clients, refresh and access tokens, consents). */
  save(): void {
    if (!this.file) return;
    const state: PersistedState = {
      version: 1,
      clients: [...this.clients.values()],
      refreshTokens: [...this.refreshTokens.values()],
      accessTokens: [...this.accessTokens.values()],
      consents: [...this.consents],
    };
    mkdirSync(dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    const text = JSON.stringify(state);
    writeFileSync(temp, this.sealer ? this.sealer.seal(text) : text, { mode: 0o600 });
    renameSync(temp, this.file);
  }

  /** Drops expired access tokens and old window entries so memory and file stay small. */
  prune(now: number): void {
    for (const [token, a] of this.accessTokens) {
      if (a.expires_at + 24 * 3600_000 < now) this.accessTokens.delete(token);
    }
    for (const [code, c] of this.codes) {
      if (c.expires_at + 3600_000 < now) this.codes.delete(code);
    }
    for (const [id, p] of this.pendingConsents) {
      if (p.expires_at < now) this.pendingConsents.delete(id);
    }
  }
}
