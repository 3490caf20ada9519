/**
 * Issue 5, one way to connect per Zoho client type (§4.2), against the Demo org over real
 * HTTP: URL scheme (Mobile-based), loopback (Server-based), Self Client (pasted code and
 * client_credentials), device flow (Non-browser) — and each data-centre path (§4.5).
 */
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import { consent } from '../helpers/testCore';
import { approveDevice, lastAuthEvent, ORGS, selfClientCode, setupProfile, sharedClock, view, waitForAuthFinished, type TestCore } from '../helpers/oauth';

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
  while (cores.length) await cores.pop()!.core.close();
});
async function setup(...args: Parameters<typeof setupProfile> extends [DemoOrg, unknown, ...infer R] ? R : never) {
  const t = await setupProfile(demo, clock, ...args);
  cores.push(t);
  return t;
}

describe('Mobile-based client: URL scheme with PKCE S256', () => {
  it('handles a redirect that arrives before anyone listens for events, and a second delivery of it', async () => {
    const t = await setup({ type: 'mobile' });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = await consent(started.authorizeUrl);
    // Cold start: the OS hands the link to the app before the renderer subscribed.
    const events: unknown[] = [];
    await t.core.handleDeepLink(redirect);
    const off = t.core.onEvent((e) => events.push(e));
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
    const before = demo.stats.tokenRequests('authorization_code');
    await t.core.handleDeepLink(redirect); // the OS delivers it again (second-instance)
    expect(demo.stats.tokenRequests('authorization_code')).toBe(before);
    expect(events).toEqual([expect.objectContaining({ type: 'redirect-refused', error: expect.objectContaining({ code: 'REDIRECT_UNKNOWN_STATE' }) })]);
    expect((await view(t, t.profile.id)).connection.via).toBe('scheme');
    off();
  });
});

describe('state: single-use, with a time limit', () => {
  it('refuses a redirect that comes back after the sign-in expired, without calling Zoho', async () => {
    const t = await setup({ type: 'mobile' });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = await consent(started.authorizeUrl);
    clock.advance(11 * 60_000); // past the ten-minute wait
    const before = demo.stats.tokenRequests();
    await t.core.handleDeepLink(redirect);
    expect(demo.stats.tokenRequests()).toBe(before);
    expect(t.events.find((e) => e.type === 'redirect-refused')).toMatchObject({ error: { code: 'REDIRECT_EXPIRED' } });
    expect((await view(t, t.profile.id)).connection).toMatchObject({ status: 'not-connected', lastError: { code: 'REDIRECT_EXPIRED' } });
  });
});

describe('deep link while the app is closed (cold start)', () => {
  it('finishes a sign-in whose redirect starts the app again after it was quit', async () => {
    const { createTestCore } = await import('../helpers/testCore');
    const { testKeychainCipher } = await import('../helpers/testCipher');
    const cipher = testKeychainCipher();
    const first = await setupProfile(demo, clock, { type: 'mobile' }, await createTestCore({ demo, now: clock.now, cipher }));
    cores.push(first);
    const started = await first.call('auth:connect', { profileId: first.profile.id });
    const redirect = await consent(started.authorizeUrl);
    await first.core.close(); // the user quit the app while the browser showed the consent page
    cores.splice(cores.indexOf(first), 1);
    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher });
    cores.push(again);
    expect((await view(again, first.profile.id)).connection.status).toBe('connecting');
    await again.core.handleDeepLink(redirect); // the OS starts the app with the redirect
    expect((await view(again, first.profile.id)).connection.status).toBe('connected');
    // …once only.
    const before = demo.stats.tokenRequests();
    await again.core.handleDeepLink(redirect);
    expect(demo.stats.tokenRequests()).toBe(before);
  });
});

