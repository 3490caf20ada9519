import { APP_SCHEME } from '../../../shared/app';
import type { AppEvent, ConnectStarted, ConnectVia, DeviceProgress, IpcError } from '../../../shared/ipc/contract';
import { DATA_CENTRES, type DataCentreId, type Environment } from '../../../shared/zoho/dataCentres';
import { explain } from '../../../shared/zoho/errors';
import { splitScopes } from '../../../shared/zoho/scopes';
import { CoreError, asCoreError } from '../errors';
import type { CrmClient } from '../crm/crmClient';
import type { HostPolicy } from '../net/hostPolicy';
import type { NetSettings } from '../net/netSettings';
import { clientSecretFor } from '../oauth/clientSecrets';
import { LoopbackListener, PortBusyError } from '../oauth/loopbackListener';
import { mapTokenError } from '../oauth/oauthErrors';
import { PendingAuthorizations, type PendingAuthorization, type VerifierStore } from '../oauth/pendingAuthorizations';
import { THROTTLE_MS, type TokenManager } from '../oauth/tokenManager';
import {
  buildAuthorizeUrl,
  buildConfiguration,
  clientCredentials,
  createPkce,
  exchangeCode,
  exchangeSelfClientCode,
  randomState,
  revoke,
  type TokenSet,
} from '../oauth/zohoOAuth';
import { dataCentreLabel } from '../oauth/dataCentreLabel';
import type { LogPort, SystemPort } from '../ports';
import { redirectUriOf, type ProfileService } from '../profiles/profileService';
import type { ProfileStore } from '../profiles/profileStore';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';
import type { AuthLedger, ProfileAuthFacts } from './authLedger';
import { DeviceFlow } from './deviceFlow';

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
  ledger: AuthLedger;
  net: NetSettings;
}

export interface RedirectOutcome {
  /** False when the redirect itself was refused (the listener keeps waiting for the real one). */
  accepted: boolean;
  message: string;
  profileId?: string;
  /** Set when the redirect was refused or the connection failed. */
  error?: IpcError;
}

/** What a successful grant leaves behind, whichever way the user connected. */
export interface Completion {
  tokens: TokenSet;
  accountsServer: string;
  location?: string;
  via: ConnectVia;
  grant: NonNullable<ProfileAuthFacts['grant']>;
  soid?: string;
  /** The data centre the user picked (Self Client), when it differs from the profile's. */
  dataCentre?: DataCentreId;
}

/** Environments in the words of the profile form's badge. */
const ENVIRONMENT_WORDS: Record<Environment, string> = { production: 'production', sandbox: 'Sandbox', developer: 'Developer' };

/** A refresh token a reconnect replaced, kept sealed until Zoho confirms it is revoked. */
interface ReplacedToken {
  token: string;
  accountsServer: string;
}

/** What, in a profile edit, makes its connection another one (profileService drops it then). */
export type IdentityChanges = Partial<Pick<StoredProfile, 'clientId' | 'dataCentre' | 'environment' | 'service'>>;

/** Self Client codes: "1000." then Zoho's hex groups; anything else is a copy-paste slip. */
const GRANT_CODE = /^1000\.[A-Za-z0-9]{8,}\.[A-Za-z0-9]{8,}$/;

/**
 * Connects a profile to Zoho, one way per client type (§4.2): the browser with a redirect
 * back (URL scheme or loopback listener, or a pasted address), a Self Client's pasted code or
 * client_credentials, or the device flow. State and PKCE are checked, codes exchanged once at
 * an allowed accounts server, then "who am I" from the CRM.
 */
export class Connector {
  private readonly pending: PendingAuthorizations;
  private readonly listeners = new Map<string, LoopbackListener>();
  private readonly errors = new Map<string, IpcError>();
  /** Said while connected: the connection works, but something needs the user's eye (an old sign-in not revoked). */
  private readonly warnings = new Map<string, IpcError>();
  /** Token and revoke requests running per profile, so Cancel can stop them. */
  private readonly running = new Map<string, AbortController>();
  private readonly callbackTimers = new Map<string, NodeJS.Timeout>();
  private readonly devices: DeviceFlow;

  constructor(private readonly deps: ConnectorDeps) {
    this.pending = new PendingAuthorizations(deps.now, () => deps.net.callbackWaitMs, deps.ledger.pendingStore, this.verifierStore());
    this.devices = new DeviceFlow({
      ...deps,
      complete: (profileId, completion) => this.complete(profileId, completion),
      fail: (profileId, error) => this.fail(profileId, error),
      preflight: (profile, acknowledge) => this.preflight(profile, acknowledge),
    });
    this.resumeWaiting();
  }

