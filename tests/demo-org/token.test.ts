import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { ALPENROSE, callbackOf, connect, consent, mobileClient, NORTHWIND, pkce, SCHEME_REDIRECT_URI, start, tokenCall } from './helpers';

describe('Accounts: token endpoint', () => {
  let demo: DemoOrg;
  let us: string;
  beforeAll(async () => {
    demo = await start();
    us = demo.origins.accounts['us']!;
  });
  afterAll(() => demo.close());
  afterEach(() => {
    demo.settings.legacyTokenShape = false;
  });

  async function codeFor(client = mobileClient(demo), extra: Record<string, string> = {}, verifier?: string) {
    const p = pkce(verifier);
    const cb = callbackOf(
      await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: p.challenge, code_challenge_method: 'S256', access_type: 'offline', ...extra }),
    );
    return { client, code: cb.searchParams.get('code')!, verifier: p.verifier };
  }
  const exchange = (c: { client: { client_id: string; client_secret: string }; code: string; verifier: string }, over: Record<string, string> = {}) =>
    tokenCall(us, {
      grant_type: 'authorization_code',
      client_id: c.client.client_id,
      client_secret: c.client.client_secret,
      code: c.code,
      redirect_uri: SCHEME_REDIRECT_URI,
      code_verifier: c.verifier,
      ...over,
    });

  it('§3.2 a code exchange answers access_token, refresh_token, api_domain, token_type and expires_in 3600', async () => {
    const { status, body } = await exchange(await codeFor());
    expect(status).toBe(200);
    expect(body).toEqual({
      access_token: expect.stringMatching(/^1000\.[0-9a-f]+\.[0-9a-f]+$/),
      refresh_token: expect.stringMatching(/^1000\.[0-9a-f]+\.[0-9a-f]+$/),
      api_domain: demo.origins.api['us']!.production,
      token_type: 'Bearer',
      expires_in: 3600,
    });
  });

  it('§3.2 the legacy switch answers expires_in in milliseconds plus expires_in_sec', async () => {
    demo.settings.legacyTokenShape = true;
    const { body } = await exchange(await codeFor());
    expect(body['expires_in']).toBe(3_600_000);
    expect(body['expires_in_sec']).toBe(3600);
  });

  it('§3.3 token errors come back as HTTP 200 {"error": ...}: a reused code is invalid_code', async () => {
    const c = await codeFor();
    expect((await exchange(c)).body['access_token']).toBeTruthy();
    const again = await exchange(c);
    expect(again).toEqual({ status: 200, body: { error: 'invalid_code' } });
  });

  it('§2.2 grant codes are short-lived', async () => {
    const c = await codeFor();
    demo.clock.advance(61_000);
    expect((await exchange(c)).body).toEqual({ error: 'invalid_code' });
  });

  it('§3.3 unknown client id → invalid_client; wrong secret → invalid_client_secret', async () => {
    const c = await codeFor();
    expect((await exchange(c, { client_id: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123' })).body).toEqual({ error: 'invalid_client' });
    expect((await exchange(c, { client_secret: 'nope' })).body).toEqual({ error: 'invalid_client_secret' });
  });

  it('§3.3 a redirect_uri that differs from the authorize request → invalid_redirect_uri', async () => {
    expect((await exchange(await codeFor(), { redirect_uri: 'connected-app-console://oauth/other' })).body).toEqual({ error: 'invalid_redirect_uri' });
  });

  it('§2.1 PKCE S256: a wrong code_verifier is refused, the right one accepted', async () => {
    const c = await codeFor();
    expect((await exchange(c, { code_verifier: 'b'.repeat(43) })).body['access_token']).toBeUndefined();
    expect((await exchange(await codeFor())).body['access_token']).toBeTruthy();
  });

  it('§2.1 PKCE: the token call must carry the verifier (plain method too)', async () => {
    const client = mobileClient(demo);
    const cb = callbackOf(await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: 'plain-verifier-value-0123456789012345678901', code_challenge_method: 'plain' }));
    const code = cb.searchParams.get('code')!;
    const base = { grant_type: 'authorization_code', client_id: client.client_id, client_secret: client.client_secret, code, redirect_uri: SCHEME_REDIRECT_URI };
    expect((await tokenCall(us, base)).body['error']).toBeTruthy();
    const cb2 = callbackOf(await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: 'plain-verifier-value-0123456789012345678901', code_challenge_method: 'plain' }));
    const ok = await tokenCall(us, { ...base, code: cb2.searchParams.get('code')!, code_verifier: 'plain-verifier-value-0123456789012345678901' });
    expect(ok.body['access_token']).toBeTruthy();
  });

  it('§3.1 client_secret_post (form) and HTTP Basic are both accepted; multipart bodies too', async () => {
    const c = await codeFor();
    const basic = Buffer.from(`${c.client.client_id}:${c.client.client_secret}`).toString('base64');
    const res = await tokenCall(us, { grant_type: 'authorization_code', code: c.code, redirect_uri: SCHEME_REDIRECT_URI, code_verifier: c.verifier }, { headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.body['access_token']).toBeTruthy();
    const d = await codeFor();
    const form = new FormData();
    for (const [k, v] of Object.entries({ grant_type: 'authorization_code', client_id: d.client.client_id, client_secret: d.client.client_secret, code: d.code, redirect_uri: SCHEME_REDIRECT_URI, code_verifier: d.verifier })) form.set(k, v);
    const multipart = await fetch(`${us}/oauth/v2/token`, { method: 'POST', body: form });
    expect(((await multipart.json()) as Record<string, unknown>)['access_token']).toBeTruthy();
  });

  it('§4.5 a code is bound to its DC: exchanging an EU code at the US server fails, at the EU server works', async () => {
    const client = mobileClient(demo, { enabled_dcs: ['us', 'eu'] });
    const p = pkce();
    const cb = callbackOf(await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: p.challenge, code_challenge_method: 'S256' }, { user: 'elena', org: ALPENROSE }));
    const form = { grant_type: 'authorization_code', client_id: client.client_id, client_secret: client.client_secret, code: cb.searchParams.get('code')!, redirect_uri: SCHEME_REDIRECT_URI, code_verifier: p.verifier };
    expect((await tokenCall(us, form)).body).toEqual({ error: 'invalid_code' });
    const cb2 = callbackOf(await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: p.challenge, code_challenge_method: 'S256' }, { user: 'elena', org: ALPENROSE }));
    const eu = await tokenCall(cb2.searchParams.get('accounts-server')!, { ...form, code: cb2.searchParams.get('code')! });
    expect(eu.body['api_domain']).toBe(demo.origins.api['eu']!.production);
  });

  it('§4.5 per-DC secrets: the EU server wants the EU secret', async () => {
    const client = mobileClient(demo, { enabled_dcs: ['us', 'eu'], same_secret_all_dcs: false });
    const p = pkce();
    const cb = callbackOf(await consent(demo, { client_id: client.client_id, scope: 'ZohoCRM.org.READ', code_challenge: p.challenge, code_challenge_method: 'S256' }, { user: 'elena', org: ALPENROSE }));
    const form = { grant_type: 'authorization_code', client_id: client.client_id, client_secret: client.client_secret, code: cb.searchParams.get('code')!, redirect_uri: SCHEME_REDIRECT_URI, code_verifier: p.verifier };
    expect((await tokenCall(demo.origins.accounts['eu']!, form)).body).toEqual({ error: 'invalid_client_secret' });
  });

  it('§3.3 a client not enabled for a DC is invalid_client at that DC', async () => {
    const client = mobileClient(demo);
    expect((await tokenCall(demo.origins.accounts['eu']!, { grant_type: 'refresh_token', client_id: client.client_id, client_secret: client.client_secret, refresh_token: 'x' })).body).toEqual({ error: 'invalid_client' });
  });

  it('§3.2 a refresh answers a new access token and no new refresh token', async () => {
    const conn = await connect(demo);
    const { body } = await tokenCall(us, { grant_type: 'refresh_token', client_id: conn.client.client_id, client_secret: conn.client.client_secret, refresh_token: conn.refresh! });
    expect(body['access_token']).toEqual(expect.any(String));
    expect(body['access_token']).not.toBe(conn.access);
    expect(body).not.toHaveProperty('refresh_token');
    expect(body['expires_in']).toBe(3600);
  });

  it('§3.3 refreshing with an unknown refresh token → invalid_code', async () => {
    const client = mobileClient(demo);
    const { body } = await tokenCall(us, { grant_type: 'refresh_token', client_id: client.client_id, client_secret: client.client_secret, refresh_token: '1000.aa.bb' });
    expect(body).toEqual({ error: 'invalid_code' });
  });

  it('§3.2 a refresh token comes only with access_type=offline', async () => {
    const conn = await connect(demo, { offline: false });
    expect(conn.refresh).toBeUndefined();
  });

  it('§3.2 on repeat consent a refresh token comes only with prompt=consent', async () => {
    const client = mobileClient(demo);
    expect((await connect(demo, { client })).refresh).toBeTruthy();
    expect((await connect(demo, { client })).refresh).toBeUndefined();
    expect((await connect(demo, { client, prompt: 'consent' })).refresh).toBeTruthy();
  });

  it('§3.1 client_credentials: Self Clients with soid get a token and no refresh token; without soid, missing_org_info', async () => {
    const self = demo.createClient({ type: 'self', name: 'Self' });
    const base = { grant_type: 'client_credentials', client_id: self.client_id, client_secret: self.client_secret, scope: 'ZohoCRM.org.READ' };
    expect((await tokenCall(us, base)).body).toEqual({ error: 'missing_org_info' });
    const { body } = await tokenCall(us, { ...base, soid: `ZohoCRM.${NORTHWIND}` });
    expect(body['access_token']).toEqual(expect.any(String));
    expect(body).not.toHaveProperty('refresh_token');
    const mobile = mobileClient(demo);
    expect((await tokenCall(us, { ...base, client_id: mobile.client_id, client_secret: mobile.client_secret, soid: `ZohoCRM.${NORTHWIND}` })).body['error']).toBe('unauthorized_client');
  });

  it('§3.3 stats count token-endpoint requests by grant type', async () => {
    const before = demo.stats.tokenRequests('refresh_token');
    const conn = await connect(demo);
    for (let i = 0; i < 3; i += 1) await tokenCall(us, { grant_type: 'refresh_token', client_id: conn.client.client_id, client_secret: conn.client.client_secret, refresh_token: conn.refresh! });
    expect(demo.stats.tokenRequests('refresh_token')).toBe(before + 3);
    expect(demo.stats.tokenRequests()).toBeGreaterThanOrEqual(demo.stats.tokenRequests('authorization_code') + before + 3);
  });
});
