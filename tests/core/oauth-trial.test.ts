/**
 * What a new-user trial of OAuth found, each against the Demo org over real HTTP:
 * the environment picked on the consent page vs the profile's (§2.2), old sign-ins that
 * stayed valid (Reconnect, Disconnect, identity edits; §3.4), the consent page's address
 * after a reload, a busy loopback port that is the app's own, and PKCE verifiers on disk.
 */
import { createServer } from 'node:net';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { consent, createTestCore } from '../helpers/testCore';
import { testKeychainCipher } from '../helpers/testCipher';
import { approveDevice, lastAuthEvent, ORGS, setupProfile, sharedClock, view, waitForAuthFinished, type TestCore } from '../helpers/oauth';

const NORTHWIND_SANDBOX = '60021458299';
const NORTHWIND_DEVELOPER = '60021458377';

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
  vi.restoreAllMocks();
  demo.faults.clear();
  while (cores.length) await cores.pop()!.core.close();
});
async function setup(...args: Parameters<typeof setupProfile> extends [DemoOrg, unknown, ...infer R] ? R : never) {
  const t = await setupProfile(demo, clock, ...args);
  cores.push(t);
  return t;
}
type Setup = Awaited<ReturnType<typeof setup>>;
/** Zoho allows 10 grant codes per client per 10 minutes (§2.2): tests that connect often let time pass. */
const nextWindow = () => clock.advance(10 * 60_000 + 1);

async function connect(t: Setup, org: string = ORGS.northwind) {
  const started = await t.call('auth:connect', { profileId: t.profile.id });
  await t.core.handleDeepLink(await consent(started.authorizeUrl, { org }));
  return lastAuthEvent(t.events);
}

/** Does Zoho (the Demo org) still accept this refresh token? */
async function refreshWorks(t: Setup, refreshToken: string): Promise<boolean> {
  const res = await fetch(`${demo.origins.accounts.us}/oauth/v2/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: t.client.client_id, client_secret: t.client.client_secret }),
  });
  return 'access_token' in ((await res.json()) as object);
}

/** Records every refresh token the token endpoint hands out, including ones the app never keeps. */
function captureMintedRefreshTokens(): string[] {
  const minted: string[] = [];
  const original = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/^\/oauth\/v[23]\/(device\/)?token$/.test(new URL(url).pathname)) {
      const body = (await response.clone().json().catch(() => ({}))) as { refresh_token?: string };
      if (body.refresh_token) minted.push(body.refresh_token);
    }
    return response;
  });
  return minted;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('the org picked on the consent page must be the profile’s environment (§2.2)', () => {
  it('refuses a Sandbox profile connected to the production org, revokes what Zoho minted, and keeps nothing', async () => {
    const t = await setup({ type: 'mobile' });
    await t.call('profiles:update', { id: t.profile.id, changes: { environment: 'sandbox' } });
    nextWindow();
    const minted = captureMintedRefreshTokens();
    const event = await connect(t, ORGS.northwind);
    expect(event).toMatchObject({ ok: false, error: { code: 'OAUTH_ENVIRONMENT_MISMATCH' } });
    const error = event && !event.ok ? event.error : { message: '', hint: '' };
    expect(error.message).toContain('You picked the production org, but this profile is for Sandbox.');
    expect(error.hint).toContain("Connect again and pick the Sandbox org, or change this profile's environment.");
    // Nothing kept: no connection, no token, not counted toward the 20.
    const after = await view(t, t.profile.id);
    expect(after.connection).toMatchObject({ status: 'not-connected', lastError: { code: 'OAUTH_ENVIRONMENT_MISMATCH' } });
    expect(after.connection.apiDomain).toBeUndefined();
    expect(t.core.internals.vault.state(t.profile.id, 'refreshToken')).toBe('absent');
    expect(t.core.internals.tokens.expiresAt(t.profile.id)).toBeUndefined();
    expect(Object.values(t.core.internals.ledger['read']().refreshTokens).flat()).toEqual([]);
    // …and the refresh token Zoho minted no longer works.
    expect(minted).toHaveLength(1);
    vi.restoreAllMocks();
    expect(await refreshWorks(t, minted[0]!)).toBe(false);
    const records = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(!records.ok && records.error.code).toBe('NOT_CONNECTED');

    // Picking the Sandbox org connects, to the Sandbox API.
    const ok = await connect(t, NORTHWIND_SANDBOX);
    expect(ok).toMatchObject({ ok: true });
    expect((await view(t, t.profile.id)).connection).toMatchObject({ status: 'connected', apiDomain: demo.origins.api.us!.sandbox });
  });

  it('refuses a production profile connected to the Sandbox (or developer) org', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    const minted = captureMintedRefreshTokens();
    const sandbox = await connect(t, NORTHWIND_SANDBOX);
    expect(sandbox).toMatchObject({ ok: false, error: { code: 'OAUTH_ENVIRONMENT_MISMATCH' } });
    expect(sandbox && !sandbox.ok ? sandbox.error.message : '').toContain('You picked the Sandbox org, but this profile is for production.');
    const developer = await connect(t, NORTHWIND_DEVELOPER);
    expect(developer && !developer.ok ? developer.error.message : '').toContain('You picked the Developer org, but this profile is for production.');
    expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
    vi.restoreAllMocks();
    expect(minted).toHaveLength(2);
    for (const token of minted) expect(await refreshWorks(t, token)).toBe(false);
  });

  it('refuses a single-DC profile whose sign-in came back from another data centre (multi-DC: see oauth-connect)', async () => {
    const minted = captureMintedRefreshTokens();
    const t = await setup({ type: 'device', enabledDcs: ['us', 'eu'], multiDc: false });
    const started = await t.call('auth:startDevice', { profileId: t.profile.id });
    await approveDevice(started.verificationUrl, started.userCode, { user: 'elena', org: ORGS.alpenrose });
    await t.device.step(); // US answers other_dc: Elena lives in the EU
    await t.device.settled(2);
    await t.device.step(); // the EU answers with tokens for an EU org
    const event = await waitForAuthFinished(t.events);
    expect(event).toMatchObject({ ok: false, error: { code: 'OAUTH_DATA_CENTRE_MISMATCH' } });
    expect(!event.ok && event.error.message).toContain('Europe');
    expect(!event.ok && event.error.message).toContain('this profile is for the United States');
    expect((await view(t, t.profile.id)).connection.status).toBe('not-connected');
    vi.restoreAllMocks();
    expect(minted.length).toBeGreaterThan(0);
    for (const token of minted) {
      const res = await fetch(`${demo.origins.accounts.eu}/oauth/v2/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: token, client_id: t.client.client_id, client_secret: t.client.client_secret }),
      });
      expect(await res.json()).not.toHaveProperty('access_token');
    }
  });

  it('a refused reconnect leaves the working connection as it was', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    expect(await connect(t)).toMatchObject({ ok: true });
    const kept = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    expect(await connect(t, NORTHWIND_SANDBOX)).toMatchObject({ ok: false, error: { code: 'OAUTH_ENVIRONMENT_MISMATCH' } });
    expect(t.core.internals.vault.get(t.profile.id, 'refreshToken')).toBe(kept);
    expect(await refreshWorks(t, kept)).toBe(true);
    expect((await view(t, t.profile.id)).connection.apiDomain).toBe(demo.origins.api.us!.production);
  });
});