describe('deep link while the app is closed (cold start), Server-based', () => {
  it('listens on the port again after a restart, so Zoho’s redirect still lands', async () => {
    const { createTestCore } = await import('../helpers/testCore');
    const { testKeychainCipher } = await import('../helpers/testCipher');
    const cipher = testKeychainCipher();
    const first = await setupProfile(demo, clock, { type: 'server' }, await createTestCore({ demo, now: clock.now, cipher }));
    cores.push(first);
    const started = await first.call('auth:connect', { profileId: first.profile.id });
    const redirect = new URL(await consent(started.authorizeUrl));
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);
    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher });
    cores.push(again);
    // The browser delivers Zoho's redirect to http://localhost:<port>/… — the new app answers it.
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${first.port}${redirect.pathname}${redirect.search}`).catch(() => null))?.status ?? 0)
      .toBe(200);
    expect((await view(again, first.profile.id)).connection.status).toBe('connected');
  });
});

describe('Server-based client: loopback listener', () => {
  it('listens on the fixed port on 127.0.0.1 and ::1, answers "you can close this tab", then closes', async () => {
    const t = await setup({ type: 'server' });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    expect(started.via).toBe('loopback');
    expect(started.redirectUri).toBe(`http://localhost:${t.port}/oauth/callback`);
    const redirect = new URL(await consent(started.authorizeUrl));
    expect(redirect.origin).toBe(`http://localhost:${t.port}`);
    // The browser resolves "localhost" to ::1 or 127.0.0.1; both are listened on.
    const page = await fetch(`http://127.0.0.1:${t.port}${redirect.pathname}${redirect.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You can close this tab');
    expect((await view(t, t.profile.id)).connection).toMatchObject({ status: 'connected', via: 'loopback' });
    // One valid callback, then the port is free again.
    await expect.poll(async () => fetch(`http://127.0.0.1:${t.port}/oauth/callback`).then(() => 'open', () => 'closed')).toBe('closed');
  });

  it('keeps waiting after a forged callback on the port, and tells the browser why', async () => {
    const t = await setup({ type: 'server' });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const forged = await fetch(`http://127.0.0.1:${t.port}/oauth/callback?code=1000.x&state=forged`);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('not started by this app');
    const redirect = new URL(await consent(started.authorizeUrl));
    const page = await fetch(`http://[::1]:${t.port}${redirect.pathname}${redirect.search}`).catch(() =>
      fetch(`http://127.0.0.1:${t.port}${redirect.pathname}${redirect.search}`),
    );
    expect(page.status).toBe(200);
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });

  it('says clearly that the port is busy, and never moves to another port', async () => {
    const t = await setup({ type: 'server' });
    const squatter = createServer();
    await new Promise<void>((r) => squatter.listen(t.port, '127.0.0.1', r));
    try {
      const result = await t.callRaw('auth:connect', { profileId: t.profile.id });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('LOOPBACK_PORT_BUSY');
      expect(result.error.message).toContain(String(t.port));
      expect(result.error.hint).toMatch(/exact registered port/);
      expect(t.opened).toEqual([]);
      expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
    } finally {
      squatter.close();
    }
  });

  it('after a callback timeout explains the authorize page errors that never redirect (redirect URI off by a slash)', async () => {
    const t = await setup({ type: 'server', registeredRedirect: undefined });
    // Zoho's "Invalid Redirect Uri" page never comes back: register a URI with a trailing slash.
    const client = demo.createClient({ type: 'server', name: 'Off by a slash', redirect_uris: [`http://localhost:${t.port}/oauth/callback/`] });
    await t.call('profiles:update', { id: t.profile.id, changes: { clientId: client.client_id, clientSecret: client.client_secret } });
    t.core.internals.net.callbackWaitMs = 150;
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const page = await fetch(started.authorizeUrl);
    expect(await page.text()).toContain('Invalid Redirect Uri');
    const event = await waitForAuthFinished(t.events);
    expect(event).toMatchObject({ ok: false, error: { code: 'CALLBACK_TIMEOUT' } });
    expect((await view(t, t.profile.id)).connection).toMatchObject({ status: 'not-connected', lastError: { code: 'CALLBACK_TIMEOUT' } });
    await expect.poll(async () => fetch(`http://127.0.0.1:${t.port}/oauth/callback`).then(() => 'open', () => 'closed')).toBe('closed');
  });
});

