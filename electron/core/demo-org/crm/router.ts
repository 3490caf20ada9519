/**
 * One API origin (a DC and environment, like www.zohoapis.eu or sandbox.zohoapis.com).
 * Order of checks: host → path → token → concurrency → (test faults) → credits → scopes and handler.
 */
import type { ServerResponse } from 'node:http';
import { CRM_API_VERSION } from '../../../../shared/zoho/limits';
import type { DataCentreId, Environment } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { findOrg } from '../data/directory';
import { EDITIONS } from '../../../../shared/zoho/editions';
import { findModule } from '../data/schema';
import type { Faults } from '../http/faults';
import { sendEmpty, sendJson, type DemoRequest } from '../http/io';
import { authenticate } from './auth';
import type { CrmCall } from './call';
import { runCoql } from './coqlHandler';
import { errors, type CrmResult } from './envelope';
import { listFields, listLayouts, listModules } from './metadata';
import { countRecords, getRecord, listRecords } from './records';
import { searchRecords } from './search';
import { getOrg, listUsers } from './usersOrg';
import { deleteRecords, insertRecords, updateRecords, upsertRecords } from './writes';

const BASE = `/crm/${CRM_API_VERSION}/`;

export async function routeApi(
  ctx: DemoContext,
  site: { dc: DataCentreId; environment: Environment },
  faults: Faults,
  req: DemoRequest,
  res: ServerResponse,
): Promise<void> {
  const send = (r: CrmResult, headers: Record<string, string> = {}) =>
    r.status === 204 || r.body === undefined ? sendEmpty(res, r.status, headers) : sendJson(res, r.status, r.body, headers);

  // Only the API domain serves the API (§1.1: any other host → INVALID_HOST, 400).
  const host = String(req.headers.host ?? '');
  const port = new URL(ctx.origins.api[site.dc]![site.environment]).port;
  if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(errors.invalidHost());
  if (!req.url.pathname.startsWith(BASE)) return send(errors.invalidUrl());

  const auth = authenticate(ctx, site, req);
  if (!auth.ok) return send(auth.result);
  const org = findOrg(auth.token.org_id)!;
  const data = ctx.orgData(org.id);
  const user = data.userForPerson(auth.token.user_key) ?? data.users[0]!;

  // Concurrency per org (§5.6): past the edition's limit → 429 TOO_MANY_REQUESTS.
  const inFlight = ctx.inFlight.get(org.id) ?? 0;
  if (inFlight >= EDITIONS[org.edition].concurrency) {
    return send(errors.tooManyRequests('The concurrency limit of the user for the app is exceeded'));
  }
  ctx.inFlight.set(org.id, inFlight + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    ctx.inFlight.set(org.id, (ctx.inFlight.get(org.id) ?? 1) - 1);
  };
  res.once('close', release);
  try {
    // Faults fire after the token check, so a test's slow request holds a concurrency slot.
    const fault = faults.take(req);
    if (fault && (await faults.apply(fault, res)) === 'handled') return;
    if (res.destroyed) return;

    if (ctx.credits.remaining(org.id) <= 0) {
      return send(errors.tooManyRequests('Number of API requests for the 24 hour period is exceeded'), ctx.credits.header(org.id));
    }
    const call: CrmCall = { ctx, req, token: auth.token, org, data, user };
    const result = dispatch(call, req.url.pathname.slice(BASE.length).split('/').map(decodeURIComponent), req.method);
    if (result.status < 400) ctx.credits.spend(org.id, result.credits ?? 1);
    send(result, ctx.credits.header(org.id));
  } finally {
    if (res.writableEnded) release();
  }
}

function dispatch(call: CrmCall, parts: string[], method: string): CrmResult {
  const [first = '', second, third, ...rest] = parts;
  const is = (m: string) => method === m;
  if (first === 'settings') {
    if (rest.length || (third !== undefined && second !== 'modules')) return errors.invalidUrl();
    if (!is('GET')) return errors.invalidMethod();
    if (second === 'modules') return listModules(call);
    if (second === 'fields' && third === undefined) return listFields(call);
    if (second === 'layouts' && third === undefined) return listLayouts(call);
    return errors.invalidUrl();
  }
  if (first === 'users') {
    if (third !== undefined) return errors.invalidUrl();
    return is('GET') ? listUsers(call) : errors.invalidMethod();
  }
  if (first === 'org') {
    if (second !== undefined) return errors.invalidUrl();
    return is('GET') ? getOrg(call) : errors.invalidMethod();
  }
  if (first === 'coql') {
    if (second !== undefined) return errors.invalidUrl();
    return is('POST') ? runCoql(call) : errors.invalidMethod();
  }
  if (!first || rest.length) return errors.invalidUrl();
  const spec = findModule(first);
  if (!spec || !spec.api_supported) return errors.invalidModule();
  const data = call.data.module(spec.api_name)!;
  if (second === undefined) {
    if (is('GET')) return listRecords(call, data);
    if (is('POST')) return insertRecords(call, data);
    if (is('PUT')) return updateRecords(call, data);
    if (is('DELETE')) return deleteRecords(call, data);
    return errors.invalidMethod();
  }
  if (second === 'search' && third === undefined) return is('GET') ? searchRecords(call, data) : errors.invalidMethod();
  if (second === 'upsert' && third === undefined) return is('POST') ? upsertRecords(call, data) : errors.invalidMethod();
  if (second === 'actions') return third === 'count' && is('GET') ? countRecords(call, data) : errors.invalidUrl();
  if (third !== undefined) return errors.invalidUrl();
  if (is('GET')) return getRecord(call, data, second);
  if (is('PUT')) return updateRecords(call, data, second);
  if (is('DELETE')) return deleteRecords(call, data, second);
  return errors.invalidMethod();
}
