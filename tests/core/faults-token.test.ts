/**
 * Faults on the token endpoint (hang, reset, 5xx, an HTML page, cut-off JSON): a clear error
 * every time, never a wait past the timeout, and the profile and its tokens intact — on the
 * code exchange, on a refresh, and on a Self Client's code.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg, type FaultKind } from '../../electron/core/demo-org/index';
import { consent } from '../helpers/testCore';
import { lastAuthEvent, selfClientCode, setupProfile, sharedClock, view, type TestCore } from '../helpers/oauth';

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
  demo.faults.clear();
  while (cores.length) await cores.pop()!.core.close();
});

const FAULTS: { kind: FaultKind; code: string }[] = [
  { kind: 'hang', code: 'TIMEOUT' },
  { kind: 'reset', code: 'NETWORK' },
  { kind: '500', code: 'SERVER_ERROR' },
  { kind: '502', code: 'SERVER_ERROR' },
  { kind: '503', code: 'SERVER_ERROR' },
  { kind: 'html', code: 'BAD_RESPONSE' },
  { kind: 'truncated-json', code: 'BAD_RESPONSE' },
];
/** The test timeout is 800 ms (helpers/oauth.ts); nothing may take much longer. */
const LIMIT_MS = 2500;

describe.each(FAULTS)('token endpoint fault: $kind', ({ kind, code }) => {
  it(`refresh: ${code}, within the timeout, connection and refresh token kept, works once the fault is gone`, async () => {
    const t = await setupProfile(demo, clock, { type: 'mobile' });
    cores.push(t);
    clock.advance(10 * 60_000 + 1);
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl));
    const refreshToken = t.core.internals.vault.get(t.profile.id, 'refreshToken');
    clock.advance(3600_000);
    demo.faults.inject({ path: '/oauth/v2/token', kind });
    const before = Date.now();
    const result = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(Date.now() - before).toBeLessThan(LIMIT_MS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message.length).toBeGreaterThan(10);
    expect(result.error.hint).toMatch(/Try again|try again/);
    // The raw answer is there on request ("Show details"), never a token.
    expect(result.error.details).toBeTruthy();
    expect(result.error.details).not.toContain(refreshToken!);
    // Intact: same profile, same refresh token, still connected.
    expect(t.core.internals.vault.get(t.profile.id, 'refreshToken')).toBe(refreshToken);
    const after = await view(t, t.profile.id);
    expect(after.connection.status).toBe('connected');
    expect(after.name).toBe(t.profile.name);
    const retry = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(retry.ok).toBe(true);
  });

  it(`code exchange: ${code}, within the timeout, the profile unchanged and ready to try again`, async () => {
    const t = await setupProfile(demo, clock, { type: 'mobile' });
    cores.push(t);
    clock.advance(10 * 60_000 + 1);
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = await consent(started.authorizeUrl);
    demo.faults.inject({ path: '/oauth/v2/token', kind });
    const before = Date.now();
    await t.core.handleDeepLink(redirect);
    expect(Date.now() - before).toBeLessThan(LIMIT_MS);
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code } });
    const after = await view(t, t.profile.id);
    expect(after.connection.status).toBe('not-connected');
    expect(after.connection.lastError?.code).toBe(code);
    expect(after.hasClientSecret).toBe(true);
    // Connect again works.
    const again = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(again.authorizeUrl));
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
  });
});

describe('Self Client code exchange under a fault', () => {
  it('a hang gives a timeout in time; the profile is not half-connected', async () => {
    const t = await setupProfile(demo, clock, { type: 'self' });
    cores.push(t);
    clock.advance(10 * 60_000 + 1);
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'ben' });
    demo.faults.inject({ path: '/oauth/v2/token', kind: 'hang' });
    const before = Date.now();
    const result = await t.callRaw('auth:pasteCode', { profileId: t.profile.id, code });
    expect(Date.now() - before).toBeLessThan(LIMIT_MS);
    expect(result.ok ? '' : result.error.code).toBe('TIMEOUT');
    expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
    expect(t.core.internals.vault.state(t.profile.id, 'refreshToken')).toBe('absent');
  });

  it('can be cancelled while the exchange hangs', async () => {
    const t = await setupProfile(demo, clock, { type: 'self' });
    cores.push(t);
    t.core.internals.net.timeoutMs = 30_000;
    clock.advance(10 * 60_000 + 1);
    const code = await selfClientCode(demo, { client_id: t.client.client_id, user: 'ben' });
    demo.faults.inject({ path: '/oauth/v2/token', kind: 'hang' });
    const pending = t.callRaw('auth:pasteCode', { profileId: t.profile.id, code });
    await new Promise((r) => setTimeout(r, 50));
    expect((await view(t, t.profile.id)).connection.status).toBe('connecting');
    await t.call('auth:cancel', { profileId: t.profile.id });
    const result = await pending;
    expect(result.ok ? '' : result.error.code).toBe('CANCELLED');
    expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
  });
});
