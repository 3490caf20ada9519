/**
 * Issue 5, tokens over time, against the Demo org: single-flight refresh under load, the
 * legacy expires_in shape, throttling without a retry loop, 401 handling, the 21st refresh
 * token warning, revocation, and every error of the catalogue Zoho can give while connecting.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { ERROR_CATALOGUE, explain, ZOHO_AUTHORIZE_PAGE_ERRORS, ZOHO_OAUTH_ERRORS } from '../../shared/zoho/errors';
import { consent } from '../helpers/testCore';
import { lastAuthEvent, ORGS, selfClientCode, setupProfile, sharedClock, view, waitForAuthFinished, type TestCore } from '../helpers/oauth';

const clock = sharedClock();
let demo: DemoOrg;
beforeAll(async () => {
  demo = await startDemoOrg({ now: clock.now });
});
afterAll(async () => {
  await demo.close();
});
const cores: TestCore[] = [];
afterEach(async () => {
  demo.settings.legacyTokenShape = false;
  demo.faults.clear();
  while (cores.length) await cores.pop()!.core.close();
});
async function setup(...args: Parameters<typeof setupProfile> extends [DemoOrg, unknown, ...infer R] ? R : never) {
  const t = await setupProfile(demo, clock, ...args);
  cores.push(t);
  return t;
}
async function connect(t: TestCore & { profile: { id: string } }, options: { user?: string; acknowledge?: boolean } = {}) {
  const started = await t.call('auth:connect', { profileId: t.profile.id, ...(options.acknowledge ? { acknowledgeTokenLimit: true } : {}) });
  await t.core.handleDeepLink(await consent(started.authorizeUrl, options.user ? { user: options.user } : {}));
  return lastAuthEvent(t.events);
}
/** Zoho allows 10 grant codes per client per 10 minutes (§2.2): tests that connect often let time pass. */
const nextWindow = () => clock.advance(10 * 60_000 + 1);

describe('refresh', () => {
  it('50 concurrent calls on an expired token cause exactly one refresh request', async () => {
    const t = await setup({ type: 'mobile' });
    await connect(t);
    clock.advance(3600_000);
    const before = demo.stats.tokenRequests('refresh_token');
    const tokens = await Promise.all(Array.from({ length: 50 }, () => t.core.internals.tokens.get(t.profile.id)));
    expect(new Set(tokens.map((x) => x.token)).size).toBe(1);
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
    // And through the CRM client: calls after the refresh reuse the new token.
    const pages = await Promise.all(
      Array.from({ length: 10 }, () => t.call('crm:records', { profileId: t.profile.id, module: 'Contacts', fields: ['Last_Name'], page: 1, perPage: 1 })),
    );
    expect(pages).toHaveLength(10);
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
  });

  it('refreshes a few minutes before expiry, not after', async () => {
    const t = await setup({ type: 'mobile' });
    await connect(t);
    const before = demo.stats.tokenRequests('refresh_token');
    clock.advance(50 * 60_000);
    await t.core.internals.tokens.get(t.profile.id);
    expect(demo.stats.tokenRequests('refresh_token')).toBe(before);
    clock.advance(6 * 60_000); // 4 minutes left: inside the leeway
    await t.core.internals.tokens.get(t.profile.id);
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
  });

  it('reads the legacy shape: expires_in in milliseconds next to expires_in_sec', async () => {
    demo.settings.legacyTokenShape = true;
    const t = await setup({ type: 'mobile' });
    const connectedAt = clock.now();
    await connect(t);
    const expiresAt = (await view(t, t.profile.id)).connection.accessTokenExpiresAt!;
    expect(expiresAt - connectedAt).toBe(3600_000);
  });

  it('a 401 INVALID_TOKEN (access token revoked at Zoho) refreshes once and retries once', async () => {
    const t = await setup({ type: 'mobile' });
    await connect(t);
    const current = await t.core.internals.tokens.get(t.profile.id);
    await fetch(`${demo.origins.accounts.us}/oauth/v2/token/revoke?token=${current.token}`, { method: 'POST' });
    const before = demo.stats.tokenRequests('refresh_token');
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 })),
    );
    expect(results.every((r) => r.records.length === 1)).toBe(true);
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
  });

  it('OAUTH_SCOPE_MISMATCH never refreshes', async () => {
    const t = await setup({ type: 'mobile', scopes: ['ZohoCRM.users.READ', 'ZohoCRM.org.READ'] });
    await connect(t);
    const before = demo.stats.tokenRequests('refresh_token');
    const result = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(result.ok ? '' : result.error.code).toBe('CRM_SCOPE_MISMATCH');
    expect(demo.stats.tokenRequests('refresh_token')).toBe(before);
  });

  it('a refresh token deleted at Zoho: the profile says it needs reconnecting', async () => {
    const t = await setup({ type: 'mobile' });
    await connect(t);
    const refreshToken = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    await fetch(`${demo.origins.accounts.us}/oauth/v2/token/revoke?token=${refreshToken}`, { method: 'POST' });
    clock.advance(3600_000);
    const result = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(result.ok ? '' : result.error.code).toBe('OAUTH_INVALID_CODE');
    expect((await view(t, t.profile.id)).connection.status).toBe('needs-reconnect');
  });
});

