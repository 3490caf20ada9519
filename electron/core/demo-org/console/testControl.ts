/**
 * Opt-in HTTP twin of the in-process test controls, for tests that run the Demo org as a
 * separate process (`DEMO_ORG_TEST_CONTROL=1 npm run demo-org`). Off unless asked for; the app
 * never turns it on, so nothing in its UI can reach it.
 *   POST /__test/faults   {"path": "/crm/v8/org" | {"regex": "..."}, "kind", "count"?, "delayMs"?}
 *   DELETE /__test/faults
 *   POST /__test/clock    {"advanceMs": n}
 *   POST /__test/settings {"legacyTokenShape": boolean}
 *   GET  /__test/stats    → {"tokenRequests": {grant_type: n}}
 */
import type { ServerResponse } from 'node:http';
import type { DemoContext } from '../context';
import type { FaultKind, Faults } from '../http/faults';
import { parseJson, sendJson, type DemoRequest } from '../http/io';

const KINDS: readonly FaultKind[] = ['slow', 'hang', 'reset', '500', '502', '503', 'html', 'truncated-json'];

export function routeTestControl(ctx: DemoContext, faults: Faults, req: DemoRequest, res: ServerResponse): boolean {
  const path = req.url.pathname;
  if (!path.startsWith('/__test/')) return false;
  const bad = (message: string) => sendJson(res, 400, { error: 'invalid_input', message });
  let body: Record<string, unknown> = {};
  try {
    body = (parseJson(req) ?? {}) as Record<string, unknown>;
  } catch {
    bad('The body is not valid JSON.');
    return true;
  }
  if (path === '/__test/faults' && req.method === 'DELETE') {
    faults.clear();
    sendJson(res, 200, { ok: true });
  } else if (path === '/__test/faults' && req.method === 'POST') {
    const raw = body['path'];
    const regex = raw && typeof raw === 'object' ? (raw as { regex?: unknown }).regex : undefined;
    const kind = body['kind'] as FaultKind;
    if ((typeof raw !== 'string' && typeof regex !== 'string') || !KINDS.includes(kind)) {
      bad(`Send {"path": "/crm/v8/org" or {"regex": "…"}, "kind": one of ${KINDS.join(', ')}}.`);
      return true;
    }
    try {
      faults.inject({
        path: typeof raw === 'string' ? raw : new RegExp(String(regex)),
        kind,
        ...(typeof body['count'] === 'number' ? { count: body['count'] } : {}),
        ...(typeof body['delayMs'] === 'number' ? { delayMs: body['delayMs'] } : {}),
      });
    } catch (error) {
      bad((error as Error).message);
      return true;
    }
    sendJson(res, 200, { ok: true });
  } else if (path === '/__test/clock' && req.method === 'POST') {
    try {
      ctx.clock.advance(Number(body['advanceMs']));
    } catch (error) {
      bad((error as Error).message);
      return true;
    }
    sendJson(res, 200, { now: ctx.clock.now() });
  } else if (path === '/__test/settings' && req.method === 'POST') {
    if (typeof body['legacyTokenShape'] === 'boolean') ctx.settings.legacyTokenShape = body['legacyTokenShape'];
    sendJson(res, 200, { ...ctx.settings });
  } else if (path === '/__test/stats' && req.method === 'GET') {
    sendJson(res, 200, { tokenRequests: Object.fromEntries(ctx.tokenRequests) });
  } else {
    sendJson(res, 404, { error: 'not_found' });
  }
  return true;
}