describe('old sign-ins do not stay valid (§3.4)', () => {
  it('Reconnect revokes the refresh token it replaces; the new one works', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const old = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    expect(await connect(t)).toMatchObject({ ok: true });
    const current = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    expect(current).not.toBe(old);
    expect(await refreshWorks(t, old)).toBe(false);
    expect(await refreshWorks(t, current)).toBe(true);
    // Only the live one counts toward Zoho's 20.
    const userId = t.core.internals.ledger.facts(t.profile.id).lastUserId!;
    expect(t.core.internals.ledger.activeRefreshTokens(t.profile.clientId, userId)).toHaveLength(1);
    expect((await view(t, t.profile.id)).connection.warning).toBeUndefined();
  });

  it('when Zoho can’t be asked, Reconnect keeps the new connection and says so; Disconnect then revokes both', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const old = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: '503' });
    expect(await connect(t)).toMatchObject({ ok: true });
    const connection = (await view(t, t.profile.id)).connection;
    expect(connection.status).toBe('connected');
    expect(connection.warning).toMatchObject({ code: 'OLD_SIGN_IN_NOT_REVOKED' });
    expect(connection.warning?.message).toMatch(/could not ask Zoho to cancel this profile’s previous sign-in/);
    expect(await refreshWorks(t, old)).toBe(true); // honest: it still works
    const current = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;

    await t.call('auth:disconnect', { profileId: t.profile.id, revoke: true });
    expect(await refreshWorks(t, old)).toBe(false);
    expect(await refreshWorks(t, current)).toBe(false);
    expect(t.core.internals.vault.state(t.profile.id, 'replacedRefreshTokens')).toBe('absent');
  });

  it('Disconnect that can’t revoke an older sign-in keeps the connection and says so', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const old = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: '503' });
    await connect(t);
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: '503' });
    const result = await t.callRaw('auth:disconnect', { profileId: t.profile.id, revoke: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.hint).toMatch(/Forget locally/);
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
    expect(await refreshWorks(t, old)).toBe(true);
  });

  for (const [field, changes] of [
    ['environment', { environment: 'sandbox' }],
    ['client id', { clientId: '1000.OTHERCLIENTID00000000000000000' }],
    ['data centre', { dataCentre: 'eu' }],
  ] as const) {
    it(`editing a connected profile’s ${field} revokes the sign-in at Zoho before the connection is dropped`, async () => {
      const t = await setup({ type: 'mobile' });
      nextWindow();
      await connect(t);
      const old = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
      const updated = await t.call('profiles:update', { id: t.profile.id, changes });
      expect(updated.connection.status).toBe('not-connected');
      expect(await refreshWorks(t, old)).toBe(false);
      const userId = t.core.internals.ledger.facts(t.profile.id).lastUserId!;
      expect(t.core.internals.ledger.activeRefreshTokens(t.profile.clientId, userId)).toHaveLength(0);
    });
  }

  it('an edit that does not change who the profile is keeps the connection', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const token = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    const updated = await t.call('profiles:update', { id: t.profile.id, changes: { name: 'Renamed', notes: 'hello', clientId: ` ${t.profile.clientId} ` } });
    expect(updated.connection.status).toBe('connected');
    expect(await refreshWorks(t, token)).toBe(true);
  });

  it('an invalid identity edit is refused before anything is revoked', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const token = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    const result = await t.callRaw('profiles:update', { id: t.profile.id, changes: { clientId: 'not a client id' } });
    expect(!result.ok && result.error.code).toBe('INVALID_INPUT');
    expect((await view(t, t.profile.id)).connection.status).toBe('connected');
    expect(await refreshWorks(t, token)).toBe(true);
  });

  it('an identity edit while Zoho can’t be asked is refused: nothing saved, still connected, says what to do', async () => {
    const t = await setup({ type: 'mobile' });
    nextWindow();
    await connect(t);
    const token = t.core.internals.vault.get(t.profile.id, 'refreshToken')!;
    demo.faults.inject({ path: '/oauth/v2/token/revoke', kind: '503' });
    const result = await t.callRaw('profiles:update', { id: t.profile.id, changes: { environment: 'sandbox' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.hint).toMatch(/Your changes were not saved/);
    expect(!result.ok && result.error.hint).toMatch(/Forget locally/);
    const after = await view(t, t.profile.id);
    expect(after.environment).toBe('production');
    expect(after.connection.status).toBe('connected');
    expect(await refreshWorks(t, token)).toBe(true);
  });
});

