/**
 * Code for the API console's current call: curl, JavaScript fetch, Python requests and
 * Deluge (invokeurl with a connection; a zoho.crm.v8.* task where one fits).
 * Tokens never appear: the access token is always the placeholder `{{access_token}}`.
 * Sources: reference/zoho-oauth-and-crm-api.md §5.2 (Zoho-oauthtoken), reference/deluge.md.
 * Runs in the renderer too: no node:*.
 */
import { CRM_API_VERSION } from '../zoho/limits';
import { normaliseCrmPath } from '../zoho/scopes';

export const TOKEN_PLACEHOLDER = '{{access_token}}';
/** Zoho's own samples use this connection link name (deluge.md §1.5). */
export const DEFAULT_CONNECTION = 'crm_oauth_connection';
/** Safe form of a connection link name (deluge.md §1.5: exact rules UNCONFIRMED). */
export const CONNECTION_NAME_PATTERN = /^[a-z][a-z0-9_]{0,49}$/;

export interface SnippetRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

export interface SnippetInput {
  /** The profile's API domain, e.g. https://www.zohoapis.eu. */
  apiDomain: string;
  request: SnippetRequest;
  /** Deluge connection link name. */
  connection?: string;
}

export type SnippetLanguage = 'curl' | 'fetch' | 'python' | 'deluge';
export const SNIPPET_LANGUAGES: { id: SnippetLanguage; label: string }[] = [
  { id: 'curl', label: 'curl' },
  { id: 'fetch', label: 'JavaScript fetch' },
  { id: 'python', label: 'Python requests' },
  { id: 'deluge', label: 'Deluge' },
];

const RESERVED = new Set(['authorization', 'host', 'content-length']);

export function baseUrl(input: SnippetInput): string {
  return `${input.apiDomain.replace(/\/+$/, '')}/crm/${CRM_API_VERSION}/${normaliseCrmPath(input.request.path)}`;
}

export function queryString(query: Record<string, string>): string {
  const entries = Object.entries(query).filter(([k]) => k.trim() !== '');
  if (!entries.length) return '';
  return `?${entries.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')}`;
}

export function fullUrl(input: SnippetInput): string {
  return `${baseUrl(input)}${queryString(input.request.query)}`;
}

function parsedBody(input: SnippetInput): { present: boolean; value?: unknown; text?: string } {
  const text = input.request.body?.trim();
  if (!text || input.request.method === 'GET') return { present: false };
  try {
    return { present: true, value: JSON.parse(text), text };
  } catch {
    return { present: true, text };
  }
}

function extraHeaders(input: SnippetInput): [string, string][] {
  return Object.entries(input.request.headers).filter(([k]) => k.trim() && !RESERVED.has(k.toLowerCase()));
}

function allHeaders(input: SnippetInput): [string, string][] {
  const headers: [string, string][] = [['Authorization', `Zoho-oauthtoken ${TOKEN_PLACEHOLDER}`], ...extraHeaders(input)];
  if (parsedBody(input).present && !headers.some(([k]) => k.toLowerCase() === 'content-type')) headers.push(['Content-Type', 'application/json']);
  return headers;
}

// --- curl -----------------------------------------------------------------------------------

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export function curlSnippet(input: SnippetInput): string {
  const lines = [`curl -sS -X ${input.request.method} ${shellQuote(fullUrl(input))}`];
  for (const [k, v] of allHeaders(input)) lines.push(`  -H ${shellQuote(`${k}: ${v}`)}`);
  const body = parsedBody(input);
  if (body.present) lines.push(`  --data-raw ${shellQuote(body.value !== undefined ? JSON.stringify(body.value) : body.text!)}`);
  return lines.join(' \\\n');
}

// --- JavaScript fetch -------------------------------------------------------------------------

