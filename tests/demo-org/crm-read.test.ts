import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, start, type Connection } from './helpers';

describe('CRM: metadata, users, org and reading records', () => {
  let demo: DemoOrg;
  let conn: Connection;
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
  });
  afterAll(() => demo.close());

  it('§5.3 settings/modules lists modules with api_name, labels and api_supported', async () => {
    const { status, body } = await api(conn, 'settings/modules');
    expect(status).toBe(200);
    const leads = body.modules.find((m: { api_name: string }) => m.api_name === 'Leads');
    expect(leads).toMatchObject({ module_name: 'Leads', plural_label: 'Leads', singular_label: 'Lead', api_supported: true, id: expect.stringMatching(/^\d{19}$/) });
    expect(body.modules.find((m: { api_name: string }) => m.api_name === 'Home').api_supported).toBe(false);
  });

  it('§5.3 settings/fields?module= lists fields; module is required', async () => {
    const { body } = await api(conn, 'settings/fields?module=Deals');
    const stage = body.fields.find((f: { api_name: string }) => f.api_name === 'Stage');
    expect(stage).toMatchObject({ field_label: 'Stage', display_label: 'Stage', data_type: 'picklist', system_mandatory: true });
    expect(stage.pick_list_values.map((v: { actual_value: string }) => v.actual_value)).toContain('Closed Won');
    const account = body.fields.find((f: { api_name: string }) => f.api_name === 'Account_Name');
    expect(account.lookup.module.api_name).toBe('Accounts');
    const missing = await api(conn, 'settings/fields');
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param: 'module' } });
  });

  it('§5.3 settings/layouts?module= gives sections with fields', async () => {
    const { body } = await api(conn, 'settings/layouts?module=Leads');
    expect(body.layouts[0].name).toBe('Standard');
    const names = body.layouts[0].sections.flatMap((s: { fields: Array<{ api_name: string }> }) => s.fields.map((f) => f.api_name));
    expect(names).toEqual(expect.arrayContaining(['Last_Name', 'Company', 'Created_Time']));
  });

  it('§5.3 users?type=CurrentUser answers the connected user with the info envelope', async () => {
    const { body } = await api(conn, 'users?type=CurrentUser');
    expect(body.users).toHaveLength(1);
    expect(body.users[0]).toMatchObject({ full_name: 'Ava Thompson', email: 'ava.thompson@example.com', status: 'active', role: { name: 'CEO' }, profile: { name: 'Administrator' } });
    expect(body.info).toEqual({ per_page: 200, count: 1, page: 1, more_records: false });
  });

  it('§5.3 users types filter (ActiveUsers, DeactiveUsers, NotConfirmedUsers); an unknown type is INVALID_DATA', async () => {
    const all = (await api(conn, 'users?type=AllUsers')).body.users.length;
    const active = (await api(conn, 'users?type=ActiveUsers')).body.users;
    const inactive = (await api(conn, 'users?type=DeactiveUsers')).body.users;
    expect(active.length + inactive.length).toBe(all);
    expect(inactive.every((u: { status: string }) => u.status === 'disabled')).toBe(true);
    expect((await api(conn, 'users?type=NotConfirmedUsers')).body.users[0].confirm).toBe(false);
    expect((await api(conn, 'users?type=DeletedUsers')).status).toBe(204);
    expect((await api(conn, 'users?type=Everyone')).body.code).toBe('INVALID_DATA');
  });

  it('§5.3 org answers {"org":[{id, company_name, …}]}', async () => {
    const { body } = await api(conn, 'org');
    expect(body.org[0]).toMatchObject({ id: '60021458201', company_name: 'Northwind Outfitters', type: 'production', max_per_page: 200, license_details: { paid_type: 'enterprise' } });
  });

  it('§5.4 a record list has data and the info envelope; only the asked fields plus id', async () => {
    const { status, body } = await api(conn, 'Leads?fields=Last_Name,Email&per_page=3');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(3);
    expect(Object.keys(body.data[0]).sort()).toEqual(['Email', 'Last_Name', 'id']);
    expect(body.info).toMatchObject({ per_page: 3, count: 3, page: 1, more_records: true, sort_by: 'id', sort_order: 'desc', next_page_token: expect.any(String) });
  });

  it('§5.1 fields is mandatory on list calls, at most 50', async () => {
    const none = await api(conn, 'Leads');
    expect(none.status).toBe(400);
    expect(none.body).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param: 'fields' } });
    const many = Array.from({ length: 51 }, (_, i) => `F${i}`).join(',');
    expect((await api(conn, `Leads?fields=${many}`)).body.code).toBe('LIMIT_EXCEEDED');
  });

  it('§5.3 per_page is at most 200', async () => {
    expect((await api(conn, 'Leads?fields=Last_Name&per_page=201')).status).toBe(400);
    expect((await api(conn, 'Leads?fields=Last_Name&per_page=200')).body.data).toHaveLength(200);
  });

  it('§5.4 page reaches the first 2000 records only, then DISCRETE_PAGINATION_LIMIT_EXCEEDED', async () => {
    expect((await api(conn, 'Leads?fields=Last_Name&per_page=200&page=10')).status).toBe(200);
    const past = await api(conn, 'Leads?fields=Last_Name&per_page=200&page=11');
    expect(past.status).toBe(400);
    expect(past.body).toEqual({
      code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
      details: { limit: 2000 },
      message: 'You can only get the first 2000 records without using page_token param',
      status: 'error',
    });
  });

  it('§5.4 next_page_token walks past 2000 records to the end (10,500 Leads)', async () => {
    let token: string | null = null;
    const seen = new Set<string>();
    let pages = 0;
    do {
      const res: { body: { data: Array<{ id: string }>; info: { next_page_token: string | null; more_records: boolean } } } = await api(
        conn,
        `Leads?fields=Last_Name&per_page=200${token ? `&page_token=${encodeURIComponent(token)}` : ''}`,
      );
      for (const r of res.body.data) seen.add(r.id);
      token = res.body.info.more_records ? res.body.info.next_page_token : null;
      pages += 1;
    } while (token);
    expect(pages).toBe(53);
    expect(seen.size).toBe(10_500);
  });

  it('§5.4 page_token cannot be combined with page, and a forged token is refused', async () => {
    const first = await api(conn, 'Leads?fields=Last_Name&per_page=5');
    const token = first.body.info.next_page_token as string;
    expect((await api(conn, `Leads?fields=Last_Name&page=2&page_token=${encodeURIComponent(token)}`)).status).toBe(400);
    expect((await api(conn, `Leads?fields=Last_Name&page_token=${encodeURIComponent(`${token}x`)}`)).status).toBe(400);
  });

  it('§5.3 sort_by and sort_order', async () => {
    const asc = await api(conn, 'Leads?fields=Created_Time&per_page=5&sort_by=Created_Time&sort_order=asc');
    const times = asc.body.data.map((r: { Created_Time: string }) => r.Created_Time);
    expect([...times].sort()).toEqual(times);
    const desc = await api(conn, 'Leads?fields=Last_Name&per_page=2&sort_order=desc');
    expect(BigInt(desc.body.data[0].id) > BigInt(desc.body.data[1].id)).toBe(true);
    expect((await api(conn, 'Leads?fields=Last_Name&sort_by=Last_Name')).status).toBe(400);
  });

  it('§5.4 an empty result is 204 with no body', async () => {
    const res = await api(conn, 'Tasks?fields=Subject');
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
  });

  it('§5.3 {module}/{id} returns one record with all fields', async () => {
    const list = await api(conn, 'Deals?fields=Deal_Name&per_page=1');
    const id = list.body.data[0].id;
    const one = await api(conn, `Deals/${id}`);
    expect(one.body.data[0]).toMatchObject({ id, Deal_Name: list.body.data[0].Deal_Name, Stage: expect.any(String), Owner: { id: expect.any(String), name: expect.any(String) } });
  });

  it('§5.3 {module}/actions/count', async () => {
    expect((await api(conn, 'Leads/actions/count')).body).toEqual({ count: 10_500 });
  });
});
