import * as oidc from 'openid-client';
import { joinScopes } from '../../../shared/zoho/scopes';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

/**
 * Zoho OAuth through openid-client. One Configuration per accounts server, because a
 * Configuration keeps the token endpoint it was built with and ignores the callback's
 * `accounts-server` (DESIGN.md): the caller picks the server after checking it.
 */
export interface ClientCredentials {
  clientId: string;
  clientSecret?: string;
}

export interface ConfigurationRequest extends ClientCredentials {
  /** Where /oauth/v2/auth lives. */
  authorizeServer: string;
  /** Where /oauth/v2/token and /oauth/v2/token/revoke live. */
  accountsServer: string;
  /** http allowed (the Demo org on 127.0.0.1 only). */
  insecure: boolean;
  /** Cancels in-flight requests (the user pressed Cancel, or the app is closing). */
  signal?: AbortSignal;
  /** Gives up after this long (default ZOHO_LIMITS.networkTimeoutMs). */
  timeoutMs?: number;
  /**
   * The token endpoint's path. Zoho's device flow polls `/oauth/v3/device/token` with its own
   * `grant_type=device_token` (§4.4), so that flow gets a Configuration of its own.
   */
  tokenPath?: string;
}

export function buildConfiguration(request: ConfigurationRequest): oidc.Configuration {
  const server: oidc.ServerMetadata = {
    issuer: request.accountsServer,
    authorization_endpoint: `${request.authorizeServer}/oauth/v2/auth`,
    token_endpoint: `${request.accountsServer}${request.tokenPath ?? '/oauth/v2/token'}`,
    revocation_endpoint: `${request.accountsServer}/oauth/v2/token/revoke`,
    device_authorization_endpoint: `${request.accountsServer}/oauth/v3/device/code`,
  };
  // Zoho takes client_id and client_secret in the form body (client_secret_post).
  const auth = request.clientSecret ? oidc.ClientSecretPost(request.clientSecret) : oidc.None();
  const config = new oidc.Configuration(server, request.clientId, undefined, auth);
  config.timeout = (request.timeoutMs ?? ZOHO_LIMITS.networkTimeoutMs) / 1000;
  const userSignal = request.signal;
  config[oidc.customFetch] = async (url, options) => {
    const signals = [options.signal, userSignal].filter((s): s is AbortSignal => Boolean(s));
    const response = await fetch(url, { ...(options as RequestInit), signal: signals.length ? AbortSignal.any(signals) : null });
    return url.endsWith('/oauth/v3/device/code') ? zohoDeviceAnswerAsRfc8628(response) : response;
  };
  if (request.insecure) oidc.allowInsecureRequests(config);
  return config;
}

export interface PkcePair {
  verifier: string;
  challenge: string;
}

export async function createPkce(): Promise<PkcePair> {
  const verifier = oidc.randomPKCECodeVerifier();
  return { verifier, challenge: await oidc.calculatePKCECodeChallenge(verifier) };
}

export function randomState(): string {
  return oidc.randomState();
}

export function buildAuthorizeUrl(
  config: oidc.Configuration,
  options: { redirectUri: string; scopes: readonly string[]; state: string; codeChallenge: string },
): string {
  return oidc
    .buildAuthorizationUrl(config, {
      response_type: 'code',
      redirect_uri: options.redirectUri,
      scope: joinScopes(options.scopes), // Zoho: comma-separated (§2.1)
      access_type: 'offline', // a refresh token (§2.1)
      prompt: 'consent', // a refresh token on every consent, not only the first (§3.2)
      state: options.state,
      code_challenge: options.codeChallenge,
      code_challenge_method: 'S256',
    })
    .toString();
}

/** What the app keeps from a token response. */
export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  apiDomain?: string;
  /** ms since epoch */
  expiresAt: number;
  scope?: string;
}

/**
 * Expiry per §3.2: `expires_in_sec` when present, else `expires_in` in seconds; a value
 * above a day is the legacy millisecond form.
 */
export function expiresInSeconds(body: Record<string, unknown>): number {
  const sec = Number(body.expires_in_sec);
  if (Number.isFinite(sec) && sec > 0) return sec;
  const raw = Number(body.expires_in);
  if (!Number.isFinite(raw) || raw <= 0) return ZOHO_LIMITS.accessTokenSeconds;
  return raw > ZOHO_LIMITS.expiresInSanitySeconds ? Math.round(raw / 1000) : raw;
}

