import { APP_SCHEME } from '../../../shared/app';
import type { AppEvent, ConnectStarted, IpcError } from '../../../shared/ipc/contract';
import { explain } from '../../../shared/zoho/errors';
import { splitScopes } from '../../../shared/zoho/scopes';
import { CoreError } from '../errors';
import type { CrmClient } from '../crm/crmClient';
import type { HostPolicy } from '../net/hostPolicy';
import { LoopbackListener, PortBusyError } from '../oauth/loopbackListener';
import { mapTokenError } from '../oauth/oauthErrors';
import { PendingAuthorizations, type PendingAuthorization } from '../oauth/pendingAuthorizations';
import type { TokenManager } from '../oauth/tokenManager';
import { buildAuthorizeUrl, buildConfiguration, createPkce, exchangeCode, randomState, revoke } from '../oauth/zohoOAuth';
import { dataCentreLabel } from '../oauth/dataCentreLabel';
import type { LogPort, SystemPort } from '../ports';
import { redirectUriOf, type ProfileService } from '../profiles/profileService';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';

export interface ConnectorDeps {
  profiles: ProfileService;
  store: ProfileStore;
  vault: Vault;
  hosts: HostPolicy;
  tokens: TokenManager;
  crm: CrmClient;
  system: SystemPort;
  log: LogPort;
  now: () => number;
  emit: (event: AppEvent) => void;
}

export interface RedirectOutcome {
  /** False when the redirect itself was refused (the listener keeps waiting for the real one). */
  accepted: boolean;
  message: string;
  profileId?: string;
  /** Set when the redirect was refused or the connection failed. */
  error?: IpcError;
}

/**
 * Runs Zoho's authorization-code flow for a profile: browser out, redirect back (URL scheme,
 * loopback listener, or a pasted address), state and PKCE checked, code exchanged once at
 * an allowed accounts server, then "who am I" from the CRM.
 */
export class Connector {
  private readonly pending: PendingAuthorizations;
  private readonly listeners = new Map<string, LoopbackListener>();
  private readonly errors = new Map<string, IpcError>();

  constructor(private readonly deps: ConnectorDeps) {
    this.pending = new PendingAuthorizations(deps.now);
  }

  isConnecting(profileId: string): boolean {
    return this.pending.forProfile(profileId) !== undefined;
  }

  lastError(profileId: string): IpcError | undefined {
    return this.errors.get(profileId);
  }

