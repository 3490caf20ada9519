import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { parseCoql } from '../../electron/core/demo-org/coql/parser';
import { api, connect, start, type Connection } from './helpers';

describe('CRM: COQL', () => {
  let demo: DemoOrg;
  let conn: Connection;
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
  });
  afterAll(() => demo.close());
  const coql = (select_query: string, c: Connection = conn) => api(c, 'coql', { method: 'POST', json: { select_query } });

  it('§5.3 the parser reads fields, WHERE with and/or/comparison/like/in/is null, ORDER BY and LIMIT offset,count', () => {
    const q = parseCoql(
      "select Last_Name, Account_Name.Account_Name from Contacts where ((Last_Name like 'A%' and Email is not null) or Lead_Source in ('Partner','Chat')) order by Created_Time desc, Last_Name limit 10, 50",
    );
    expect(q.fields.map((f) => f.text)).toEqual(['Last_Name', 'Account_Name.Account_Name']);
    expect(q.module).toBe('Contacts');
    expect(q.where?.kind).toBe('or');
    expect(q.orderBy).toEqual([
      { ref: { field: 'Created_Time', text: 'Created_Time' }, order: 'desc' },
      { ref: { field: 'Last_Name', text: 'Last_Name' }, order: 'asc' },
    ]);
    expect([q.offset, q.limit, q.criteriaCount]).toEqual([10, 50, 3]);
    expect(parseCoql('SELECT id FROM Leads LIMIT 5 OFFSET 20')).toMatchObject({ offset: 20, limit: 5 });
  });

  it('§5.3 a query answers data with only the selected fields plus id, and info', async () => {
    const res = await coql("select Last_Name, Email from Leads where Lead_Source = 'Partner' limit 5");
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(5);
    expect(Object.keys(res.body.data[0]).sort()).toEqual(['Email', 'Last_Name', 'id']);
    expect(res.body.info).toEqual({ count: 5, more_records: true });
  });

  it('§5.3 WHERE filters are applied: like, in, is null, comparisons, and/or', async () => {
    const like = await coql("select Last_Name from Leads where Last_Name like 'Ab%' limit 200");
    expect(like.body.data.length).toBeGreaterThan(0);
    expect(like.body.data.every((r: { Last_Name: string }) => r.Last_Name.startsWith('Ab'))).toBe(true);
    const within = await coql("select Lead_Source from Leads where (Lead_Source in ('Chat','Partner') and No_of_Employees > 1900) limit 200");
    for (const r of within.body.data) expect(['Chat', 'Partner']).toContain(r.Lead_Source);
    const nulls = await coql('select Mobile from Leads where Mobile is null limit 50');
    expect(nulls.body.data.every((r: { Mobile: unknown }) => r.Mobile === null)).toBe(true);
    const either = await coql("select Industry from Accounts where (Industry = 'Retail' or Industry = 'Energy') limit 200");
    expect(either.body.data.every((r: { Industry: string }) => ['Retail', 'Energy'].includes(r.Industry))).toBe(true);
  });

  it('§5.3 lookup fields: plain gives {"id"}, dotted reads the related record', async () => {
    const res = await coql('select Account_Name, Account_Name.Account_Name from Contacts where Account_Name is not null limit 1');
    const row = res.body.data[0];
    expect(row.Account_Name).toEqual({ id: expect.any(String) });
    const account = await api(conn, `Accounts/${row.Account_Name.id}`);
    expect(row['Account_Name.Account_Name']).toBe(account.body.data[0].Account_Name);
  });

  it('§5.3 ORDER BY and LIMIT offset, count page through the result', async () => {
    const a = await coql('select Amount from Deals order by Amount desc limit 0, 3');
    const b = await coql('select Amount from Deals order by Amount desc limit 2, 3');
    const amounts = a.body.data.map((r: { Amount: number }) => r.Amount);
    expect([...amounts].sort((x: number, y: number) => y - x)).toEqual(amounts);
    expect(b.body.data[0].id).toBe(a.body.data[2].id);
  });

  it('§5.3 LIMIT above 2000 → LIMIT_EXCEEDED', async () => {
    const res = await coql('select Last_Name from Leads limit 2001');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('LIMIT_EXCEEDED');
  });

  it('§5.3 anything outside the SELECT subset → SYNTAX_ERROR', async () => {
    for (const bad of ['select * from Leads', 'delete from Leads', "select Last_Name from Leads where Last_Name = 'x", 'select Last_Name from Leads limit ten']) {
      const res = await coql(bad);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('SYNTAX_ERROR');
    }
  });

  it('§5.3 more than two criteria need brackets', async () => {
    const flat = await coql("select Last_Name from Leads where Last_Name = 'A' and City = 'Pune' and Country = 'India'");
    expect(flat.body.code).toBe('SYNTAX_ERROR');
    expect(flat.body.message).toMatch(/brackets/);
    const nested = await coql("select Last_Name from Leads where ((Last_Name is not null and City = 'Pune') and Country = 'India') limit 5");
    expect(nested.status).toBe(200);
  });

  it('§5.3 unknown columns and modules → INVALID_QUERY; no match → 204', async () => {
    expect((await coql('select Nope from Leads')).body).toMatchObject({ code: 'INVALID_QUERY', details: { column_name: 'Nope' } });
    expect((await coql('select Last_Name from Widgets')).body.code).toBe('INVALID_QUERY');
    const none = await coql("select Last_Name from Leads where Last_Name = 'Zzzzzz'");
    expect(none.status).toBe(204);
  });

  it('§6.3 COQL needs ZohoCRM.coql.READ plus read access to the module', async () => {
    const noCoql = await connect(demo, { scope: 'ZohoCRM.modules.ALL' });
    expect((await coql('select Last_Name from Leads limit 1', noCoql)).body.code).toBe('OAUTH_SCOPE_MISMATCH');
    const noModule = await connect(demo, { scope: 'ZohoCRM.coql.READ,ZohoCRM.modules.deals.READ' });
    expect((await coql('select Deal_Name from Deals limit 1', noModule)).status).toBe(200);
    expect((await coql('select Last_Name from Leads limit 1', noModule)).body.code).toBe('OAUTH_SCOPE_MISMATCH');
  });
});
