/** Everything a request handler may reach: state, clock, origins, data, counters. */
import type { DataCentreId, Environment } from '../../../shared/zoho/dataCentres';
import type { TestClock } from './clock';
import type { DemoOrgOrigins } from './origins';
import type { StateStore } from './state/store';
import { OrgData } from './data/orgData';
import { findOrg } from './data/directory';
import type { CreditLedger } from './crm/credits';
import type { DeviceGrants } from './accounts/deviceStore';

export interface DemoSettings {
  /** Answer token requests in the legacy shape: expires_in in ms plus expires_in_sec (§3.2). */
  legacyTokenShape: boolean;
}

export interface DemoContext {
  clock: TestClock;
  store: StateStore;
  settings: DemoSettings;
  origins: DemoOrgOrigins;
  credits: CreditLedger;
  devices: DeviceGrants;
  /** Token-endpoint requests by grant_type. */
  tokenRequests: Map<string, number>;
  /** API calls in flight per org (the concurrency limit, §5.6). */
  inFlight: Map<string, number>;
  orgData(orgId: string): OrgData;
  /** Secret for signing page tokens; fresh per process. */
  signingKey: Buffer;
}

export function accountsOrigin(ctx: DemoContext, dc: DataCentreId): string {
  const origin = ctx.origins.accounts[dc];
  if (!origin) throw new Error(`no accounts origin for ${dc}`);
  return origin;
}

export function apiOrigin(ctx: DemoContext, dc: DataCentreId, environment: Environment): string {
  const origin = ctx.origins.api[dc]?.[environment];
  if (!origin) throw new Error(`no API origin for ${dc}/${environment}`);
  return origin;
}

export function createOrgDataCache(): (orgId: string) => OrgData {
  const cache = new Map<string, OrgData>();
  return (orgId) => {
    let data = cache.get(orgId);
    if (!data) {
      const org = findOrg(orgId);
      if (!org) throw new Error(`unknown org ${orgId}`);
      data = new OrgData(org);
      cache.set(orgId, data);
    }
    return data;
  };
}
