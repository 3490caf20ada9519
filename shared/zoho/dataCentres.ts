/**
 * Zoho data centres: the one table of hosts in the app.
 * Source: ../shared/reference/zoho-oauth-and-crm-api.md §1.1 ([A-MDC], [CRM-MDC8], [SDK-NODE]).
 * Nothing else in the code writes a Zoho host name.
 */
export const DATA_CENTRE_IDS = ['us', 'eu', 'in', 'au', 'jp', 'ca', 'sa', 'cn', 'uk'] as const;
export type DataCentreId = (typeof DATA_CENTRE_IDS)[number];

export const ENVIRONMENTS = ['production', 'sandbox', 'developer'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface DataCentre {
  id: DataCentreId;
  /** What users call it. */
  label: string;
  /** The `location` value Zoho puts on the redirect. */
  location: string;
  /** Accounts (OAuth) server: authorize, token, revoke. */
  accountsServer: string;
  /** CRM API domain per environment (sandbox and developer share the production accounts server). */
  apiDomains: Record<Environment, string>;
  /** Where the user registers the client. */
  apiConsole: string;
  /** Where a multi-DC client must start authorization (China is separate). */
  authorizeFrom: string;
  /** True where the reference marks a value for this DC as UNCONFIRMED. */
  unconfirmed?: string;
}

function dc(
  id: DataCentreId,
  label: string,
  accountsServer: string,
  apiTld: string,
  consoleHost: string,
  unconfirmed?: string,
): DataCentre {
  return {
    id,
    label,
    location: id,
    accountsServer,
    apiDomains: {
      production: `https://www.zohoapis.${apiTld}`,
      sandbox: `https://sandbox.zohoapis.${apiTld}`,
      developer: `https://developer.zohoapis.${apiTld}`,
    },
    apiConsole: `https://${consoleHost}/`,
    authorizeFrom: id === 'cn' ? accountsServer : 'https://accounts.zoho.com',
    ...(unconfirmed ? { unconfirmed } : {}),
  };
}

export const DATA_CENTRES: Record<DataCentreId, DataCentre> = {
  us: dc('us', 'United States (zoho.com)', 'https://accounts.zoho.com', 'com', 'api-console.zoho.com'),
  eu: dc('eu', 'Europe (zoho.eu)', 'https://accounts.zoho.eu', 'eu', 'api-console.zoho.eu'),
  in: dc('in', 'India (zoho.in)', 'https://accounts.zoho.in', 'in', 'api-console.zoho.in'),
  au: dc('au', 'Australia (zoho.com.au)', 'https://accounts.zoho.com.au', 'com.au', 'api-console.zoho.com.au'),
  jp: dc('jp', 'Japan (zoho.jp)', 'https://accounts.zoho.jp', 'jp', 'api-console.zoho.jp'),
  ca: dc('ca', 'Canada (zohocloud.ca)', 'https://accounts.zohocloud.ca', 'ca', 'api-console.zohocloud.ca'),
  sa: dc('sa', 'Saudi Arabia (zoho.sa)', 'https://accounts.zoho.sa', 'sa', 'api-console.zoho.sa'),
  cn: dc('cn', 'China (zoho.com.cn)', 'https://accounts.zoho.com.cn', 'com.cn', 'api-console.zoho.com.cn'),
  uk: dc(
    'uk',
    'United Kingdom (zoho.uk)',
    'https://accounts.zoho.uk',
    'uk',
    'api-console.zoho.uk',
    'Zoho lists the UK accounts server, but its CRM API host is not confirmed by the official SDKs.',
  ),
};

export const DATA_CENTRE_LIST: DataCentre[] = DATA_CENTRE_IDS.map((id) => DATA_CENTRES[id]);

/** Zoho's own accounts servers: the only hosts a callback's `accounts-server` may name. */
export const ZOHO_ACCOUNTS_SERVERS: readonly string[] = DATA_CENTRE_LIST.map((d) => d.accountsServer);

/** Zoho's API hosts (all environments). */
export const ZOHO_API_DOMAINS: readonly string[] = DATA_CENTRE_LIST.flatMap((d) => Object.values(d.apiDomains));

export function isDataCentreId(value: string): value is DataCentreId {
  return (DATA_CENTRE_IDS as readonly string[]).includes(value);
}

/** The data centre whose accounts server is exactly this origin, if any. */
export function dataCentreByAccountsServer(origin: string): DataCentre | undefined {
  return DATA_CENTRE_LIST.find((d) => d.accountsServer === origin);
}
