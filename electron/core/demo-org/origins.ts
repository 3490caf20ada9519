/**
 * The origins the Demo org serves. Like Zoho, every data centre is its own origin for
 * accounts (§1.1) and, per environment, for the CRM API (production / sandbox / developer).
 */
import { DATA_CENTRE_IDS, ENVIRONMENTS, type DataCentreId, type Environment } from '../../../shared/zoho/dataCentres';

export interface DemoOrgOrigins {
  accounts: Record<string, string>;
  api: Record<string, { production: string; sandbox: string; developer: string }>;
  console: string;
}

export type Site =
  | { kind: 'accounts'; dc: DataCentreId }
  | { kind: 'api'; dc: DataCentreId; environment: Environment }
  | { kind: 'console' };

/** Every DC in shared/zoho/dataCentres.ts gets its own origins, so any profile can point here. */
export const SERVED_DCS: readonly DataCentreId[] = DATA_CENTRE_IDS;

/** Listening order; with PORT=n, site i listens on n + i. */
export function siteList(): Site[] {
  const sites: Site[] = SERVED_DCS.map((dc) => ({ kind: 'accounts', dc }) as Site);
  for (const dc of SERVED_DCS) for (const environment of ENVIRONMENTS) sites.push({ kind: 'api', dc, environment });
  sites.push({ kind: 'console' });
  return sites;
}

export function buildOrigins(sites: readonly Site[], ports: readonly number[]): DemoOrgOrigins {
  const origins: DemoOrgOrigins = { accounts: {}, api: {}, console: '' };
  sites.forEach((site, i) => {
    const origin = `http://127.0.0.1:${ports[i]}`;
    if (site.kind === 'accounts') origins.accounts[site.dc] = origin;
    else if (site.kind === 'console') origins.console = origin;
    else {
      const entry = (origins.api[site.dc] ??= { production: '', sandbox: '', developer: '' });
      entry[site.environment] = origin;
    }
  });
  return origins;
}

export function isServedDc(value: unknown): value is DataCentreId {
  return typeof value === 'string' && (SERVED_DCS as readonly string[]).includes(value);
}