describe('throttling (§3.3, §3.4)', () => {
  it('"Access Denied" on refresh: no retry loop, the profile shows when it may try again', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    // The exchange minted 1 access token; 9 more refreshes reach Zoho's 10 per 10 minutes.
    const tm = t.core.internals.tokens;
    for (let i = 0; i < 9; i += 1) {
      tm.invalidate(t.profile.id, (await tm.get(t.profile.id)).token);
      await tm.get(t.profile.id, { force: true });
    }
    const before = demo.stats.tokenRequests('refresh_token');
    t.core.internals.tokens.invalidate(t.profile.id, (await t.core.internals.tokens.get(t.profile.id)).token);
    const first = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(first.ok ? '' : first.error.code).toBe('OAUTH_THROTTLED');
    expect(first.ok ? '' : first.error.message).toMatch(/try again after/);
    const after = await view(t, t.profile.id);
    expect(after.connection.status).toBe('throttled');
    expect(after.connection.retryAfter).toBe(clock.now() + 10 * 60_000);
    // Further calls do not hammer Zoho.
    await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    await t.callRaw('auth:connect', { profileId: t.profile.id });
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
    // After the window it works again by itself.
    clock.advance(10 * 60_000 + 1);
    const later = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(later.ok).toBe(true);
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });

  it('recognises the throttle in any language (status "failure"), never by its text', async () => {
    const { mapTokenError } = await import('../../electron/core/oauth/oauthErrors');
    const localised = { body: { error_description: '您已连续提出过多请求，请稍后再试。', error: '拒绝访问', status: 'failure' } };
    expect(mapTokenError(localised).code).toBe('OAUTH_THROTTLED');
    expect(mapTokenError({ body: { error: 'Access Denied', status: 'failure' } }).code).toBe('OAUTH_THROTTLED');
  });

  it('the grant-code throttle on the redirect (access_denied after 10 sign-ins) marks the profile throttled', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    for (let i = 0; i < 10; i += 1) await connect(t);
    const event = await connect(t);
    expect(event).toMatchObject({ ok: false, error: { code: 'OAUTH_ACCESS_DENIED' } });
    const after = await view(t, t.profile.id);
    expect(after.connection.status).toBe('throttled');
    expect(after.connection.retryAfter).toBeGreaterThan(clock.now());
  });
});

describe('the 21st refresh token (§3.4)', () => {
  it('warns before a consent that would be the 21st for this client and user, and goes on only when told', async () => {
    const t = await setup({ type: 'mobile' });
    for (let i = 0; i < 20; i += 1) {
      if (i % 10 === 0) nextWindow();
      expect(await connect(t)).toMatchObject({ ok: true });
      // "Forget locally" leaves the token alive at Zoho (like 20 other computers); a Reconnect would revoke it.
      await t.call('auth:disconnect', { profileId: t.profile.id, revoke: false });
    }
    const refused = await t.callRaw('auth:connect', { profileId: t.profile.id });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('REFRESH_TOKEN_LIMIT');
    expect(refused.error.message).toContain('at most 20');
    expect(refused.error.message).toContain('Ava Thompson');
    expect(refused.error.message).toMatch(/silently delete the oldest/);
    expect(t.opened).toHaveLength(20); // no browser opened for the refused one

    // A second profile for the same client and user shares the count.
    const other = await setupProfile(demo, clock, { type: 'mobile' }, t);
    expect(other.profile.clientId).not.toBe(t.profile.clientId); // (its own client: no warning)
    expect((await t.callRaw('auth:connect', { profileId: other.profile.id })).ok).toBe(true);
    await t.call('auth:cancel', { profileId: other.profile.id });

    nextWindow();
    const userId = t.core.internals.ledger.facts(t.profile.id).lastUserId!;
    const oldest = t.core.internals.ledger.activeRefreshTokens(t.profile.clientId, userId)[0];
    expect(await connect(t, { acknowledge: true })).toMatchObject({ ok: true });
    // Zoho deleted the oldest; the ledger follows and the count stays at 20.
    const list = t.core.internals.ledger.activeRefreshTokens(t.profile.clientId, userId);
    expect(list).toHaveLength(20);
    expect(list[0]).not.toEqual(oldest);

    // Revoking one frees a place: no warning for the next consent.
    await t.call('auth:disconnect', { profileId: t.profile.id, revoke: true });
    expect(t.core.internals.ledger.activeRefreshTokens(t.profile.clientId, userId)).toHaveLength(19);
    expect((await t.callRaw('auth:connect', { profileId: t.profile.id })).ok).toBe(true);
  });
});

