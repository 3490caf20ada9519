/**
 * The walking skeleton's core path over real HTTP against the Demo org on 127.0.0.1:
 * create a profile, Connect, consent, redirect back through the deep-link entry, see who
 * is connected, read records, refresh after expiry, survive a restart.
 */
import { createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import type { AppEvent, ProfileView } from '../../shared/ipc/contract';
import { testKeychainCipher } from '../helpers/testCipher';
import { consent, createTestCore, tempDir } from '../helpers/testCore';

let demo: DemoOrg;
let clock = Date.now();
const now = () => clock;

beforeAll(async () => {
  demo = await startDemoOrg({ now });
});
afterAll(async () => {
  await demo.close();
});

const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});

async function setup(options: { secret?: string; dataDir?: string; cipher?: ReturnType<typeof testKeychainCipher> } = {}) {
  const client = demo.createClient({ type: 'mobile', name: 'Skeleton test', redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us', 'eu', 'in'] });
  const t = await createTestCore({ demo, now, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.cipher ? { cipher: options.cipher } : {}) });
  cores.push(t.core);
  const profile = await t.call('profiles:create', {
    name: 'Zylker US',
    orgLabel: 'Zylker',
    service: 'demo',
    environment: 'production',
    dataCentre: 'us',
    clientType: 'mobile',
    clientId: client.client_id,
    clientSecret: options.secret ?? client.client_secret,
    scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'],
  });
  return { ...t, client, profile };
}

function lastAuthEvent(events: AppEvent[]) {
  return [...events].reverse().find((e) => e.type === 'auth-finished');
}

async function connectWithConsent(t: Awaited<ReturnType<typeof setup>>, decision: 'allow' | 'deny' = 'allow') {
  const started = await t.call('auth:connect', { profileId: t.profile.id });
  const redirect = await consent(started.authorizeUrl, { decision });
  await t.core.handleDeepLink(redirect);
  return { started, redirect };
}

describe('Connect through the URL scheme (walking skeleton)', () => {
  it('opens the consent page in the browser with PKCE S256, state, offline access and comma-separated scopes', async () => {
    const t = await setup();
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    expect(t.opened).toEqual([started.authorizeUrl]);
    const url = new URL(started.authorizeUrl);
    expect(url.origin).toBe(demo.origins.accounts.us);
    expect(url.pathname).toBe('/oauth/v2/auth');
    expect(url.searchParams.get('client_id')).toBe(t.client.client_id);
    expect(url.searchParams.get('redirect_uri')).toBe(SCHEME_REDIRECT_URI);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(url.searchParams.get('state')?.length).toBeGreaterThan(20);
    expect(url.searchParams.get('access_type')).toBe('offline');
    expect(url.searchParams.get('prompt')).toBe('consent');
    expect(url.searchParams.get('scope')).toBe('ZohoCRM.modules.ALL,ZohoCRM.settings.modules.READ,ZohoCRM.settings.fields.READ,ZohoCRM.users.READ,ZohoCRM.org.READ');
    // The secret never travels in the browser.
    expect(started.authorizeUrl).not.toContain(t.client.client_secret);
  });

  it('connects, says who is connected, and lists modules, fields and records', async () => {
    const t = await setup();
    const { redirect } = await connectWithConsent(t);
    expect(redirect.startsWith(`${SCHEME_REDIRECT_URI}?`)).toBe(true);
    const event = lastAuthEvent(t.events);
    expect(event).toMatchObject({ type: 'auth-finished', ok: true });
    const [view] = await t.call('profiles:list');
    expect(view!.connection.status).toBe('connected');
    expect(view!.connection.userName).toBeTruthy();
    expect(view!.connection.orgName).toBeTruthy();
    expect(view!.connection.apiDomain).toBe(demo.origins.api.us!.production);

    const modules = await t.call('crm:modules', { profileId: t.profile.id });
    expect(modules.map((m) => m.apiName)).toEqual(expect.arrayContaining(['Leads', 'Contacts', 'Accounts', 'Deals']));
    const fields = await t.call('crm:fields', { profileId: t.profile.id, module: 'Leads' });
    expect(fields.map((f) => f.apiName)).toEqual(expect.arrayContaining(['Last_Name', 'Email']));
    const page = await t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name', 'Email'], page: 1, perPage: 25 });
    expect(page.records).toHaveLength(25);
    expect(page.records[0]).toHaveProperty('Last_Name');
    expect(page.info.moreRecords).toBe(true);
  });

  it('refreshes the access token once it has expired, with exactly one refresh request', async () => {
    const t = await setup();
    await connectWithConsent(t);
    const before = demo.stats.tokenRequests('refresh_token');
    clock += 3600 * 1000; // an hour later: the access token has expired
    demo.clock.advance(0);
    const calls = await Promise.all(
      Array.from({ length: 10 }, () => t.call('crm:records', { profileId: t.profile.id, module: 'Contacts', fields: ['Last_Name'], page: 1, perPage: 5 })),
    );
    expect(calls.every((c) => c.records.length === 5)).toBe(true);
    expect(demo.stats.tokenRequests('refresh_token') - before).toBe(1);
    const [view] = await t.call('profiles:list');
    expect(view!.connection.accessTokenExpiresAt).toBeGreaterThan(clock);
  });

  it('stays connected after a restart: the refresh token is on disk, encrypted', async () => {
    const dataDir = tempDir();
    const cipher = testKeychainCipher();
    const t = await setup({ dataDir, cipher });
    await connectWithConsent(t);
    await t.core.close();
    cores.pop();

    const reopened = await createTestCore({ demo, now, dataDir, cipher });
    cores.push(reopened.core);
    const [view] = await reopened.call('profiles:list');
    expect(view!.name).toBe('Zylker US');
    expect(view!.hasClientSecret).toBe(true);
    expect(view!.connection.status).toBe('connected');
    const page = await reopened.call('crm:records', { profileId: view!.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 3 });
    expect(page.records).toHaveLength(3);

    // Nothing secret in plaintext in any file the app wrote; the secrets file is 0600.
    const files = readdirSync(dataDir).map((f) => join(dataDir, f));
    const text = files.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toContain(t.client.client_secret);
    expect(text).not.toMatch(/1000\.[0-9a-f]{32}\.[0-9a-f]{32}/); // Zoho-shaped tokens
    const secretsFile = files.find((f) => f.endsWith('secrets.json'))!;
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    // Every file the app wrote is private to the user, not only the secrets.
    const modes = Object.fromEntries(files.filter((f) => statSync(f).isFile()).map((f) => [f.slice(dataDir.length + 1), (statSync(f).mode & 0o777).toString(8)]));
    expect(Object.values(modes).every((m) => m === '600'), JSON.stringify(modes)).toBe(true);
  });

  it('refuses a forged redirect (unknown state) before any network call, with a clear message', async () => {
    const t = await setup();
    await t.call('auth:connect', { profileId: t.profile.id });
    const before = demo.stats.tokenRequests();
    await t.core.handleDeepLink(`${SCHEME_REDIRECT_URI}?code=1000.forged&state=not-ours&location=us&accounts-server=${encodeURIComponent(demo.origins.accounts.us!)}`);
    expect(demo.stats.tokenRequests()).toBe(before);
    const refused = t.events.find((e) => e.type === 'redirect-refused');
    expect(refused).toMatchObject({ error: { code: 'REDIRECT_UNKNOWN_STATE' } });
    const [view] = await t.call('profiles:list');
    expect(view!.connection.status).toBe('connecting'); // the real Connect is still waiting
  });

  it('ignores a second delivery of the same redirect with a message', async () => {
    const t = await setup();
    const { redirect } = await connectWithConsent(t);
    const before = demo.stats.tokenRequests();
    await t.core.handleDeepLink(redirect);
    expect(demo.stats.tokenRequests()).toBe(before);
    expect(t.events.filter((e) => e.type === 'redirect-refused')).toHaveLength(1);
    const [view] = await t.call('profiles:list');
    expect(view!.connection.status).toBe('connected');
  });

  it('refuses an accounts-server that is not an allowed host and never sends the secret there', async () => {
    const hits: string[] = [];
    const evil: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        hits.push(`${req.method} ${req.url} ${body}`);
        res.end('{}');
      });
    });
    await new Promise<void>((r) => evil.listen(0, '127.0.0.1', r));
    const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    try {
      const t = await setup();
      const started = await t.call('auth:connect', { profileId: t.profile.id });
      const redirect = new URL(await consent(started.authorizeUrl));
      redirect.searchParams.set('accounts-server', evilOrigin);
      const before = demo.stats.tokenRequests();
      await t.core.handleDeepLink(redirect.toString());
      expect(hits).toEqual([]);
      expect(demo.stats.tokenRequests()).toBe(before);
      expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'ACCOUNTS_SERVER_NOT_ALLOWED' } });
      const error = (lastAuthEvent(t.events) as { error: { message: string } }).error;
      expect(error.message).toContain(new URL(evilOrigin).host);
      const [view] = await t.call('profiles:list');
      expect(view!.connection.status).toBe('not-connected');
      // A real Zoho host that isn't an accounts server is refused too.
      expect(t.core.isAllowedExternalUrl('https://evil.example/oauth/v2/auth')).toBe(false);
    } finally {
      evil.close();
    }
  });

  it("turns Zoho's HTTP-200 token error into a clear message (wrong client secret)", async () => {
    const t = await setup({ secret: 'not-the-right-secret-0000' });
    await connectWithConsent(t);
    const event = lastAuthEvent(t.events) as { ok: boolean; error: { code: string; message: string; hint?: string } };
    expect(event.ok).toBe(false);
    expect(event.error.code).toBe('OAUTH_INVALID_CLIENT_SECRET');
    expect(event.error.hint).toMatch(/API console/);
    const [view] = await t.call('profiles:list');
    expect(view!.connection.status).toBe('not-connected');
    expect(view!.connection.lastError?.code).toBe('OAUTH_INVALID_CLIENT_SECRET');
  });

  it('shows a denied consent as such', async () => {
    const t = await setup();
    await connectWithConsent(t, 'deny');
    expect(lastAuthEvent(t.events)).toMatchObject({ ok: false, error: { code: 'CONSENT_DENIED' } });
  });

  it('never shows secrets to the renderer and never logs them', async () => {
    const t = await setup();
    await connectWithConsent(t);
    await t.call('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    const views: ProfileView[] = await t.call('profiles:list');
    const everything = JSON.stringify(views) + JSON.stringify(t.events) + t.logLines.join('\n');
    expect(everything).not.toContain(t.client.client_secret);
    expect(everything).not.toMatch(/1000\.[0-9a-f]{32}\.[0-9a-f]{32}/);
    expect(views[0]!.hasClientSecret).toBe(true);
  });
});