  async connect(profileId: string): Promise<ConnectStarted> {
    const profile = this.deps.profiles.require(profileId);
    this.errors.delete(profileId);
    if (profile.clientType === 'self' || profile.clientType === 'device') {
      throw new CoreError(
        explain('INVALID_INPUT', {
          zohoMessage:
            profile.clientType === 'self'
              ? 'A Self Client connects with a code generated in the API console, not through the browser.'
              : 'Non-browser (device) clients are not supported yet.',
        }),
      );
    }
    const secretState = this.deps.vault.state(profileId, 'clientSecret');
    if (secretState === 'undecryptable' || (profile.clientType === 'server' && secretState !== 'present')) {
      throw CoreError.of('SECRET_MISSING');
    }
    if (profile.throttledUntil && profile.throttledUntil > this.deps.now()) {
      throw CoreError.of('OAUTH_THROTTLED', { retryAt: new Date(profile.throttledUntil).toLocaleTimeString() });
    }
    const endpoints = this.deps.hosts.endpointsFor(profile.service, profile.dataCentre, profile.environment);
    const redirectUri = redirectUriOf(profile);
    if (!redirectUri) throw CoreError.of('INTERNAL');
    const config = buildConfiguration({
      clientId: profile.clientId,
      authorizeServer: endpoints.authorizeServer,
      accountsServer: endpoints.accountsServer,
      insecure: endpoints.insecure,
    });
    const pkce = await createPkce();
    const state = randomState();
    const via = profile.clientType === 'server' ? 'loopback' : 'scheme';
    const authorizeUrl = buildAuthorizeUrl(config, { redirectUri, scopes: profile.scopes, state, codeChallenge: pkce.challenge });
    if (!this.deps.hosts.isAllowedExternalUrl(authorizeUrl)) throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: new URL(authorizeUrl).host });

    if (via === 'loopback') await this.startListener(profile, redirectUri);
    this.pending.add({ state, profileId, verifier: pkce.verifier, redirectUri, via, abort: new AbortController() });
    this.deps.emit({ type: 'profiles-changed' });
    try {
      await this.deps.system.openExternal(authorizeUrl);
    } catch (error) {
      // The link is also shown in the UI, so the user can open it by hand.
      this.deps.log.warn('could not open the browser', { reason: String(error) });
    }
    return { authorizeUrl, redirectUri, via };
  }

  private async startListener(profile: StoredProfile, redirectUri: string): Promise<void> {
    await this.listeners.get(profile.id)?.close();
    const url = new URL(redirectUri);
    try {
      const listener = await LoopbackListener.start({
        port: Number(url.port),
        path: url.pathname,
        onRedirect: (received) => this.handleRedirect(received.toString()),
        onTimeout: () => this.listeners.delete(profile.id),
      });
      this.listeners.set(profile.id, listener);
    } catch (error) {
      if (error instanceof PortBusyError) {
        throw new CoreError({
          code: 'LOOPBACK_PORT_BUSY',
          message: `Port ${error.port} on this computer is in use by another program, so the app can't receive Zoho's answer there.`,
          hint: `Close the program using port ${error.port}, or pick another port in this profile and register the new redirect URI in the API console (Zoho only accepts the exact registered port).`,
        });
      }
      throw error;
    }
  }

  cancel(profileId: string): void {
    const pending = this.pending.forProfile(profileId);
    if (pending) this.pending.cancel(pending.state);
    void this.listeners.get(profileId)?.close();
    this.listeners.delete(profileId);
    this.deps.emit({ type: 'profiles-changed' });
  }

  /**
   * Every redirect comes here: deep links from the OS, the loopback listener, a pasted
   * address. Nothing touches the network until the state is known and the accounts server
   * allowed.
   */
  async handleRedirect(rawUrl: string): Promise<RedirectOutcome> {
    const refuse = (error: IpcError): RedirectOutcome => {
      this.deps.emit({ type: 'redirect-refused', error });
      this.deps.log.warn('redirect refused', { code: error.code });
      return { accepted: false, message: `${error.message} ${error.hint ?? ''}`.trim(), error };
    };
    let url: URL;
    try {
      url = new URL(rawUrl.trim());
    } catch {
      return refuse(explain('REDIRECT_MALFORMED'));
    }
    const isScheme = url.protocol === `${APP_SCHEME}:`;
    const isLoopback = url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    const state = url.searchParams.get('state');
    if ((!isScheme && !isLoopback) || !state) return refuse(explain('REDIRECT_MALFORMED'));

    const taken = this.pending.take(state);
    if (!taken.ok) return refuse(explain(taken.reason === 'expired' ? 'REDIRECT_EXPIRED' : 'REDIRECT_UNKNOWN_STATE'));
    const pending = taken.pending;
    // Loopback redirects arrive on 127.0.0.1 or ::1; compare on the registered form.
    const base = `${url.protocol}//${isLoopback ? `localhost:${url.port}` : url.host}${url.pathname}`;
    if (base !== pending.redirectUri) return this.finishWithError(pending, explain('REDIRECT_MALFORMED'), refuse);

    const profile = this.deps.store.get(pending.profileId);
    if (!profile) return refuse(explain('PROFILE_NOT_FOUND'));

    const zohoError = url.searchParams.get('error');
    if (zohoError) {
      const error =
        zohoError === 'access_denied'
          ? explain('CONSENT_DENIED', {}, zohoError)
          : mapTokenError({ body: { error: zohoError, error_description: url.searchParams.get('error_description') ?? undefined } });
      return this.finishWithError(pending, error);
    }

    // Multi-DC: the exchange goes to the accounts server the redirect names — only if allowed (§4.5).
    const endpoints = this.deps.hosts.endpointsFor(profile.service, profile.dataCentre, profile.environment);
    const named = url.searchParams.get('accounts-server');
    const accountsServer = named ?? endpoints.accountsServer;
    if (!this.deps.hosts.isAllowedAccountsServer(accountsServer, profile.service)) {
      const error = explain('ACCOUNTS_SERVER_NOT_ALLOWED', { host: named ?? accountsServer });
      this.deps.emit({ type: 'redirect-refused', error });
      return this.finishWithError(pending, error);
    }

    // openid-client derives redirect_uri from this URL: rebuild it on the registered form.
    const callbackUrl = new URL(`${pending.redirectUri}${url.search}`);
    const config = buildConfiguration({
      clientId: profile.clientId,
      clientSecret: this.deps.vault.get(profile.id, 'clientSecret'),
      authorizeServer: endpoints.authorizeServer,
      accountsServer,
      insecure: endpoints.insecure,
      signal: pending.abort.signal,
    });
    let tokens;
    try {
      tokens = await exchangeCode(config, callbackUrl, { verifier: pending.verifier, state }, this.deps.now());
    } catch (error) {
      return this.finishWithError(pending, mapTokenError(error, { dataCentre: dataCentreLabel(profile) }));
    }
    const apiDomain = tokens.apiDomain ?? endpoints.apiDomain;
    if (!this.deps.hosts.isAllowedApiDomain(apiDomain, profile.service)) {
      return this.finishWithError(pending, explain('CRM_INVALID_HOST', { host: apiDomain }));
    }
    this.deps.tokens.accept(profile.id, tokens, apiDomain);
    const location = url.searchParams.get('location') ?? undefined;
    const granted = tokens.scope ? splitScopes(tokens.scope) : profile.scopes;
    this.deps.store.put({
      ...profile,
      throttledUntil: undefined,
      connection: { accountsServer, apiDomain, ...(location ? { location } : {}), grantedScopes: granted, connectedAt: this.deps.now() },
    });
    await this.learnWhoAmI(profile.id);
    if (!tokens.refreshToken) this.errors.set(profile.id, explain('OAUTH_NO_REFRESH_TOKEN'));
    await this.closeListener(profile.id);
    const view = this.deps.profiles.view(this.deps.profiles.require(profile.id));
    this.deps.emit({ type: 'auth-finished', profileId: profile.id, ok: true, profile: view });
    this.deps.emit({ type: 'profiles-changed' });
    this.deps.log.info('connected', { profileId: profile.id });
    return { accepted: true, message: 'Connected.', profileId: profile.id };
  }

  private async finishWithError(
    pending: PendingAuthorization,
    error: IpcError,
    respond?: (error: IpcError) => RedirectOutcome,
  ): Promise<RedirectOutcome> {
    this.errors.set(pending.profileId, error);
    await this.closeListener(pending.profileId);
    this.deps.emit({ type: 'auth-finished', profileId: pending.profileId, ok: false, error });
    this.deps.emit({ type: 'profiles-changed' });
    this.deps.log.warn('connect failed', { profileId: pending.profileId, code: error.code });
    if (respond) return { ...respond(error), profileId: pending.profileId };
    return { accepted: true, message: `${error.message} ${error.hint ?? ''}`.trim(), profileId: pending.profileId, error };
  }

  /**
   * Stops the loopback listener. Not awaited: when the redirect came through the listener,
   * its own request is still open and the listener finishes closing after answering it.
   */
  private async closeListener(profileId: string): Promise<void> {
    const listener = this.listeners.get(profileId);
    this.listeners.delete(profileId);
    void listener?.close();
  }

  /** "Connected as <user> · <org>": users?type=CurrentUser and org (§5.3). Missing scopes just leave them blank. */
  private async learnWhoAmI(profileId: string): Promise<void> {
    const who: { userId?: string; userName?: string; userEmail?: string; orgId?: string; orgName?: string } = {};
    try {
      const users = await this.deps.crm.request(profileId, { method: 'GET', path: 'users', query: { type: 'CurrentUser' } });
      const user = (users.body as { users?: { id?: string; full_name?: string; email?: string }[] } | null)?.users?.[0];
      if (user?.id) who.userId = String(user.id);
      if (user?.full_name) who.userName = user.full_name;
      if (user?.email) who.userEmail = user.email;
    } catch (error) {
      this.deps.log.warn('could not read the current user', { code: (error as CoreError).code });
    }
    try {
      const org = await this.deps.crm.request(profileId, { method: 'GET', path: 'org' });
      const entry = (org.body as { org?: { id?: string; company_name?: string }[] } | null)?.org?.[0];
      if (entry?.id) who.orgId = String(entry.id);
      if (entry?.company_name) who.orgName = entry.company_name;
    } catch (error) {
      this.deps.log.warn('could not read the organisation', { code: (error as CoreError).code });
    }
    const profile = this.deps.store.get(profileId);
    if (profile?.connection) this.deps.store.put({ ...profile, connection: { ...profile.connection, ...who } });
  }

  /** Disconnect: revoke at Zoho (unless `revoke` is false), then forget the tokens here. */
  async disconnect(profileId: string, revokeAtZoho: boolean): Promise<void> {
    const profile = this.deps.profiles.require(profileId);
    const refreshToken = this.deps.vault.get(profileId, 'refreshToken');
    if (revokeAtZoho && refreshToken && profile.connection) {
      const config = buildConfiguration({
        clientId: profile.clientId,
        clientSecret: this.deps.vault.get(profileId, 'clientSecret'),
        authorizeServer: profile.connection.accountsServer,
        accountsServer: profile.connection.accountsServer,
        insecure: profile.service === 'demo',
      });
      try {
        await revoke(config, refreshToken);
      } catch (error) {
        const mapped = mapTokenError(error, { dataCentre: dataCentreLabel(profile) });
        // 400 = Zoho no longer knows the token: it is revoked already, forgetting is right.
        const alreadyGone = (error as { cause?: { status?: number } }).cause?.status === 400 || mapped.code === 'OAUTH_INVALID_CODE';
        if (!alreadyGone && ['NETWORK', 'TIMEOUT', 'SERVER_ERROR', 'BAD_RESPONSE', 'CANCELLED'].includes(mapped.code)) {
          throw new CoreError({ ...mapped, hint: `${mapped.hint ?? ''} The connection was kept; try again, or use "Forget locally".`.trim() });
        }
      }
    }
    this.deps.tokens.forget(profileId);
    this.errors.delete(profileId);
    this.deps.store.put({ ...profile, connection: undefined });
    this.deps.emit({ type: 'profiles-changed' });
  }

  async close(): Promise<void> {
    this.pending.cancelAll();
    await Promise.all([...this.listeners.keys()].map((id) => this.closeListener(id)));
  }
}

