import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, mobileClient, start, tokenCall, type Connection } from './helpers';

describe('Accounts: token limits and revocation', () => {
  let demo: DemoOrg;
  let us: string;
  beforeAll(async () => {
    demo = await start();
    us = demo.origins.accounts['us']!;
  });
  afterAll(() => demo.close());

  const refresh = (conn: Connection) =>
    tokenCall(us, { grant_type: 'refresh_token', client_id: conn.client.client_id, client_secret: conn.client.client_secret, refresh_token: conn.refresh! });

  it('§3.4 10 access tokens per refresh token per 10 minutes, then the Access Denied throttle (HTTP 200)', async () => {
    const conn = await connect(demo);
    // The code exchange minted the first of the ten.
    for (let i = 0; i < 9; i += 1) expect((await refresh(conn)).body['access_token']).toBeTruthy();
    const blocked = await refresh(conn);
    expect(blocked.status).toBe(200);
    expect(blocked.body).toMatchObject({ error: 'Access Denied', status: 'failure', error_description: expect.any(String) });
    demo.clock.advance(10 * 60_000 + 1);
    expect((await refresh(conn)).body['access_token']).toBeTruthy();
  });

  it('§3.4 15 active access tokens per refresh token: the 16th invalidates the oldest (INVALID_OAUTHTOKEN)', async () => {
    const conn = await connect(demo);
    const tokens = [conn.access];
    for (let i = 0; i < 15; i += 1) {
      if (i === 9) demo.clock.advance(10 * 60_000 + 1); // stay under the 10-per-10-minutes rule
      const { body } = await refresh(conn);
      tokens.push(String(body['access_token']));
    }
    expect(tokens).toHaveLength(16);
    const oldest = await api({ access: tokens[0]!, apiDomain: conn.apiDomain }, 'org');
    expect(oldest.status).toBe(401);
    expect(oldest.body.code).toBe('INVALID_OAUTHTOKEN');
    expect((await api({ access: tokens[1]!, apiDomain: conn.apiDomain }, 'org')).status).toBe(200);
  });

  it('§3.4 20 refresh tokens per user per client: the 21st deletes the oldest and its access tokens', async () => {
    const client = mobileClient(demo);
    const conns: Connection[] = [];
    for (let i = 0; i < 21; i += 1) {
      if (i % 10 === 0) demo.clock.advance(10 * 60_000 + 1); // grant codes: 10 per 10 minutes
      conns.push(await connect(demo, { client, prompt: 'consent' }));
    }
    expect(conns.every((c) => c.refresh)).toBe(true);
    expect((await refresh(conns[0]!)).body).toEqual({ error: 'invalid_code' });
    expect((await api(conns[0]!, 'org')).body.code).toBe('INVALID_TOKEN');
    expect((await refresh(conns[1]!)).body['access_token']).toBeTruthy();
  });

  it('§3.4 revoking a refresh token revokes it and all its access tokens', async () => {
    const conn = await connect(demo);
    const res = await fetch(`${us}/oauth/v2/token/revoke?token=${encodeURIComponent(conn.refresh!)}`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'success' });
    expect((await refresh(conn)).body).toEqual({ error: 'invalid_code' });
    const call = await api(conn, 'org');
    expect(call.status).toBe(401);
    expect(call.body.code).toBe('INVALID_TOKEN');
  });

  it('§1.2 revoking a bad token answers 400', async () => {
    const res = await fetch(`${us}/oauth/v2/token/revoke?token=1000.nope.nope`, { method: 'POST' });
    expect(res.status).toBe(400);
  });

  it('§3.4 access tokens live one hour', async () => {
    const conn = await connect(demo);
    expect((await api(conn, 'org')).status).toBe(200);
    demo.clock.advance(3600_000);
    const late = await api(conn, 'org');
    expect(late.status).toBe(401);
    expect(late.body.code).toBe('INVALID_TOKEN');
  });
});
