import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, start, type Connection } from './helpers';

describe('CRM: writing records', () => {
  let demo: DemoOrg;
  let conn: Connection;
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
  });
  afterAll(() => demo.close());

  it('§5.4 insert answers 201 with a SUCCESS item per record, and the record can be read back', async () => {
    const res = await api(conn, 'Leads', { method: 'POST', json: { data: [{ Last_Name: 'Ng', First_Name: 'Ada', Company: 'Acorn Labs', Email: 'ada.ng@example.com' }] } });
    expect(res.status).toBe(201);
    expect(res.body.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success', details: { id: expect.stringMatching(/^\d{19}$/) } });
    const back = await api(conn, `Leads/${res.body.data[0].details.id}`);
    expect(back.body.data[0]).toMatchObject({ Last_Name: 'Ng', Full_Name: 'Ada Ng', Company: 'Acorn Labs' });
  });

  it('§5.4 a partly failed insert answers 207 with MANDATORY_NOT_FOUND, DUPLICATE_DATA and INVALID_DATA per record', async () => {
    const existing = (await api(conn, 'Leads?fields=Email&per_page=1&sort_order=asc')).body.data[0].Email;
    const res = await api(conn, 'Leads', {
      method: 'POST',
      json: {
        data: [
          { Last_Name: 'Ok', Company: 'Fine' },
          { Company: 'No last name' },
          { Last_Name: 'Dup', Company: 'X', Email: existing.toUpperCase() },
          { Last_Name: 'Bad', Company: 'X', No_of_Employees: 'many' },
        ],
      },
    });
    expect(res.status).toBe(207);
    expect(res.body.data.map((d: { code: string }) => d.code)).toEqual(['SUCCESS', 'MANDATORY_NOT_FOUND', 'DUPLICATE_DATA', 'INVALID_DATA']);
    expect(res.body.data[1].details).toEqual({ api_name: 'Last_Name', json_path: '$.data[1].Last_Name' });
    expect(res.body.data[2].details).toMatchObject({ api_name: 'Email', duplicate_record: { id: expect.any(String) } });
    expect(res.body.data[3].details).toMatchObject({ api_name: 'No_of_Employees', expected_data_type: 'integer' });
  });

  it('§5.4 when every record fails the answer is 400', async () => {
    const res = await api(conn, 'Deals', { method: 'POST', json: { data: [{ Deal_Name: 'No stage' }] } });
    expect(res.status).toBe(400);
    expect(res.body.data[0].code).toBe('MANDATORY_NOT_FOUND');
  });

  it('§5.3 at most 100 records per write', async () => {
    const data = Array.from({ length: 101 }, (_, i) => ({ Last_Name: `L${i}`, Company: 'C' }));
    const res = await api(conn, 'Leads', { method: 'POST', json: { data } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('LIMIT_EXCEEDED');
  });

  it('§5.3 update by id in the body and by id in the path', async () => {
    const id = (await api(conn, 'Contacts?fields=Last_Name&per_page=1')).body.data[0].id;
    const res = await api(conn, 'Contacts', { method: 'PUT', json: { data: [{ id, Title: 'Chief Tester' }, { Title: 'no id' }] } });
    expect(res.status).toBe(207);
    expect(res.body.data[0]).toMatchObject({ code: 'SUCCESS', message: 'record updated' });
    expect(res.body.data[1]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id' } });
    const one = await api(conn, `Contacts/${id}`, { method: 'PUT', json: { data: [{ Department: 'QA' }] } });
    expect(one.status).toBe(200);
    expect((await api(conn, `Contacts/${id}`)).body.data[0]).toMatchObject({ Title: 'Chief Tester', Department: 'QA' });
  });

  it('§5.3 upsert updates on a duplicate_check_fields match and inserts otherwise', async () => {
    const email = (await api(conn, 'Leads?fields=Email&per_page=1&sort_order=asc')).body.data[0].Email;
    const res = await api(conn, 'Leads/upsert', {
      method: 'POST',
      json: { data: [{ Last_Name: 'Up', Company: 'Dated', Email: email }, { Last_Name: 'New', Company: 'Co', Email: 'brand.new@example.org' }], duplicate_check_fields: ['Email'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.map((d: { action: string }) => d.action)).toEqual(['update', 'insert']);
    expect(res.body.data[0].duplicate_field).toBe('Email');
  });

  it('§5.3 delete by ids: SUCCESS per deleted record, INVALID_DATA for unknown ids (207)', async () => {
    const ids = (await api(conn, 'Accounts?fields=Account_Name&per_page=2')).body.data.map((r: { id: string }) => r.id);
    const res = await api(conn, `Accounts?ids=${ids.join(',')},1234567890123456789`, { method: 'DELETE' });
    expect(res.status).toBe(207);
    expect(res.body.data.map((d: { code: string }) => d.code)).toEqual(['SUCCESS', 'SUCCESS', 'INVALID_DATA']);
    expect(res.body.data[0]).toMatchObject({ message: 'record deleted', details: { id: ids[0] } });
    expect((await api(conn, `Accounts/${ids[0]}`)).status).toBe(204);
    expect((await api(conn, 'Accounts', { method: 'DELETE' })).body).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param: 'ids' } });
  });

  it('§5.3 a lookup must point at an existing record', async () => {
    const res = await api(conn, 'Contacts', { method: 'POST', json: { data: [{ Last_Name: 'L', Account_Name: { id: '1' } }] } });
    expect(res.body.data[0]).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Account_Name' } });
  });
});
