import { createHash } from 'node:crypto';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import type { KeyValueStore, LogPort, StoreFactory } from '../ports';
import type { PendingStore, PersistedAuthorization } from '../oauth/pendingAuthorizations';

/** How a profile was last connected: what a refresh (or a re-mint) needs to know. */
export interface ProfileAuthFacts {
  /** The Zoho user the last connection belonged to (from users?type=CurrentUser). */
  lastUserId?: string;
  lastUserName?: string;
  /** `client_credentials` connections have no refresh token: the app mints again with `soid`. */
  grant?: 'authorization_code' | 'client_credentials' | 'device_token';
  soid?: string;
  via?: 'scheme' | 'loopback' | 'self' | 'device';
}

interface MintedRefreshToken {
  /** ms since epoch */
  at: number;
  /** A short one-way fingerprint, so a revoke can remove the right entry. Never the token. */
  fp: string;
  profileId: string;
}

interface LedgerFile extends Record<string, unknown> {
  version: 1;
  /** Keyed `${clientId}|${zohoUserId}`, oldest first. */
  refreshTokens: Record<string, MintedRefreshToken[]>;
  profiles: Record<string, ProfileAuthFacts>;
  /** Browser sign-ins started per client id (ms), to tell Zoho's grant-code throttle from a "Deny". */
  authorizations: Record<string, number[]>;
  /**
   * Sign-ins waiting for their redirect (at most ten minutes), so a redirect that starts the
   * app finishes them: state, profile, redirect URI, consent-page address. Never the PKCE
   * verifier: that is sealed in the vault (`pkceVerifier`), or kept in memory only.
   */
  pending?: PersistedAuthorization[];
}

const EMPTY: LedgerFile = { version: 1, refreshTokens: {}, profiles: {}, authorizations: {} };
const TEN_MINUTES = 10 * 60_000;

export const fingerprint = (token: string) => createHash('sha256').update(token).digest('hex').slice(0, 16);

export interface TokenLimitCheck {
  userId: string;
  userName?: string;
  /** Refresh tokens this app has minted and not revoked for (client, user), at most 20 (Zoho deletes beyond). */
  active: number;
  oldestAt: number;
}

/**
 * What the app remembers about OAuth that is not secret (auth-ledger.json): how each
 * profile was connected, and every refresh token it minted per (client id, Zoho user) with
 * its time — Zoho keeps at most 20 and silently deletes the oldest when a 21st is minted
 * (§3.4), so before a consent that would be the 21st the app warns.
 */
export class AuthLedger {
  private readonly store: KeyValueStore<LedgerFile>;

  constructor(storeFactory: StoreFactory, log: LogPort) {
    let store: KeyValueStore<LedgerFile>;
    try {
      store = storeFactory<LedgerFile>({ name: 'auth-ledger', defaults: EMPTY });
      void store.store;
    } catch (error) {
      // Only counts and facts live here: move a damaged file aside and start again.
      store = storeFactory<LedgerFile>({ name: 'auth-ledger-recovered', defaults: EMPTY });
      log.warn('auth ledger unreadable; started a new one', { reason: String(error) });
    }
    this.store = store;
  }

  private read(): LedgerFile {
    const raw = this.store.store;
    return { ...EMPTY, ...raw, refreshTokens: raw.refreshTokens ?? {}, profiles: raw.profiles ?? {}, authorizations: raw.authorizations ?? {} };
  }

  /** Pending sign-ins, for PendingAuthorizations. */
  readonly pendingStore: PendingStore = {
    load: () => (Array.isArray(this.read().pending) ? this.read().pending! : []),
    save: (list) => {
      this.store.store = { ...this.read(), pending: list };
    },
  };

  facts(profileId: string): ProfileAuthFacts {
    return this.read().profiles[profileId] ?? {};
  }

  setFacts(profileId: string, facts: ProfileAuthFacts): void {
    const file = this.read();
    this.store.store = { ...file, profiles: { ...file.profiles, [profileId]: { ...file.profiles[profileId], ...facts } } };
  }

  forgetProfile(profileId: string): void {
    const file = this.read();
    const profiles = { ...file.profiles };
    delete profiles[profileId];
    this.store.store = { ...file, profiles };
  }

  /** A refresh token was minted for (client, user). Past 20, Zoho deleted the oldest: so does the ledger. */
  recordRefreshToken(clientId: string, userId: string, token: string, profileId: string, at: number): void {
    const file = this.read();
    const key = `${clientId}|${userId}`;
    const list = [...(file.refreshTokens[key] ?? []), { at, fp: fingerprint(token), profileId }];
    while (list.length > ZOHO_LIMITS.refreshTokensPerUserPerClient) list.shift();
    this.store.store = { ...file, refreshTokens: { ...file.refreshTokens, [key]: list } };
  }

  /** The app revoked a refresh token at Zoho: it no longer counts. */
  removeRefreshToken(token: string): void {
    const fp = fingerprint(token);
    const file = this.read();
    const refreshTokens = Object.fromEntries(Object.entries(file.refreshTokens).map(([k, list]) => [k, list.filter((e) => e.fp !== fp)]));
    this.store.store = { ...file, refreshTokens };
  }

  activeRefreshTokens(clientId: string, userId: string): MintedRefreshToken[] {
    return [...(this.read().refreshTokens[`${clientId}|${userId}`] ?? [])];
  }

  /**
   * Would one more consent for this client delete a refresh token? The user who will sign
   * in is not known before the consent: the profile's last user is assumed, else any user of
   * this client already at the limit.
   */
  tokenLimitFor(clientId: string, profileId: string): TokenLimitCheck | undefined {
    const file = this.read();
    const facts = file.profiles[profileId] ?? {};
    const limit = ZOHO_LIMITS.refreshTokensPerUserPerClient;
    const candidates = facts.lastUserId
      ? [facts.lastUserId]
      : Object.keys(file.refreshTokens).filter((k) => k.startsWith(`${clientId}|`)).map((k) => k.slice(clientId.length + 1));
    for (const userId of candidates) {
      const list = file.refreshTokens[`${clientId}|${userId}`] ?? [];
      if (list.length >= limit) {
        const userName = facts.lastUserId === userId ? facts.lastUserName : Object.values(file.profiles).find((p) => p.lastUserId === userId)?.lastUserName;
        return { userId, ...(userName ? { userName } : {}), active: list.length, oldestAt: list[0]!.at };
      }
    }
    return undefined;
  }

  /** A browser sign-in was started for this client. */
  recordAuthorization(clientId: string, at: number): void {
    const file = this.read();
    const recent = [...(file.authorizations[clientId] ?? []).filter((t) => t > at - TEN_MINUTES), at];
    this.store.store = { ...file, authorizations: { ...file.authorizations, [clientId]: recent } };
  }

  /** Sign-ins started for this client in the last ten minutes (Zoho allows 10 codes, §2.2). */
  recentAuthorizations(clientId: string, now: number): number {
    return (this.read().authorizations[clientId] ?? []).filter((t) => t > now - TEN_MINUTES).length;
  }
}