describe('disconnect', () => {
  it('revokes the refresh token at Zoho and forgets the tokens locally', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const refreshToken = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    const after = await t.call('auth:disconnect', { profileId: t.profile.id, revoke: true });
    expect(after.connection.status).toBe('not-connected');
    expect(t.core.internals.vault.state(t.profile.id, 'refreshToken')).toBe('absent');
    // Zoho no longer knows it.
    const check = await fetch(`${demo.origins.accounts.us}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: t.client.client_id, client_secret: t.client.client_secret }),
    });
    expect(await check.json()).toEqual({ error: 'invalid_code' });
  });

  it('"forget locally" keeps the token alive at Zoho', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const refreshToken = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    await t.call('auth:disconnect', { profileId: t.profile.id, revoke: false });
    const check = await fetch(`${demo.origins.accounts.us}/oauth/v2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: t.client.client_id, client_secret: t.client.client_secret }),
    });
    expect(await check.json()).toHaveProperty('access_token');
  });

  it('a revoke that hangs times out, keeps the connection, and says what to do', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: 'hang' });
    const started = Date.now();
    const result = await t.callRaw('auth:disconnect', { profileId: t.profile.id, revoke: true });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(result.ok ? '' : result.error.code).toBe('TIMEOUT');
    expect(result.ok ? '' : result.error.hint).toMatch(/Forget locally/);
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });

  it('a revoke can be cancelled', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    t.core.internals.net.timeoutMs = 30_000;
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: 'hang' });
    const pending = t.callRaw('auth:disconnect', { profileId: t.profile.id, revoke: true });
    await new Promise((r) => setTimeout(r, 50));
    await t.call('auth:cancel', { profileId: t.profile.id });
    const result = await pending;
    expect(result.ok ? '' : result.error.code).toBe('CANCELLED');
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });
});