describe('"Open the consent page again" after a reload', () => {
  it('the waiting profile’s view carries the consent page’s address, also after a restart', async () => {
    const cipher = testKeychainCipher();
    const first = await setupProfile(demo, clock, { type: 'mobile' }, await createTestCore({ demo, now: clock.now, cipher }));
    cores.push(first);
    const started = await first.call('auth:connect', { profileId: first.profile.id });
    const waiting = (await view(first, first.profile.id)).connection;
    expect(waiting).toMatchObject({ status: 'connecting', pendingAuthorizeUrl: started.authorizeUrl });
    // No secret in it: the PKCE challenge and the state only.
    const url = new URL(waiting.pendingAuthorizeUrl!);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.has('code_verifier')).toBe(false);
    expect(url.searchParams.has('client_secret')).toBe(false);
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);
    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher });
    cores.push(again);
    expect((await view(again, first.profile.id)).connection.pendingAuthorizeUrl).toBe(started.authorizeUrl);
    await again.call('auth:cancel', { profileId: first.profile.id });
    expect((await view(again, first.profile.id)).connection.pendingAuthorizeUrl).toBeUndefined();
  });
});

describe('a busy loopback port that is the app’s own', () => {
  it('names the other profile whose sign-in is waiting on that port', async () => {
    const a = await setup({ type: 'server' });
    await a.call('profiles:update', { id: a.profile.id, changes: { name: 'Acme prod' } });
    const b = await setupProfile(demo, clock, { type: 'server', port: a.port }, a);
    await a.call('auth:connect', { profileId: a.profile.id });
    const result = await a.callRaw('auth:connect', { profileId: b.profile.id });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('LOOPBACK_PORT_BUSY');
    expect(result.error.message).toBe(`Port ${a.port} is being used by this app for another profile that is waiting to connect ('Acme prod').`);
    expect(result.error.hint).toMatch(/^Cancel that connect first, or choose another port/);
    expect(result.error.message).not.toMatch(/another program/);
    // Once that connect is cancelled, the port is free for this one.
    await a.call('auth:cancel', { profileId: a.profile.id });
    expect((await a.callRaw('auth:connect', { profileId: b.profile.id })).ok).toBe(true);
  });

  it('says when the port is the one the app’s own browser-mode page is served on', async () => {
    const t = await setup({ type: 'server' });
    const page = createServer();
    await new Promise<void>((r) => page.listen(t.port, '127.0.0.1', r));
    t.core.internals.net.appPorts.add(t.port);
    try {
      const result = await t.callRaw('auth:connect', { profileId: t.profile.id });
      expect(!result.ok && result.error.code).toBe('LOOPBACK_PORT_BUSY');
      expect(!result.ok && result.error.message).toMatch(/being used by this app itself/);
      expect(!result.ok && result.error.message).not.toMatch(/another program/);
    } finally {
      page.close();
    }
  });
});

