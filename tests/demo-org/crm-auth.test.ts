import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { api, connect, NORTHWIND_SANDBOX, start, type Connection } from './helpers';

describe('CRM: authentication, scopes, hosts and paths', () => {
  let demo: DemoOrg;
  let conn: Connection;
  beforeAll(async () => {
    demo = await start();
    conn = await connect(demo);
  });
  afterAll(() => demo.close());

  it('§5.5 a missing Authorization header → 401 AUTHENTICATION_FAILURE in the error envelope', async () => {
    const res = await fetch(`${conn.apiDomain}/crm/v8/org`);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 'AUTHENTICATION_FAILURE', details: {}, message: 'Authentication failed', status: 'error' });
  });

  it('§5.2 only Zoho-oauthtoken is accepted, not Bearer', async () => {
    const res = await fetch(`${conn.apiDomain}/crm/v8/org`, { headers: { Authorization: `Bearer ${conn.access}` } });
    expect(res.status).toBe(401);
    expect((await api(conn, 'org')).status).toBe(200);
  });

  it('§5.5 an unknown token → 401 INVALID_TOKEN', async () => {
    const res = await api({ ...conn, access: '1000.00.00' }, 'org');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  });

  it('§1.1 a token from another environment is rejected (production token at the sandbox API)', async () => {
    const res = await api({ access: conn.access, apiDomain: demo.origins.api['us']!.sandbox }, 'org');
    expect(res.status).toBe(401);
    const sandbox = await connect(demo, { org: NORTHWIND_SANDBOX });
    expect(sandbox.apiDomain).toBe(demo.origins.api['us']!.sandbox);
    expect((await api(sandbox, 'org')).body.org[0].type).toBe('sandbox');
    expect((await api({ access: sandbox.access, apiDomain: demo.origins.api['us']!.production }, 'org')).status).toBe(401);
  });

  it('§1.1 a token from another DC is rejected', async () => {
    const res = await api({ access: conn.access, apiDomain: demo.origins.api['eu']!.production }, 'org');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_TOKEN');
  });

  it('§5.5 a scope the token lacks → OAUTH_SCOPE_MISMATCH', async () => {
    const narrow = await connect(demo, { scope: 'ZohoCRM.org.READ,ZohoCRM.modules.leads.READ' });
    expect((await api(narrow, 'org')).status).toBe(200);
    expect((await api(narrow, 'Leads?fields=Last_Name&per_page=1')).status).toBe(200);
    const users = await api(narrow, 'users?type=CurrentUser');
    expect(users.status).toBe(401);
    expect(users.body.code).toBe('OAUTH_SCOPE_MISMATCH');
    expect((await api(narrow, 'Deals?fields=Deal_Name')).body.code).toBe('OAUTH_SCOPE_MISMATCH');
    expect((await api(narrow, 'Leads', { method: 'POST', json: { data: [{ Last_Name: 'X', Company: 'Y' }] } })).body.code).toBe('OAUTH_SCOPE_MISMATCH');
  });

  it('§6.1 scope matching ignores case', async () => {
    const lower = await connect(demo, { scope: 'zohocrm.org.read' });
    expect((await api(lower, 'org')).status).toBe(200);
  });

  it('§1.1 a call to any host other than the API domain → 400 INVALID_HOST', async () => {
    const viaAccounts = await fetch(`${demo.origins.accounts['us']}/crm/v8/org`, { headers: { Authorization: `Zoho-oauthtoken ${conn.access}` } });
    expect(viaAccounts.status).toBe(400);
    expect(((await viaAccounts.json()) as { code: string }).code).toBe('INVALID_HOST');
    const port = new URL(conn.apiDomain).port;
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/crm/v8/org', headers: { Host: 'crm.example.com', Authorization: `Zoho-oauthtoken ${conn.access}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });

  it('§5.5 a bad path → 404 INVALID_URL_PATTERN; an unknown module → 400 INVALID_MODULE', async () => {
    const bad = await api(conn, 'settings/nonsense');
    expect(bad.status).toBe(404);
    expect(bad.body.code).toBe('INVALID_URL_PATTERN');
    const v2 = await fetch(`${conn.apiDomain}/crm/v2/org`, { headers: { Authorization: `Zoho-oauthtoken ${conn.access}` } });
    expect(v2.status).toBe(404);
    const unknown = await api(conn, 'Widgets?fields=Name');
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('INVALID_MODULE');
    expect((await api(conn, 'Home?fields=Name')).body.code).toBe('INVALID_MODULE');
  });
});
