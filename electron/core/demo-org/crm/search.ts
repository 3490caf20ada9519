/**
 * GET {module}/search (reference §5.3, [CRM-SEARCH8]): one of criteria, email, phone or word;
 * needs module READ **and** ZohoSearch.securesearch.READ; empty → 204.
 */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import type { ModuleData } from '../data/orgData';
import { findField, type FieldSpec } from '../data/schema';
import type { CrmRecord } from '../data/seed';
import type { CrmCall } from './call';
import { crmError, errors, noContent, type CrmResult } from './envelope';
import { isCrmResult, parseFields, project } from './project';
import { sortRecords } from './records';
import { hasScope } from './scopes';
import { CriteriaError, MAX_SEARCH_CRITERIA, parseCriteria, type Criteria } from './criteria';

const invalidQuery = (reason: string, more: Record<string, unknown> = {}) =>
  crmError(400, 'INVALID_QUERY', 'Invalid query formed', { reason, ...more });

function text(v: unknown): string {
  if (v && typeof v === 'object' && 'name' in v) return String((v as { name: unknown }).name ?? '');
  return v === null || v === undefined ? '' : String(v);
}

function compare(f: FieldSpec, stored: unknown, value: string): number {
  if (f.data_type === 'integer' || f.data_type === 'currency') return Number(stored ?? NaN) - Number(value);
  const a = text(stored).toLowerCase();
  const b = value.toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

function matches(data: ModuleData, node: Criteria, r: CrmRecord): boolean {
  if (node.kind === 'and') return matches(data, node.left, r) && matches(data, node.right, r);
  if (node.kind === 'or') return matches(data, node.left, r) || matches(data, node.right, r);
  const f = findField(data.spec, node.field)!;
  const stored = r[f.api_name];
  const eq = (v: string) => {
    if (f.data_type === 'lookup' || f.data_type === 'ownerlookup') {
      const o = stored as { id?: string; name?: string } | null;
      return Boolean(o) && (o!.id === v || text(o).toLowerCase() === v.toLowerCase());
    }
    if (f.data_type === 'boolean') return String(stored) === v.toLowerCase();
    return compare(f, stored, v) === 0;
  };
  const [v0 = '', v1 = ''] = node.values;
  switch (node.op) {
    case 'equals':
      return eq(v0);
    case 'not_equal':
      return !eq(v0);
    case 'in':
      return node.values.some(eq);
    case 'starts_with':
      return text(stored).toLowerCase().startsWith(v0.toLowerCase());
    case 'greater_than':
      return stored !== null && compare(f, stored, v0) > 0;
    case 'greater_equal':
      return stored !== null && compare(f, stored, v0) >= 0;
    case 'less_than':
      return stored !== null && compare(f, stored, v0) < 0;
    case 'less_equal':
      return stored !== null && compare(f, stored, v0) <= 0;
    default:
      return stored !== null && compare(f, stored, v0) >= 0 && compare(f, stored, v1) <= 0;
  }
}

function checkFields(data: ModuleData, node: Criteria): CrmResult | undefined {
  if (node.kind !== 'cmp') return checkFields(data, node.left) ?? checkFields(data, node.right);
  if (!findField(data.spec, node.field)) return invalidQuery('the field is not available for search', { api_name: node.field });
  return undefined;
}

const digits = (v: unknown) => text(v).replace(/\D/g, '');

export function searchRecords(call: CrmCall, data: ModuleData): CrmResult {
  const scopes = call.token.scopes;
  if (!hasScope(scopes, { kind: 'module', module: data.spec.scope_name, op: 'READ' }) || !hasScope(scopes, { kind: 'search' })) {
    return errors.scopeMismatch();
  }
  const q = call.req.url.searchParams;
  const fields = parseFields(data.spec, q.get('fields'), false);
  if (isCrmResult(fields)) return fields;
  const page = Number(q.get('page') ?? 1);
  const perPage = Number(q.get('per_page') ?? ZOHO_LIMITS.perPageMax);
  if (!Number.isInteger(page) || page < 1) return errors.invalidParam('page', 'invalid data');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > ZOHO_LIMITS.perPageMax) {
    return errors.invalidParam('per_page', 'invalid data', { maximum_value: ZOHO_LIMITS.perPageMax });
  }
  let test: (r: CrmRecord) => boolean;
  const criteria = q.get('criteria');
  const email = q.get('email');
  const phone = q.get('phone');
  const word = q.get('word');
  if (criteria) {
    let parsed: ReturnType<typeof parseCriteria>;
    try {
      parsed = parseCriteria(criteria.trim());
    } catch (error) {
      return invalidQuery((error as CriteriaError).message);
    }
    if (parsed.count > MAX_SEARCH_CRITERIA) return errors.limitExceeded('more than 10 criteria', { limit: MAX_SEARCH_CRITERIA, param: 'criteria' });
    const bad = checkFields(data, parsed.tree);
    if (bad) return bad;
    test = (r) => matches(data, parsed.tree, r);
  } else if (email) {
    const emails = data.spec.fields.filter((f) => f.data_type === 'email').map((f) => f.api_name);
    test = (r) => emails.some((f) => text(r[f]).toLowerCase() === email.toLowerCase());
  } else if (phone) {
    const phones = data.spec.fields.filter((f) => f.data_type === 'phone').map((f) => f.api_name);
    const want = digits(phone);
    test = (r) => want.length > 0 && phones.some((f) => digits(r[f]).includes(want));
  } else if (word) {
    const texts = data.spec.fields.filter((f) => ['text', 'email', 'textarea', 'phone', 'website', 'picklist'].includes(f.data_type)).map((f) => f.api_name);
    const w = word.toLowerCase();
    test = (r) => texts.some((f) => text(r[f]).toLowerCase().includes(w));
  } else {
    return errors.requiredParam('criteria');
  }
  // Search reaches the first 2000 matches only (same ceiling as page-based lists, §5.4).
  const found = sortRecords(data.records.filter(test), 'id', 'desc').slice(0, ZOHO_LIMITS.discretePaginationLimit);
  const slice = found.slice((page - 1) * perPage, page * perPage);
  if (!slice.length) return noContent();
  return {
    status: 200,
    body: {
      data: slice.map((r) => project(r, fields ?? undefined, data.spec)),
      info: { per_page: perPage, count: slice.length, page, more_records: page * perPage < found.length },
    },
  };
}
