import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, start, tokenCall, type Connection } from './helpers';

describe('Test-only faults', () => {
  let demo: DemoOrg;
  let conn: Connection;
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
  });
  afterEach(() => demo.faults.clear());
  afterAll(() => demo.close());
  const org = () => fetch(`${conn.apiDomain}/crm/v8/org`, { headers: { Authorization: `Zoho-oauthtoken ${conn.access}` } });

  it('§5.5 5xx: the next N requests answer 500, 502 or 503, then the path works again', async () => {
    demo.faults.inject({ path: '/crm/v8/org', kind: '503', count: 2 });
    expect((await org()).status).toBe(503);
    expect((await org()).status).toBe(503);
    expect((await org()).status).toBe(200);
    demo.faults.inject({ path: '/crm/v8/org', kind: '500' });
    const five = await org();
    expect(five.status).toBe(500);
    expect(((await five.json()) as { code: string }).code).toBe('INTERNAL_ERROR');
    demo.faults.inject({ path: '/crm/v8/org', kind: '502' });
    expect((await org()).status).toBe(502);
  });

  it('§5.4 html: a 200 with an HTML page instead of JSON', async () => {
    demo.faults.inject({ path: '/crm/v8/org', kind: 'html' });
    const res = await org();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    await expect(res.json()).rejects.toThrow();
  });

  it('§5.4 truncated-json: a 200 whose JSON is cut off', async () => {
    demo.faults.inject({ path: /\/crm\/v8\/Leads/, kind: 'truncated-json' });
    const res = await api(conn, 'Leads?fields=Last_Name').catch((e: unknown) => e);
    expect(res).toBeInstanceOf(SyntaxError);
  });

  it('§5.5 reset: the connection is dropped', async () => {
    demo.faults.inject({ path: '/crm/v8/org', kind: 'reset' });
    await expect(org()).rejects.toThrow();
    expect((await org()).status).toBe(200);
  });

  it('§5.5 hang: no answer at all (the client must time out)', async () => {
    demo.faults.inject({ path: '/crm/v8/org', kind: 'hang' });
    await expect(fetch(`${conn.apiDomain}/crm/v8/org`, { headers: { Authorization: `Zoho-oauthtoken ${conn.access}` }, signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('§5.5 slow: the answer is normal, only late', async () => {
    demo.faults.inject({ path: '/crm/v8/org', kind: 'slow', delayMs: 150 });
    const t = Date.now();
    const res = await org();
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
  });

  it('§3.3 faults work on the token endpoint too; clear() removes pending ones', async () => {
    const us = demo.origins.accounts['us']!;
    demo.faults.inject({ path: '/oauth/v2/token', kind: '502' });
    const res = await fetch(`${us}/oauth/v2/token`, { method: 'POST' });
    expect(res.status).toBe(502);
    demo.faults.inject({ path: '/oauth/v2/token', kind: '503', count: 5 });
    demo.faults.clear();
    const ok = await tokenCall(us, { grant_type: 'refresh_token', client_id: conn.client.client_id, client_secret: conn.client.client_secret, refresh_token: conn.refresh! });
    expect(ok.status).toBe(200);
    expect(ok.body['access_token']).toBeTruthy();
  });
});

describe('Test-only controls over HTTP', () => {
  it('§5.5 are off unless asked for, and work on the console origin when testControl is on', async () => {
    const { startDemoOrg } = await import('../../electron/core/demo-org');
    const off = await startDemoOrg();
    const on = await startDemoOrg({ testControl: true });
    try {
      const refused = await fetch(`${off.origins.console}/__test/faults`, { method: 'POST', body: JSON.stringify({ path: '/oauth/serverinfo', kind: '503' }) });
      expect(refused.status).toBe(404);
      const set = await fetch(`${on.origins.console}/__test/faults`, { method: 'POST', body: JSON.stringify({ path: '/oauth/serverinfo', kind: '503' }) });
      expect(set.status).toBe(200);
      expect((await fetch(`${on.origins.accounts['us']}/oauth/serverinfo`)).status).toBe(503);
      expect((await fetch(`${on.origins.accounts['us']}/oauth/serverinfo`)).status).toBe(200);
      const before = on.clock.now();
      await fetch(`${on.origins.console}/__test/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: 60_000 }) });
      expect(on.clock.now() - before).toBeGreaterThanOrEqual(60_000);
    } finally {
      await Promise.all([off.close(), on.close()]);
    }
  });
});
