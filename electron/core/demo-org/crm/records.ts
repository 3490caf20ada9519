/**
 * Reading records (reference §5.3, §5.4): GET {module} with fields (mandatory, ≤ 50),
 * per_page ≤ 200, page for the first 2000 records only (then DISCRETE_PAGINATION_LIMIT_EXCEEDED),
 * page_token/next_page_token beyond; sort_by id|Created_Time|Modified_Time; empty → 204.
 * Also GET {module}/{id} and GET {module}/actions/count.
 */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import type { ModuleData } from '../data/orgData';
import type { CrmRecord } from '../data/seed';
import { formatDateTime } from '../data/seed';
import type { CrmCall } from './call';
import { crmError, errors, noContent, type CrmResult } from './envelope';
import { decodePageToken, encodePageToken, PAGE_TOKEN_MS } from './pageToken';
import { isCrmResult, parseFields, project } from './project';
import { hasScope } from './scopes';

const SORTABLE = ['id', 'Created_Time', 'Modified_Time'];

export function sortRecords(records: readonly CrmRecord[], sortBy: string, order: 'asc' | 'desc'): CrmRecord[] {
  // Records are stored ascending by id; ids have equal length so string order is numeric order.
  const sorted = sortBy === 'id' ? [...records] : [...records].sort((a, b) => cmp(a[sortBy], b[sortBy]) || cmp(a.id, b.id));
  return order === 'desc' ? sorted.reverse() : sorted;
}

const cmp = (a: unknown, b: unknown) => (String(a ?? '') < String(b ?? '') ? -1 : String(a ?? '') > String(b ?? '') ? 1 : 0);

export function readScope(call: CrmCall, data: ModuleData): CrmResult | undefined {
  return hasScope(call.token.scopes, { kind: 'module', module: data.spec.scope_name, op: 'READ' }) ? undefined : errors.scopeMismatch();
}

function intParam(value: string | null, fallback: number): number {
  if (value === null || value === '') return fallback;
  return /^\d+$/.test(value) ? Number(value) : NaN;
}

export function listRecords(call: CrmCall, data: ModuleData): CrmResult {
  const denied = readScope(call, data);
  if (denied) return denied;
  const q = call.req.url.searchParams;
  const fields = parseFields(data.spec, q.get('fields'), true);
  if (isCrmResult(fields)) return fields;
  const perPage = intParam(q.get('per_page'), ZOHO_LIMITS.perPageMax);
  if (!(perPage >= 1 && perPage <= ZOHO_LIMITS.perPageMax)) {
    return errors.invalidParam('per_page', 'invalid data', { maximum_value: ZOHO_LIMITS.perPageMax });
  }
  const rawToken = q.get('page_token');
  let sortBy = q.get('sort_by') ?? 'id';
  let sortOrder = (q.get('sort_order') ?? 'desc') as 'asc' | 'desc';
  let offset: number;
  let page: number;
  if (rawToken) {
    if (q.has('page')) return errors.invalidParam('page', 'page and page_token cannot be used together');
    const pos = decodePageToken(call.ctx.signingKey, rawToken);
    if (!pos || pos.module !== data.spec.api_name || pos.user !== call.user.id || pos.expires_at <= call.ctx.clock.now()) {
      return errors.invalidParam('page_token', 'invalid page token or the token has expired');
    }
    ({ sort_by: sortBy, sort_order: sortOrder, offset } = pos);
    page = Math.floor(offset / perPage) + 1;
  } else {
    page = intParam(q.get('page'), 1);
    if (!(page >= 1)) return errors.invalidParam('page', 'invalid data');
    // `page` reaches the first 2000 records only (§5.4, [AIRBYTE-30977]).
    if (page * perPage > ZOHO_LIMITS.discretePaginationLimit) {
      return crmError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', 'You can only get the first 2000 records without using page_token param', {
        limit: ZOHO_LIMITS.discretePaginationLimit,
      });
    }
    offset = (page - 1) * perPage;
  }
  if (!SORTABLE.includes(sortBy)) return errors.invalidParam('sort_by', 'invalid data', { supported_values: SORTABLE });
  if (sortOrder !== 'asc' && sortOrder !== 'desc') return errors.invalidParam('sort_order', 'invalid data', { supported_values: ['asc', 'desc'] });

  let pool: readonly CrmRecord[] = data.records;
  const ids = q.get('ids');
  if (ids) {
    const wanted = new Set(ids.split(',').map((s) => s.trim()));
    if (wanted.size > ZOHO_LIMITS.recordsPerWrite) return errors.limitExceeded('too many ids', { limit: ZOHO_LIMITS.recordsPerWrite, param: 'ids' });
    pool = pool.filter((r) => wanted.has(r.id));
  }
  const sorted = sortRecords(pool, sortBy, sortOrder);
  const slice = sorted.slice(offset, offset + perPage);
  if (!slice.length) return noContent();
  const more = offset + perPage < sorted.length;
  const now = call.ctx.clock.now();
  const token = (at: number) =>
    encodePageToken(call.ctx.signingKey, {
      module: data.spec.api_name,
      offset: at,
      sort_by: sortBy,
      sort_order: sortOrder,
      user: call.user.id,
      expires_at: now + PAGE_TOKEN_MS,
    });
  return {
    status: 200,
    body: {
      data: slice.map((r) => project(r, fields ?? undefined, data.spec)),
      info: {
        per_page: perPage,
        next_page_token: more ? token(offset + perPage) : null,
        count: slice.length,
        sort_by: sortBy,
        page,
        previous_page_token: offset > 0 ? token(Math.max(0, offset - perPage)) : null,
        page_token_expiry: formatDateTime(now + PAGE_TOKEN_MS, call.org.utc_offset),
        sort_order: sortOrder,
        more_records: more,
      },
    },
  };
}

export function getRecord(call: CrmCall, data: ModuleData, id: string): CrmResult {
  const denied = readScope(call, data);
  if (denied) return denied;
  if (!/^\d+$/.test(id)) return errors.invalidParam('id', 'the id given seems to be invalid', { id });
  const record = data.byId.get(id);
  // No such record: nothing to return (204, §5.4). Zoho's exact answer here is UNCONFIRMED.
  if (!record) return noContent();
  const fields = parseFields(data.spec, call.req.url.searchParams.get('fields'), false);
  if (isCrmResult(fields)) return fields;
  return { status: 200, body: { data: [project(record, fields ?? undefined, data.spec)] } };
}

export function countRecords(call: CrmCall, data: ModuleData): CrmResult {
  const denied = readScope(call, data);
  if (denied) return denied;
  return { status: 200, body: { count: data.records.length } };
}
