/**
 * Minting tokens under Zoho's limits (reference §3.4, [A-LIMITS], [CRM-TV8]):
 * - 10 access tokens per refresh token per 10 minutes (then "Access Denied"),
 * - 15 active access tokens per refresh token (the 16th invalidates the oldest),
 * - 20 refresh tokens per user per client (the 21st deletes the oldest and its access tokens).
 */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import { apiOrigin, type DemoContext } from '../context';
import { newGrantCode, newTokenValue } from '../ids';
import type { AccessTokenRecord, Grant, GrantCodeRecord, RefreshTokenRecord } from '../state/types';

export const TEN_MINUTES = 10 * 60_000;

/**
 * At most 10 grant codes per client per 10 minutes (§2.2, [CRM-TV8]), whether from the consent
 * page or the Self Client console. Takes a slot and returns true, or returns false when full.
 */
export function takeGrantCodeSlot(ctx: DemoContext, clientId: string): boolean {
  const now = ctx.clock.now();
  const issued = (ctx.store.codeIssueTimes.get(clientId) ?? []).filter((t) => t > now - TEN_MINUTES);
  const free = issued.length < ZOHO_LIMITS.grantCodesPerClientPer10Min;
  if (free) issued.push(now);
  ctx.store.codeIssueTimes.set(clientId, issued);
  return free;
}

/** Stores a new single-use grant code and returns it. */
export function issueGrantCode(ctx: DemoContext, record: Omit<GrantCodeRecord, 'code' | 'used'>): string {
  const code = newGrantCode();
  ctx.store.codes.set(code, { ...record, code, used: false });
  return code;
}

export function issueRefreshToken(ctx: DemoContext, grant: Grant): RefreshTokenRecord {
  const now = ctx.clock.now();
  const mine = [...ctx.store.refreshTokens.values()]
    .filter((r) => r.client_id === grant.client_id && r.user_key === grant.user_key)
    .sort((a, b) => a.created_at - b.created_at);
  // The 21st silently deletes the oldest (§3.4).
  while (mine.length >= ZOHO_LIMITS.refreshTokensPerUserPerClient) revokeRefreshToken(ctx, mine.shift()!.token);
  const record: RefreshTokenRecord = { ...grantOf(grant), token: newTokenValue(), created_at: now, mint_times: [] };
  ctx.store.refreshTokens.set(record.token, record);
  return record;
}

/** False when this refresh token already minted 10 access tokens in the last 10 minutes. */
export function mayMint(ctx: DemoContext, refresh: RefreshTokenRecord): boolean {
  const now = ctx.clock.now();
  refresh.mint_times = refresh.mint_times.filter((t) => t > now - TEN_MINUTES);
  return refresh.mint_times.length < ZOHO_LIMITS.accessTokensPerRefreshTokenPer10Min;
}

export function mintAccessToken(ctx: DemoContext, grant: Grant, refresh?: RefreshTokenRecord): AccessTokenRecord {
  const now = ctx.clock.now();
  if (refresh) {
    refresh.mint_times.push(now);
    const active = [...ctx.store.accessTokens.values()]
      .filter((a) => a.refresh_token === refresh.token && !a.invalidated && a.expires_at > now)
      .sort((a, b) => a.issued_at - b.issued_at);
    // The 16th invalidates the oldest; using it then gives INVALID_OAUTHTOKEN (§3.4).
    while (active.length >= ZOHO_LIMITS.activeAccessTokensPerRefreshToken) active.shift()!.invalidated = 'evicted';
  }
  const record: AccessTokenRecord = {
    ...grantOf(grant),
    token: newTokenValue(),
    ...(refresh ? { refresh_token: refresh.token } : {}),
    issued_at: now,
    expires_at: now + ZOHO_LIMITS.accessTokenSeconds * 1000,
  };
  ctx.store.accessTokens.set(record.token, record);
  return record;
}

/** Revoking a refresh token revokes every access token made from it (§3.4, [A-REVOKE]). */
export function revokeRefreshToken(ctx: DemoContext, token: string): boolean {
  const found = ctx.store.refreshTokens.delete(token);
  for (const a of ctx.store.accessTokens.values()) if (a.refresh_token === token) a.invalidated = 'revoked';
  return found;
}

function grantOf(g: Grant): Grant {
  return { client_id: g.client_id, user_key: g.user_key, org_id: g.org_id, dc: g.dc, environment: g.environment, scopes: [...g.scopes] };
}

/**
 * The success body (§3.2). `scope` is left out for code and refresh grants because Zoho's CRM
 * docs don't show it (UNCONFIRMED): a client must not depend on it. The legacy switch answers
 * with expires_in in milliseconds plus expires_in_sec, as older Zoho responses did.
 */
export function tokenBody(
  ctx: DemoContext,
  access: AccessTokenRecord,
  options: { refreshToken?: string; includeScope?: boolean } = {},
): Record<string, unknown> {
  const seconds = ZOHO_LIMITS.accessTokenSeconds;
  return {
    access_token: access.token,
    ...(options.refreshToken ? { refresh_token: options.refreshToken } : {}),
    ...(options.includeScope ? { scope: access.scopes.join(' ') } : {}),
    api_domain: apiOrigin(ctx, access.dc, access.environment),
    token_type: 'Bearer',
    ...(ctx.settings.legacyTokenShape ? { expires_in_sec: seconds, expires_in: seconds * 1000 } : { expires_in: seconds }),
  };
}
