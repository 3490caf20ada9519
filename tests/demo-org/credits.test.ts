import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, BLUEBIRD, connect, NORTHWIND, start, type Connection } from './helpers';

describe('CRM: API credits and concurrency', () => {
  let demo: DemoOrg;
  let ava: Connection;
  let ben: Connection;
  beforeAll(async () => {
    demo = await start();
    ava = await connect(demo);
    ben = await connect(demo, { user: 'ben' }); // Bluebird Bikes: Free edition, 5,000 credits, 5 at once
  });
  afterAll(() => demo.close());

  const spentBy = async (call: () => Promise<unknown>, orgId = NORTHWIND) => {
    const before = demo.credits.remaining(orgId);
    await call();
    return before - demo.credits.remaining(orgId);
  };

  it('§5.6 most calls cost 1 credit; COQL costs 1–3 by LIMIT', async () => {
    expect(await spentBy(() => api(ava, 'org'))).toBe(1);
    const coql = (limit: number) => () => api(ava, 'coql', { method: 'POST', json: { select_query: `select Last_Name from Leads limit ${limit}` } });
    expect(await spentBy(coql(200))).toBe(1);
    expect(await spentBy(coql(201))).toBe(2);
    expect(await spentBy(coql(1000))).toBe(2);
    expect(await spentBy(coql(1001))).toBe(3);
    expect(await spentBy(coql(2000))).toBe(3);
  });

  it('§5.6 writes cost 1 credit per 10 records', async () => {
    const data = Array.from({ length: 25 }, (_, i) => ({ Last_Name: `Credit ${i}`, Company: 'Meter Co' }));
    expect(await spentBy(() => api(ava, 'Leads', { method: 'POST', json: { data } }))).toBe(3);
  });

  it('§5.6 X-API-CREDITS-REMAINING appears once half the daily credits are used', async () => {
    expect((await api(ben, 'org')).headers.get('x-api-credits-remaining')).toBeNull();
    demo.credits.spend(BLUEBIRD, 2_500);
    const res = await api(ben, 'org');
    expect(Number(res.headers.get('x-api-credits-remaining'))).toBe(5_000 - 2_500 - 2);
  });

  it('§5.6 past the daily credits every call is 429 TOO_MANY_REQUESTS, until the rolling 24 h frees them', async () => {
    demo.credits.spend(BLUEBIRD, demo.credits.remaining(BLUEBIRD));
    const res = await api(ben, 'org');
    expect(res.status).toBe(429);
    expect(res.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 'error' });
    demo.clock.advance(24 * 3600_000);
    // The access token expired meanwhile; a new connection for the same org.
    const again = await connect(demo, { user: 'ben' });
    expect((await api(again, 'org')).status).toBe(200);
  });

  it('§5.6 past the concurrency limit of the edition (Free: 5) → 429', async () => {
    const conn = await connect(demo, { user: 'ben' });
    demo.faults.inject({ path: '/crm/v8/org', kind: 'slow', delayMs: 400, count: 5 });
    const slow = Array.from({ length: 5 }, () => api(conn, 'org'));
    await new Promise((r) => setTimeout(r, 150));
    const sixth = await api(conn, 'users?type=CurrentUser');
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('TOO_MANY_REQUESTS');
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect((await api(conn, 'users?type=CurrentUser')).status).toBe(200);
  });
});
