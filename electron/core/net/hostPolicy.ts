import {
  DATA_CENTRE_LIST,
  DATA_CENTRES,
  ZOHO_ACCOUNTS_SERVERS,
  ZOHO_API_DOMAINS,
  dataCentreByAccountsServer,
  isDataCentreId,
  type DataCentreId,
  type Environment,
} from '../../../shared/zoho/dataCentres';
import type { Service } from '../../../shared/ipc/contract';

/** The Demo org's origins, as `startDemoOrg` reports them. */
export interface DemoOrigins {
  accounts: Record<string, string>;
  api: Record<string, { production: string; sandbox: string; developer: string }>;
  console: string;
}

export interface ServiceEndpoints {
  /** Where authorization starts. */
  authorizeServer: string;
  /** Where the code exchange and refreshes go unless the redirect names another allowed server. */
  accountsServer: string;
  /** The API domain we expect for this DC and environment (the token response's api_domain wins). */
  apiDomain: string;
  /** http is allowed only for the Demo org on 127.0.0.1. */
  insecure: boolean;
}

/**
 * Which hosts the app will talk to. Zoho's hosts come from the data-centre table; the Demo
 * org's loopback origins are added at run time by the app itself. A callback's
 * `accounts-server` and a token response's `api_domain` are accepted only if listed here,
 * so a forged redirect can never make the app send a client secret or token elsewhere.
 */
export class HostPolicy {
  private demo: DemoOrigins | null = null;

  setDemoOrigins(origins: DemoOrigins | null): void {
    this.demo = origins;
  }

  get demoOrigins(): DemoOrigins | null {
    return this.demo;
  }

  private demoAccounts(): string[] {
    return this.demo ? Object.values(this.demo.accounts) : [];
  }

  private demoApis(): string[] {
    return this.demo ? Object.values(this.demo.api).flatMap((e) => Object.values(e)) : [];
  }

  isAllowedAccountsServer(origin: string, service: Service): boolean {
    return service === 'demo' ? this.demoAccounts().includes(origin) : ZOHO_ACCOUNTS_SERVERS.includes(origin);
  }

  isAllowedApiDomain(origin: string, service: Service): boolean {
    return service === 'demo' ? this.demoApis().includes(origin) : ZOHO_API_DOMAINS.includes(origin);
  }

  /**
   * Which data centre and environment an (allowed) API domain serves. Zoho binds a token to
   * the org picked on the consent page (§2.2), and the token's `api_domain` says where that
   * org lives: www.zohoapis.* is production, sandbox.* a sandbox, developer.* a developer org.
   */
  placeOfApiDomain(origin: string, service: Service): { dataCentre: DataCentreId; environment: Environment } | undefined {
    const entries: [string, Record<Environment, string>][] =
      service === 'demo'
        ? Object.entries(this.demo?.api ?? {})
        : DATA_CENTRE_LIST.map((d) => [d.id, d.apiDomains] as [string, Record<Environment, string>]);
    for (const [dc, byEnvironment] of entries) {
      if (!isDataCentreId(dc)) continue;
      for (const [environment, apiOrigin] of Object.entries(byEnvironment) as [Environment, string][]) {
        if (apiOrigin === origin) return { dataCentre: dc, environment };
      }
    }
    return undefined;
  }

  /** For a Demo accounts origin, the data centre it stands for. */
  demoLocationOf(accountsOrigin: string): string | undefined {
    if (!this.demo) return undefined;
    return Object.entries(this.demo.accounts).find(([, origin]) => origin === accountsOrigin)?.[0];
  }

  endpointsFor(service: Service, dc: DataCentreId, environment: Environment): ServiceEndpoints {
    if (service === 'demo') {
      if (!this.demo) throw new Error('The Demo org is not running.');
      const accounts = this.demo.accounts[dc] ?? this.demo.accounts.us;
      const api = this.demo.api[dc] ?? this.demo.api.us;
      if (!accounts || !api) throw new Error('The Demo org does not serve this data centre.');
      return { authorizeServer: accounts, accountsServer: accounts, apiDomain: api[environment], insecure: true };
    }
    const entry = DATA_CENTRES[dc];
    return { authorizeServer: entry.accountsServer, accountsServer: entry.accountsServer, apiDomain: entry.apiDomains[environment], insecure: false };
  }

  /**
   * Where authorization starts (§4.5): the profile's own DC, except that a multi-DC client
   * starts at accounts.zoho.com — or accounts.zoho.com.cn for China — and Zoho redirects the
   * user to their own DC, named by `accounts-server` on the way back.
   */
  authorizeServerFor(service: Service, dc: DataCentreId, multiDc: boolean): string {
    const from = multiDc ? (DATA_CENTRES[dc].authorizeFrom === DATA_CENTRES.cn.accountsServer ? 'cn' : 'us') : dc;
    return this.endpointsFor(service, from, 'production').accountsServer;
  }

  /** The data centre an (allowed) accounts server stands for: it picks that DC's client secret. */
  dataCentreOfAccountsServer(origin: string, service: Service): DataCentreId | undefined {
    if (service === 'demo') {
      const location = this.demoLocationOf(origin);
      return location && isDataCentreId(location) ? location : undefined;
    }
    return dataCentreByAccountsServer(origin)?.id;
  }

  /** The accounts server for a `location`/`user_location` value Zoho sent (device flow's other_dc, §4.4). */
  accountsServerForLocation(location: string, service: Service): string | undefined {
    if (service === 'demo') return this.demo?.accounts[location];
    return DATA_CENTRE_LIST.find((d) => d.location === location)?.accountsServer;
  }

  /** May this URL be opened in the system browser? https on Zoho hosts, or the Demo org's own pages. */
  isAllowedExternalUrl(url: string): boolean {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'https:') {
      const host = parsed.hostname;
      return ZOHO_ACCOUNTS_SERVERS.some((s) => new URL(s).hostname === host) || /(^|\.)api-console\.zoho(cloud)?\.[a-z.]+$/.test(host);
    }
    if (parsed.protocol === 'http:') {
      return [...this.demoAccounts(), this.demo?.console ?? ''].includes(parsed.origin);
    }
    return false;
  }
}
