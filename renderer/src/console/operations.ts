/**
 * The guided builder's model: operations in plain words, their parameters, and the exact
 * request each one sends. Pure functions, tested on their own.
 */
import type { ConsoleRequest, CrmField } from '../../../shared/ipc/contract';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

export type OperationId = 'list' | 'get' | 'search' | 'coql' | 'count' | 'insert' | 'update' | 'upsert' | 'delete';

export interface Operation {
  id: OperationId;
  label: string;
  /** One sentence for someone who has never read Zoho's API docs. */
  help: string;
  write: boolean;
  usesFields: boolean;
}

export const OPERATIONS: Operation[] = [
  { id: 'list', label: 'List records', help: 'Reads records from the module, a page at a time (up to 200 per page).', write: false, usesFields: true },
  { id: 'get', label: 'Get one record by id', help: 'Reads a single record when you know its id.', write: false, usesFields: true },
  { id: 'search', label: 'Find records (search)', help: 'Finds records that match conditions you set, such as "Email equals …".', write: false, usesFields: true },
  { id: 'coql', label: 'Query (COQL)', help: 'Asks a question in an SQL-like language: select fields from a module where conditions hold.', write: false, usesFields: true },
  { id: 'count', label: 'Count records', help: 'Says how many records the module has.', write: false, usesFields: false },
  { id: 'insert', label: 'Add records (insert)', help: 'Creates new records (up to 100 in one call).', write: true, usesFields: false },
  { id: 'update', label: 'Change a record (update)', help: 'Changes fields of an existing record, by id.', write: true, usesFields: false },
  { id: 'upsert', label: 'Add or change (upsert)', help: 'Changes the record if one with the same unique value exists, otherwise adds it.', write: true, usesFields: false },
  { id: 'delete', label: 'Delete records', help: 'Deletes records by id (they go to the recycle bin).', write: true, usesFields: false },
];

export const SEARCH_OPERATORS = [
  { id: 'equals', label: 'equals' },
  { id: 'not_equal', label: 'does not equal' },
  { id: 'starts_with', label: 'starts with' },
  { id: 'in', label: 'is one of (comma-separated)' },
  { id: 'greater_than', label: 'is greater than' },
  { id: 'less_than', label: 'is less than' },
] as const;

export interface Condition {
  field: string;
  operator: string;
  value: string;
}

export interface GuidedState {
  module: string;
  operation: OperationId;
  fields: string[];
  perPage: number;
  page: number;
  sortBy: '' | 'id' | 'Created_Time' | 'Modified_Time';
  sortOrder: 'asc' | 'desc';
  recordId: string;
  conditions: Condition[];
  join: 'and' | 'or';
  coql: string;
  body: string;
  ids: string;
  duplicateCheck: string;
  runWorkflows: boolean;
}

export function initialGuided(): GuidedState {
  return {
    module: '',
    operation: 'list',
    fields: [],
    perPage: 50,
    page: 1,
    sortBy: '',
    sortOrder: 'desc',
    recordId: '',
    conditions: [{ field: '', operator: 'equals', value: '' }],
    join: 'and',
    coql: '',
    body: '',
    ids: '',
    duplicateCheck: '',
    runWorkflows: true,
  };
}

/** Search values escape `(`, `)` and `,` with a backslash (§5.3) — except `in`, whose commas separate values. */
export function escapeCriteriaValue(value: string, operator: string): string {
  const escaped = value.replace(/([(),\\])/g, '\\$1');
  return operator === 'in' ? value.split(',').map((v) => v.trim().replace(/([()\\])/g, '\\$1')).join(',') : escaped;
}

/** ((A)and(B)) for two; pairs nested for more (Zoho wants explicit brackets). */
export function buildCriteria(conditions: Condition[], join: 'and' | 'or'): string {
  const parts = conditions.filter((c) => c.field && c.value.trim() !== '').map((c) => `(${c.field}:${c.operator}:${escapeCriteriaValue(c.value.trim(), c.operator)})`);
  if (!parts.length) return '';
  return parts.slice(1).reduce((acc, part) => `(${acc}${join}${part})`, parts[0]!);
}

