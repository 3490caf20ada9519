import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { ALPENROSE, authorizeUrl, callbackOf, consent, mobileClient, NORTHWIND_SANDBOX, pkce, SCHEME_REDIRECT_URI, start } from './helpers';

describe('Accounts: authorization and consent', () => {
  let demo: DemoOrg;
  beforeAll(async () => {
    demo = await start();
  });
  afterAll(() => demo.close());
  const { challenge } = pkce();

  it('§2.1 the consent page lists the scopes in plain words with Allow and Deny buttons', async () => {
    const client = mobileClient(demo);
    const res = await fetch(authorizeUrl(demo, { client_id: client.client_id, scope: 'ZohoCRM.users.READ,ZohoCRM.modules.deals.READ', code_challenge: challenge }));
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('See the CRM users, including who is connected.');
    expect(html).toContain('Read Deals records.');
    expect(html).toMatch(/<button[^>]*value="allow"[^>]*>Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny"[^>]*>Deny<\/button>/);
  });

  it('§2.2 the org picker appears only when the user has several orgs', async () => {
    const client = mobileClient(demo);
    const params = { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge };
    const url = authorizeUrl(demo, params);
    const many = await (await fetch(url)).text();
    expect(many.match(/type="radio" name="org"/g)).toHaveLength(3);
    url.searchParams.set('demo_user', 'ben');
    const one = await (await fetch(url)).text();
    expect(one).not.toContain('type="radio" name="org"');
    expect(one).toContain('Bluebird Bikes');
  });

  it('§2.2 Allow redirects with code, state, location and accounts-server', async () => {
    const client = mobileClient(demo);
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge, state: 'xyz' });
    const cb = callbackOf(res);
    expect(`${cb.protocol}//${cb.host}${cb.pathname}`).toBe(SCHEME_REDIRECT_URI);
    expect(cb.searchParams.get('code')).toMatch(/^1000\./);
    expect(cb.searchParams.get('state')).toBe('xyz');
    expect(cb.searchParams.get('location')).toBe('us');
    expect(cb.searchParams.get('accounts-server')).toBe(demo.origins.accounts['us']);
  });

  it('§2.2 Deny redirects back with an error and the state', async () => {
    const client = mobileClient(demo);
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge, state: 's2' }, { decision: 'deny' });
    const cb = callbackOf(res);
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('state')).toBe('s2');
    expect(cb.searchParams.get('code')).toBeNull();
  });

  it('§2.2 an unknown client id gets an error page, not a redirect', async () => {
    const res = await fetch(authorizeUrl(demo, { client_id: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', scope: 'ZohoCRM.org.READ' }), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Invalid Client');
  });

  it('§2.2 a redirect URI that does not match gets an error page, not a redirect', async () => {
    const client = mobileClient(demo);
    const res = await fetch(authorizeUrl(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', redirect_uri: 'connected-app-console://oauth/other' }), { redirect: 'manual' });
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Invalid Redirect Uri');
  });

  it('§2.1 scopes are comma-separated; a space-separated list is an invalid scope', async () => {
    const client = mobileClient(demo);
    const res = await fetch(authorizeUrl(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ ZohoCRM.users.READ', code_challenge: challenge }));
    expect(await res.text()).toContain('Invalid OAuth Scope');
  });

  it('§2.1 mobile clients must send PKCE', async () => {
    const client = mobileClient(demo);
    const res = await fetch(authorizeUrl(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', state: 'p' }), { redirect: 'manual' });
    const cb = callbackOf(res);
    expect(cb.searchParams.get('error')).toBe('invalid_request');
    expect(cb.searchParams.get('error_description')).toMatch(/code_challenge/);
  });

  it('§2.1 server clients may skip PKCE', async () => {
    const client = demo.createClient({ type: 'server', name: 'Server', redirect_uris: ['http://localhost:54682/cb'] });
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', redirect_uri: 'http://localhost:54682/cb' });
    expect(callbackOf(res).searchParams.get('code')).toMatch(/^1000\./);
  });

  it('§4.5 multi-DC: authorization starts at the US origin and the redirect names the user\'s home DC', async () => {
    const client = mobileClient(demo, { enabled_dcs: ['us', 'eu'] });
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge }, { user: 'elena', org: ALPENROSE });
    const cb = callbackOf(res);
    expect(cb.searchParams.get('location')).toBe('eu');
    expect(cb.searchParams.get('accounts-server')).toBe(demo.origins.accounts['eu']);
  });

  it("§4.5 a client not enabled for the user's DC gets Zoho's Invalid Client error", async () => {
    const client = mobileClient(demo); // us only
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge }, { user: 'elena', org: ALPENROSE });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/Invalid Client[\s\S]*not enabled for the Europe/);
  });

  it('§2.2 the org chosen on the consent page is the org the redirect is for (sandbox too)', async () => {
    const client = mobileClient(demo);
    const res = await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge }, { org: NORTHWIND_SANDBOX });
    expect(callbackOf(res).searchParams.get('location')).toBe('us');
  });

  it('§3.4 at most 10 grant codes per client per 10 minutes, then access_denied', async () => {
    const client = mobileClient(demo);
    const params = { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: challenge };
    for (let i = 0; i < 10; i += 1) expect(callbackOf(await consent(demo, params)).searchParams.get('code')).toBeTruthy();
    const eleventh = callbackOf(await consent(demo, params));
    expect(eleventh.searchParams.get('error')).toBe('access_denied');
    demo.clock.advance(10 * 60_000 + 1);
    expect(callbackOf(await consent(demo, params)).searchParams.get('code')).toBeTruthy();
  });
});
