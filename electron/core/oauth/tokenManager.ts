import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { CoreError, asCoreError } from '../errors';
import type { HostPolicy } from '../net/hostPolicy';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';
import type { LogPort } from '../ports';
import type { SecretRedactor } from '../logging/redactingLog';
import { mapTokenError } from './oauthErrors';
import { buildConfiguration, clientCredentials, refresh as refreshGrant, type TokenSet } from './zohoOAuth';
import { dataCentreLabel } from './dataCentreLabel';
import { clientSecretFor } from './clientSecrets';
import type { NetSettings } from '../net/netSettings';
import type { AuthLedger } from '../auth/authLedger';

/** Zoho's token throttles last for the rest of a ten-minute window (§3.4). */
export const THROTTLE_MS = 10 * 60 * 1000;

interface AccessToken {
  token: string;
  expiresAt: number;
  apiDomain: string;
}

export interface TokenManagerDeps {
  profiles: ProfileStore;
  vault: Vault;
  hosts: HostPolicy;
  redactor: SecretRedactor;
  log: LogPort;
  now: () => number;
  net: NetSettings;
  /** How each profile was connected (a client_credentials connection re-mints instead of refreshing). */
  ledger: AuthLedger;
  /** A profile's status changed (throttled, needs reconnect…). */
  onChange: (profileId: string) => void;
}

/**
 * Access tokens, in memory only, keyed by profile id: there is no way to ask for a token
 * without naming the profile it belongs to. Refreshes a few minutes before expiry, and
 * never more than one refresh at a time per profile — concurrent callers share it.
 */
export class TokenManager {
  private readonly access = new Map<string, AccessToken>();
  private readonly inflight = new Map<string, Promise<AccessToken>>();
  /** Per profile, the access token Zoho last rejected (401): a forced get refreshes only past it. */
  private readonly rejected = new Map<string, string>();

  constructor(private readonly deps: TokenManagerDeps) {}

  /** Keep the tokens a successful exchange returned. */
  accept(profileId: string, tokens: TokenSet, apiDomain: string): void {
    this.deps.redactor.add(tokens.accessToken);
    this.access.set(profileId, { token: tokens.accessToken, expiresAt: tokens.expiresAt, apiDomain });
    if (tokens.refreshToken) this.deps.vault.set(profileId, 'refreshToken', tokens.refreshToken);
  }

  expiresAt(profileId: string): number | undefined {
    return this.access.get(profileId)?.expiresAt;
  }

  forget(profileId: string): void {
    this.access.delete(profileId);
    this.rejected.delete(profileId);
    this.deps.vault.delete(profileId, 'refreshToken');
  }

  /** Drops the in-memory access token only (e.g. Zoho said it is no longer valid). */
  invalidate(profileId: string, token: string): void {
    this.rejected.set(profileId, token);
    if (this.access.get(profileId)?.token === token) this.access.delete(profileId);
  }

  /**
   * The profile's access token, refreshed first when it expires within a few minutes. One
   * refresh at a time per profile: concurrent callers wait for the same one. `force` (after a
   * 401) refreshes only if the token Zoho rejected is still the current one — fifty calls
   * that all got a 401 for the same old token cause one refresh, not fifty.
   */
  async get(profileId: string, options: { force?: boolean } = {}): Promise<AccessToken> {
    const current = this.access.get(profileId);
    const fresh = current && current.expiresAt - ZOHO_LIMITS.refreshLeewaySeconds * 1000 > this.deps.now();
    const stale = options.force && current?.token === this.rejected.get(profileId);
    if (current && fresh && !stale) return current;
    const running = this.inflight.get(profileId);
    if (running) return running;
    const job = this.refresh(profileId).finally(() => this.inflight.delete(profileId));
    this.inflight.set(profileId, job);
    return job;
  }

  private async refresh(profileId: string): Promise<AccessToken> {
    const profile = this.requireProfile(profileId);
    const connection = profile.connection;
    if (!connection) throw CoreError.of('NOT_CONNECTED');
    const now = this.deps.now();
    if (profile.throttledUntil && profile.throttledUntil > now) {
      // Zoho blocks for the rest of its 10-minute window: asking again only extends the pain.
      throw CoreError.of('OAUTH_THROTTLED', { retryAt: new Date(profile.throttledUntil).toLocaleTimeString() });
    }
    const refreshToken = this.deps.vault.get(profileId, 'refreshToken');
    const facts = this.deps.ledger.facts(profileId);
    if (!refreshToken && facts.grant !== 'client_credentials') {
      throw CoreError.of(this.deps.vault.state(profileId, 'refreshToken') === 'undecryptable' ? 'SECRET_MISSING' : 'NOT_CONNECTED');
    }
    // Refreshes go to the accounts server the redirect named (checked when it was stored).
    if (!this.deps.hosts.isAllowedAccountsServer(connection.accountsServer, profile.service)) {
      throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: connection.accountsServer });
    }
    const config = buildConfiguration({
      clientId: profile.clientId,
      clientSecret: clientSecretFor(this.deps, profile, connection.accountsServer),
      authorizeServer: connection.accountsServer,
      accountsServer: connection.accountsServer,
      insecure: profile.service === 'demo',
      timeoutMs: this.deps.net.timeoutMs,
    });
    try {
      // A Self Client's client_credentials token has no refresh token: mint another the same way (§3.1).
      const tokens = refreshToken
        ? await refreshGrant(config, refreshToken, now)
        : await clientCredentials(config, { scopes: connection.grantedScopes.length ? connection.grantedScopes : profile.scopes, ...(facts.soid ? { soid: facts.soid } : {}) }, now);
      const token: AccessToken = { token: tokens.accessToken, expiresAt: tokens.expiresAt, apiDomain: connection.apiDomain };
      this.deps.redactor.add(tokens.accessToken);
      this.access.set(profileId, token);
      this.deps.log.info('access token refreshed', { profileId });
      return token;
    } catch (error) {
      const dc = this.deps.hosts.dataCentreOfAccountsServer(connection.accountsServer, profile.service);
      const coreError = asCoreError(error, (e) => mapTokenError(e, { dataCentre: dataCentreLabel(profile, dc), host: new URL(connection.accountsServer).host }));
      if (coreError.code === 'OAUTH_THROTTLED') {
        // No retry loop: Zoho blocks for the rest of its ten-minute window (§3.4).
        const until = this.deps.now() + THROTTLE_MS;
        this.deps.profiles.put({ ...this.requireProfile(profileId), throttledUntil: until });
        this.deps.onChange(profileId);
        this.deps.log.warn('refresh throttled', { profileId });
        throw CoreError.of('OAUTH_THROTTLED', { retryAt: new Date(until).toLocaleTimeString() }, coreError.appError.details);
      }
      if (coreError.code === 'OAUTH_INVALID_CODE') {
        // The refresh token was revoked or evicted (e.g. the 21st consent deleted it): only a
        // new consent helps, so the profile shows "needs reconnecting".
        this.access.delete(profileId);
        if (refreshToken) {
          this.deps.vault.delete(profileId, 'refreshToken');
          this.deps.ledger.removeRefreshToken(refreshToken);
        }
        this.deps.onChange(profileId);
      }
      this.deps.log.warn('refresh failed', { profileId, code: coreError.code });
      throw coreError;
    }
  }

  private requireProfile(profileId: string): StoredProfile {
    const profile = this.deps.profiles.get(profileId);
    if (!profile) throw CoreError.of('PROFILE_NOT_FOUND');
    return profile;
  }
}