export function defaultCoql(module: string, fields: string[]): string {
  const cols = (fields.length ? fields : ['id']).slice(0, ZOHO_LIMITS.fieldsMax).join(', ');
  return `select ${cols} from ${module || 'Leads'} where id is not null limit 200`;
}

/** A starting body for a write, from the module's fields. */
export function templateBody(operation: OperationId, fields: CrmField[], state: Pick<GuidedState, 'duplicateCheck' | 'runWorkflows'>): string {
  const wanted = ['Last_Name', 'Company', 'Email', 'Account_Name', 'Deal_Name', 'Subject'].filter((n) => fields.some((f) => f.apiName === n));
  const record: Record<string, string> = {};
  for (const name of wanted.slice(0, 3)) record[name] = name === 'Email' ? 'someone@example.com' : `Example ${name.replace(/_/g, ' ').toLowerCase()}`;
  if (!Object.keys(record).length) record[fields[0]?.apiName ?? 'Name'] = 'Example';
  const body: Record<string, unknown> = { data: [operation === 'update' ? { Email: 'changed@example.com' } : record] };
  if (operation === 'upsert' && state.duplicateCheck) body.duplicate_check_fields = [state.duplicateCheck];
  if (!state.runWorkflows) body.trigger = [];
  return JSON.stringify(body, null, 2);
}

/** The exact request the guided builder will send. */
export function buildGuidedRequest(s: GuidedState): ConsoleRequest {
  const m = encodeURIComponent(s.module || 'Leads');
  const fields = s.fields.slice(0, ZOHO_LIMITS.fieldsMax).join(',');
  const paging: Record<string, string> = { per_page: String(s.perPage), page: String(s.page) };
  const base = { headers: {} as Record<string, string> };
  switch (s.operation) {
    case 'list': {
      const query: Record<string, string> = { fields, ...paging };
      if (s.sortBy) {
        query.sort_by = s.sortBy;
        query.sort_order = s.sortOrder;
      }
      return { ...base, method: 'GET', path: m, query };
    }
    case 'get':
      return { ...base, method: 'GET', path: `${m}/${s.recordId.trim() || '{record_id}'}`, query: fields ? { fields } : {} };
    case 'search': {
      const criteria = buildCriteria(s.conditions, s.join);
      return { ...base, method: 'GET', path: `${m}/search`, query: { criteria, ...(fields ? { fields } : {}), ...paging } };
    }
    case 'coql':
      return { ...base, method: 'POST', path: 'coql', query: {}, body: JSON.stringify({ select_query: s.coql || defaultCoql(s.module, s.fields) }, null, 2) };
    case 'count':
      return { ...base, method: 'GET', path: `${m}/actions/count`, query: {} };
    case 'insert':
      return { ...base, method: 'POST', path: m, query: {}, body: s.body };
    case 'update':
      return { ...base, method: 'PUT', path: `${m}/${s.recordId.trim() || '{record_id}'}`, query: {}, body: s.body };
    case 'upsert':
      return { ...base, method: 'POST', path: `${m}/upsert`, query: {}, body: s.body };
    case 'delete':
      return { ...base, method: 'DELETE', path: m, query: { ids: s.ids.split(/[\s,]+/).filter(Boolean).join(',') } };
  }
}

/** What is missing before the guided request can be sent, in plain words; null when ready. */
export function guidedProblem(s: GuidedState): string | null {
  if (!s.module) return 'Choose a module.';
  const op = OPERATIONS.find((o) => o.id === s.operation)!;
  if ((s.operation === 'list' || s.operation === 'search') && !s.fields.length) return 'Choose at least one field.';
  if ((s.operation === 'get' || s.operation === 'update') && !/^\d+$/.test(s.recordId.trim())) return 'Enter the record id (digits only).';
  if (s.operation === 'search' && !buildCriteria(s.conditions, s.join)) return 'Add at least one condition with a field and a value.';
  if (s.operation === 'delete' && !s.ids.trim()) return 'Enter the ids of the records to delete.';
  if (op.write && s.operation !== 'delete') {
    try {
      JSON.parse(s.body);
    } catch {
      return 'The record data is not valid JSON.';
    }
  }
  return null;
}
