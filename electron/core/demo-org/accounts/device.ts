/**
 * The device flow for Non-browser clients (reference §4.4, [A-DEV-INIT], [A-DEV-POLL], [A-MDC-DEV]):
 * POST /oauth/v3/device/code → user_code, device_code, verification_url, interval, expires_in;
 * the user enters the code at verification_url; POST /oauth/v3/device/token polls with
 * grant_type=device_token and answers authorization_pending, slow_down (two polls within 30 s),
 * other_dc (with user_location), access_denied or expired — all as HTTP 200 {"error": …}.
 */
import type { ServerResponse } from 'node:http';
import { DATA_CENTRES, type DataCentreId } from '../../../../shared/zoho/dataCentres';
import { accountsOrigin, type DemoContext } from '../context';
import { DEMO_USERS, findOrg, findUser, fullName, orgsOf } from '../data/directory';
import { escapeHtml, formParams, sendHtml, sendJson, type DemoRequest } from '../http/io';
import { newOpaqueId, newUserCode } from '../ids';
import type { ClientRecord } from '../state/types';
import { clientServesDc, consentKey } from './authorize';
import { issueRefreshToken, mintAccessToken, tokenBody } from './issue';
import { errorPage, layout } from './pages';
import { isKnownScope, parseRequestedScopes, scopeInWords } from './scopeWords';

/** user_code lives 5 minutes ([A-DEV-INIT]); one poll per 30 s ([A-DEV-POLL]). Units: seconds (older docs: ms, UNCONFIRMED). */
export const DEVICE_CODE_SECONDS = 300;
export const DEVICE_POLL_SECONDS = 30;

export function handleDeviceCode(ctx: DemoContext, dc: DataCentreId, req: DemoRequest, res: ServerResponse): void {
  const form = formParams(req);
  const client = ctx.store.clients.get(form.get('client_id') ?? '');
  if (!client || !clientServesDc(client, dc)) return sendJson(res, 200, { error: 'invalid_client' });
  if (client.type !== 'device') return sendJson(res, 200, { error: 'unauthorized_client' });
  const scopes = parseRequestedScopes(form.get('scope'));
  if (!scopes.length || scopes.some((s) => !isKnownScope(s))) return sendJson(res, 200, { error: 'invalid_scope' });
  const grant = {
    device_code: `1000.${newOpaqueId()}${newOpaqueId()}`,
    user_code: newUserCode(),
    client_id: client.client_id,
    scopes,
    offline: form.get('access_type') === 'offline',
    prompt_consent: form.get('prompt') === 'consent',
    expires_at: ctx.clock.now() + DEVICE_CODE_SECONDS * 1000,
    status: 'pending' as const,
  };
  ctx.devices.add(grant);
  sendJson(res, 200, {
    user_code: grant.user_code,
    device_code: grant.device_code,
    verification_url: `${accountsOrigin(ctx, dc)}/oauth/v3/device`,
    interval: DEVICE_POLL_SECONDS,
    expires_in: DEVICE_CODE_SECONDS,
  });
}

export function handleDeviceToken(ctx: DemoContext, dc: DataCentreId, form: URLSearchParams, client: ClientRecord, res: ServerResponse): void {
  const grant = ctx.devices.byDeviceCode.get(form.get('code') ?? '');
  if (!grant || grant.client_id !== client.client_id || grant.status === 'used') return sendJson(res, 200, { error: 'invalid_code' });
  const now = ctx.clock.now();
  if (grant.expires_at <= now && grant.status === 'pending') return sendJson(res, 200, { error: 'expired' });
  if (grant.last_poll_at !== undefined && now - grant.last_poll_at < DEVICE_POLL_SECONDS * 1000) {
    return sendJson(res, 200, { error: 'slow_down' });
  }
  grant.last_poll_at = now;
  if (grant.status === 'pending') return sendJson(res, 200, { error: 'authorization_pending' });
  if (grant.status === 'denied') return sendJson(res, 200, { error: 'access_denied' });
  // Approved by a user of another DC: poll that DC's accounts server instead (§4.4, [A-MDC-DEV]).
  if (grant.dc !== dc) return sendJson(res, 200, { user_location: DATA_CENTRES[grant.dc!].location, error: 'other_dc' });
  const org = findOrg(grant.org_id!)!;
  grant.status = 'used';
  const g = { client_id: client.client_id, user_key: grant.user_key!, org_id: org.id, dc: org.dc, environment: org.environment, scopes: grant.scopes };
  const key = consentKey(client.client_id, g.user_key, org.id);
  const issueRefresh = grant.offline && (!ctx.store.consents.has(key) || grant.prompt_consent);
  if (grant.offline) ctx.store.consents.add(key);
  const refresh = issueRefresh ? issueRefreshToken(ctx, g) : undefined;
  const access = mintAccessToken(ctx, g, refresh);
  ctx.store.save();
  sendJson(res, 200, tokenBody(ctx, access, refresh ? { refreshToken: refresh.token } : {}));
}

