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
}

export function buildConfiguration(request: ConfigurationRequest): oidc.Configuration {
  const server: oidc.ServerMetadata = {
    issuer: request.accountsServer,
    authorization_endpoint: `${request.authorizeServer}/oauth/v2/auth`,
    token_endpoint: `${request.accountsServer}/oauth/v2/token`,
    revocation_endpoint: `${request.accountsServer}/oauth/v2/token/revoke`,
  };
  // Zoho takes client_id and client_secret in the form body (client_secret_post).
  const auth = request.clientSecret ? oidc.ClientSecretPost(request.clientSecret) : oidc.None();
  const config = new oidc.Configuration(server, request.clientId, undefined, auth);
  config.timeout = ZOHO_LIMITS.networkTimeoutMs / 1000;
  const userSignal = request.signal;
  if (userSignal) {
    config[oidc.customFetch] = (url, options) =>
      fetch(url, {
        ...(options as RequestInit),
        signal: options.signal ? AbortSignal.any([options.signal, userSignal]) : userSignal,
      });
  }
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
