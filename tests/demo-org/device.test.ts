import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { ALPENROSE, api, NORTHWIND } from './helpers';
import { start } from './helpers';

describe('Accounts: device flow', () => {
  let demo: DemoOrg;
  beforeAll(async () => {
    demo = await start();
  });
  afterAll(() => demo.close());

  const post = async (origin: string, path: string, params: Record<string, string>) => {
    const res = await fetch(`${origin}${path}?${new URLSearchParams(params)}`, { method: 'POST' });
    return (await res.json()) as Record<string, unknown>;
  };
  const approve = (origin: string, userCode: string, user: string, org: string, decision = 'allow') =>
    fetch(`${origin}/oauth/v3/device/decision`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ user_code: userCode, user, org, decision }),
    });

  async function begin(client: { client_id: string }) {
    const us = demo.origins.accounts['us']!;
    const init = await post(us, '/oauth/v3/device/code', { client_id: client.client_id, grant_type: 'device_request', scope: 'ZohoCRM.org.READ', access_type: 'offline' });
    return init as { user_code: string; device_code: string; verification_url: string; interval: number; expires_in: number };
  }

  it('§4.4 initiation answers user_code, device_code, verification_url, interval and expires_in', async () => {
    const client = demo.createClient({ type: 'device', name: 'TV' });
    const init = await begin(client);
    expect(init).toMatchObject({ user_code: expect.stringMatching(/^[A-Z]{8}$/), device_code: expect.any(String), interval: 30, expires_in: 300 });
    const page = await fetch(`${init.verification_url}?user_code=${init.user_code}`);
    expect(await page.text()).toMatch(/<button[^>]*>Allow<\/button>/);
  });

  it('§4.4 polling: authorization_pending, slow_down within 30 s, then tokens after Allow', async () => {
    const client = demo.createClient({ type: 'device', name: 'TV' });
    const us = demo.origins.accounts['us']!;
    const init = await begin(client);
    const poll = () => post(us, '/oauth/v3/device/token', { client_id: client.client_id, client_secret: client.client_secret, grant_type: 'device_token', code: init.device_code });
    expect(await poll()).toEqual({ error: 'authorization_pending' });
    expect(await poll()).toEqual({ error: 'slow_down' });
    await approve(us, init.user_code, 'ava', NORTHWIND);
    demo.clock.advance(30_000);
    const done = await poll();
    expect(done).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), api_domain: demo.origins.api['us']!.production, expires_in: 3600 });
    expect((await api({ access: String(done['access_token']), apiDomain: String(done['api_domain']) }, 'org')).status).toBe(200);
  });

  it('§4.4 other_dc: a user of another DC approves, and polling moves to that DC', async () => {
    const client = demo.createClient({ type: 'device', name: 'TV', enabled_dcs: ['us', 'eu'] });
    const init = await begin(client);
    await approve(demo.origins.accounts['us']!, init.user_code, 'elena', ALPENROSE);
    const form = { client_id: client.client_id, client_secret: client.client_secret, grant_type: 'device_token', code: init.device_code };
    expect(await post(demo.origins.accounts['us']!, '/oauth/v3/device/token', form)).toEqual({ user_location: 'eu', error: 'other_dc' });
    demo.clock.advance(30_000);
    const done = await post(demo.origins.accounts['eu']!, '/oauth/v3/device/token', form);
    expect(done['api_domain']).toBe(demo.origins.api['eu']!.production);
  });

  it('§4.4 access_denied after Deny, expired after five minutes', async () => {
    const client = demo.createClient({ type: 'device', name: 'TV' });
    const us = demo.origins.accounts['us']!;
    const denied = await begin(client);
    await approve(us, denied.user_code, 'ava', NORTHWIND, 'deny');
    const form = (code: string) => ({ client_id: client.client_id, client_secret: client.client_secret, grant_type: 'device_token', code });
    expect(await post(us, '/oauth/v3/device/token', form(denied.device_code))).toEqual({ error: 'access_denied' });
    const late = await begin(client);
    demo.clock.advance(5 * 60_000);
    expect(await post(us, '/oauth/v3/device/token', form(late.device_code))).toEqual({ error: 'expired' });
  });
});
