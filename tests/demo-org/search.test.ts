import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, start, type Connection } from './helpers';

describe('CRM: search', () => {
  let demo: DemoOrg;
  let conn: Connection;
  let sample: { id: string; Last_Name: string; First_Name: string; Email: string; Phone: string };
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
    sample = (await api(conn, 'Leads?fields=Last_Name,First_Name,Email,Phone&per_page=1')).body.data[0];
  });
  afterAll(() => demo.close());

  const q = (params: Record<string, string>) => `Leads/search?${new URLSearchParams(params)}`;

  it('§5.3 criteria with and: every hit satisfies both conditions', async () => {
    const res = await api(conn, q({ criteria: `((Last_Name:equals:${sample.Last_Name})and(First_Name:starts_with:${sample.First_Name.slice(0, 2)}))`, fields: 'Last_Name,First_Name' }));
    expect(res.status).toBe(200);
    expect(res.body.data.map((r: { id: string }) => r.id)).toContain(sample.id);
    for (const r of res.body.data) {
      expect(r.Last_Name).toBe(sample.Last_Name);
      expect(r.First_Name.startsWith(sample.First_Name.slice(0, 2))).toBe(true);
    }
    expect(res.body.info).toMatchObject({ page: 1, more_records: expect.any(Boolean) });
  });

  it('§5.3 email=, phone= and word= searches', async () => {
    const byEmail = await api(conn, q({ email: sample.Email }));
    expect(byEmail.body.data.map((r: { id: string }) => r.id)).toEqual([sample.id]);
    const byPhone = await api(conn, q({ phone: sample.Phone, per_page: '200' }));
    expect(byPhone.body.data.map((r: { id: string }) => r.id)).toContain(sample.id);
    const byWord = await api(conn, q({ word: sample.Email.split('@')[0]! }));
    expect(byWord.body.data.map((r: { id: string }) => r.id)).toContain(sample.id);
  });

  it('§5.3 escaped commas and brackets in values; no hits → 204', async () => {
    const res = await api(conn, q({ criteria: '(Company:equals:Nobody\\, Inc \\(Ltd\\))' }));
    expect(res.status).toBe(204);
  });

  it('§5.3 search needs ZohoSearch.securesearch.READ as well as module READ', async () => {
    const noSearch = await connect(demo, { scope: 'ZohoCRM.modules.ALL' });
    const res = await api(noSearch, q({ email: sample.Email }));
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('OAUTH_SCOPE_MISMATCH');
  });

  it('§5.3 malformed criteria, unknown fields and more than 10 criteria are refused', async () => {
    expect((await api(conn, q({ criteria: '(Last_Name:resembles:X)' }))).body.code).toBe('INVALID_QUERY');
    expect((await api(conn, q({ criteria: '(Nope:equals:X)' }))).body.code).toBe('INVALID_QUERY');
    const eleven = Array.from({ length: 11 }, () => '(Last_Name:equals:X)').join('or');
    expect((await api(conn, q({ criteria: `(${eleven})` }))).body.code).toBe('LIMIT_EXCEEDED');
    expect((await api(conn, 'Leads/search')).body.code).toBe('REQUIRED_PARAM_MISSING');
  });
});
