/**
 * GET /oauth/v2/auth and the consent decision (reference §2).
 * - Unknown client or a redirect URI that doesn't match: an error page, no redirect (§2.2).
 * - Mobile clients must send PKCE (S256 or plain, default plain) (§2.1, [A-MOBILE]).
 * - Allow redirects with code, state, location and accounts-server of the user's home DC (§2.2, §4.5).
 * - Deny redirects with error=access_denied (RFC 6749 style; Zoho's exact form is UNCONFIRMED, §2.2).
 * - More than 10 grant codes per client in 10 minutes: access_denied (§2.2, [CRM-TV8]).
 */
import type { ServerResponse } from 'node:http';
import { DATA_CENTRES, type DataCentreId } from '../../../../shared/zoho/dataCentres';
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import { accountsOrigin, type DemoContext } from '../context';
import { DEMO_USERS, findOrg, findUser, fullName, orgsOf } from '../data/directory';
import { formParams, redirect, sendHtml, type DemoRequest } from '../http/io';
import { newOpaqueId } from '../ids';
import type { ClientRecord, PendingConsent } from '../state/types';
import { consentPage, errorPage } from './pages';
import { isKnownScope, parseRequestedScopes, scopeInWords } from './scopeWords';
import { issueGrantCode, takeGrantCodeSlot } from './issue';

const PENDING_MS = 10 * 60_000;

export function consentKey(clientId: string, userKey: string, orgId: string): string {
  return `${clientId}|${userKey}|${orgId}`;
}

/** A client may serve users of its home DC and of every DC enabled in its settings (§4.5). */
export function clientServesDc(client: ClientRecord, dc: DataCentreId): boolean {
  return client.home_dc === dc || client.enabled_dcs.includes(dc);
}

function fail(res: ServerResponse, title: string, message: string, status = 400): void {
  sendHtml(res, status, errorPage(title, message));
}

export function handleAuthorize(ctx: DemoContext, req: DemoRequest, res: ServerResponse): void {
  const q = req.url.searchParams;
  const clientId = q.get('client_id') ?? '';
  const client = ctx.store.clients.get(clientId);
  if (!client) return fail(res, 'Invalid Client', 'The transmitted client ID does not exist.');
  if (client.type === 'self' || client.type === 'device') {
    return fail(res, 'Invalid Client', 'This client type cannot use the browser sign-in. Self Clients generate codes in the API console; non-browser clients use the device flow.');
  }
  const redirectUri = q.get('redirect_uri') ?? '';
  // Exact match with a registered URI (§2.1, §4.2).
  if (!client.redirect_uris.includes(redirectUri)) {
    return fail(res, 'Invalid Redirect Uri', 'Redirect URI passed does not match with the one configured.');
  }
  if (q.get('response_type') !== 'code') {
    return fail(res, 'Invalid Response Type', 'Only response_type=code is supported by the Demo org.');
  }
  const scopes = parseRequestedScopes(q.get('scope'));
  const bad = scopes.find((s) => !isKnownScope(s));
  if (!scopes.length || bad) {
    return fail(res, 'Invalid OAuth Scope', bad ? `The scope "${bad}" does not exist. Separate scopes with commas.` : 'No scope was requested.');
  }
  const challenge = q.get('code_challenge');
  const method = q.get('code_challenge_method') ?? 'plain'; // "Default value: plain" (§2.1)
  if (method !== 'S256' && method !== 'plain') {
    return redirectWithError(res, redirectUri, q.get('state'), 'invalid_request', 'code_challenge_method must be S256 or plain');
  }
  if (client.type === 'mobile' && !challenge) {
    // PKCE is mandatory for Mobile-based clients (§2.1, [A-MOBILE]).
    return redirectWithError(res, redirectUri, q.get('state'), 'invalid_request', 'code_challenge is required for mobile clients');
  }
  const pending: PendingConsent = {
    id: newOpaqueId(),
    client_id: client.client_id,
    redirect_uri: redirectUri,
    scopes,
    state: q.get('state'),
    offline: q.get('access_type') === 'offline',
    prompt_consent: q.get('prompt') === 'consent',
    ...(challenge ? { challenge: { value: challenge, method } } : {}),
    expires_at: ctx.clock.now() + PENDING_MS,
  };
  ctx.store.prune(ctx.clock.now());
  ctx.store.pendingConsents.set(pending.id, pending);
  const chosen = findUser(q.get('demo_user') ?? '') ?? DEMO_USERS[0]!;
  const userHref = (key: string) => {
    const url = new URL(req.url);
    url.searchParams.set('demo_user', key);
    return `${url.pathname}${url.search}`;
  };
  sendHtml(
    res,
    200,
    consentPage({
      clientName: client.name,
      requestId: pending.id,
      scopes: scopes.map((scope) => ({ scope, words: scopeInWords(scope) })),
      users: DEMO_USERS.map((u) => ({
        key: u.key,
        name: fullName(u),
        email: u.email,
        dcLabel: DATA_CENTRES[u.home_dc].label,
        href: userHref(u.key),
        current: u.key === chosen.key,
      })),
      orgs: orgsOf(chosen).map((o) => ({ id: o.id, label: `${o.company_name} — ${o.environment}` })),
      offline: pending.offline,
    }),
  );
}