describe('every error Zoho gives while connecting, in plain words', () => {
  it('invalid_client_secret on the exchange', async () => {
    const t = await setup({ type: 'mobile', secret: 'wrong-secret-000000' });
    nextWindow();
    expect(await connect(t)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_CLIENT_SECRET', details: '{"error":"invalid_client_secret"}' } });
  });

  it('invalid_code: a code that has expired before the exchange', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = await consent(started.authorizeUrl);
    clock.advance(61_000);
    await t.core.handleDeepLink(redirect);
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_CODE' } });
  });

  it('invalid_client: the redirect names an allowed accounts server where the client is not enabled', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = new URL(await consent(started.authorizeUrl));
    redirect.searchParams.set('accounts-server', demo.origins.accounts.eu!);
    await t.core.handleDeepLink(redirect.toString());
    const event = lastAuthEvent(t.events);
    expect(event).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_CLIENT' } });
    expect(event && !event.ok ? event.error.message : '').toBe("This client id isn't registered in the Demo org's Europe (zoho.eu) data centre.");
  });

  it('invalid_redirect_uri, invalid_code_verifier and unknown errors from the token endpoint', async () => {
    const { mapTokenError } = await import('../../electron/core/oauth/oauthErrors');
    expect(mapTokenError({ body: { error: 'invalid_redirect_uri' } }).code).toBe('OAUTH_INVALID_REDIRECT_URI');
    expect(mapTokenError({ body: { error: 'invalid_code_verifier' } }).code).toBe('OAUTH_PKCE_MISMATCH');
    const unknown = mapTokenError({ body: { error: 'something_new', error_description: 'Zoho said something new' } });
    expect(unknown).toMatchObject({ code: 'OAUTH_UNKNOWN', message: expect.stringContaining('Zoho said something new'), details: expect.stringContaining('something_new') });
  });

  it('an error on the redirect itself (invalid_request) is explained', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const state = new URL(started.authorizeUrl).searchParams.get('state')!;
    await t.core.handleDeepLink(`connected-app-console://oauth/callback?state=${state}&error=invalid_request&error_description=code_challenge%20is%20required`);
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_REQUEST', message: expect.stringContaining('code_challenge is required') } });
  });

  it('unauthorized_client: a device-flow profile whose client is not a Non-browser client', async () => {
    const t = await setup({ type: 'device' });
    const mobile = demo.createClient({ type: 'mobile', name: 'Not a device', redirect_uris: ['connected-app-console://oauth/callback'] });
    await t.call('profiles:update', { id: t.profile.id, changes: { clientId: mobile.client_id, clientSecret: mobile.client_secret } });
    const result = await t.callRaw('auth:startDevice', { profileId: t.profile.id });
    expect(result.ok ? '' : result.error.code).toBe('OAUTH_WRONG_CLIENT_TYPE');
  });

  it('invalid_scope: a scope Zoho does not know', async () => {
    const t = await setup({ type: 'device', scopes: ['ZohoCRM.modules.ALL', 'NotAZohoService.things.READ'] });
    const result = await t.callRaw('auth:startDevice', { profileId: t.profile.id });
    expect(result.ok ? '' : result.error.code).toBe('OAUTH_INVALID_SCOPE');
  });

  it('a code injected into another sign-in fails the PKCE check (invalid_code_verifier)', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const other = await t.call('profiles:create', {
      name: 'Same client, other sign-in',
      service: 'demo',
      dataCentre: 'us',
      clientType: 'mobile',
      clientId: t.client.client_id,
      clientSecret: t.client.client_secret,
      scopes: t.profile.scopes,
    });
    const first = await t.call('auth:connect', { profileId: t.profile.id });
    const stolen = new URL(await consent(first.authorizeUrl));
    const second = await t.call('auth:connect', { profileId: other.id });
    const injected = new URL(stolen);
    injected.searchParams.set('state', new URL(second.authorizeUrl).searchParams.get('state')!);
    await t.core.handleDeepLink(injected.toString());
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'OAUTH_PKCE_MISMATCH' } });
    expect((await view(t, other.id)).connection.status).toBe('not-connected');
  });

  it('denied consent', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl, { decision: 'deny' }));
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'CONSENT_DENIED', message: expect.stringContaining('denied') } });
  });

  it('no refresh token in the answer: says so and offers to reconnect with consent', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    // A consent page reached without prompt=consent (the user already consented once): Zoho
    // issues no refresh token (§3.2).
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const url = new URL(started.authorizeUrl);
    url.searchParams.delete('prompt');
    await t.core.handleDeepLink(await consent(url.toString()));
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: true });
    const after = await view(t, t.profile.id);
    expect(after.connection.lastError).toMatchObject({ code: 'OAUTH_NO_REFRESH_TOKEN', hint: expect.stringMatching(/consent/) });
  });

  it('a pasted org id that is not a number is refused by the form', async () => {
    const t = await setup({ type: 'self' });
    const result = await t.callRaw('auth:clientCredentials', { profileId: t.profile.id, soid: 'Northwind' });
    expect(result.ok ? '' : result.error.fields?.soid).toMatch(/org id is a number/);
  });

  it('every Zoho error string maps to a catalogue entry with a message and a hint', () => {
    for (const [zoho, code] of Object.entries(ZOHO_OAUTH_ERRORS)) {
      const entry = ERROR_CATALOGUE[code] as { message: (c: object) => string; hint?: (c: object) => string };
      expect(entry, zoho).toBeTruthy();
      expect(entry.message({}).length, zoho).toBeGreaterThan(20);
      expect(entry.hint?.({}).length ?? 0, zoho).toBeGreaterThan(10);
    }
    for (const page of ZOHO_AUTHORIZE_PAGE_ERRORS) expect(explain(page.code).hint).toBeTruthy();
  });
});

describe('Self Client and ORGS', () => {
  it('Self Client in the EU', async () => {
    const t = await setup({ type: 'self', dc: 'eu' });
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'elena', org: ORGS.alpenrose });
    const after = await t.call('auth:pasteCode', { profileId: t.profile.id, code });
    expect(after.connection.location).toBe('eu');
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: true });
  });
});