describe('Self Client: pasted code and client_credentials', () => {
  it('exchanges a pasted code at once (no redirect_uri) and connects', async () => {
    const t = await setup({ type: 'self' });
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'ben' });
    const connected = await t.call('auth:pasteCode', { profileId: t.profile.id, code: `  ${code}\n` });
    expect(connected.connection).toMatchObject({ status: 'connected', via: 'self', userName: 'Ben Okafor', orgName: 'Bluebird Bikes' });
    expect(t.core.internals.vault.state(t.profile.id, 'refreshToken')).toBe('present');
    // The same code a second time: Zoho says invalid_code, the connection is untouched.
    const again = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code });
    expect(again.ok ? '' : again.error.code).toBe('OAUTH_INVALID_CODE');
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });

  it('names the data centre when the code is exchanged at the wrong one, then works at the right one', async () => {
    const t = await setup({ type: 'self', dc: 'eu' });
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'elena', org: ORGS.alpenrose });
    const wrong = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code, dataCentre: 'in' });
    expect(wrong.ok).toBe(false);
    if (wrong.ok) return;
    expect(wrong.error.code).toBe('OAUTH_INVALID_CLIENT');
    expect(wrong.error.message).toBe("This client id isn't registered in the Demo org's India (zoho.in) data centre.");
    expect(wrong.error.hint).toMatch(/open the client's Settings and enable .* or pick the right data centre here/);
    const fresh = await selfClientCode(demo, { client_id: t.client.client_id, user: 'elena', org: ORGS.alpenrose });
    const ok = await t.call('auth:pasteCode', { profileId: t.profile.id, code: fresh, dataCentre: 'eu' });
    expect(ok.connection.apiDomain).toBe(demo.origins.api.eu!.production);
    expect(ok.connection.accountsServer).toBe(demo.origins.accounts.eu);
  });

  it('refuses a pasted code that is not a code, without calling Zoho', async () => {
    const t = await setup({ type: 'self' });
    const before = demo.stats.tokenRequests();
    const result = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code: 'https://api-console.zoho.com/' });
    expect(result.ok ? '' : result.error.code).toBe('SELF_CLIENT_CODE_MALFORMED');
    expect(demo.stats.tokenRequests()).toBe(before);
  });

  it('says a code expired after its lifetime', async () => {
    const t = await setup({ type: 'self' });
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'ben', expiry_minutes: 1 });
    clock.advance(61_000);
    const result = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code });
    expect(result.ok ? '' : result.error.code).toBe('OAUTH_INVALID_CODE');
  });

  it('client_credentials: asks for the org (missing_org_info), then connects with soid and re-mints when the token expires', async () => {
    const t = await setup({ type: 'self' });
    const missing = await t.callRaw('auth:clientCredentials', { profileId: t.profile.id });
    expect(missing.ok ? '' : missing.error.code).toBe('OAUTH_MISSING_ORG');
    const connected = await t.call('auth:clientCredentials', { profileId: t.profile.id, soid: ORGS.northwind });
    expect(connected.connection).toMatchObject({ status: 'connected', renewsWithoutUser: true, orgName: 'Northwind Outfitters' });
    expect(connected.connection.lastError).toBeUndefined(); // no "no refresh token" warning: none is expected
    clock.advance(3600_000);
    const before = demo.stats.tokenRequests('client_credentials');
    const page = await t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 2 });
    expect(page.records).toHaveLength(2);
    expect(demo.stats.tokenRequests('client_credentials') - before).toBe(1);
  });

  it('is refused for a profile of another client type', async () => {
    const t = await setup({ type: 'mobile' });
    const result = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code: '1000.abcdef0123456789.abcdef0123456789' });
    expect(result.ok ? '' : result.error.code).toBe('INVALID_INPUT');
  });
});

describe('Non-browser client: device flow', () => {
  it('shows the user code and URL, polls at the allowed interval, and connects', async () => {
    const t = await setup({ type: 'device' });
    const started = await t.call('auth:startDevice', { profileId: t.profile.id });
    expect(started.userCode).toMatch(/\w+/);
    expect(new URL(started.verificationUrl).origin).toBe(demo.origins.accounts.us);
    expect(started.intervalSeconds).toBe(30);
    await t.device.step(); // first poll: nobody has allowed yet
    await t.device.settled(2);
    const during = await view(t, t.profile.id);
    expect(during.connection.status).toBe('connecting');
    expect(during.connection.device).toMatchObject({ userCode: started.userCode, polls: 1, note: expect.stringMatching(/Still waiting/) });
    await approveDevice(started.verificationUrl, started.userCode, { user: 'ava', org: ORGS.northwind });
    await t.device.step();
    const event = await waitForAuthFinished(t.events);
    expect(event.ok).toBe(true);
    expect(t.device.sleeps).toEqual([30_000, 30_000]);
    const after = await view(t, t.profile.id);
    expect(after.connection).toMatchObject({ status: 'connected', via: 'device', orgName: 'Northwind Outfitters' });
    expect(after.connection.device).toBeUndefined();
  });

  it('respects slow_down by polling less often', async () => {
    const t = await setup({ type: 'device' });
    const started = await t.call('auth:startDevice', { profileId: t.profile.id });
    await t.device.step(); // poll 1 at +30 s: pending
    await t.device.step(10_000); // poll 2 only 10 s later (a laptop waking up): slow_down
    await t.device.settled(3);
    expect(t.device.sleeps).toEqual([30_000, 30_000, 35_000]);
    expect((await view(t, t.profile.id)).connection.device?.note).toMatch(/less often/);
    await approveDevice(started.verificationUrl, started.userCode, { org: ORGS.northwind });
    await t.device.step();
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: true });
  });

  it('follows other_dc to the data centre of the person who allowed, with that DC’s own secret', async () => {
    const t = await setup({ type: 'device', enabledDcs: ['us', 'eu'], sameSecret: false, perDcSecrets: true, multiDc: true });
    const started = await t.call('auth:startDevice', { profileId: t.profile.id });
    await approveDevice(started.verificationUrl, started.userCode, { user: 'elena', org: ORGS.alpenrose });
    await t.device.step(); // US answers other_dc, user_location eu
    await t.device.settled(2);
    expect((await view(t, t.profile.id)).connection.device?.note).toMatch(/Europe/);
    await t.device.step(); // EU answers with tokens
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: true });
    const after = await view(t, t.profile.id);
    expect(after.connection).toMatchObject({ status: 'connected', accountsServer: demo.origins.accounts.eu, apiDomain: demo.origins.api.eu!.production, location: 'eu' });
    // Refreshes go to the EU accounts server too, with the EU secret.
    clock.advance(3600_000);
    const page = await t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(page.records).toHaveLength(1);
  });

  it('reports a denied device sign-in in plain words', async () => {
    const t = await setup({ type: 'device' });
    const started = await t.call('auth:startDevice', { profileId: t.profile.id });
    await approveDevice(started.verificationUrl, started.userCode, { org: ORGS.northwind, decision: 'deny' });
    await t.device.step();
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: false, error: { code: 'CONSENT_DENIED' } });
  });

  it('reports an expired device code', async () => {
    const t = await setup({ type: 'device' });
    await t.call('auth:startDevice', { profileId: t.profile.id });
    await t.device.step(301_000);
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: false, error: { code: 'DEVICE_CODE_EXPIRED' } });
    expect((await view(t, t.profile.id)).connection.lastError?.code).toBe('DEVICE_CODE_EXPIRED');
  });

  it('can be cancelled while polling', async () => {
    const t = await setup({ type: 'device' });
    await t.call('auth:startDevice', { profileId: t.profile.id });
    expect((await view(t, t.profile.id)).connection.status).toBe('connecting');
    await t.call('auth:cancel', { profileId: t.profile.id });
    expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
    expect(t.events.some((e) => e.type === 'auth-finished')).toBe(false);
  });
});

