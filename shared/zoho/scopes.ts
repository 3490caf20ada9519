/**
 * The scope catalogue: every OAuth scope the app offers, in plain language.
 * Source: ../shared/reference/zoho-oauth-and-crm-api.md §6 ([CRM-SCOPES], [CRM-SELSCOPES8]).
 * Grammar: service.scope.operation (§6.1). Zoho matches case-insensitively in practice
 * (UNCONFIRMED), so comparisons here fold case but the user's spelling is kept.
 */
export type ScopeOperation = 'ALL' | 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' | 'WRITE' | 'CUSTOM';

export interface ScopeEntry {
  scope: string;
  /** Group heading in the picker. */
  family: 'Records' | 'Settings and metadata' | 'Users and organisation' | 'Search and queries' | 'Other';
  /** What it lets the integration do, in words an admin understands. */
  description: string;
  /** Writes or deletes data, or grants everything in its family. */
  risky?: boolean;
}

/** Modules whose per-module scopes the picker offers (lower-case, as the scope strings use them). */
export const COMMON_MODULES = [
  { module: 'leads', label: 'Leads' },
  { module: 'contacts', label: 'Contacts' },
  { module: 'accounts', label: 'Accounts' },
  { module: 'deals', label: 'Deals' },
  { module: 'tasks', label: 'Tasks' },
  { module: 'notes', label: 'Notes' },
] as const;

const moduleScopes: ScopeEntry[] = COMMON_MODULES.flatMap(({ module, label }) => [
  { scope: `ZohoCRM.modules.${module}.READ`, family: 'Records' as const, description: `Read ${label} records.` },
  {
    scope: `ZohoCRM.modules.${module}.ALL`,
    family: 'Records' as const,
    description: `Read, create, change and delete ${label} records.`,
    risky: true,
  },
]);

export const SCOPE_CATALOGUE: readonly ScopeEntry[] = [
  {
    scope: 'ZohoCRM.modules.ALL',
    family: 'Records',
    description: 'Read, create, change and delete records in every module. Broad: prefer per-module scopes.',
    risky: true,
  },
  ...moduleScopes,
  { scope: 'ZohoCRM.settings.modules.READ', family: 'Settings and metadata', description: 'See the list of modules (Leads, Contacts, …).' },
  { scope: 'ZohoCRM.settings.fields.READ', family: 'Settings and metadata', description: "See each module's fields and their types." },
  { scope: 'ZohoCRM.settings.layouts.READ', family: 'Settings and metadata', description: "See each module's page layouts." },
  {
    scope: 'ZohoCRM.settings.ALL',
    family: 'Settings and metadata',
    description: 'Read and change every CRM setting. Broad: prefer the read-only settings scopes.',
    risky: true,
  },
  { scope: 'ZohoCRM.users.READ', family: 'Users and organisation', description: 'See the CRM users, including who is connected.' },
  { scope: 'ZohoCRM.org.READ', family: 'Users and organisation', description: "See the organisation's name, edition and time zone." },
  { scope: 'ZohoCRM.coql.READ', family: 'Search and queries', description: 'Run COQL queries (SQL-like SELECTs). Also needs read access to the module queried.' },
  { scope: 'ZohoSearch.securesearch.READ', family: 'Search and queries', description: 'Use the record search API. Also needs read access to the module searched.' },
];

/** The scopes a new profile starts with: enough to see who is connected and browse records read-only. */
export const DEFAULT_SCOPES: readonly string[] = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.modules.READ',
  'ZohoCRM.settings.fields.READ',
  'ZohoCRM.users.READ',
  'ZohoCRM.org.READ',
];

/** Shape of a scope string: Service.scope[.sub].OPERATION (letters, digits, underscores). */
export const SCOPE_PATTERN = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+){1,3}$/;

export function describeScope(scope: string): ScopeEntry | undefined {
  const folded = scope.toLowerCase();
  return SCOPE_CATALOGUE.find((entry) => entry.scope.toLowerCase() === folded);
}

/** Zoho takes scopes comma-separated (§2.1, [A-DEV-INIT]). */
export function joinScopes(scopes: readonly string[]): string {
  return scopes.join(',');
}

/** Token responses and stored values may use commas or spaces. */
export function splitScopes(value: string | undefined | null): string[] {
  if (!value) return [];
  return value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