export function handleDecision(ctx: DemoContext, req: DemoRequest, res: ServerResponse): void {
  const form = formParams(req);
  const pending = ctx.store.pendingConsents.get(form.get('request_id') ?? '');
  if (!pending || pending.expires_at < ctx.clock.now()) {
    return fail(res, 'Request Expired', 'This sign-in request has expired or was already answered. Start again from the app.');
  }
  ctx.store.pendingConsents.delete(pending.id);
  const client = ctx.store.clients.get(pending.client_id);
  if (!client) return fail(res, 'Invalid Client', 'The transmitted client ID does not exist.');
  if (form.get('decision') !== 'allow') {
    return redirectWithError(res, pending.redirect_uri, pending.state, 'access_denied', 'The user denied access.');
  }
  const user = findUser(form.get('user') ?? '');
  const org = findOrg(form.get('org') ?? '');
  if (!user || !org || !user.orgIds.includes(org.id)) {
    return fail(res, 'Invalid Request', 'Pick a user and one of their organisations.');
  }
  // Multi-DC: the user's home DC must be enabled for the client (§4.5).
  if (!clientServesDc(client, user.home_dc)) {
    return fail(
      res,
      'Invalid Client',
      `The client "${client.name}" is not enabled for the ${DATA_CENTRES[user.home_dc].label} data centre. In the API console, open the client's Settings and enable this data centre.`,
    );
  }
  const now = ctx.clock.now();
  if (!takeGrantCodeSlot(ctx, client.client_id)) {
    return redirectWithError(
      res,
      pending.redirect_uri,
      pending.state,
      'access_denied',
      'Maximum request limit reached for your account. Please try again after some time or contact the app\'s developer.',
    );
  }

  // A refresh token only with access_type=offline, and on repeat consent only with prompt=consent (§3.2).
  const key = consentKey(client.client_id, user.key, org.id);
  const firstConsent = !ctx.store.consents.has(key);
  const issueRefresh = pending.offline && (firstConsent || pending.prompt_consent);
  if (pending.offline) {
    ctx.store.consents.add(key);
    ctx.store.save();
  }
  const code = issueGrantCode(ctx, {
    client_id: client.client_id,
    user_key: user.key,
    org_id: org.id,
    dc: org.dc,
    environment: org.environment,
    scopes: pending.scopes,
    redirect_uri: pending.redirect_uri,
    issue_refresh_token: issueRefresh,
    expires_at: now + ZOHO_LIMITS.grantCodeSeconds * 1000,
    ...(pending.challenge ? { challenge: pending.challenge } : {}),
  });
  const target = new URL(pending.redirect_uri);
  if (pending.state !== null) target.searchParams.set('state', pending.state);
  target.searchParams.set('code', code);
  target.searchParams.set('location', DATA_CENTRES[org.dc].location);
  target.searchParams.set('accounts-server', accountsOrigin(ctx, org.dc));
  redirect(res, target.toString());
}

function redirectWithError(res: ServerResponse, redirectUri: string, state: string | null, error: string, description: string): void {
  const target = new URL(redirectUri);
  if (state !== null) target.searchParams.set('state', state);
  target.searchParams.set('error', error);
  target.searchParams.set('error_description', description);
  redirect(res, target.toString());
}
