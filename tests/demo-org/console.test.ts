import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { CLIENT_ID_PATTERN } from '../../shared/ipc/contract';
import { ALPENROSE, NORTHWIND, SCHEME_REDIRECT_URI, start, tokenCall } from './helpers';

describe('Demo API console', () => {
  let demo: DemoOrg;
  const post = (path: string, body: unknown) =>
    fetch(`${demo.origins.console}/console/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  beforeAll(async () => {
    demo = await start();
  });
  afterAll(() => demo.close());

  it("§4.1 POST /console/api/clients returns Zoho-shaped ids and secrets", async () => {
    const res = await post('clients', { type: 'server', name: 'Loopback App', redirect_uris: ['http://localhost:54682/oauth/callback'], home_dc: 'us' });
    const body = (await res.json()) as { client_id: string; client_secret: string };
    expect(res.status).toBe(201);
    expect(body.client_id).toMatch(CLIENT_ID_PATTERN);
    expect(body.client_secret).toMatch(/^[0-9a-f]{42}$/);
  });

  it('§4.2 Server-based clients need http(s) redirect URIs; a custom scheme is refused', async () => {
    const res = await post('clients', { type: 'server', name: 'Server App', redirect_uris: [SCHEME_REDIRECT_URI] });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_input', field: 'redirect_uris' });
    expect(() => demo.createClient({ type: 'server', name: 'Server App', redirect_uris: [SCHEME_REDIRECT_URI] })).toThrow(/redirect URI/);
  });

  it("§4.2 Mobile-based clients accept the app's URL scheme", () => {
    const made = demo.createClient({ type: 'mobile', name: 'Mobile App', redirect_uris: [SCHEME_REDIRECT_URI] });
    expect(made.client_id).toMatch(CLIENT_ID_PATTERN);
    expect(() => demo.createClient({ type: 'mobile', name: 'Mobile App', redirect_uris: ['javascript:alert(1)'] })).toThrow();
  });

  it('§4.2 Self Client and Non-browser clients take no redirect URI; redirect clients need one', () => {
    expect(() => demo.createClient({ type: 'self', name: 'Self', redirect_uris: ['https://example.com/cb'] })).toThrow(/no redirect URI/);
    expect(() => demo.createClient({ type: 'server', name: 'NoUri' })).toThrow(/Redirect URI/);
    expect(demo.createClient({ type: 'device', name: 'TV' }).client_id).toMatch(CLIENT_ID_PATTERN);
  });

  it('§4.1 client names allow only _ and & as special characters', () => {
    expect(() => demo.createClient({ type: 'self', name: 'My <App>' })).toThrow(/_ and &/);
    expect(demo.createClient({ type: 'self', name: 'Sales_Ops & Co' }).client_id).toMatch(CLIENT_ID_PATTERN);
  });

  it('§4.5 same_secret_all_dcs=false gives one secret per enabled DC', () => {
    const made = demo.createClient({ type: 'mobile', name: 'Multi', redirect_uris: [SCHEME_REDIRECT_URI], enabled_dcs: ['us', 'eu'], same_secret_all_dcs: false });
    expect(Object.keys(made.client_secrets_by_dc ?? {}).sort()).toEqual(['eu', 'us']);
    expect(made.client_secrets_by_dc!['eu']).not.toBe(made.client_secrets_by_dc!['us']);
    expect(made.client_secret).toBe(made.client_secrets_by_dc!['us']);
  });

  it('§4.3 a Self Client is not multi-DC', () => {
    expect(() => demo.createClient({ type: 'self', name: 'Self', enabled_dcs: ['us', 'eu'] })).toThrow(/own data centre/);
  });

  it('§4.3 GET /console/api/users lists the demo users with a home DC and their production and sandbox orgs', async () => {
    const body = (await (await fetch(`${demo.origins.console}/console/api/users`)).json()) as {
      users: Array<{ user: string; home_dc: string; orgs: Array<{ id: string; environment: string; api_domain: string }> }>;
    };
    const ava = body.users.find((u) => u.user === 'ava')!;
    expect(ava.home_dc).toBe('us');
    expect(ava.orgs.map((o) => o.environment)).toEqual(['production', 'sandbox', 'developer']);
    expect(ava.orgs[1]!.api_domain).toBe(demo.origins.api['us']!.sandbox);
    expect(body.users.find((u) => u.user === 'elena')!.home_dc).toBe('eu');
    expect(body.users.some((u) => u.home_dc === 'in')).toBe(true);
  });

  it('§4.3 Self Client "Generate Code" gives a code exchanged without redirect_uri for a refresh token', async () => {
    const self = demo.createClient({ type: 'self', name: 'Self Client' });
    const res = await post('self-client/code', { client_id: self.client_id, scope: 'ZohoCRM.org.READ', expiry_minutes: 3, user: 'ava', org: NORTHWIND });
    const { code } = (await res.json()) as { code: string };
    expect(code).toMatch(/^1000\.[0-9a-f]+\.[0-9a-f]+$/);
    const { body } = await tokenCall(demo.origins.accounts['us']!, { grant_type: 'authorization_code', client_id: self.client_id, client_secret: self.client_secret, code });
    expect(body['access_token']).toEqual(expect.any(String));
    expect(body['refresh_token']).toEqual(expect.any(String));
    expect(body['api_domain']).toBe(demo.origins.api['us']!.production);
  });

  it('§4.3 Self Client codes expire after the chosen minutes', async () => {
    const self = demo.createClient({ type: 'self', name: 'Self Client' });
    const res = await post('self-client/code', { client_id: self.client_id, scope: 'ZohoCRM.org.READ', expiry_minutes: 1, user: 'ava', org: NORTHWIND });
    const { code } = (await res.json()) as { code: string };
    demo.clock.advance(61_000);
    const { body } = await tokenCall(demo.origins.accounts['us']!, { grant_type: 'authorization_code', client_id: self.client_id, client_secret: self.client_secret, code });
    expect(body).toEqual({ error: 'invalid_code' });
  });

  it('§4.3 a Self Client code for an org in another DC is refused', async () => {
    const self = demo.createClient({ type: 'self', name: 'Self Client' });
    const res = await post('self-client/code', { client_id: self.client_id, scope: 'ZohoCRM.org.READ', user: 'elena', org: ALPENROSE });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ field: 'org' });
  });

  it('§4.1 the console is also an HTML page', async () => {
    const res = await fetch(`${demo.origins.console}/console`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('Demo API console');
  });
});
