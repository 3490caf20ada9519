import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

export interface PendingAuthorization {
  state: string;
  profileId: string;
  verifier: string;
  redirectUri: string;
  via: 'scheme' | 'loopback';
  /** The consent page's address (PKCE challenge and state only, no secret), so the UI can offer it again. */
  authorizeUrl?: string;
  createdAt: number;
  expiresAt: number;
  /** Aborts the exchange if the user cancels. */
  abort: AbortController;
}

/**
 * A pending sign-in as kept on disk, so a redirect that starts the app still finishes it: no
 * AbortController and no PKCE verifier (that one lives in the vault, see VerifierStore).
 * Files written before the verifier moved may still hold one: it is moved and scrubbed on load.
 */
export type PersistedAuthorization = Omit<PendingAuthorization, 'abort' | 'verifier'> & { verifier?: string };

export interface PendingStore {
  load(): PersistedAuthorization[];
  save(list: PersistedAuthorization[]): void;
}

/**
 * Where PKCE verifiers wait for their redirect: sealed in the vault like every other secret
 * (or in memory only, when the vault is), never in a plain file.
 */
export interface VerifierStore {
  put(profileId: string, state: string, verifier: string): void;
  get(profileId: string, state: string): string | undefined;
  drop(profileId: string, state: string): void;
}

export type TakeResult =
  | { ok: true; pending: PendingAuthorization }
  | { ok: false; reason: 'unknown' | 'used' }
  | { ok: false; reason: 'expired'; profileId: string };

/**
 * Authorizations waiting for their redirect, keyed by `state`. A state is single-use and
 * time-limited: taking it removes it, and a second delivery of the same redirect is told
 * apart ("already used") from a forged one.
 */
export class PendingAuthorizations {
  private readonly byState = new Map<string, PendingAuthorization>();
  private readonly used = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    /** How long a sign-in may wait for its redirect (default: ZOHO_LIMITS.authorizationWaitSeconds). */
    private readonly waitMs: () => number = () => ZOHO_LIMITS.authorizationWaitSeconds * 1000,
    /**
     * Where pending sign-ins survive a restart: the user may quit the app while the browser
     * shows Zoho's consent page, and the OS then starts it with the redirect (cold start).
     */
    private readonly store?: PendingStore,
    private readonly verifiers?: VerifierStore,
  ) {
    let scrub = false;
    for (const { verifier: legacy, ...entry } of store?.load() ?? []) {
      if (legacy) {
        scrub = true;
        if (entry.expiresAt > now()) verifiers?.put(entry.profileId, entry.state, legacy);
      }
      if (entry.expiresAt <= now()) continue;
      // No verifier (a memory-only vault after a restart, a locked vault): the redirect could
      // not be exchanged anyway, so the sign-in is dropped rather than kept half.
      const verifier = verifiers?.get(entry.profileId, entry.state);
      if (verifier) this.byState.set(entry.state, { ...entry, verifier, abort: new AbortController() });
    }
    if (scrub) this.persist();
  }

  private persist(): void {
    this.store?.save([...this.byState.values()].map(({ abort: _abort, verifier: _verifier, ...rest }) => rest));
  }

  private forget(pending: PendingAuthorization): void {
    this.verifiers?.drop(pending.profileId, pending.state);
  }

  add(entry: Omit<PendingAuthorization, 'createdAt' | 'expiresAt'>): PendingAuthorization {
    // One Connect at a time per profile: a new one replaces the old.
    for (const existing of this.byState.values()) {
      if (existing.profileId === entry.profileId) this.cancel(existing.state);
    }
    const createdAt = this.now();
    const pending = { ...entry, createdAt, expiresAt: createdAt + this.waitMs() };
    this.byState.set(entry.state, pending);
    this.verifiers?.put(entry.profileId, entry.state, entry.verifier);
    this.persist();
    return pending;
  }

  take(state: string): TakeResult {
    const pending = this.byState.get(state);
    if (!pending) return { ok: false, reason: this.used.has(state) ? 'used' : 'unknown' };
    this.byState.delete(state);
    this.used.set(state, this.now());
    this.forget(pending);
    this.persist();
    if (pending.expiresAt < this.now()) return { ok: false, reason: 'expired', profileId: pending.profileId };
    return { ok: true, pending };
  }

  /** Sign-ins still waiting (e.g. reloaded after a restart). */
  waiting(): PendingAuthorization[] {
    return [...this.byState.values()].filter((p) => p.expiresAt > this.now());
  }

  forProfile(profileId: string): PendingAuthorization | undefined {
    return [...this.byState.values()].find((p) => p.profileId === profileId && p.expiresAt > this.now());
  }

  cancel(state: string): void {
    const pending = this.byState.get(state);
    if (!pending) return;
    pending.abort.abort();
    this.byState.delete(state);
    this.used.set(state, this.now());
    this.forget(pending);
    this.persist();
  }

  cancelAll(): void {
    for (const state of [...this.byState.keys()]) this.cancel(state);
  }

  /** The app is closing: stop running exchanges but keep the sign-ins on disk for a cold-start redirect. */
  abortAll(): void {
    for (const pending of this.byState.values()) pending.abort.abort();
  }
}