export function fetchSnippet(input: SnippetInput): string {
  const headers = allHeaders(input)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`)
    .join('\n');
  const body = parsedBody(input);
  const bodyLine = body.present
    ? body.value !== undefined
      ? `  body: JSON.stringify(${JSON.stringify(body.value, null, 2).replace(/\n/g, '\n  ')}),\n`
      : `  body: ${JSON.stringify(body.text)},\n`
    : '';
  return [
    `const response = await fetch(${JSON.stringify(fullUrl(input))}, {`,
    `  method: ${JSON.stringify(input.request.method)},`,
    `  headers: {`,
    headers,
    `  },`,
    `${bodyLine}});`,
    `// 204 No Content means "0 records" (Zoho sends no body).`,
    `const data = response.status === 204 ? null : await response.json();`,
    `console.log(response.status, data);`,
  ].join('\n');
}

// --- Python requests ----------------------------------------------------------------------------

function py(value: unknown, indent = 0): string {
  const pad = '    '.repeat(indent + 1);
  const end = '    '.repeat(indent);
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return `[\n${value.map((v) => `${pad}${py(v, indent + 1)},`).join('\n')}\n${end}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (!entries.length) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${JSON.stringify(k)}: ${py(v, indent + 1)},`).join('\n')}\n${end}}`;
}

export function pythonSnippet(input: SnippetInput): string {
  const headers = Object.fromEntries(allHeaders(input).filter(([k]) => k.toLowerCase() !== 'content-type'));
  const query = Object.fromEntries(Object.entries(input.request.query).filter(([k]) => k.trim() !== ''));
  const body = parsedBody(input);
  const args = [`    ${JSON.stringify(input.request.method)},`, `    ${JSON.stringify(baseUrl(input))},`, `    headers=${py(headers, 1)},`];
  if (Object.keys(query).length) args.push(`    params=${py(query, 1)},`);
  if (body.present) args.push(body.value !== undefined ? `    json=${py(body.value, 1)},` : `    data=${JSON.stringify(body.text)},`);
  args.push('    timeout=30,');
  return [
    'import requests',
    '',
    'response = requests.request(',
    ...args,
    ')',
    'print(response.status_code)',
    '# 204 No Content means "0 records" (Zoho sends no body).',
    'print(response.json() if response.content else "0 records")',
  ].join('\n');
}

// --- Deluge -------------------------------------------------------------------------------------

const dq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A JSON value as a Deluge expression (deluge.md §3: literals; Map()/List() for empties). */
export function delugeValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value === 'string') return dq(value);
  if (Array.isArray(value)) return value.length ? `[${value.map(delugeValue).join(', ')}]` : 'List()';
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length ? `{${entries.map(([k, v]) => `${dq(k)}: ${delugeValue(v)}`).join(', ')}}` : 'Map()';
}

/** A map variable built with put() lines (deluge.md §1.3: Map + toString() for JSON bodies). */
function delugeMap(name: string, value: Record<string, unknown>): string[] {
  return [`${name} = Map();`, ...Object.entries(value).map(([k, v]) => `${name}.put(${dq(k)}, ${delugeValue(v)});`)];
}

function connectionName(input: SnippetInput): string {
  const c = input.connection?.trim();
  return c && CONNECTION_NAME_PATTERN.test(c) ? c : DEFAULT_CONNECTION;
}

export function delugeInvokeUrl(input: SnippetInput): string {
  const lines: string[] = [];
  const body = parsedBody(input);
  const headers = extraHeaders(input);
  if (body.present && body.value && typeof body.value === 'object' && !Array.isArray(body.value)) {
    lines.push(...delugeMap('payload', body.value as Record<string, unknown>), '');
  }
  if (headers.length) lines.push(`headerMap = ${delugeValue(Object.fromEntries(headers))};`, '');
  lines.push('response = invokeurl', '[');
  lines.push(`\turl :${dq(fullUrl(input))}`);
  lines.push(`\ttype :${input.request.method}`);
  if (body.present) {
    lines.push(body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? '\tparameters:payload.toString()' : `\tparameters:${dq(body.text!)}`);
  }
  if (headers.length) lines.push('\theaders:headerMap');
  lines.push(`\tconnection:${dq(connectionName(input))}`, '];', 'info response;');
  return lines.join('\n');
}

/**
 * The zoho.crm.v8.* task for this call, when Deluge has one (deluge.md §2.2, §4).
 * Delete, COQL, count and upsert have none we can write with confidence: null.
 */
export function delugeTask(input: SnippetInput): string | null {
  const { method, query } = input.request;
  const parts = normaliseCrmPath(input.request.path).split('/').filter(Boolean);
  const [module, second, third] = parts;
  if (!module || module === 'settings' || module === 'coql' || module === 'users' || module === 'org' || third !== undefined) return null;
  const conn = dq(connectionName(input));
  const body = parsedBody(input);
  const num = (v: string | undefined, fallback: number) => (v && /^\d+$/.test(v) ? Number(v) : fallback);
  const options = (skip: string[]) => Object.fromEntries(Object.entries(query).filter(([k]) => !skip.includes(k) && k.trim() !== ''));
  if (method === 'GET' && second === undefined) {
    if (query.page_token) return null;
    const opts = options(['page', 'per_page']);
    return [...delugeMap('opts', opts), `records = zoho.crm.v8.getRecords(${dq(module)}, ${num(query.page, 1)}, ${num(query.per_page, 200)}, opts, ${conn});`, 'info records;'].join('\n');
  }
  if (method === 'GET' && second === 'search') {
    if (!query.criteria) return null;
    return [
      `found = zoho.crm.v8.searchRecords(${dq(module)}, ${dq(query.criteria)}, ${num(query.page, 1)}, ${num(query.per_page, 200)}, null, ${conn});`,
      'info found;',
    ].join('\n');
  }
  if (method === 'GET' && second && /^\d+$/.test(second)) {
    const opts = options([]);
    return [...delugeMap('opts', opts), `record = zoho.crm.v8.getRecordById(${dq(module)}, ${dq(second)}.toLong(), opts, ${conn});`, 'info record;'].join('\n');
  }
  const data = (body.value as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data) || !data.length) return null;
  const trigger = (body.value as { trigger?: unknown }).trigger;
  // REST fires workflows when trigger is absent; tasks don't: say it explicitly (deluge.md §2.2, §4).
  const optionLines = delugeMap('opts', { trigger: Array.isArray(trigger) ? trigger : ['workflow', 'approval', 'blueprint'] });
  if (method === 'POST' && second === undefined) {
    if (data.length === 1) {
      return [...delugeMap('record', data[0] as Record<string, unknown>), ...optionLines, `created = zoho.crm.v8.createRecord(${dq(module)}, record, opts, ${conn});`, 'info created;'].join('\n');
    }
    return [`records = ${delugeValue(data)};`, ...optionLines, `created = zoho.crm.v8.bulkCreate(${dq(module)}, records, opts, ${conn});`, 'info created;'].join('\n');
  }
  if (method === 'PUT' && second && /^\d+$/.test(second) && data.length === 1) {
    return [
      ...delugeMap('values', data[0] as Record<string, unknown>),
      ...optionLines,
      `updated = zoho.crm.v8.updateRecord(${dq(module)}, ${dq(second)}.toLong(), values, opts, ${conn});`,
      'info updated;',
    ].join('\n');
  }
  if (method === 'PUT' && second === undefined) {
    return [`records = ${delugeValue(data)};`, ...optionLines, `updated = zoho.crm.v8.bulkUpdate(${dq(module)}, records, opts, ${conn});`, 'info updated;'].join('\n');
  }
  return null;
}

export function delugeSnippet(input: SnippetInput): string {
  const task = delugeTask(input);
  const raw = `// REST call through a connection (Setup → Developer Hub → Connections; link name "${connectionName(input)}").\n${delugeInvokeUrl(input)}`;
  if (!task) return `${raw}\n// Deluge has no zoho.crm.v8 task for this call: invokeurl is the way.`;
  return `${raw}\n\n// The same with Deluge's built-in task:\n${task}`;
}

export function snippet(language: SnippetLanguage, input: SnippetInput): string {
  switch (language) {
    case 'curl':
      return curlSnippet(input);
    case 'fetch':
      return fetchSnippet(input);
    case 'python':
      return pythonSnippet(input);
    case 'deluge':
      return delugeSnippet(input);
  }
}
