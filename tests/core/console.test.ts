/**
 * The API console's core over real HTTP against the Demo org: scope checks before sending,
 * Zoho's answers read for people (204, 207, errors), writes guarded (read-only, production
 * confirmation), history per profile, and "Fetch all" past 2,000 with cancel and 429 back-off.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { UNDO_DELETE_MS } from '../../electron/core/profiles/profileService';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import type { AppEvent, ConsoleRequestInput, CrmJobProgress } from '../../shared/ipc/contract';
import { connectedCore } from '../helpers/consoleSetup';
import { createTestCore, tempDir } from '../helpers/testCore';

let demo: DemoOrg;
beforeAll(async () => {
  demo = await startDemoOrg();
});
afterAll(async () => {
  await demo.close();
});
const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  demo.faults.clear();
  while (cores.length) await cores.pop()!.close();
});

async function setup(...profiles: Parameters<typeof connectedCore>[1] & object[]) {
  const t = await connectedCore(demo, profiles.length ? profiles : [{}]);
  cores.push(t.core);
  return t;
}

const req = (r: Partial<ConsoleRequestInput> & { path: string }): ConsoleRequestInput => ({ method: 'GET', query: {}, headers: {}, ...r });

function jobEvents(events: AppEvent[], jobId: string): CrmJobProgress[] {
  return events.flatMap((e) => (e.type === 'crm-job' && e.job.jobId === jobId ? [e.job] : []));
}

async function waitForJob(events: AppEvent[], jobId: string, states: string[], timeoutMs = 20_000): Promise<CrmJobProgress> {
  const started = Date.now();
  for (;;) {
    const last = jobEvents(events, jobId).at(-1);
    if (last && states.includes(last.state)) return last;
    if (Date.now() - started > timeoutMs) throw new Error(`job did not reach ${states.join('/')}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sending a call', () => {
  it('lists records with chosen fields and reports status, duration, size and the records', async () => {
    const t = await setup();
    const res = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Leads', query: { fields: 'Last_Name,Email', per_page: '10' } }) });
    expect(res.status).toBe(200);
    expect(res.records).toHaveLength(10);
    expect(Object.keys(res.records![0]!).sort()).toEqual(['Email', 'Last_Name', 'id']);
    expect(res.durationMs).toBeGreaterThan(0);
    expect(res.sizeBytes).toBeGreaterThan(100);
    expect(res.info).toMatchObject({ moreRecords: true, perPage: 10 });
    expect(res.url).toBe(`${demo.origins.api.us!.production}/crm/v8/Leads?fields=Last_Name%2CEmail&per_page=10`);
    expect(res.error).toBeUndefined();
  });

  it('reports X-API-CREDITS-REMAINING once half the day’s credits are used', async () => {
    // Its own Demo org: spending credits must not starve the other tests.
    const own = await startDemoOrg();
    try {
      const t = await connectedCore(own);
      cores.push(t.core);
      const first = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'org' }) });
      expect(first.creditsRemaining).toBeUndefined();
      const [view] = await t.call('profiles:list');
      const orgId = view!.connection.orgId!;
      const left = own.credits.remaining(orgId);
      own.credits.spend(orgId, Math.ceil(left / 2) + 10);
      const later = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'org' }) });
      expect(later.creditsRemaining).toBe(own.credits.remaining(orgId));
      expect(later.headers['x-api-credits-remaining']).toBe(String(later.creditsRemaining));
    } finally {
      await own.close();
    }
  });

  it('treats 204 as "0 records", not an error', async () => {
    const t = await setup();
    const res = await t.call('crm:send', {
      profileId: t.ids[0]!,
      request: req({ path: 'Leads/search', query: { criteria: '(Last_Name:equals:Nobody-By-This-Name-xyz)' } }),
    });
    expect(res.status).toBe(204);
    expect(res.records).toEqual([]);
    expect(res.error).toBeUndefined();
    expect(res.body).toBeNull();
  });

  it('runs a COQL query (a POST that reads, so no write confirmation)', async () => {
    const t = await setup();
    const res = await t.call('crm:send', {
      profileId: t.ids[0]!,
      request: req({ method: 'POST', path: 'coql', body: JSON.stringify({ select_query: "select Last_Name, Email from Leads where Last_Name is not null limit 5" }) }),
    });
    expect(res.status).toBe(200);
    expect(res.records).toHaveLength(5);
  });

  it('shows a 207 per record, with the catalogue sentence for the failed one', async () => {
    const t = await setup({ environment: 'sandbox' });
    // Sandbox org: no production confirmation needed. Insert one good and one bad record.
    const res = await t.call('crm:send', {
      profileId: t.ids[0]!,
      request: req({ method: 'POST', path: 'Leads', body: JSON.stringify({ data: [{ Last_Name: 'Okafor', Company: 'Bluefin' }, { First_Name: 'NoLastName' }] }) }),
    });
    expect(res.status).toBe(207);
    expect(res.perRecord).toHaveLength(2);
    expect(res.perRecord![0]).toMatchObject({ index: 0, status: 'success', code: 'SUCCESS' });
    expect(res.perRecord![0]!.id).toMatch(/^\d+$/);
    expect(res.perRecord![1]).toMatchObject({ index: 1, status: 'error', code: 'MANDATORY_NOT_FOUND' });
    expect(res.perRecord![1]!.explanation?.message).toMatch(/required field is missing/);
    expect(res.error).toBeUndefined();
  });

  it("explains Zoho's errors with our catalogue", async () => {
    const t = await setup();
    const res = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'NoSuchModule', query: { fields: 'Last_Name' } }) });
    expect(res.status).toBe(400);
    expect(res.error).toMatchObject({ code: 'CRM_INVALID_MODULE' });
    expect(res.error!.hint).toBeTruthy();
  });

  it('refuses a body that is not JSON before sending', async () => {
    const t = await setup({ environment: 'sandbox' });
    const before = (await t.call('crm:history', { profileId: t.ids[0]! })).length;
    const r = await t.callRaw('crm:send', { profileId: t.ids[0]!, request: req({ method: 'POST', path: 'Leads', body: '{"data": [' }) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('CRM_BAD_REQUEST_TEXT');
    expect((await t.call('crm:history', { profileId: t.ids[0]! })).length).toBe(before);
  });

  it('keeps at most 5 calls per profile in flight (the smallest edition’s concurrency limit)', async () => {
    const t = await setup();
    demo.faults.inject({ path: '/crm/v8/org', kind: 'slow', delayMs: 250, count: 10 });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'org' }) })));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    // Ten 250 ms calls, five at a time: two rounds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(480);
  });

  it('keeps the parameters of a pasted address', async () => {
    const t = await setup();
    const res = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'https://www.zohoapis.com/crm/v8/Leads?fields=Email&per_page=3' }) });
    expect(res.status).toBe(200);
    expect(res.records).toHaveLength(3);
    expect(Object.keys(res.records![0]!).sort()).toEqual(['Email', 'id']);
  });

  it('never lets a header replace the profile token', async () => {
    const t = await setup();
    const res = await t.call('crm:send', {
      profileId: t.ids[0]!,
      request: req({ path: 'org', headers: { Authorization: 'Zoho-oauthtoken stolen', 'X-Custom': 'yes' } }),
    });
    expect(res.status).toBe(200);
  });
});

describe('scope checking', () => {
  it('warns before sending, naming the missing scope, and sends nothing', async () => {
    const t = await setup({ scopes: ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'] });
    // Reading Contacts is fine…
    const ok = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Contacts', query: { fields: 'Last_Name' } }) });
    expect(ok.status).toBe(200);
    // …deleting them is not: the app says so before anything leaves.
    const r = await t.callRaw('crm:send', {
      profileId: t.ids[0]!,
      request: req({ method: 'DELETE', path: 'Contacts', query: { ids: '1' } }),
      confirmWrite: { orgName: 'Northwind Outfitters' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CRM_SCOPE_NOT_GRANTED');
    expect(r.error.message).toContain('ZohoCRM.modules.contacts.DELETE');
    expect(r.error.hint).toContain('Reconnect adding ZohoCRM.modules.contacts.DELETE');
  });

  it("sent anyway, Zoho's OAUTH_SCOPE_MISMATCH comes back naming the scope to add", async () => {
    const t = await setup({ scopes: ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'] });
    const res = await t.call('crm:send', {
      profileId: t.ids[0]!,
      request: req({ path: 'Leads/search', query: { criteria: '(Last_Name:equals:X)' } }),
      ignoreMissingScopes: true,
    });
    expect(res.status).toBe(401);
    expect(res.error?.code).toBe('CRM_SCOPE_MISMATCH');
    expect(res.error?.hint).toContain('Reconnect adding ZohoCRM.modules.leads.READ and ZohoSearch.securesearch.READ');
  });
});

describe('writes', () => {
  it('refuses every write on a read-only profile before it leaves the app', async () => {
    const t = await setup({ readOnly: true, environment: 'sandbox' });
    const before = (await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Leads/actions/count' }) })).body;
    const r = await t.callRaw('crm:send', {
      profileId: t.ids[0]!,
      request: req({ method: 'POST', path: 'Leads', body: JSON.stringify({ data: [{ Last_Name: 'X', Company: 'Y' }] }) }),
    });
    expect(!r.ok && r.error.code).toBe('CRM_READ_ONLY_PROFILE');
    const after = (await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Leads/actions/count' }) })).body;
    expect(after).toEqual(before);
  });

  it('needs the org name confirmed for a production write', async () => {
    const t = await setup();
    const [view] = await t.call('profiles:list');
    const orgName = view!.connection.orgName!;
    expect(orgName).toBe('Northwind Outfitters');
    const list = await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Leads', query: { fields: 'Last_Name', per_page: '1' } }) });
    const id = String(list.records![0]!.id);
    const del = req({ method: 'DELETE', path: `Leads/${id}` });
    const refused = await t.callRaw('crm:send', { profileId: t.ids[0]!, request: del });
    expect(!refused.ok && refused.error.code).toBe('CRM_WRITE_NOT_CONFIRMED');
    expect(!refused.ok && refused.error.message).toContain('Northwind Outfitters');
    const wrong = await t.callRaw('crm:send', { profileId: t.ids[0]!, request: del, confirmWrite: { orgName: 'Some other org' } });
    expect(!wrong.ok && wrong.error.code).toBe('CRM_WRITE_NOT_CONFIRMED');
    // Still there.
    expect((await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: `Leads/${id}` }) })).status).toBe(200);
    const done = await t.call('crm:send', { profileId: t.ids[0]!, request: del, confirmWrite: { orgName } });
    expect(done.status).toBe(200);
    expect(done.perRecord![0]).toMatchObject({ status: 'success', id });
  });
});

describe('history', () => {
  it('keeps calls per profile, searchable and pinnable; nothing crosses between profiles; it survives a restart', async () => {
    const dataDir = tempDir();
    const base = await createTestCore({ demo, dataDir });
    const t = await connectedCore(demo, [{ name: 'Alpha' }, { name: 'Beta' }], base);
    const [a, b] = t.ids as [string, string];
    await t.call('crm:send', { profileId: a, request: req({ path: 'Leads', query: { fields: 'Last_Name', per_page: '2' } }), label: 'List Leads' });
    await t.call('crm:send', { profileId: a, request: req({ path: 'org' }) });
    await t.call('crm:send', { profileId: b, request: req({ path: 'Contacts', query: { fields: 'Email', per_page: '1' } }) });
    const ha = await t.call('crm:history', { profileId: a });
    const hb = await t.call('crm:history', { profileId: b });
    expect(ha.map((e) => e.request.path)).toEqual(['org', 'Leads']);
    expect(hb.map((e) => e.request.path)).toEqual(['Contacts']);
    expect(JSON.stringify(hb)).not.toContain('Leads');
    expect((await t.call('crm:history', { profileId: a, search: 'leads' })).map((e) => e.label)).toEqual(['List Leads']);
    const pinned = await t.call('crm:historyPin', { profileId: a, id: ha[1]!.id, pinned: true });
    expect(pinned[0]!.label).toBe('List Leads');
    // Pinning an id from another profile's history changes nothing there.
    await t.call('crm:historyPin', { profileId: b, id: ha[0]!.id, pinned: true });
    expect((await t.call('crm:history', { profileId: b })).every((e) => !e.pinned)).toBe(true);
    await t.core.close();

    const again = await createTestCore({ demo, dataDir });
    cores.push(again.core);
    const reloaded = await again.call('crm:history', { profileId: a });
    expect(reloaded.map((e) => [e.label, e.pinned])).toEqual([
      ['List Leads', true],
      ['GET org', false],
    ]);
    expect((await again.call('crm:history', { profileId: b })).map((e) => e.request.path)).toEqual(['Contacts']);
  });
});

describe('fetch all', () => {
  it('follows next_page_token past 2,000 records with progress, and can be cancelled', async () => {
    const t = await setup();
    const started = await t.call('crm:fetchAll', { profileId: t.ids[0]!, request: req({ path: 'Leads', query: { fields: 'Last_Name,Email' } }), cap: 3000 });
    const done = await waitForJob(t.events, started.jobId, ['done', 'capped', 'failed']);
    expect(done.state).toBe('capped');
    expect(done.fetched).toBe(3000);
    const progress = jobEvents(t.events, started.jobId);
    expect(progress.find((p) => p.total !== undefined)?.total).toBe(3000);
    // The module's own count is reported too, so the UI can say there are more than the limit.
    expect(progress.find((p) => p.available !== undefined)?.available).toBeGreaterThan(3000);
    expect(progress.filter((p) => p.state === 'running').map((p) => p.fetched)).toContain(2200);
    const page = await t.call('crm:jobRecords', { jobId: started.jobId, offset: 2000, limit: 1000 });
    expect(page.records).toHaveLength(1000);
    expect(page.total).toBe(3000);
    const ids = new Set((await t.call('crm:jobRecords', { jobId: started.jobId, offset: 0, limit: 3000 })).records.map((r) => r.id));
    expect(ids.size).toBe(3000);

    // Cancel a long one part-way.
    demo.faults.inject({ path: '/crm/v8/Leads', kind: 'slow', delayMs: 60, count: 1000 });
    const long = await t.call('crm:fetchAll', { profileId: t.ids[0]!, request: req({ path: 'Leads', query: { fields: 'Last_Name' } }), cap: 10_500 });
    await expect.poll(() => jobEvents(t.events, long.jobId).at(-1)?.fetched ?? 0, { timeout: 10_000 }).toBeGreaterThanOrEqual(600);
    const cancelled = await t.call('crm:cancel', { jobId: long.jobId });
    expect(cancelled.state).toBe('cancelled');
    const at = cancelled.fetched;
    await new Promise((r) => setTimeout(r, 300));
    expect(jobEvents(t.events, long.jobId).at(-1)!.state).toBe('cancelled');
    expect((await t.call('crm:jobRecords', { jobId: long.jobId })).total).toBeLessThanOrEqual(at + 200);
  });

  it('fetches the whole 10,500-record module', async () => {
    const t = await setup();
    // 10,500 seeded, less the one a production-write test above deleted (when it ran first).
    const count = ((await t.call('crm:send', { profileId: t.ids[0]!, request: req({ path: 'Leads/actions/count' }) })).body as { count: number }).count;
    expect(count).toBeGreaterThanOrEqual(10_499);
    const started = await t.call('crm:fetchAll', { profileId: t.ids[0]!, request: req({ path: 'Leads', query: { fields: 'Last_Name' } }), cap: 20_000 });
    const done = await waitForJob(t.events, started.jobId, ['done', 'capped', 'failed']);
    expect(done).toMatchObject({ state: 'done', fetched: count, total: count, pages: 53 });
  });

  it('backs off on 429 and stays within the concurrency limit', async () => {
    const t = await setup();
    const { token, apiDomain } = await t.core.internals.tokens.get(t.ids[0]!);
    // Fill Northwind's 20 concurrent slots (Enterprise) with slow calls from "another integration".
    demo.faults.inject({ path: '/crm/v8/org', kind: 'slow', delayMs: 1200, count: 20 });
    const blockers = Array.from({ length: 20 }, () => fetch(`${apiDomain}/crm/v8/org`, { headers: { Authorization: `Zoho-oauthtoken ${token}` } }));
    await new Promise((r) => setTimeout(r, 150));
    const started = await t.call('crm:fetchAll', { profileId: t.ids[0]!, request: req({ path: 'Contacts', query: { fields: 'Last_Name' } }), cap: 400 });
    const done = await waitForJob(t.events, started.jobId, ['done', 'capped', 'failed']);
    await Promise.all(blockers);
    const progress = jobEvents(t.events, started.jobId);
    const waits = progress.filter((p) => p.state === 'waiting');
    expect(waits.length).toBeGreaterThan(0);
    // Exponential: each wait longer than the one before (± jitter of 25 %).
    for (let i = 1; i < waits.length; i++) expect(waits[i]!.retryInMs!).toBeGreaterThan(waits[i - 1]!.retryInMs! * 1.1);
    expect(['done', 'capped']).toContain(done.state);
    expect(done.fetched).toBeGreaterThan(0);
  });
});

describe('history of a deleted profile', () => {
  it("drops a deleted profile's history when the delete is final, not while it can be undone", async () => {
    const dataDir = tempDir();
    const base = await createTestCore({ demo, dataDir });
    const t = await connectedCore(demo, [{ name: 'Alpha' }, { name: 'Beta' }], base);
    cores.push(t.core);
    const [a, b] = t.ids as [string, string];
    await t.call('crm:send', { profileId: a, request: req({ path: 'Leads', query: { fields: 'Last_Name', per_page: '1' } }), label: 'Alpha leads' });
    await t.call('crm:send', { profileId: b, request: req({ path: 'Contacts', query: { fields: 'Email', per_page: '1' } }), label: 'Beta contacts' });
    await new Promise((r) => setTimeout(r, 500)); // the history's coalesced write
    const historyFile = () => readFileSync(join(dataDir, 'history.json'), 'utf8');
    expect(historyFile()).toContain('Alpha leads');

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // Deleted, then undone within the window: the history comes back with the profile.
      await t.call('profiles:delete', { id: a });
      vi.advanceTimersByTime(UNDO_DELETE_MS - 5000);
      expect(historyFile()).toContain('Alpha leads');
      await t.call('profiles:undoDelete', { id: a });
      vi.advanceTimersByTime(UNDO_DELETE_MS * 2);
      expect((await t.call('crm:history', { profileId: a })).map((e) => e.label)).toEqual(['Alpha leads']);

      // Deleted for good: still on disk while undo is possible, gone once the window has closed; Beta's stay.
      await t.call('profiles:delete', { id: a });
      vi.advanceTimersByTime(UNDO_DELETE_MS - 1000);
      expect(historyFile()).toContain('Alpha leads');
      vi.advanceTimersByTime(5000);
    } finally {
      vi.useRealTimers();
    }
    const onDisk = historyFile();
    expect(onDisk).not.toContain(a);
    expect(onDisk).not.toContain('Alpha leads');
    expect(onDisk).toContain('Beta contacts');
    expect((await t.call('crm:history', { profileId: b })).map((e) => e.label)).toEqual(['Beta contacts']);
  });

  it('closing the app within the undo window makes the delete final, history included', async () => {
    const dataDir = tempDir();
    const base = await createTestCore({ demo, dataDir });
    const t = await connectedCore(demo, [{ name: 'Alpha' }, { name: 'Beta' }], base);
    const [a, b] = t.ids as [string, string];
    await t.call('crm:send', { profileId: a, request: req({ path: 'org' }), label: 'Alpha org' });
    await t.call('crm:send', { profileId: b, request: req({ path: 'org' }), label: 'Beta org' });
    await t.call('profiles:delete', { id: a });
    await t.core.close();
    const onDisk = readFileSync(join(dataDir, 'history.json'), 'utf8');
    expect(onDisk).not.toContain('Alpha org');
    expect(onDisk).toContain('Beta org');
  });
});
