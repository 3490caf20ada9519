/**
 * POST /crm/v8/coql {"select_query": "..."} (reference §5.3, §5.6):
 * needs ZohoCRM.coql.READ plus module READ; LIMIT ≤ 2000 (default 200); offset + limit
 * ≤ 100,000; ≤ 25 criteria; SYNTAX_ERROR / INVALID_QUERY / LIMIT_EXCEEDED; empty → 204.
 * Credits by LIMIT: 1–200 → 1, 201–1000 → 2, 1001–2000 → 3 ([VS-COQL]).
 */
import { ZOHO_LIMITS } from '../../../../shared/zoho/limits';
import { CoqlQueryError, runQuery } from '../coql/evaluate';
import { CoqlSyntaxError } from '../coql/lexer';
import { parseCoql } from '../coql/parser';
import { findModule } from '../data/schema';
import { parseJson } from '../http/io';
import type { CrmCall } from './call';
import { crmError, errors, noContent, type CrmResult } from './envelope';
import { hasScope } from './scopes';

export const COQL_DEFAULT_LIMIT = 200;
export const COQL_MAX_OFFSET = 100_000;
export const COQL_MAX_CRITERIA = 25;

export function coqlCredits(limit: number): number {
  return limit <= 200 ? 1 : limit <= 1000 ? 2 : 3;
}

export function runCoql(call: CrmCall): CrmResult {
  if (!hasScope(call.token.scopes, { kind: 'coql' })) return errors.scopeMismatch();
  let body: unknown;
  try {
    body = parseJson(call.req);
  } catch {
    return crmError(400, 'INVALID_DATA', 'body is not a valid JSON', { expected_data_type: 'jsonobject' });
  }
  const text = (body as { select_query?: unknown } | undefined)?.select_query;
  if (typeof text !== 'string' || !text.trim()) return errors.requiredParam('select_query');
  try {
    const q = parseCoql(text);
    const spec = findModule(q.module);
    if (!spec || !spec.api_supported) return crmError(400, 'INVALID_QUERY', 'invalid module given', { clause: 'from', module: q.module });
    if (!hasScope(call.token.scopes, { kind: 'module', module: spec.scope_name, op: 'READ' })) return errors.scopeMismatch();
    const limit = q.limit ?? COQL_DEFAULT_LIMIT;
    if (limit < 1 || limit > ZOHO_LIMITS.coqlLimitMax) {
      return crmError(400, 'LIMIT_EXCEEDED', 'limit exceeded', { clause: 'limit', limit: ZOHO_LIMITS.coqlLimitMax });
    }
    if (q.offset + limit > COQL_MAX_OFFSET) return crmError(400, 'LIMIT_EXCEEDED', 'limit exceeded', { clause: 'limit', offset_limit: COQL_MAX_OFFSET });
    if (q.criteriaCount > COQL_MAX_CRITERIA) return crmError(400, 'LIMIT_EXCEEDED', 'limit exceeded', { clause: 'where', limit: COQL_MAX_CRITERIA });
    if (q.fields.length > ZOHO_LIMITS.fieldsMax) return crmError(400, 'LIMIT_EXCEEDED', 'limit exceeded', { clause: 'select', limit: ZOHO_LIMITS.fieldsMax });
    const data = call.data.module(spec.api_name)!;
    const result = runQuery(call.data, spec, data.records, q, limit);
    if (!result.data.length) return noContent();
    return { status: 200, body: { data: result.data, info: { count: result.data.length, more_records: result.more } }, credits: coqlCredits(limit) };
  } catch (error) {
    if (error instanceof CoqlSyntaxError) {
      return crmError(400, 'SYNTAX_ERROR', `error occured while parsing the query: ${error.message}`, { near: error.near, ...(error.clause ? { clause: error.clause } : {}) });
    }
    if (error instanceof CoqlQueryError) return crmError(400, 'INVALID_QUERY', error.message, error.details);
    throw error;
  }
}