/** GET /oauth/v3/device: where the user types the code, picks who they are, and allows. */
export function handleDevicePage(ctx: DemoContext, req: DemoRequest, res: ServerResponse): void {
  const q = req.url.searchParams;
  const userCode = (q.get('user_code') ?? '').trim().toUpperCase();
  const grant = userCode ? ctx.devices.byUserCode.get(userCode) : undefined;
  if (!grant) {
    const note = userCode ? `<p role="alert">That code is not valid. Check it and try again.</p>` : '';
    return sendHtml(
      res,
      200,
      layout(
        'Connect a device',
        `<main><h1>Connect a device</h1>${note}<form method="get" action="/oauth/v3/device">
<label for="user_code">Code shown on the device</label> <input id="user_code" name="user_code" autocomplete="off" required>
<button type="submit">Continue</button></form></main>`,
      ),
    );
  }
  if (grant.status !== 'pending' || grant.expires_at <= ctx.clock.now()) {
    return sendHtml(res, 400, errorPage('Code expired', 'This code has expired or was already used. Start again on the device.'));
  }
  const client = ctx.store.clients.get(grant.client_id);
  const user = findUser(q.get('demo_user') ?? '') ?? DEMO_USERS[0]!;
  const others = DEMO_USERS.filter((u) => u.key !== user.key)
    .map((u) => `<li><a href="/oauth/v3/device?user_code=${encodeURIComponent(userCode)}&amp;demo_user=${u.key}">${escapeHtml(fullName(u))}</a></li>`)
    .join('');
  const orgs = orgsOf(user)
    .map(
      (o, i) =>
        `<div><input type="radio" name="org" id="org-${o.id}" value="${o.id}"${i === 0 ? ' checked' : ''}> <label for="org-${o.id}">${escapeHtml(`${o.company_name} — ${o.environment}`)}</label></div>`,
    )
    .join('');
  sendHtml(
    res,
    200,
    layout(
      'Allow the device',
      `<main><h1>${escapeHtml(client?.name ?? 'A device')} would like to access your Zoho account</h1>
<p>Signed in as <strong>${escapeHtml(fullName(user))}</strong>. Someone else? </p><ul>${others}</ul>
<form method="post" action="/oauth/v3/device/decision"><input type="hidden" name="user_code" value="${escapeHtml(userCode)}">
<input type="hidden" name="user" value="${user.key}"><fieldset><legend>Organisation</legend>${orgs}</fieldset>
<ul>${grant.scopes.map((s) => `<li>${escapeHtml(scopeInWords(s))}</li>`).join('')}</ul>
<button type="submit" class="allow" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button></form></main>`,
    ),
  );
}

export function handleDeviceDecision(ctx: DemoContext, req: DemoRequest, res: ServerResponse): void {
  const form = formParams(req);
  const grant = ctx.devices.byUserCode.get((form.get('user_code') ?? '').toUpperCase());
  if (!grant || grant.status !== 'pending' || grant.expires_at <= ctx.clock.now()) {
    return sendHtml(res, 400, errorPage('Code expired', 'This code has expired or was already used. Start again on the device.'));
  }
  if (form.get('decision') !== 'allow') {
    grant.status = 'denied';
    return sendHtml(res, 200, layout('Access denied', '<main><h1>Access denied</h1><p>The device was not connected.</p></main>'));
  }
  const user = findUser(form.get('user') ?? '');
  const org = findOrg(form.get('org') ?? '');
  const client = ctx.store.clients.get(grant.client_id);
  if (!user || !org || !client || !user.orgIds.includes(org.id)) {
    return sendHtml(res, 400, errorPage('Invalid Request', 'Pick a user and one of their organisations.'));
  }
  if (!clientServesDc(client, org.dc)) {
    return sendHtml(res, 400, errorPage('Invalid Client', `The client is not enabled for the ${DATA_CENTRES[org.dc].label} data centre.`));
  }
  Object.assign(grant, { status: 'approved', user_key: user.key, org_id: org.id, dc: org.dc });
  sendHtml(res, 200, layout('Device connected', '<main><h1>Device connected</h1><p>You can return to your device.</p></main>'));
}
