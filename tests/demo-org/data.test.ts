import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { DEMO_ORGS } from '../../electron/core/demo-org/data/directory';
import { OrgData } from '../../electron/core/demo-org/data/orgData';
import { api, connect, start } from './helpers';

describe('Demo data', () => {
  let a: DemoOrg;
  let b: DemoOrg;
  beforeAll(async () => {
    [a, b] = await Promise.all([start(), start()]);
  });
  afterAll(() => Promise.all([a.close(), b.close()]));

  it('§5.4 the seed is deterministic: two servers answer the same records', async () => {
    const path = 'Leads?fields=Last_Name,Email,Company,Created_Time&per_page=50&sort_order=asc';
    const [x, y] = await Promise.all([api(await connect(a), path), api(await connect(b), path)]);
    expect(x.body.data).toEqual(y.body.data);
  });

  it('§5.4 several orgs, production and sandbox, with different editions; one module has ≥ 10,000 records', () => {
    expect(new Set(DEMO_ORGS.map((o) => o.environment))).toEqual(new Set(['production', 'sandbox', 'developer']));
    expect(new Set(DEMO_ORGS.map((o) => o.edition)).size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...DEMO_ORGS.flatMap((o) => Object.values(o.counts)))).toBeGreaterThanOrEqual(10_000);
  });

  it('§5.4 10,500 Leads are generated lazily in under 150 ms', () => {
    new OrgData(DEMO_ORGS[1]!).module('Leads'); // warm the generator up on a small org
    // Best of three fresh generations: other test workers share the CPU, and one busy moment is not the generator's cost.
    const runs = [0, 1, 2].map(() => {
      const t = performance.now();
      const leads = new OrgData(DEMO_ORGS[0]!).module('Leads')!;
      expect(leads.records).toHaveLength(10_500);
      return performance.now() - t;
    });
    expect(Math.min(...runs)).toBeLessThan(150);
  });

  it('made-up people only: every email is on example.com or example.org', () => {
    const org = new OrgData(DEMO_ORGS[0]!);
    for (const m of ['Leads', 'Contacts']) {
      for (const r of org.module(m)!.records) expect(String(r['Email'])).toMatch(/@example\.(com|org)$/);
    }
    for (const u of org.users) expect(u.email).toMatch(/example\.(com|org)$/);
  });
});
