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

/**
 * The scopes a new profile starts with: least privilege — read-only, enough to see who is
 * connected, the modules and their fields, and the records of the common modules. Nothing
 * here can change data; the user adds write scopes on purpose.
 */
export const DEFAULT_SCOPES: readonly string[] = [
  'ZohoCRM.settings.modules.READ',
  'ZohoCRM.settings.fields.READ',
  'ZohoCRM.users.READ',
  'ZohoCRM.org.READ',
  'ZohoCRM.modules.leads.READ',
  'ZohoCRM.modules.contacts.READ',
  'ZohoCRM.modules.accounts.READ',
  'ZohoCRM.modules.deals.READ',
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

// ---------------------------------------------------------------------------------------
// Endpoint → needed scope (reference §6.3). Used before a call is sent (the console warns,
// naming the missing scope) and by the core, so a raw call cannot skip the check.

/** One thing a call needs: any one of `anyOf` will do; `suggest` is the narrowest to ask for. */
export interface ScopeNeed {
  anyOf: string[];
  suggest: string;
  /** Why, in plain words: "read Leads records". */
  why: string;
}

export interface ScopeCheckRequest {
  method: string;
  /** Path under /crm/v8/ (a leading "/" or "crm/v8/" is tolerated). */
  path: string;
  /** Raw JSON text or parsed body (for COQL, the module comes from select_query). */
  body?: unknown;
}

/** Path under /crm/v8/ without leading slashes, query or the version prefix. */
export function normaliseCrmPath(path: string): string {
  return path
    .trim()
    .replace(/^https?:\/\/[^/]+/i, '')
    .replace(/[?#].*$/, '')
    .replace(/^\/+/, '')
    .replace(/^crm\/v\d+(\.\d+)?\//i, '')
    .replace(/\/+$/, '');
}

type ModuleOp = 'READ' | 'CREATE' | 'UPDATE' | 'DELETE';

function moduleNeed(moduleApiName: string, op: ModuleOp): ScopeNeed {
  const m = moduleApiName.toLowerCase();
  const anyOf = ['ZohoCRM.modules.ALL', `ZohoCRM.modules.${m}.ALL`, `ZohoCRM.modules.${m}.${op}`];
  if (op !== 'READ') anyOf.push(`ZohoCRM.modules.${m}.WRITE`);
  const verb = { READ: 'read', CREATE: 'create', UPDATE: 'change', DELETE: 'delete' }[op];
  return { anyOf, suggest: `ZohoCRM.modules.${m}.${op}`, why: `${verb} ${moduleApiName} records` };
}

function settingsNeed(area: string): ScopeNeed {
  return {
    anyOf: ['ZohoCRM.settings.ALL', `ZohoCRM.settings.${area}.ALL`, `ZohoCRM.settings.${area}.READ`],
    suggest: `ZohoCRM.settings.${area}.READ`,
    why: `read the ${area.replace(/_/g, ' ')} settings`,
  };
}

/** The module named in a COQL query's FROM clause. */
export function coqlModule(body: unknown): string | undefined {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const query = (value as { select_query?: unknown } | null)?.select_query;
  if (typeof query !== 'string') return undefined;
  return /\bfrom\s+([A-Za-z][A-Za-z0-9_]*)/i.exec(query)?.[1];
}

/**
 * What a CRM call needs (§6.3). Unknown endpoints need nothing we can name: an empty list,
 * never a guess.
 */
export function neededScopes(request: ScopeCheckRequest): ScopeNeed[] {
  const method = request.method.toUpperCase();
  const parts = normaliseCrmPath(request.path).split('/').filter(Boolean);
  const [first, second, third] = parts;
  if (!first) return [];
  if (first === 'settings' && second) return [settingsNeed(second)];
  if (first === 'users') return [{ anyOf: ['ZohoCRM.users.ALL', 'ZohoCRM.users.READ'], suggest: 'ZohoCRM.users.READ', why: 'read the CRM users' }];
  if (first === 'org') return [{ anyOf: ['ZohoCRM.org.ALL', 'ZohoCRM.org.READ'], suggest: 'ZohoCRM.org.READ', why: "read the organisation's details" }];
  if (first === 'coql') {
    const needs: ScopeNeed[] = [{ anyOf: ['ZohoCRM.coql.READ'], suggest: 'ZohoCRM.coql.READ', why: 'run COQL queries' }];
    const module = coqlModule(request.body);
    if (module) needs.push(moduleNeed(module, 'READ'));
    return needs;
  }
  if (first.startsWith('__') || first === 'actions' || first === 'bulk' || first === 'files') return [];
  // {Module}, {Module}/{id}, {Module}/search, {Module}/upsert, {Module}/actions/count
  if (second === 'search') {
    return [
      moduleNeed(first, 'READ'),
      { anyOf: ['ZohoSearch.securesearch.READ', 'ZohoSearch.securesearch.ALL'], suggest: 'ZohoSearch.securesearch.READ', why: 'use the search API' },
    ];
  }
  if (second === 'upsert') return [moduleNeed(first, 'CREATE'), moduleNeed(first, 'UPDATE')];
  if (second === 'actions' && third === 'count') return [moduleNeed(first, 'READ')];
  if (parts.length > 2) return [];
  switch (method) {
    case 'GET':
      return [moduleNeed(first, 'READ')];
    case 'POST':
      return [moduleNeed(first, 'CREATE')];
    case 'PUT':
    case 'PATCH':
      return [moduleNeed(first, 'UPDATE')];
    case 'DELETE':
      return [moduleNeed(first, 'DELETE')];
    default:
      return [];
  }
}

/** The needs a set of granted scopes does not cover (case folded, §6.1). */
export function missingScopes(granted: readonly string[], request: ScopeCheckRequest): ScopeNeed[] {
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return neededScopes(request).filter((need) => !need.anyOf.some((s) => have.has(s.toLowerCase())));
}

/** A write changes data: anything but GET, except the POSTs that only read (COQL). */
export function isWriteCall(request: { method: string; path: string }): boolean {
  const method = request.method.toUpperCase();
  if (method === 'GET') return false;
  return !(method === 'POST' && normaliseCrmPath(request.path).toLowerCase() === 'coql');
}

/** "Leads?fields=Email&page=2" → path "Leads" and its query (a pasted URL keeps its parameters). */
export function splitPathQuery(path: string): { path: string; query: Record<string, string> } {
  const at = path.indexOf('?');
  if (at < 0) return { path: normaliseCrmPath(path), query: {} };
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(path.slice(at + 1).replace(/#.*$/, ''))) query[k] = v;
  return { path: normaliseCrmPath(path.slice(0, at)), query };
}