describe('Data centres (§4.5)', () => {
  it('multi-DC: authorizes at US, exchanges and refreshes at the redirect’s accounts server with that DC’s secret', async () => {
    const t = await setup({ type: 'mobile', dc: 'eu', enabledDcs: ['us', 'eu', 'in'], sameSecret: false, perDcSecrets: true, multiDc: true });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    expect(new URL(started.authorizeUrl).origin).toBe(demo.origins.accounts.us);
    const redirect = await consent(started.authorizeUrl, { user: 'priya' });
    expect(new URL(redirect).searchParams.get('accounts-server')).toBe(demo.origins.accounts.in);
    await t.core.handleDeepLink(redirect);
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: true });
    const after = await view(t, t.profile.id);
    expect(after.connection).toMatchObject({ accountsServer: demo.origins.accounts.in, apiDomain: demo.origins.api.in!.production, location: 'in' });
    clock.advance(3600_000);
    const before = demo.stats.tokenRequests('refresh_token');
    await t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
  });

  it('multi-DC with per-DC secrets but none for the user’s DC: names the DC whose secret Zoho refused', async () => {
    const t = await setup({ type: 'mobile', dc: 'us', enabledDcs: ['us', 'in'], sameSecret: false, multiDc: true });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl, { user: 'priya' }));
    const event = lastAuthEvent(t.events);
    expect(event).toMatchObject({ ok: false, error: { code: 'OAUTH_INVALID_CLIENT_SECRET' } });
    expect(event && !event.ok ? event.error.message : '').toContain('India (zoho.in)');
    expect(event && !event.ok ? event.error.hint : '').toMatch(/different secret per data centre/);
  });

  it('multi-DC without a per-DC secret uses the common one', async () => {
    const t = await setup({ type: 'mobile', dc: 'us', enabledDcs: ['us', 'eu'], multiDc: true });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl, { user: 'elena' }));
    expect((await view(t, t.profile.id)).connection).toMatchObject({ status: 'connected', accountsServer: demo.origins.accounts.eu });
  });

  it('China starts at accounts.zoho.com.cn even for a multi-DC client', async () => {
    const t = await setup({ type: 'mobile', dc: 'cn', multiDc: true });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    expect(new URL(started.authorizeUrl).origin).toBe(demo.origins.accounts.cn);
  });

  it('a single-DC profile authorizes at its own data centre', async () => {
    const t = await setup({ type: 'mobile', dc: 'eu' });
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    expect(new URL(started.authorizeUrl).origin).toBe(demo.origins.accounts.eu);
    expect(started.redirectUri).toBe(SCHEME_REDIRECT_URI);
  });

  it('a user whose DC is not enabled for the client: Zoho’s "Invalid Client" page, reached by the callback timeout', async () => {
    const t = await setup({ type: 'mobile', dc: 'us', enabledDcs: ['us'], multiDc: true });
    t.core.internals.net.callbackWaitMs = 150;
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await expect(consent(started.authorizeUrl, { user: 'elena' })).rejects.toThrow(/Invalid Client/);
    expect(await waitForAuthFinished(t.events)).toMatchObject({ ok: false, error: { code: 'CALLBACK_TIMEOUT' } });
  });
});
