/**
 * Insert, update, upsert and delete (reference §5.3, §5.4): at most 100 records per call;
 * each record gets its own code; all succeed → 201 (insert) or 200, some fail → 207 Multi-Status,
 * all fail → 400. Credits: 1 per 10 records (§5.6, [AE rate-limits]).
 */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import type { ModuleData } from '../data/orgData';
import { formatDateTime, type CrmRecord } from '../data/seed';
import { findField } from '../data/schema';
import { parseJson } from '../http/io';
import type { CrmCall } from './call';
import { crmError, errors, type CrmResult } from './envelope';
import { hasScope, type Need } from './scopes';
import { validateRecord, type RecordError } from './validate';

type Item = { code: 'SUCCESS'; details: Record<string, unknown>; message: string; status: 'success'; action?: string; duplicate_field?: string | null } | RecordError;

const writeCredits = (n: number) => Math.max(1, Math.ceil(n / 10));

function needs(call: CrmCall, data: ModuleData, ops: Array<'CREATE' | 'UPDATE' | 'DELETE'>): CrmResult | undefined {
  const list: Need[] = ops.map((op) => ({ kind: 'module', module: data.spec.scope_name, op }));
  return list.every((n) => hasScope(call.token.scopes, n)) ? undefined : errors.scopeMismatch();
}

function readBody(call: CrmCall): unknown[] | CrmResult {
  let body: unknown;
  try {
    body = parseJson(call.req);
  } catch {
    return crmError(400, 'INVALID_DATA', 'body is not a valid JSON', { expected_data_type: 'jsonobject' });
  }
  const list = (body as { data?: unknown } | undefined)?.data;
  if (list === undefined) return errors.requiredParam('data');
  if (!Array.isArray(list) || list.length === 0) {
    return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: 'data', expected_data_type: 'jsonarray' });
  }
  if (list.length > ZOHO_LIMITS.recordsPerWrite) {
    return errors.limitExceeded('the number of records exceeds the limit', { limit: ZOHO_LIMITS.recordsPerWrite, api_name: 'data' });
  }
  return list;
}

function finish(items: Item[], allOkStatus: number, count: number): CrmResult {
  const ok = items.filter((i) => i.status === 'success').length;
  const status = ok === items.length ? allOkStatus : ok === 0 ? 400 : 207;
  // A call that changed nothing costs nothing (credits are charged for status < 400 only).
  return { status, body: { data: items }, credits: writeCredits(count) };
}

function stamp(call: CrmCall): { time: string; by: { id: string; name: string; email: string } } {
  const u = call.user;
  return { time: formatDateTime(call.ctx.clock.now(), call.org.utc_offset), by: { id: u.id, name: u.name, email: u.email } };
}

function successDetails(r: CrmRecord) {
  const brief = (v: unknown) => ({ id: (v as { id: string }).id, name: (v as { name: string }).name });
  return { Modified_Time: r['Modified_Time'], Modified_By: brief(r['Modified_By']), Created_Time: r['Created_Time'], id: r.id, Created_By: brief(r['Created_By']) };
}

function fullNameOf(r: Record<string, unknown>): Record<string, unknown> {
  if (!('Last_Name' in r)) return {};
  return { Full_Name: [r['First_Name'], r['Last_Name']].filter(Boolean).join(' ') };
}

function insertOne(call: CrmCall, data: ModuleData, input: unknown, index: number): Item {
  const checked = validateRecord(call.data, data, input, index);
  if ('code' in checked) return checked;
  const s = stamp(call);
  const record: CrmRecord = { id: call.data.newRecordId(data) };
  for (const f of data.spec.fields) record[f.api_name] = null;
  Object.assign(record, checked.fields, { Owner: checked.fields['Owner'] ?? s.by, Created_By: s.by, Modified_By: s.by, Created_Time: s.time, Modified_Time: s.time });
  Object.assign(record, fullNameOf(record));
  data.records.push(record);
  data.byId.set(record.id, record);
  return { code: 'SUCCESS', details: successDetails(record), message: 'record added', status: 'success' };
}