  /**
   * Sign-ins reloaded after a restart (the app was quit while the browser showed the consent
   * page): their timers run again, and a Server-based one listens on its port again, so
   * Zoho's redirect still lands.
   */
  private resumeWaiting(): void {
    for (const pending of this.pending.waiting()) {
      this.armCallbackTimer(pending, pending.expiresAt - this.deps.now());
      const profile = this.deps.store.get(pending.profileId);
      if (pending.via === 'loopback' && profile) {
        this.startListener(profile, pending.redirectUri).catch((error: unknown) => {
          this.deps.log.warn('could not listen again for a pending sign-in', { code: (error as CoreError).code ?? String(error) });
        });
      }
    }
  }

  /** PKCE verifiers sealed in the vault (memory only when the vault is), one pending sign-in per profile. */
  private verifierStore(): VerifierStore {
    const vault = this.deps.vault;
    const read = (profileId: string): { state?: string; verifier?: string } => {
      try {
        return JSON.parse(vault.get(profileId, 'pkceVerifier') ?? '{}') as { state?: string; verifier?: string };
      } catch {
        return {};
      }
    };
    return {
      put: (profileId, state, verifier) => vault.set(profileId, 'pkceVerifier', JSON.stringify({ state, verifier })),
      get: (profileId, state) => {
        const entry = read(profileId);
        return entry.state === state ? entry.verifier : undefined;
      },
      drop: (profileId, state) => {
        if (read(profileId).state === state) vault.delete(profileId, 'pkceVerifier');
      },
    };
  }

  /** The consent page of a sign-in waiting for its redirect (it holds no secret), so the UI can offer it again after a reload. */
  pendingAuthorizeUrl(profileId: string): string | undefined {
    return this.pending.forProfile(profileId)?.authorizeUrl;
  }

  warning(profileId: string): IpcError | undefined {
    return this.warnings.get(profileId);
  }

  isConnecting(profileId: string): boolean {
    return this.pending.forProfile(profileId) !== undefined || this.devices.progress(profileId) !== undefined || this.running.has(profileId);
  }

  lastError(profileId: string): IpcError | undefined {
    return this.errors.get(profileId);
  }

  deviceProgress(profileId: string): DeviceProgress | undefined {
    return this.devices.progress(profileId);
  }

  /** A client_credentials connection renews itself with the client secret, no user needed. */
  renewsWithoutUser(profileId: string): boolean {
    return this.deps.ledger.facts(profileId).grant === 'client_credentials' && this.deps.vault.state(profileId, 'clientSecret') === 'present';
  }

  connectedVia(profileId: string): ConnectVia | undefined {
    return this.deps.ledger.facts(profileId).via;
  }

  /**
   * Checks that come before any browser or token request: the secret is there, Zoho is not
   * throttling this profile, and — unless the user already said yes — that this consent
   * won't make Zoho delete a refresh token (the 21st, §3.4).
   */
  private preflight(profile: StoredProfile, acknowledgeTokenLimit: boolean | undefined): void {
    const secretState = this.deps.vault.state(profile.id, 'clientSecret');
    if (secretState === 'undecryptable' || (profile.clientType !== 'mobile' && secretState !== 'present')) {
      throw CoreError.of('SECRET_MISSING');
    }
    if (profile.throttledUntil && profile.throttledUntil > this.deps.now()) {
      throw CoreError.of('OAUTH_THROTTLED', { retryAt: new Date(profile.throttledUntil).toLocaleTimeString() });
    }
    if (!acknowledgeTokenLimit) {
      const limit = this.deps.ledger.tokenLimitFor(profile.clientId, profile.id);
      if (limit) {
        throw CoreError.of('REFRESH_TOKEN_LIMIT', {
          count: limit.active,
          user: limit.userName ?? 'the same Zoho user',
          when: new Date(limit.oldestAt).toLocaleString(),
        });
      }
    }
  }