describe('PKCE verifiers never sit in a file in plain text', () => {
  it('keeps a pending sign-in’s verifier sealed in the vault, and the cold start still finishes', async () => {
    const cipher = testKeychainCipher();
    const first = await setupProfile(demo, clock, { type: 'mobile' }, await createTestCore({ demo, now: clock.now, cipher }));
    cores.push(first);
    const started = await first.call('auth:connect', { profileId: first.profile.id });
    const { verifier } = JSON.parse(first.core.internals.vault.get(first.profile.id, 'pkceVerifier')!) as { verifier: string };
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    const scan = () => filesUnder(first.dataDir).filter((f) => readFileSync(f, 'latin1').includes(verifier));
    expect(scan()).toEqual([]);
    expect(readFileSync(join(first.dataDir, 'auth-ledger.json'), 'utf8')).toContain(new URL(started.authorizeUrl).searchParams.get('state')!);

    const redirect = await consent(started.authorizeUrl);
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);
    expect(scan()).toEqual([]);
    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher });
    cores.push(again);
    await again.core.handleDeepLink(redirect);
    expect((await view(again, first.profile.id)).connection.status).toBe('connected');
    expect(again.core.internals.vault.state(first.profile.id, 'pkceVerifier')).toBe('absent');
    expect(scan()).toEqual([]);
  });

  it('moves a verifier left in auth-ledger.json by an older version into the vault, and scrubs the file', async () => {
    const cipher = testKeychainCipher();
    const first = await setupProfile(demo, clock, { type: 'mobile' }, await createTestCore({ demo, now: clock.now, cipher }));
    cores.push(first);
    const started = await first.call('auth:connect', { profileId: first.profile.id });
    const { verifier } = JSON.parse(first.core.internals.vault.get(first.profile.id, 'pkceVerifier')!) as { verifier: string };
    const redirect = await consent(started.authorizeUrl);
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);
    // What the previous version wrote: the verifier in plain text next to the state.
    const ledgerPath = join(first.dataDir, 'auth-ledger.json');
    const ledger = JSON.parse(readFileSync(ledgerPath, 'utf8')) as { pending: Record<string, unknown>[] };
    ledger.pending = ledger.pending.map((p) => ({ ...p, verifier }));
    writeFileSync(ledgerPath, JSON.stringify(ledger));
    const vaultPath = join(first.dataDir, 'secrets.json');
    const secrets = JSON.parse(readFileSync(vaultPath, 'utf8')) as { entries: Record<string, Record<string, unknown>> };
    delete secrets.entries[first.profile.id]!.pkceVerifier;
    writeFileSync(vaultPath, JSON.stringify(secrets));

    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher });
    cores.push(again);
    expect(readFileSync(ledgerPath, 'utf8')).not.toContain(verifier);
    expect(filesUnder(first.dataDir).filter((f) => readFileSync(f, 'latin1').includes(verifier))).toEqual([]);
    await again.core.handleDeepLink(redirect);
    expect((await view(again, first.profile.id)).connection.status).toBe('connected');
  });

  it('with a memory-only vault, a pending sign-in does not outlive the app (its verifier was never written down)', async () => {
    const { memoryOnlyCipher } = await import('../../electron/web/nodeAdapters');
    const first = await setupProfile(demo, clock, { type: 'mobile' }, await createTestCore({ demo, now: clock.now, cipher: memoryOnlyCipher }));
    cores.push(first);
    await first.call('auth:connect', { profileId: first.profile.id });
    const { verifier } = JSON.parse(first.core.internals.vault.get(first.profile.id, 'pkceVerifier')!) as { verifier: string };
    expect(filesUnder(first.dataDir).filter((f) => readFileSync(f, 'latin1').includes(verifier))).toEqual([]);
    await first.core.close();
    cores.splice(cores.indexOf(first), 1);
    const again = await createTestCore({ demo, now: clock.now, dataDir: first.dataDir, cipher: memoryOnlyCipher });
    cores.push(again);
    expect((await view(again, first.profile.id)).connection.status).toBe('not-connected');
  });
});
