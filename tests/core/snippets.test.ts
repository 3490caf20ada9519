/**
 * Code for the current call: curl, fetch, Python requests, Deluge. Tokens are placeholders;
 * the curl one is run for real against the Demo org with a real token substituted in.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import {
  curlSnippet,
  delugeSnippet,
  delugeTask,
  fetchSnippet,
  pythonSnippet,
  snippet,
  TOKEN_PLACEHOLDER,
  type SnippetInput,
} from '../../shared/snippets/index';
import { connectedCore } from '../helpers/consoleSetup';

const run = promisify(execFile);
const CURL = ['/usr/bin/curl', '/bin/curl'].find((p) => existsSync(p));
const API = 'https://www.zohoapis.eu';
const list: SnippetInput = { apiDomain: API, request: { method: 'GET', path: 'Leads', query: { fields: 'Last_Name,Email', per_page: '50' }, headers: {} } };
const insert: SnippetInput = {
  apiDomain: API,
  connection: 'crm_conn',
  request: {
    method: 'POST',
    path: '/crm/v8/Leads',
    query: {},
    headers: {},
    body: JSON.stringify({ data: [{ Last_Name: "O'Kafor \"Chi\"", Company: 'Bluefin', Tag: [{ name: 'expo' }], Annual_Revenue: 5, Active: true, Note: null }] }),
  },
};

describe('snippets', () => {
  it('curl: method, URL, Zoho-oauthtoken placeholder, JSON body with shell-safe quoting', () => {
    expect(curlSnippet(list)).toBe(
      `curl -sS -X GET 'https://www.zohoapis.eu/crm/v8/Leads?fields=Last_Name%2CEmail&per_page=50' \\\n  -H 'Authorization: Zoho-oauthtoken {{access_token}}'`,
    );
    const c = curlSnippet(insert);
    expect(c).toContain(`-X POST 'https://www.zohoapis.eu/crm/v8/Leads'`);
    expect(c).toContain(`-H 'Content-Type: application/json'`);
    expect(c).toContain(`--data-raw '{"data":[{"Last_Name":"O'\\''Kafor \\"Chi\\""`);
  });

  it('fetch: a runnable module-level snippet that reads 204 as no records', () => {
    const f = fetchSnippet(insert);
    expect(f).toContain('await fetch("https://www.zohoapis.eu/crm/v8/Leads", {');
    expect(f).toContain('"Authorization": "Zoho-oauthtoken {{access_token}}"');
    expect(f).toContain('body: JSON.stringify({');
    expect(f).toContain('response.status === 204 ? null');
    // It parses as JavaScript (inside an async function).
    expect(() => new Function(`return (async () => {\n${f}\n});`)).not.toThrow();
  });

  it('Python requests: params for the query, json= with Python literals', () => {
    const p = pythonSnippet(list);
    expect(p).toContain('"https://www.zohoapis.eu/crm/v8/Leads"');
    expect(p).toContain('params={\n        "fields": "Last_Name,Email",');
    const i = pythonSnippet(insert);
    expect(i).toContain('"Active": True,');
    expect(i).toContain('"Note": None,');
    expect(i).toContain('"Authorization": "Zoho-oauthtoken {{access_token}}"');
    expect(i).not.toContain('Content-Type');
  });

  it('Deluge: invokeurl with the connection name, body as a Map, and the zoho.crm.v8 task where one exists', () => {
    const d = delugeSnippet(insert);
    expect(d).toContain('payload = Map();');
    expect(d).toContain(`payload.put("data", [{"Last_Name": "O'Kafor \\"Chi\\"", "Company": "Bluefin", "Tag": [{"name": "expo"}], "Annual_Revenue": 5, "Active": true, "Note": null}]);`);
    expect(d).toContain('\turl :"https://www.zohoapis.eu/crm/v8/Leads"');
    expect(d).toContain('\ttype :POST');
    expect(d).toContain('\tparameters:payload.toString()');
    expect(d).toContain('\tconnection:"crm_conn"');
    expect(d).toContain('created = zoho.crm.v8.createRecord("Leads", record, opts, "crm_conn");');
    // REST fires workflows when trigger is absent; the task is told to do the same.
    expect(d).toContain('opts.put("trigger", ["workflow", "approval", "blueprint"]);');
    expect(d).not.toContain('Zoho-oauthtoken');

    const l = delugeSnippet(list);
    expect(l).toContain('connection:"crm_oauth_connection"');
    expect(l).toContain('records = zoho.crm.v8.getRecords("Leads", 1, 50, opts, "crm_oauth_connection");');
    expect(l).toContain('opts.put("fields", "Last_Name,Email");');

    const search: SnippetInput = { apiDomain: API, request: { method: 'GET', path: 'Contacts/search', query: { criteria: '(Email:equals:a@b.c)' }, headers: {} } };
    expect(delugeTask(search)).toContain('zoho.crm.v8.searchRecords("Contacts", "(Email:equals:a@b.c)", 1, 200, null, "crm_oauth_connection")');
    const del: SnippetInput = { apiDomain: API, request: { method: 'DELETE', path: 'Leads', query: { ids: '1,2' }, headers: {} } };
    expect(delugeTask(del)).toBeNull();
    expect(delugeSnippet(del)).toContain('no zoho.crm.v8 task');
    const coql: SnippetInput = { apiDomain: API, request: { method: 'POST', path: 'coql', query: {}, headers: {}, body: '{"select_query":"select Last_Name from Leads limit 5"}' } };
    expect(delugeTask(coql)).toBeNull();
    expect(delugeSnippet(coql)).toContain('payload.put("select_query", "select Last_Name from Leads limit 5");');
    const byId: SnippetInput = { apiDomain: API, request: { method: 'GET', path: 'Leads/4150868000000224011', query: {}, headers: {} } };
    expect(delugeTask(byId)).toContain('zoho.crm.v8.getRecordById("Leads", "4150868000000224011".toLong(), opts, "crm_oauth_connection")');
    const upd: SnippetInput = { apiDomain: API, request: { method: 'PUT', path: 'Leads/42', query: {}, headers: {}, body: '{"data":[{"Email":"x@y.z"}]}' } };
    expect(delugeTask(upd)).toContain('zoho.crm.v8.updateRecord("Leads", "42".toLong(), values, opts, "crm_oauth_connection")');
    // A bad connection name is never emitted.
    expect(delugeSnippet({ ...list, connection: 'bad name"; x' })).toContain('connection:"crm_oauth_connection"');
  });

  it('never contains a token, only the placeholder', () => {
    for (const lang of ['curl', 'fetch', 'python'] as const) {
      expect(snippet(lang, list)).toContain(TOKEN_PLACEHOLDER);
    }
    expect(snippet('deluge', list)).not.toContain(TOKEN_PLACEHOLDER);
  });
});

describe('the curl snippet, run for real against the Demo org', () => {
  let demo: DemoOrg;
  beforeAll(async () => {
    demo = await startDemoOrg();
  });
  afterAll(async () => {
    await demo.close();
  });

  it.skipIf(!CURL)('answers with the same records as the app (curl found on this machine)', async () => {
    const t = await connectedCore(demo);
    try {
      const { token, apiDomain } = await t.core.internals.tokens.get(t.ids[0]!);
      const input: SnippetInput = { apiDomain, request: { method: 'GET', path: 'Leads', query: { fields: 'Last_Name,Email', per_page: '3' }, headers: {} } };
      const code = curlSnippet(input);
      expect(code).not.toContain(token);
      const { stdout } = await run('/bin/sh', ['-c', code.replace(TOKEN_PLACEHOLDER, token)]);
      const body = JSON.parse(stdout) as { data: { id: string }[] };
      const app = await t.call('crm:send', { profileId: t.ids[0]!, request: { method: 'GET', path: 'Leads', query: { fields: 'Last_Name,Email', per_page: '3' }, headers: {} } });
      expect(body.data.map((r) => r.id)).toEqual(app.records!.map((r) => r.id));

      // And a write with a quoted body, on the same org.
      const insertInput: SnippetInput = {
        apiDomain,
        request: { method: 'POST', path: 'Leads', query: {}, headers: {}, body: JSON.stringify({ data: [{ Last_Name: "O'Brien", Company: 'Quote & Co' }] }) },
      };
      const out = await run('/bin/sh', ['-c', curlSnippet(insertInput).replace(TOKEN_PLACEHOLDER, token)]);
      expect(JSON.parse(out.stdout)).toMatchObject({ data: [{ code: 'SUCCESS', status: 'success' }] });
    } finally {
      await t.core.close();
    }
  });
  if (!CURL) it('curl is not installed here: the real curl run is skipped', () => undefined);

  it('the fetch snippet runs as-is in Node, and the Python one with requests (where installed)', async () => {
    const t = await connectedCore(demo);
    try {
      const { token, apiDomain } = await t.core.internals.tokens.get(t.ids[0]!);
      const input: SnippetInput = { apiDomain, request: { method: 'GET', path: 'Contacts', query: { fields: 'Email', per_page: '2' }, headers: {} } };
      const js = await run(process.execPath, ['--input-type=module', '-e', fetchSnippet(input).replace(TOKEN_PLACEHOLDER, token)]);
      expect(js.stdout).toMatch(/^200 /);
      expect(js.stdout).toContain('Email');
      const hasRequests = await run('python3', ['-c', 'import requests'])
        .then(() => true)
        .catch(() => false);
      if (!hasRequests) return; // No Python requests on this machine: the Python run is skipped.
      const py = await run('python3', ['-c', pythonSnippet(input).replace(TOKEN_PLACEHOLDER, token)]);
      expect(py.stdout.split('\n')[0]).toBe('200');
      expect(py.stdout).toContain('Email');
    } finally {
      await t.core.close();
    }
  });
});
