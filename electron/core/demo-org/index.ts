/**
 * The Demo org: our own Zoho-compatible accounts + CRM server in plain Node.
 * It is the app's offline demo (started in-process on random 127.0.0.1 ports) and the peer
 * every test talks to over real HTTP. It follows ../../../../shared/reference (copied at
 * /work/shared/reference/zoho-oauth-and-crm-api.md); where Zoho's behaviour is UNCONFIRMED it
 * takes the stricter reading, so a client that works here does not break on real Zoho.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { routeAccounts } from './accounts/router';
import { DeviceGrants } from './accounts/deviceStore';
import { createClock } from './clock';
import { registerClient, type DemoClient, type DemoClientInput } from './console/clients';
import { routeConsole } from './console/router';
import { routeTestControl } from './console/testControl';
import { createOrgDataCache, type DemoContext } from './context';
import { CreditLedger } from './crm/credits';
import { routeApi } from './crm/router';
import { Faults, type FaultRule } from './http/faults';
import { readRequest, sendJson } from './http/io';
import { listenAll, type Handler } from './http/listen';
import { buildOrigins, siteList, type DemoOrgOrigins, type Site } from './origins';
import { StateStore, type StateSealer } from './state/store';

export type { DemoOrgOrigins } from './origins';
export type { DemoClientInput, DemoClient } from './console/clients';
export type { FaultRule, FaultKind } from './http/faults';
export { DEMO_USERS, DEMO_ORGS } from './data/directory';

export interface DemoOrg {
  origins: DemoOrgOrigins;
  /** Same as POST /console/api/clients; throws an Error with a clear message on invalid input. */
  createClient(input: DemoClientInput): DemoClient;
  /** The server's test clock (real time unless advanced). */
  clock: { now(): number; advance(ms: number): void };
  /** Switch for the legacy expires_in shape (ms + expires_in_sec, §3.2). */
  settings: { legacyTokenShape: boolean };
  /** Test-only: make the next N requests to a path fail in a chosen way. */
  faults: { inject(rule: FaultRule): void; clear(): void };
  /** How many token-endpoint requests arrived (tests count refreshes). */
  stats: { tokenRequests(grantType?: string): number };
  /** Test-only: spend or read an org's API credits without making thousands of calls (§5.6). */
  credits: { spend(orgId: string, credits: number): void; remaining(orgId: string): number };
  /** Notes from start-up (e.g. an unreadable state file that was moved aside). */
  notes: readonly string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** First port; the others follow consecutively. 0/undefined = random ports. */
  port?: number;
  /** JSON file where clients and tokens persist across restarts; no file = in memory. */
  stateFile?: string;
  /** Seals the state file (the app passes its keychain cipher, so no secret is on disk in plaintext). */
  stateSealer?: StateSealer;
  /** Base time source for the clock (default Date.now). */
  now?: () => number;
  /** Serve the test controls over HTTP on the console origin under /__test/ (off by default; never in the app). */
  testControl?: boolean;
}

export async function startDemoOrg(options: StartOptions = {}): Promise<DemoOrg> {
  const clock = createClock(options.now);
  const store = new StateStore(options.stateFile, options.stateSealer);
  const faults = new Faults();
  const sites = siteList();
  // Handlers read the context lazily: origins are only known once every server listens.
  const ready: { ctx?: DemoContext } = {};
  const handlers: Handler[] = sites.map((site) => (req, res) => {
    if (!ready.ctx) return sendJson(res, 503, { error: 'starting' });
    void handle(ready.ctx, site, faults, req, res, options.testControl === true);
  });
  const listening = await listenAll(handlers, options.port);
  const origins = buildOrigins(sites, listening.ports);
  const live: DemoContext = {
    clock,
    store,
    settings: { legacyTokenShape: false },
    origins,
    credits: new CreditLedger(() => clock.now()),
    devices: new DeviceGrants(),
    tokenRequests: new Map(),
    inFlight: new Map(),
    orgData: createOrgDataCache(),
    signingKey: randomBytes(32),
  };
  ready.ctx = live;
  let closed = false;
  return {
    origins,
    createClient: (input) => registerClient(live, input),
    clock,
    settings: live.settings,
    faults: { inject: (rule) => faults.inject(rule), clear: () => faults.clear() },
    stats: {
      tokenRequests: (grantType) =>
        grantType === undefined
          ? [...live.tokenRequests.values()].reduce((a, b) => a + b, 0)
          : (live.tokenRequests.get(grantType) ?? 0),
    },
    credits: { spend: (orgId, n) => live.credits.spend(orgId, n), remaining: (orgId) => live.credits.remaining(orgId) },
    notes: store.notes,
    async close() {
      if (closed) return;
      closed = true;
      faults.close();
      await listening.close();
    },
  };
}

async function handle(ctx: DemoContext, site: Site, faults: Faults, raw: IncomingMessage, res: ServerResponse, testControl: boolean): Promise<void> {
  const origin = site.kind === 'accounts' ? ctx.origins.accounts[site.dc]! : site.kind === 'console' ? ctx.origins.console : ctx.origins.api[site.dc]![site.environment];
  try {
    const req = await readRequest(raw, origin);
    if (testControl && site.kind === 'console' && routeTestControl(ctx, faults, req, res)) return;
    if (site.kind === 'api') return await routeApi(ctx, site, faults, req, res);
    const fault = faults.take(req);
    if (fault && (await faults.apply(fault, res)) === 'handled') return;
    if (res.destroyed) return;
    if (site.kind === 'accounts') return routeAccounts(ctx, site.dc, req, res);
    return routeConsole(ctx, req, res);
  } catch (error) {
    if (res.headersSent || res.destroyed) return;
    const message = error instanceof Error ? error.message : String(error);
    sendJson(res, 500, { code: 'INTERNAL_ERROR', details: { reason: message }, message: 'Internal Server Error', status: 'error' });
  }
}
