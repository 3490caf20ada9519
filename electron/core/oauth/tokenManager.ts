import { ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { CoreError, asCoreError } from '../errors';
import type { HostPolicy } from '../net/hostPolicy';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';
import type { LogPort } from '../ports';
import type { SecretRedactor } from '../logging/redactingLog';
import { mapTokenError } from './oauthErrors';
import { buildConfiguration, refresh as refreshGrant, type TokenSet } from './zohoOAuth';
import { dataCentreLabel } from './dataCentreLabel';

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
    this.deps.vault.delete(profileId, 'refreshToken');
  }

  /** Drops the in-memory access token only (e.g. Zoho said it is no longer valid). */
  invalidate(profileId: string, token: string): void {
    if (this.access.get(profileId)?.token === token) this.access.delete(profileId);
  }

  async get(profileId: string, options: { force?: boolean } = {}): Promise<AccessToken> {
    const current = this.access.get(profileId);
    const fresh = current && current.expiresAt - ZOHO_LIMITS.refreshLeewaySeconds * 1000 > this.deps.now();
    if (current && fresh && !options.force) return current;
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
    if (!refreshToken) {
      throw CoreError.of(this.deps.vault.state(profileId, 'refreshToken') === 'undecryptable' ? 'SECRET_MISSING' : 'NOT_CONNECTED');
    }
    // Refreshes go to the accounts server the redirect named (checked when it was stored).
    if (!this.deps.hosts.isAllowedAccountsServer(connection.accountsServer, profile.service)) {
      throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: connection.accountsServer });
    }
    const config = buildConfiguration({
      clientId: profile.clientId,
      clientSecret: this.deps.vault.get(profileId, 'clientSecret'),
      authorizeServer: connection.accountsServer,
      accountsServer: connection.accountsServer,
      insecure: profile.service === 'demo',
    });
    try {
      const tokens = await refreshGrant(config, refreshToken, now);
      const token: AccessToken = { token: tokens.accessToken, expiresAt: tokens.expiresAt, apiDomain: connection.apiDomain };
      this.deps.redactor.add(tokens.accessToken);
      this.access.set(profileId, token);
      this.deps.log.info('access token refreshed', { profileId });
      return token;
    } catch (error) {
      const coreError = asCoreError(error, (e) => mapTokenError(e, { dataCentre: dataCentreLabel(profile) }));
      if (coreError.code === 'OAUTH_THROTTLED') {
        this.deps.profiles.put({ ...this.requireProfile(profileId), throttledUntil: this.deps.now() + 10 * 60 * 1000 });
        this.deps.onChange(profileId);
      }
      if (coreError.code === 'OAUTH_INVALID_CODE') {
        // The refresh token was revoked or evicted: only a new consent helps.
        this.access.delete(profileId);
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
