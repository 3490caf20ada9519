/** Picking and showing CRM record columns. Pure functions, tested on their own. */
import type { CrmField } from '../../shared/ipc/contract';

/** Fields people expect to see first, in this order, when a module has them. */
const PREFERRED_FIELDS = [
  'Full_Name',
  'Last_Name',
  'First_Name',
  'Email',
  'Company',
  'Account_Name',
  'Deal_Name',
  'Phone',
  'Lead_Status',
  'Stage',
  'Owner',
  'Created_Time',
];

/** Field types that make poor table columns (long text, files, nested records). */
const UNSUITED_TYPES = new Set(['textarea', 'fileupload', 'imageupload', 'profileimage', 'subform', 'multiselectlookup', 'multi_module_lookup']);

export const MAX_DEFAULT_COLUMNS = 8;
/** Below this many preferred fields, fill up with the module's other fields. */
const MIN_DEFAULT_COLUMNS = 4;

export function pickDefaultColumns(fields: readonly CrmField[], max = MAX_DEFAULT_COLUMNS): CrmField[] {
  const byName = new Map(fields.map((f) => [f.apiName, f]));
  const picked: CrmField[] = [];
  for (const name of PREFERRED_FIELDS) {
    const field = byName.get(name);
    if (!field) continue;
    // Full_Name already says what Last_Name and First_Name would.
    if ((name === 'Last_Name' || name === 'First_Name') && byName.has('Full_Name')) continue;
    picked.push(field);
    if (picked.length >= max) return picked;
  }
  if (picked.length >= MIN_DEFAULT_COLUMNS) return picked;
  for (const field of fields) {
    if (picked.length >= max) break;
    if (picked.includes(field) || UNSUITED_TYPES.has(field.dataType) || field.apiName === 'id') continue;
    picked.push(field);
  }
  return picked;
}

/**
 * A cell's text: lookups like Owner `{ name, id }` show their name; lists are joined;
 * date-times (when the field type says so) in the user's own format.
 */
/** One formatter for every date-time cell: building one per cell is what makes big tables slow. */
let dateTimeFormat: Intl.DateTimeFormat | undefined;

export function formatValue(value: unknown, dataType?: string): string {
  if (dataType === 'datetime' && typeof value === 'string') {
    const time = Date.parse(value);
    dateTimeFormat ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit', second: '2-digit' });
    if (!Number.isNaN(time)) return dateTimeFormat.format(time);
  }
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of ['name', 'display_value', 'full_name', 'email', 'id']) {
      const v = o[key];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
    return JSON.stringify(value);
  }
  return String(value);
}