function toTokenSet(body: oidc.TokenEndpointResponse, now: number): TokenSet {
  const raw = body as unknown as Record<string, unknown>;
  const set: TokenSet = {
    accessToken: body.access_token,
    expiresAt: now + expiresInSeconds(raw) * 1000,
  };
  if (body.refresh_token) set.refreshToken = body.refresh_token;
  if (typeof raw.api_domain === 'string') set.apiDomain = raw.api_domain;
  if (typeof body.scope === 'string') set.scope = body.scope;
  return set;
}

export async function exchangeCode(
  config: oidc.Configuration,
  callbackUrl: URL,
  checks: { verifier: string; state: string },
  now: number,
): Promise<TokenSet> {
  const response = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: checks.verifier,
    expectedState: checks.state,
  });
  return toTokenSet(response, now);
}

/** Self Client: a code generated in the API console, exchanged without redirect_uri (§4.3). */
export async function exchangeSelfClientCode(config: oidc.Configuration, code: string, now: number): Promise<TokenSet> {
  const response = await oidc.genericGrantRequest(config, 'authorization_code', { code });
  return toTokenSet(response, now);
}

export async function refresh(config: oidc.Configuration, refreshToken: string, now: number): Promise<TokenSet> {
  const response = await oidc.refreshTokenGrant(config, refreshToken);
  return toTokenSet(response, now);
}

export async function revoke(config: oidc.Configuration, refreshToken: string): Promise<void> {
  await oidc.tokenRevocation(config, refreshToken);
}

/** Self Client, no code: `client_credentials` with `soid` = "ZohoCRM.<org id>" (§3.1). No refresh token comes back. */
export async function clientCredentials(config: oidc.Configuration, options: { scopes: readonly string[]; soid?: string }, now: number): Promise<TokenSet> {
  const parameters: Record<string, string> = { scope: joinScopes(options.scopes) };
  if (options.soid) parameters.soid = options.soid;
  const response = await oidc.genericGrantRequest(config, 'client_credentials', parameters);
  return toTokenSet(response, now);
}

/**
 * Zoho answers the device-code request with `verification_url` where RFC 8628 (and so
 * openid-client's response check) says `verification_uri`. The answer is otherwise the
 * standard one, so it is renamed here and the request itself still goes through
 * openid-client's `initiateDeviceAuthorization`.
 */
async function zohoDeviceAnswerAsRfc8628(response: Response): Promise<Response> {
  if (!response.ok) return response;
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  }
  if (body && typeof body === 'object' && 'verification_url' in body && !('verification_uri' in body)) {
    body = { ...body, verification_uri: (body as { verification_url: unknown }).verification_url };
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(body), { status: response.status, statusText: response.statusText, headers });
}

export interface DeviceAuthorization {
  deviceCode: string;
  userCode: string;
  verificationUrl: string;
  /** Seconds (sanity-checked: Zoho's older docs give milliseconds, §4.4). */
  expiresIn: number;
  interval: number;
}

/** A seconds value that might be milliseconds (older Zoho docs, §4.4): above an hour it is taken as ms. */
function seconds(value: unknown, fallback: number): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return fallback;
  return n > 3600 ? Math.round(n / 1000) : n;
}

/** Device flow, step 1: POST /oauth/v3/device/code with Zoho's `grant_type=device_request` (§4.4). */
export async function initiateDevice(config: oidc.Configuration, options: { scopes: readonly string[] }): Promise<DeviceAuthorization> {
  const response = await oidc.initiateDeviceAuthorization(config, {
    grant_type: 'device_request',
    scope: joinScopes(options.scopes),
    access_type: 'offline',
    prompt: 'consent',
  });
  return {
    deviceCode: response.device_code,
    userCode: response.user_code,
    verificationUrl: response.verification_uri,
    expiresIn: seconds(response.expires_in, 300),
    interval: seconds(response.interval, 30),
  };
}

/**
 * Device flow, step 2: one poll. Zoho polls with `grant_type=device_token&code=<device_code>`
 * at /oauth/v3/device/token (§4.4), not RFC 8628's grant, so openid-client's own poll loop
 * (which sends the standard grant) cannot be used: one `genericGrantRequest` per poll, at a
 * Configuration whose token endpoint is the device one. Pending/slow_down/other_dc come back
 * as errors carrying Zoho's body; the caller's loop reads them.
 */
export async function pollDevice(config: oidc.Configuration, deviceCode: string, now: number): Promise<TokenSet> {
  const response = await oidc.genericGrantRequest(config, 'device_token', { code: deviceCode });
  return toTokenSet(response, now);
}