  async connect(profileId: string, options: { acknowledgeTokenLimit?: boolean } = {}): Promise<ConnectStarted> {
    const profile = this.deps.profiles.require(profileId);
    this.errors.delete(profileId);
    if (profile.clientType === 'self' || profile.clientType === 'device') {
      throw new CoreError(
        explain('INVALID_INPUT', {
          zohoMessage:
            profile.clientType === 'self'
              ? 'A Self Client connects with a code generated in the API console: paste it in the Connection panel.'
              : 'A Non-browser client connects with a device code: use "Get a device code" in the Connection panel.',
        }),
      );
    }
    this.preflight(profile, options.acknowledgeTokenLimit);
    const authorizeServer = this.deps.hosts.authorizeServerFor(profile.service, profile.dataCentre, profile.multiDc);
    const endpoints = this.deps.hosts.endpointsFor(profile.service, profile.dataCentre, profile.environment);
    const redirectUri = redirectUriOf(profile);
    if (!redirectUri) throw CoreError.of('INTERNAL');
    const config = buildConfiguration({
      clientId: profile.clientId,
      authorizeServer,
      accountsServer: endpoints.accountsServer,
      insecure: endpoints.insecure,
    });
    const pkce = await createPkce();
    const state = randomState();
    const via = profile.clientType === 'server' ? 'loopback' : 'scheme';
    const authorizeUrl = buildAuthorizeUrl(config, { redirectUri, scopes: profile.scopes, state, codeChallenge: pkce.challenge });
    if (!this.deps.hosts.isAllowedExternalUrl(authorizeUrl)) throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: new URL(authorizeUrl).host });

    this.cancelRunning(profileId);
    if (via === 'loopback') await this.startListener(profile, redirectUri);
    const pending = this.pending.add({ state, profileId, verifier: pkce.verifier, redirectUri, via, authorizeUrl, abort: new AbortController() });
    this.armCallbackTimer(pending);
    this.deps.ledger.recordAuthorization(profile.clientId, this.deps.now());
    this.deps.emit({ type: 'profiles-changed' });
    try {
      await this.deps.system.openExternal(authorizeUrl);
    } catch (error) {
      // The link is also shown in the UI, so the user can open it by hand.
      this.deps.log.warn('could not open the browser', { reason: String(error) });
    }
    return { authorizeUrl, redirectUri, via };
  }

  /**
   * Zoho's authorize page shows its own error screens ("Invalid Redirect Uri", "Invalid
   * Client", the limit page) and never redirects (§2.2): the only sign is that nothing comes
   * back. After the wait, say so, and what those screens mean.
   */
  private armCallbackTimer(pending: PendingAuthorization, waitMs = this.deps.net.callbackWaitMs): void {
    const timer = setTimeout(() => {
      this.callbackTimers.delete(pending.state);
      if (this.pending.forProfile(pending.profileId)?.state !== pending.state) return;
      this.pending.cancel(pending.state);
      const profile = this.deps.store.get(pending.profileId);
      const error = explain('CALLBACK_TIMEOUT', profile ? { dataCentre: dataCentreLabel(profile) } : {});
      void this.finishWithError(pending, error);
    }, Math.max(0, waitMs));
    timer.unref();
    this.callbackTimers.set(pending.state, timer);
  }

  private clearCallbackTimer(state: string): void {
    const timer = this.callbackTimers.get(state);
    if (timer) clearTimeout(timer);
    this.callbackTimers.delete(state);
  }

  private async startListener(profile: StoredProfile, redirectUri: string): Promise<void> {
    await this.listeners.get(profile.id)?.close();
    const url = new URL(redirectUri);
    try {
      const listener = await LoopbackListener.start({
        port: Number(url.port),
        path: url.pathname,
        onRedirect: (received) => this.handleRedirect(received.toString()),
        timeoutMs: this.deps.net.callbackWaitMs,
        onTimeout: () => this.listeners.delete(profile.id),
      });
      this.listeners.set(profile.id, listener);
    } catch (error) {
      // Never another port: Zoho accepts only the exact registered redirect URI (§4.2).
      if (error instanceof PortBusyError) throw CoreError.of('LOOPBACK_PORT_BUSY', this.portOwner(profile.id, error.port));
      throw error;
    }
  }

  /** Who holds a busy port, when it is this app: another profile's sign-in, or the page in browser mode. */
  private portOwner(profileId: string, port: number): { port: number; portOwner?: 'app' | 'profile'; profileName?: string } {
    for (const [otherId, listener] of this.listeners) {
      if (otherId !== profileId && listener.port === port) {
        const other = this.deps.store.get(otherId);
        return { port, portOwner: 'profile', ...(other ? { profileName: other.name } : {}) };
      }
    }
    if (this.deps.net.appPorts.has(port)) return { port, portOwner: 'app' };
    return { port };
  }

  cancel(profileId: string): void {
    const pending = this.pending.forProfile(profileId);
    if (pending) {
      this.pending.cancel(pending.state);
      this.clearCallbackTimer(pending.state);
    }
    this.devices.cancel(profileId);
    this.cancelRunning(profileId);
    void this.listeners.get(profileId)?.close();
    this.listeners.delete(profileId);
    this.deps.emit({ type: 'profiles-changed' });
  }

  private cancelRunning(profileId: string): void {
    this.running.get(profileId)?.abort();
    this.running.delete(profileId);
  }

  /** Runs a token or revoke request for a profile so that Cancel (or a newer attempt) stops it. */
  private async withAbort<T>(profileId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.cancelRunning(profileId);
    const controller = new AbortController();
    this.running.set(profileId, controller);
    this.deps.emit({ type: 'profiles-changed' });
    try {
      return await work(controller.signal);
    } finally {
      if (this.running.get(profileId) === controller) this.running.delete(profileId);
    }
  }

  /**
   * Every redirect comes here: deep links from the OS, the loopback listener, a pasted
   * address. Nothing touches the network until the state is known and the accounts server
   * allowed. A redirect that arrives twice is exchanged once; the second is refused with a
   * message (the state is single-use).
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
    if (!taken.ok) {
      if (taken.reason !== 'expired') return refuse(explain('REDIRECT_UNKNOWN_STATE'));
      // Also kept on the profile, so it shows even if no window was listening (cold start).
      const error = explain('REDIRECT_EXPIRED');
      this.errors.set(taken.profileId, error);
      this.deps.emit({ type: 'profiles-changed' });
      return { ...refuse(error), profileId: taken.profileId };
    }
    const pending = taken.pending;
    this.clearCallbackTimer(state);
    // Loopback redirects arrive on 127.0.0.1 or ::1; compare on the registered form.
    const base = `${url.protocol}//${isLoopback ? `localhost:${url.port}` : url.host}${url.pathname}`;
    if (base !== pending.redirectUri) return this.finishWithError(pending, explain('REDIRECT_MALFORMED'), refuse);

    const profile = this.deps.store.get(pending.profileId);
    if (!profile) return refuse(explain('PROFILE_NOT_FOUND'));

    const zohoError = url.searchParams.get('error');
    if (zohoError) {
      const description = url.searchParams.get('error_description') ?? undefined;
      const details = JSON.stringify(Object.fromEntries(url.searchParams.entries()), (k, v) => (k === 'state' ? undefined : v));
      if (zohoError === 'access_denied') {
        // Zoho says access_denied both for "Deny" and for its grant-code throttle (10 per
        // 10 minutes per client, §2.2). The app counts its own sign-ins to tell them apart,
        // never Zoho's words (they are localised).
        const throttled = this.deps.ledger.recentAuthorizations(profile.clientId, this.deps.now()) > 10;
        if (throttled) {
          this.markThrottled(profile.id);
          return this.finishWithError(pending, explain('OAUTH_ACCESS_DENIED', { zohoMessage: description }, details));
        }
        return this.finishWithError(pending, explain('CONSENT_DENIED', {}, details));
      }
      return this.finishWithError(pending, mapTokenError({ body: { error: zohoError, error_description: description } }, { dataCentre: dataCentreLabel(profile) }));
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
      clientSecret: clientSecretFor(this.deps, profile, accountsServer),
      authorizeServer: endpoints.authorizeServer,
      accountsServer,
      insecure: endpoints.insecure,
      signal: pending.abort.signal,
      timeoutMs: this.deps.net.timeoutMs,
    });
    const dc = this.deps.hosts.dataCentreOfAccountsServer(accountsServer, profile.service);
    let tokens;
    try {
      tokens = await exchangeCode(config, callbackUrl, { verifier: pending.verifier, state }, this.deps.now());
    } catch (error) {
      const mapped = mapTokenError(error, { dataCentre: dataCentreLabel(profile, dc), host: new URL(accountsServer).host });
      if (mapped.code === 'OAUTH_THROTTLED') this.markThrottled(profile.id);
      return this.finishWithError(pending, mapped);
    }
    const location = url.searchParams.get('location') ?? undefined;
    try {
      await this.complete(profile.id, { tokens, accountsServer, ...(location ? { location } : {}), via: pending.via, grant: 'authorization_code' });
    } catch (error) {
      return this.finishWithError(pending, asCoreError(error, (e) => mapTokenError(e)).appError);
    }
    await this.closeListener(profile.id);
    return { accepted: true, message: 'Connected.', profileId: profile.id };
  }

  /**
   * Self Client: the code the user generated in the API console ("Generate Code", §4.3),
   * exchanged at once at the accounts server of the data centre they picked (codes live
   * about a minute, up to the expiry chosen in the console). No redirect_uri (§3.1).
   */
  async pasteCode(input: { profileId: string; code: string; dataCentre?: DataCentreId; acknowledgeTokenLimit?: boolean }) {
    const profile = this.requireType(input.profileId, 'self');
    const code = input.code.trim();
    if (!GRANT_CODE.test(code)) {
      throw new CoreError({ ...explain('SELF_CLIENT_CODE_MALFORMED'), fields: { code: explain('SELF_CLIENT_CODE_MALFORMED').message } });
    }
    this.errors.delete(profile.id);
    this.preflight(profile, input.acknowledgeTokenLimit);
    const dc = input.dataCentre ?? profile.dataCentre;
    const accountsServer = this.deps.hosts.endpointsFor(profile.service, dc, profile.environment).accountsServer;
    return this.selfClientGrant(profile, dc, accountsServer, 'authorization_code', (config, now) => exchangeSelfClientCode(config, code, now));
  }

  /** Self Client without a code: client_credentials with `soid` for users in several orgs (§3.1). */
  async clientCredentials(input: { profileId: string; dataCentre?: DataCentreId; soid?: string }) {
    const profile = this.requireType(input.profileId, 'self');
    this.errors.delete(profile.id);
    this.preflight(profile, true);
    const dc = input.dataCentre ?? profile.dataCentre;
    const accountsServer = this.deps.hosts.endpointsFor(profile.service, dc, profile.environment).accountsServer;
    const soid = input.soid ? (/^zohocrm\./i.test(input.soid) ? `ZohoCRM.${input.soid.slice(8)}` : `ZohoCRM.${input.soid}`) : undefined;
    return this.selfClientGrant(profile, dc, accountsServer, 'client_credentials', (config, now) => clientCredentials(config, { scopes: profile.scopes, ...(soid ? { soid } : {}) }, now), soid);
  }

  private async selfClientGrant(
    profile: StoredProfile,
    dc: DataCentreId,
    accountsServer: string,
    grant: 'authorization_code' | 'client_credentials',
    request: (config: ReturnType<typeof buildConfiguration>, now: number) => Promise<TokenSet>,
    soid?: string,
  ) {
    const endpoints = this.deps.hosts.endpointsFor(profile.service, dc, profile.environment);
    try {
      await this.withAbort(profile.id, async (signal) => {
        const config = buildConfiguration({
          clientId: profile.clientId,
          clientSecret: clientSecretFor(this.deps, profile, accountsServer),
          authorizeServer: accountsServer,
          accountsServer,
          insecure: endpoints.insecure,
          signal,
          timeoutMs: this.deps.net.timeoutMs,
        });
        let tokens: TokenSet;
        try {
          tokens = await request(config, this.deps.now());
        } catch (error) {
          const mapped = mapTokenError(error, { dataCentre: dataCentreLabel(profile, dc), host: new URL(accountsServer).host });
          if (mapped.code === 'OAUTH_THROTTLED') this.markThrottled(profile.id);
          throw new CoreError(mapped);
        }
        await this.complete(profile.id, { tokens, accountsServer, location: DATA_CENTRES[dc].location, via: 'self', grant, ...(soid ? { soid } : {}), dataCentre: dc });
      });
    } catch (error) {
      const coreError = asCoreError(error, (e) => mapTokenError(e));
      this.deps.emit({ type: 'profiles-changed' });
      this.deps.log.warn('self client connect failed', { profileId: profile.id, code: coreError.code });
      throw coreError;
    }
    return this.deps.profiles.view(this.deps.profiles.require(profile.id));
  }

  /** Non-browser client: device code, then polling in the background (see DeviceFlow). */
  async startDevice(profileId: string, options: { acknowledgeTokenLimit?: boolean } = {}): Promise<DeviceProgress> {
    const profile = this.requireType(profileId, 'device');
    this.errors.delete(profileId);
    this.cancelRunning(profileId);
    return this.devices.start(profile, options.acknowledgeTokenLimit);
  }

  private requireType(profileId: string, type: StoredProfile['clientType']): StoredProfile {
    const profile = this.deps.profiles.require(profileId);
    if (profile.clientType !== type) {
      throw new CoreError(
        explain('INVALID_INPUT', {
          zohoMessage: type === 'self' ? 'Only a Self Client profile connects with a pasted code.' : 'Only a Non-browser client profile connects with a device code.',
        }),
      );
    }
    return profile;
  }

  private markThrottled(profileId: string): void {
    const profile = this.deps.store.get(profileId);
    if (profile) this.deps.store.put({ ...profile, throttledUntil: this.deps.now() + THROTTLE_MS });
  }

  /**
   * The end of every successful grant: API domain checked, tokens kept (refresh token in the
   * vault), the connection stored with the accounts server and API domain, "who am I", and
   * the refresh token counted against Zoho's 20 per client and user.
   */
  async complete(profileId: string, c: Completion): Promise<void> {
    const before = this.deps.profiles.require(profileId);
    const profile = c.dataCentre && c.dataCentre !== before.dataCentre ? { ...before, dataCentre: c.dataCentre } : before;
    // Zoho names the API host (api_domain). Should it ever be missing, the host follows from the
    // accounts server that issued the token (the user's DC), not from the profile's DC.
    const issuerDc = this.deps.hosts.dataCentreOfAccountsServer(c.accountsServer, profile.service) ?? profile.dataCentre;
    const apiDomain = c.tokens.apiDomain ?? this.deps.hosts.endpointsFor(profile.service, issuerDc, profile.environment).apiDomain;
    if (!this.deps.hosts.isAllowedApiDomain(apiDomain, profile.service)) {
      await this.revokeMinted(profile, c);
      throw CoreError.of('CRM_INVALID_HOST', { host: apiDomain });
    }
    // Zoho binds the token to the org picked on the consent page (§2.2): a Sandbox profile
    // connected to the production org would show "Sandbox" and read production records.
    const mismatch = this.placeMismatch(profile, apiDomain);
    if (mismatch) {
      await this.revokeMinted(profile, c);
      this.deps.log.warn('connection refused: wrong org for the profile', { profileId: profile.id, code: mismatch.code });
      throw new CoreError(mismatch);
    }
    // The sign-in this one replaces (Reconnect): revoked once the new one works (§3.4).
    const replacedToken = this.deps.vault.get(profile.id, 'refreshToken');
    const replaced = replacedToken && before.connection ? { token: replacedToken, accountsServer: before.connection.accountsServer } : undefined;
    this.deps.tokens.forget(profile.id);
    this.deps.tokens.accept(profile.id, c.tokens, apiDomain);
    const granted = c.tokens.scope ? splitScopes(c.tokens.scope) : profile.scopes;
    this.deps.store.put({
      ...profile,
      throttledUntil: undefined,
      connection: {
        accountsServer: c.accountsServer,
        apiDomain,
        ...(c.location ? { location: c.location } : {}),
        grantedScopes: granted,
        connectedAt: this.deps.now(),
      },
    });
    const who = await this.learnWhoAmI(profile.id);
    this.deps.ledger.setFacts(profile.id, {
      via: c.via,
      grant: c.grant,
      ...(c.soid ? { soid: c.soid } : {}),
      ...(who.userId ? { lastUserId: who.userId } : {}),
      ...(who.userName ? { lastUserName: who.userName } : {}),
    });
    if (c.tokens.refreshToken && who.userId) {
      this.deps.ledger.recordRefreshToken(profile.clientId, who.userId, c.tokens.refreshToken, profile.id, this.deps.now());
    }
    if (!c.tokens.refreshToken && c.grant !== 'client_credentials') this.errors.set(profile.id, explain('OAUTH_NO_REFRESH_TOKEN'));
    else this.errors.delete(profile.id);
    this.warnings.delete(profile.id);
    if (replaced && replaced.token !== c.tokens.refreshToken) this.keepReplaced(profile.id, replaced);
    const notRevoked = await this.revokeReplaced(profile.id);
    if (notRevoked) this.warnings.set(profile.id, explain('OLD_SIGN_IN_NOT_REVOKED', { zohoMessage: notRevoked.message }, notRevoked.details));
    const view = this.deps.profiles.view(this.deps.profiles.require(profile.id));
    this.deps.emit({ type: 'auth-finished', profileId: profile.id, ok: true, profile: view });
    this.deps.emit({ type: 'profiles-changed' });
    this.deps.log.info('connected', { profileId: profile.id, via: c.via });
  }

  /** A connect attempt failed after it started (device flow, callback timeout…). */
  fail(profileId: string, error: IpcError): void {
    this.errors.set(profileId, error);
    this.deps.emit({ type: 'auth-finished', profileId, ok: false, error });
    this.deps.emit({ type: 'profiles-changed' });
    this.deps.log.warn('connect failed', { profileId, code: error.code });
  }

  private async finishWithError(
    pending: PendingAuthorization,
    error: IpcError,
    respond?: (error: IpcError) => RedirectOutcome,
  ): Promise<RedirectOutcome> {
    await this.closeListener(pending.profileId);
    this.fail(pending.profileId, error);
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
  private async learnWhoAmI(profileId: string): Promise<{ userId?: string; userName?: string }> {
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
    return who;
  }

  /** Environment (and, for a single-DC profile, data centre) of the token's API domain vs the profile's. */
  private placeMismatch(profile: StoredProfile, apiDomain: string): IpcError | undefined {
    const place = this.deps.hosts.placeOfApiDomain(apiDomain, profile.service);
    if (!place) return undefined;
    if (place.environment !== profile.environment) {
      return explain('OAUTH_ENVIRONMENT_MISMATCH', { picked: ENVIRONMENT_WORDS[place.environment], expected: ENVIRONMENT_WORDS[profile.environment] });
    }
    if (!profile.multiDc && place.dataCentre !== profile.dataCentre) {
      return explain('OAUTH_DATA_CENTRE_MISMATCH', { picked: DATA_CENTRES[place.dataCentre].label, expected: DATA_CENTRES[profile.dataCentre].label });
    }
    return undefined;
  }

  /** Revokes one token at an (allowed) accounts server; throws the mapped error unless Zoho says it is gone already (HTTP 400). */
  private async revokeAt(profile: StoredProfile, accountsServer: string, token: string, signal: AbortSignal): Promise<void> {
    if (!this.deps.hosts.isAllowedAccountsServer(accountsServer, profile.service)) {
      throw CoreError.of('ACCOUNTS_SERVER_NOT_ALLOWED', { host: accountsServer });
    }
    try {
      await revoke(
        buildConfiguration({
          clientId: profile.clientId,
          clientSecret: clientSecretFor(this.deps, profile, accountsServer),
          authorizeServer: accountsServer,
          accountsServer,
          insecure: profile.service === 'demo',
          signal,
          timeoutMs: this.deps.net.timeoutMs,
        }),
        token,
      );
    } catch (error) {
      const dc = this.deps.hosts.dataCentreOfAccountsServer(accountsServer, profile.service);
      const mapped = mapTokenError(error, { dataCentre: dataCentreLabel(profile, dc), host: new URL(accountsServer).host });
      // 400 = Zoho no longer knows the token: it is revoked already.
      const alreadyGone = (error as { cause?: { status?: number } }).cause?.status === 400 || mapped.code === 'OAUTH_INVALID_CODE';
      if (!alreadyGone) throw new CoreError(mapped);
    }
    this.deps.ledger.removeRefreshToken(token);
  }

  /** A refused connection keeps nothing: the token just minted is revoked (best-effort) and forgotten. */
  private async revokeMinted(profile: StoredProfile, c: Completion): Promise<void> {
    const token = c.tokens.refreshToken ?? c.tokens.accessToken;
    try {
      await this.revokeAt(profile, c.accountsServer, token, AbortSignal.timeout(this.deps.net.timeoutMs));
    } catch (error) {
      this.deps.log.warn('could not revoke the refused sign-in', { profileId: profile.id, code: (error as CoreError).code ?? 'unknown' });
    }
  }

  private readReplaced(profileId: string): ReplacedToken[] {
    try {
      const list = JSON.parse(this.deps.vault.get(profileId, 'replacedRefreshTokens') ?? '[]') as unknown;
      return Array.isArray(list) ? (list as ReplacedToken[]).filter((e) => typeof e?.token === 'string' && typeof e.accountsServer === 'string') : [];
    } catch {
      return [];
    }
  }

  private writeReplaced(profileId: string, list: ReplacedToken[]): void {
    if (list.length) this.deps.vault.set(profileId, 'replacedRefreshTokens', JSON.stringify(list));
    else this.deps.vault.delete(profileId, 'replacedRefreshTokens');
  }

  private keepReplaced(profileId: string, entry: ReplacedToken): void {
    this.writeReplaced(profileId, [...this.readReplaced(profileId).filter((e) => e.token !== entry.token), entry]);
  }

  /**
   * Revokes the refresh tokens this profile's reconnects replaced. Each one still counts
   * toward Zoho's 20 per user and client (the 21st deletes the oldest, maybe a live
   * integration's), and it still works. Best-effort: the ones Zoho could not be asked about
   * stay sealed in the vault for the next try; returns the first failure.
   */
  private async revokeReplaced(profileId: string): Promise<IpcError | undefined> {
    const profile = this.deps.store.get(profileId);
    const list = this.readReplaced(profileId);
    if (!profile || !list.length) return undefined;
    const left: ReplacedToken[] = [];
    let failure: IpcError | undefined;
    for (const entry of list) {
      try {
        await this.revokeAt(profile, entry.accountsServer, entry.token, AbortSignal.timeout(this.deps.net.timeoutMs));
      } catch (error) {
        const appError = asCoreError(error, (e) => mapTokenError(e)).appError;
        failure ??= appError;
        left.push(entry);
        this.deps.log.warn('could not revoke a replaced sign-in', { profileId, code: appError.code });
      }
    }
    this.writeReplaced(profileId, left);
    return failure;
  }

  /**
   * Called by the profiles handler before an edit is saved. A different client id, data
   * centre, environment or service makes the connection another one, and the profile service
   * then drops it: revoke it at Zoho first, so the old sign-in does not live on unseen. If Zoho
   * can't be asked, the edit is refused (nothing saved) with what to do.
   */
  async beforeIdentityChange(profileId: string, changes: IdentityChanges): Promise<void> {
    const profile = this.deps.store.get(profileId);
    if (!profile?.connection) return;
    const differs =
      (changes.clientId !== undefined && changes.clientId.trim() !== profile.clientId) ||
      (changes.dataCentre !== undefined && changes.dataCentre !== profile.dataCentre) ||
      (changes.environment !== undefined && changes.environment !== profile.environment) ||
      (changes.service !== undefined && changes.service !== profile.service);
    if (!differs) return;
    this.cancel(profileId);
    try {
      await this.disconnect(profileId, true);
    } catch (error) {
      const appError = asCoreError(error, (e) => mapTokenError(e)).appError;
      throw new CoreError({
        ...appError,
        hint: `${appError.hint ? `${appError.hint} ` : ''}Your changes were not saved, and the profile is still connected: a different client, data centre or environment ends this connection, so the app first asks Zoho to cancel it. Try again, or use "Forget locally" first.`.replace(
          / ?The connection was kept; try again, or use "Forget locally"\./,
          '',
        ),
      });
    }
  }

  /**
   * Disconnect: revoke the refresh token at Zoho (unless `revoke` is false: "forget locally"),
   * then forget the tokens here. A revoke that fails on the way (network, timeout, Zoho
   * down) keeps the connection, so the user can retry or choose to forget locally.
   */
  async disconnect(profileId: string, revokeAtZoho: boolean): Promise<void> {
    const profile = this.deps.profiles.require(profileId);
    const refreshToken = this.deps.vault.get(profileId, 'refreshToken');
    const kept = (mapped: IpcError): CoreError => {
      this.deps.emit({ type: 'profiles-changed' });
      if (mapped.code === 'ACCOUNTS_SERVER_NOT_ALLOWED') return new CoreError(mapped);
      return new CoreError({ ...mapped, hint: `${mapped.hint ?? ''} The connection was kept; try again, or use "Forget locally".`.trim() });
    };
    if (revokeAtZoho) {
      // Older sign-ins of this profile whose revoke failed at a reconnect first: "revoked" means all of them.
      const notRevoked = await this.revokeReplaced(profileId);
      if (notRevoked) throw kept(notRevoked);
    }
    if (revokeAtZoho && refreshToken && profile.connection) {
      const accountsServer = profile.connection.accountsServer;
      try {
        await this.withAbort(profileId, (signal) => this.revokeAt(profile, accountsServer, refreshToken, signal));
      } catch (error) {
        throw kept(asCoreError(error, (e) => mapTokenError(e)).appError);
      }
    }
    this.deps.tokens.forget(profileId);
    this.errors.delete(profileId);
    this.warnings.delete(profileId);
    this.deps.store.put({ ...this.deps.profiles.require(profileId), connection: undefined });
    this.deps.emit({ type: 'profiles-changed' });
  }

  async close(): Promise<void> {
    for (const state of [...this.callbackTimers.keys()]) this.clearCallbackTimer(state);
    // Pending sign-ins stay on disk: the redirect may start the app again (cold start).
    this.pending.abortAll();
    this.devices.cancelAll();
    for (const id of [...this.running.keys()]) this.cancelRunning(id);
    await Promise.all([...this.listeners.keys()].map((id) => this.closeListener(id)));
  }
}
