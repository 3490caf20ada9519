/**
 * POST /oauth/v2/token (reference §3). Every OAuth error is HTTP 200 with {"error": ...}
 * (§3.3); the throttle answer is {"error":"Access Denied","error_description":…,"status":"failure"}
 * (HTTP 200 per [K43]; [GUAN] saw 400 — CONFLICT, our client must read the body either way).
 */
import type { ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { DEMO_USERS, findOrg } from '../data/directory';
import { formParams, sendJson, type DemoRequest } from '../http/io';
import type { GrantCodeRecord } from '../state/types';
import { authenticateClient, credentialsFrom } from './clientAuth';
import { issueRefreshToken, mayMint, mintAccessToken, tokenBody } from './issue';
import { isKnownScope, parseRequestedScopes } from './scopeWords';
import { handleDeviceToken } from './device';

export const THROTTLE_BODY = {
  error_description: 'Token creation throttle limit reached. Please reuse the valid tokens you currently have.',
  error: 'Access Denied',
  status: 'failure',
} as const;

const oauthError = (res: ServerResponse, error: string, extra: Record<string, unknown> = {}) =>
  sendJson(res, 200, { error, ...extra });

export function handleToken(ctx: DemoContext, dc: DataCentreId, req: DemoRequest, res: ServerResponse): void {
  const form = formParams(req);
  const grantType = form.get('grant_type') ?? '';
  ctx.tokenRequests.set(grantType, (ctx.tokenRequests.get(grantType) ?? 0) + 1);
  if (req.method !== 'POST') return oauthError(res, 'invalid_request');
  const known = ['authorization_code', 'refresh_token', 'client_credentials', 'device_token'];
  if (!known.includes(grantType)) return oauthError(res, 'unsupported_grant_type');
  const { id, secret } = credentialsFrom(req, form);
  const auth = authenticateClient(ctx, dc, id, secret);
  if (!auth.ok) return oauthError(res, auth.error);
  const client = auth.client;
  ctx.store.prune(ctx.clock.now());

  switch (grantType) {
    case 'authorization_code':
      return exchangeCode(ctx, dc, form, client.client_id, res);
    case 'refresh_token':
      return refresh(ctx, dc, form, client.client_id, res);
    case 'client_credentials':
      return clientCredentials(ctx, form, client, res);
    default:
      return handleDeviceToken(ctx, dc, form, client, res);
  }
}

function exchangeCode(ctx: DemoContext, dc: DataCentreId, form: URLSearchParams, clientId: string, res: ServerResponse): void {
  const code = ctx.store.codes.get(form.get('code') ?? '');
  // Codes live in the DC that issued them, are single use, short-lived and bound to the client (§2.2).
  if (!code || code.used || code.dc !== dc || code.client_id !== clientId || code.expires_at <= ctx.clock.now()) {
    if (code && code.client_id === clientId) code.used = true;
    return oauthError(res, 'invalid_code');
  }
  code.used = true;
  if (code.redirect_uri !== undefined && form.get('redirect_uri') !== code.redirect_uri) {
    return oauthError(res, 'invalid_redirect_uri');
  }
  if (code.challenge && !verifierMatches(code.challenge, form.get('code_verifier'))) {
    // Zoho's error name for a bad verifier is UNCONFIRMED; the point is that it is refused.
    return oauthError(res, 'invalid_code_verifier', { error_description: 'code_verifier does not match the code_challenge' });
  }
  const refresh = code.issue_refresh_token ? issueRefreshToken(ctx, code) : undefined;
  const access = mintAccessToken(ctx, code, refresh);
  ctx.store.save();
  sendJson(res, 200, tokenBody(ctx, access, refresh ? { refreshToken: refresh.token } : {}));
}

function verifierMatches(challenge: NonNullable<GrantCodeRecord['challenge']>, verifier: string | null): boolean {
  if (!verifier) return false;
  if (challenge.method === 'plain') return verifier === challenge.value;
  return createHash('sha256').update(verifier).digest('base64url') === challenge.value;
}

function refresh(ctx: DemoContext, dc: DataCentreId, form: URLSearchParams, clientId: string, res: ServerResponse): void {
  const record = ctx.store.refreshTokens.get(form.get('refresh_token') ?? '');
  // Revoked or unknown refresh tokens give invalid_code ([CRM-VS-TV2], §3.3).
  if (!record || record.client_id !== clientId || record.dc !== dc) return oauthError(res, 'invalid_code');
  if (!mayMint(ctx, record)) return sendJson(res, 200, THROTTLE_BODY);
  const access = mintAccessToken(ctx, record, record);
  ctx.store.save();
  // No new refresh token in a refresh answer (§3.2).
  sendJson(res, 200, tokenBody(ctx, access));
}

function clientCredentials(
  ctx: DemoContext,
  form: URLSearchParams,
  client: { client_id: string; type: string; home_dc: DataCentreId },
  res: ServerResponse,
): void {
  // Self Clients only (§3.1, [A-SELF-CC]).
  if (client.type !== 'self') return oauthError(res, 'unauthorized_client');
  const scopes = parseRequestedScopes(form.get('scope'));
  if (!scopes.length || scopes.some((s) => !isKnownScope(s))) return oauthError(res, 'invalid_scope');
  // soid = "ZohoCRM.<org id>"; without it we cannot tell which org (§3.1: missing_org_info).
  const soid = form.get('soid') ?? '';
  const match = /^ZohoCRM\.(\d+)$/i.exec(soid);
  const org = match ? findOrg(match[1]!) : undefined;
  if (!org || org.dc !== client.home_dc) return oauthError(res, 'missing_org_info');
  // The first demo person in the org acts for the token.
  const user = DEMO_USERS.find((u) => u.orgIds.includes(org.id))?.key;
  if (!user) return oauthError(res, 'missing_org_info');
  const access = mintAccessToken(ctx, {
    client_id: client.client_id,
    user_key: user,
    org_id: org.id,
    dc: org.dc,
    environment: org.environment,
    scopes,
  });
  ctx.store.save();
  // Zoho's client_credentials answer carries scope ([GUAN]) and never a refresh token (§3.1).
  sendJson(res, 200, tokenBody(ctx, access, { includeScope: true }));
}
