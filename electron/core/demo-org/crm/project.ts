/** Picking fields out of stored records, and the `fields` parameter rules (reference §5.3, §5.4). */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import { findField, type ModuleSpec } from '../data/schema';
import type { CrmRecord } from '../data/seed';
import { errors, type CrmResult } from './envelope';

/** `fields` is mandatory on list calls since v3, at most 50 (§5.1, §5.3). Names map to their API spelling. */
export function parseFields(module: ModuleSpec, raw: string | null, required: boolean): string[] | CrmResult | undefined {
  if (raw === null || raw.trim() === '') return required ? errors.requiredParam('fields') : undefined;
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length > ZOHO_LIMITS.fieldsMax) {
    return errors.limitExceeded('the number of fields exceeds the limit', { limit: ZOHO_LIMITS.fieldsMax, param: 'fields' });
  }
  const out: string[] = [];
  for (const name of names) {
    if (name.toLowerCase() === 'id') continue;
    const f = findField(module, name);
    if (!f) return errors.invalidParam('fields', 'invalid field name', { api_name: name });
    if (!out.includes(f.api_name)) out.push(f.api_name);
  }
  return out;
}

/** Zoho always returns id; unset fields come back as null. */
export function project(record: CrmRecord, fields: readonly string[] | undefined, module: ModuleSpec): Record<string, unknown> {
  const names = fields ?? module.fields.map((f) => f.api_name);
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = record[n] ?? null;
  out['id'] = record.id;
  return out;
}

export const isCrmResult = (value: unknown): value is CrmResult =>
  typeof value === 'object' && value !== null && 'status' in value && typeof (value as CrmResult).status === 'number';