function updateOne(call: CrmCall, data: ModuleData, input: unknown, index: number, id: string | undefined): Item {
  const path = `$.data[${index}]`;
  if (!id) return { code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id', json_path: `${path}.id` }, message: 'required field not found', status: 'error' };
  const existing = data.byId.get(id);
  if (!existing) return { code: 'INVALID_DATA', details: { api_name: 'id', json_path: `${path}.id` }, message: 'the id given seems to be invalid', status: 'error' };
  const checked = validateRecord(call.data, data, input, index, existing);
  if ('code' in checked) return checked;
  const s = stamp(call);
  Object.assign(existing, checked.fields, { Modified_By: s.by, Modified_Time: s.time });
  Object.assign(existing, fullNameOf(existing));
  return { code: 'SUCCESS', details: successDetails(existing), message: 'record updated', status: 'success' };
}

export function insertRecords(call: CrmCall, data: ModuleData): CrmResult {
  const denied = needs(call, data, ['CREATE']);
  if (denied) return denied;
  const list = readBody(call);
  if (!Array.isArray(list)) return list;
  return finish(list.map((input, i) => insertOne(call, data, input, i)), 201, list.length);
}

export function updateRecords(call: CrmCall, data: ModuleData, pathId?: string): CrmResult {
  const denied = needs(call, data, ['UPDATE']);
  if (denied) return denied;
  const list = readBody(call);
  if (!Array.isArray(list)) return list;
  if (pathId && list.length > 1) return errors.limitExceeded('only one record can be updated with a record id in the URL', { limit: 1 });
  const items = list.map((input, i) => {
    const raw = pathId ?? (input as { id?: unknown } | null)?.id;
    return updateOne(call, data, input, i, raw === undefined || raw === null ? undefined : String(raw));
  });
  return finish(items, 200, list.length);
}

/** Default duplicate-check fields when the call names none: the module's unique fields, or its name field. */
function defaultDuplicateFields(data: ModuleData): string[] {
  const unique = data.spec.fields.filter((f) => f.unique).map((f) => f.api_name);
  return unique.length ? unique : [data.spec.fields.find((f) => f.mandatory)!.api_name];
}

export function upsertRecords(call: CrmCall, data: ModuleData): CrmResult {
  const denied = needs(call, data, ['CREATE', 'UPDATE']);
  if (denied) return denied;
  const list = readBody(call);
  if (!Array.isArray(list)) return list;
  const raw = (parseJson(call.req) as { duplicate_check_fields?: unknown }).duplicate_check_fields;
  let dupFields = defaultDuplicateFields(data);
  if (raw !== undefined) {
    if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string' || !findField(data.spec, x))) {
      return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: 'duplicate_check_fields' });
    }
    dupFields = raw.map((x) => findField(data.spec, x as string)!.api_name);
  }
  let inserted = 0;
  const items = list.map((input, i): Item => {
    const rec = (input ?? {}) as Record<string, unknown>;
    let match: CrmRecord | undefined;
    let matchedOn: string | null = null;
    for (const f of dupFields) {
      const v = rec[f];
      if (v === undefined || v === null || v === '') continue;
      match = data.records.find((r) => String(r[f] ?? '').toLowerCase() === String(v).toLowerCase());
      if (match) {
        matchedOn = f;
        break;
      }
    }
    if (match) {
      const done = updateOne(call, data, input, i, match.id);
      return done.status === 'success' ? { ...done, action: 'update', duplicate_field: matchedOn } : done;
    }
    const done = insertOne(call, data, input, i);
    if (done.status === 'success') inserted += 1;
    return done.status === 'success' ? { ...done, action: 'insert', duplicate_field: null } : done;
  });
  return finish(items, inserted === items.length ? 201 : 200, list.length);
}

export function deleteRecords(call: CrmCall, data: ModuleData, pathId?: string): CrmResult {
  const denied = needs(call, data, ['DELETE']);
  if (denied) return denied;
  const raw = pathId ?? call.req.url.searchParams.get('ids');
  if (!raw) return errors.requiredParam('ids');
  const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (ids.length > ZOHO_LIMITS.recordsPerWrite) return errors.limitExceeded('the number of records exceeds the limit', { limit: ZOHO_LIMITS.recordsPerWrite, param: 'ids' });
  const items = ids.map((id): Item => {
    if (!data.byId.has(id)) return { code: 'INVALID_DATA', details: { id }, message: 'record not deleted', status: 'error' } as RecordError;
    data.byId.delete(id);
    const at = data.records.findIndex((r) => r.id === id);
    data.records.splice(at, 1);
    return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
  });
  return finish(items, 200, ids.length);
}
