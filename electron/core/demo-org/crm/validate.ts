/**
 * Checking one record of a write (reference §5.3, §5.4, §5.5): MANDATORY_NOT_FOUND,
 * INVALID_DATA and DUPLICATE_DATA per record, each with api_name and json_path in details.
 */
import type { ModuleData, OrgData } from '../data/orgData';
import type { FieldSpec } from '../data/schema';
import type { CrmRecord } from '../data/seed';

export interface RecordError {
  code: 'MANDATORY_NOT_FOUND' | 'INVALID_DATA' | 'DUPLICATE_DATA';
  details: Record<string, unknown>;
  message: string;
  status: 'error';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/;

const invalid = (f: string, path: string, more: Record<string, unknown> = {}): RecordError => ({
  code: 'INVALID_DATA',
  details: { api_name: f, json_path: `${path}.${f}`, ...more },
  message: 'invalid data',
  status: 'error',
});

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Turns an input value into the stored value, or says why it can't. */
function coerce(org: OrgData, f: FieldSpec, value: unknown, path: string): { value: unknown } | RecordError {
  if (value === null) return { value: null };
  const expect = (type: string) => invalid(f.api_name, path, { expected_data_type: type });
  switch (f.data_type) {
    case 'text':
    case 'textarea':
    case 'phone':
    case 'website':
    case 'picklist':
      if (typeof value !== 'string') return expect('string');
      if (f.length && value.length > f.length) return invalid(f.api_name, path, { maximum_length: f.length });
      return { value };
    case 'email':
      if (typeof value !== 'string' || !EMAIL.test(value)) return expect('email');
      return { value };
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return expect('integer');
      return { value };
    case 'currency':
      if (typeof value !== 'number' || !Number.isFinite(value)) return expect('double');
      return { value };
    case 'boolean':
      if (typeof value !== 'boolean') return expect('boolean');
      return { value };
    case 'date':
      if (typeof value !== 'string' || !DATE.test(value)) return expect('date');
      return { value };
    case 'datetime':
      if (typeof value !== 'string' || !DATETIME.test(value)) return expect('datetime');
      return { value };
    case 'ownerlookup': {
      const id = typeof value === 'object' ? (value as { id?: unknown }).id : value;
      const u = org.users.find((x) => x.id === String(id) && x.status === 'active');
      if (!u) return invalid(f.api_name, path, { expected_data_type: 'ownerlookup' });
      return { value: { id: u.id, name: u.name, email: u.email } };
    }
    case 'lookup': {
      const id = typeof value === 'object' ? (value as { id?: unknown }).id : value;
      const target = f.lookup ? org.module(f.lookup) : undefined;
      const rec = target?.byId.get(String(id));
      if (!target || !rec) return invalid(f.api_name, path, { expected_data_type: 'lookup' });
      const display = rec['Full_Name'] ?? rec['Account_Name'] ?? rec['Deal_Name'] ?? rec['Subject'] ?? rec.id;
      return { value: { id: rec.id, name: display } };
    }
    case 'bigint':
      return expect('bigint');
  }
}

/**
 * Validates `input` for `data`; `existing` is the record being updated (absent on insert).
 * Returns the fields to store, or the first error.
 */
export function validateRecord(
  org: OrgData,
  data: ModuleData,
  input: unknown,
  index: number,
  existing?: CrmRecord,
): { fields: Record<string, unknown> } | RecordError {
  const path = `$.data[${index}]`;
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    return { code: 'INVALID_DATA', details: { expected_data_type: 'jsonobject', json_path: path }, message: 'invalid data', status: 'error' };
  }
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (key === 'id' || key.startsWith('$')) continue;
    const f = data.spec.fields.find((x) => x.api_name === key);
    if (!f) return invalid(key, path);
    if (f.read_only) continue; // Zoho ignores values sent for read-only system fields.
    const v = coerce(org, f, value, path);
    if ('code' in v) return v;
    fields[f.api_name] = v.value;
  }
  for (const f of data.spec.fields) {
    if (!f.mandatory) continue;
    const after = f.api_name in fields ? fields[f.api_name] : existing?.[f.api_name];
    if (blank(after)) {
      return { code: 'MANDATORY_NOT_FOUND', details: { api_name: f.api_name, json_path: `${path}.${f.api_name}` }, message: 'required field not found', status: 'error' };
    }
  }
  for (const f of data.spec.fields) {
    if (!f.unique || blank(fields[f.api_name])) continue;
    const wanted = String(fields[f.api_name]).toLowerCase();
    const clash = data.records.find((r) => r.id !== existing?.id && String(r[f.api_name] ?? '').toLowerCase() === wanted);
    if (clash) {
      return {
        code: 'DUPLICATE_DATA',
        details: { api_name: f.api_name, json_path: `${path}.${f.api_name}`, duplicate_record: { id: clash.id, module: { api_name: data.spec.api_name } } },
        message: 'duplicate data',
        status: 'error',
      };
    }
  }
  return { fields };
}
