/**
 * Helpers for the OAuth integration tests: one Demo org with a shared, movable clock; a
 * profile per Zoho client type; what a person does on the Demo org's pages, over HTTP.
 */
import { createServer, type AddressInfo } from 'node:net';
import { SCHEME_REDIRECT_URI, loopbackRedirectUri } from '../../shared/app';
import type { DataCentreId } from '../../shared/zoho/dataCentres';
import type { AppEvent, ChannelInput, ProfileView } from '../../shared/ipc/contract';
import type { DemoClientInput, DemoOrg } from '../../electron/core/demo-org/index';
import { createTestCore } from './testCore';

export type TestCore = Awaited<ReturnType<typeof createTestCore>>;

export const CRM_SCOPES = ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'];

/** A clock both the core and the Demo org read, so ten minutes pass in no time. */
export function sharedClock() {
  let t = Date.now();
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/**
 * A port for a loopback redirect: one the OS says is free right now on 127.0.0.1 (and ::1),
 * never a guess in the ephemeral range where the Demo org's own random ports live.
 */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const v6Free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once('error', (e: NodeJS.ErrnoException) => resolve(e.code !== 'EADDRINUSE'));
      server.listen(port, '::1', () => server.close(() => resolve(true)));
    });
    if (v6Free) return port;
  }
}

export interface ProfileSetup {
  type: DemoClientInput['type'];
  dc?: DataCentreId;
  enabledDcs?: DataCentreId[];
  sameSecret?: boolean;
  multiDc?: boolean;
  secret?: string;
  port?: number;
  scopes?: string[];
  /** Register a different redirect URI than the profile uses (off by a slash…). */
  registeredRedirect?: string;
  perDcSecrets?: boolean;
}

/**
 * A core on a temp dir with fast timeouts (a hang fails in under a second) and a device-flow
 * wait that moves the shared clock instead of sleeping; a client registered in the Demo org;
 * a profile for it.
 */
export async function setupProfile(demo: DemoOrg, clock: ReturnType<typeof sharedClock>, options: ProfileSetup, existing?: TestCore) {
  const dc = options.dc ?? 'us';
  const port = options.port ?? (await freePort());
  const redirect = options.type === 'mobile' ? SCHEME_REDIRECT_URI : options.type === 'server' ? loopbackRedirectUri(port, '/oauth/callback') : undefined;
  const client = demo.createClient({
    type: options.type,
    name: `Test ${options.type} client`,
    ...(redirect ? { redirect_uris: [options.registeredRedirect ?? redirect] } : {}),
    home_dc: dc,
    enabled_dcs: options.enabledDcs ?? [dc],
    same_secret_all_dcs: options.sameSecret ?? true,
  });
  const t = existing ?? (await createTestCore({ demo, now: clock.now }));
  const device = speedUp(t, clock);
  const input: ChannelInput<'profiles:create'> = {
    name: `P ${Math.random().toString(36).slice(2, 8)}`,
    service: 'demo',
    environment: 'production',
    dataCentre: dc,
    clientType: options.type,
    clientId: client.client_id,
    clientSecret: options.secret ?? client.client_secret,
    multiDc: options.multiDc ?? false,
    scopes: options.scopes ?? CRM_SCOPES,
    ...(options.type === 'server' ? { loopbackPort: port, loopbackPath: '/oauth/callback' } : {}),
    ...(options.perDcSecrets && client.client_secrets_by_dc ? { clientSecretsByDc: client.client_secrets_by_dc } : {}),
  };
  const profile = await t.call('profiles:create', input);
  return { ...t, client, profile, port, device };
}

/**
 * Timeouts for tests (network 800 ms); the device flow's waits between polls are held until
 * the test steps them, each step moving the shared clock, so 30-second intervals take no time.
 */
export function speedUp(t: TestCore, clock: ReturnType<typeof sharedClock>) {
  const net = t.core.internals.net;
  net.timeoutMs = 800;
  const waiting: { ms: number; resolve: () => void }[] = [];
  const sleeps: number[] = [];
  net.sleep = (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      sleeps.push(ms);
      waiting.push({ ms, resolve });
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    });
  return {
    sleeps,
    /** Ends the next wait between polls, moving the clock by `advanceMs` (default: the whole wait). */
    async step(advanceMs?: number) {
      const started = Date.now();
      while (!waiting.length) {
        if (Date.now() - started > 3000) throw new Error('the device flow is not waiting to poll');
        await new Promise((r) => setTimeout(r, 2));
      }
      const next = waiting.shift()!;
      clock.advance(advanceMs ?? next.ms);
      next.resolve();
    },
    /** Waits until the poll loop waits again (the poll before it has been answered). */
    async settled(count: number) {
      const started = Date.now();
      while (sleeps.length < count) {
        if (Date.now() - started > 3000) throw new Error(`expected ${count} waits, saw ${sleeps.length}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    },
  };
}

export async function view(t: TestCore, profileId: string): Promise<ProfileView> {
  const list = await t.call('profiles:list');
  return list.find((p) => p.id === profileId)!;
}

export function lastAuthEvent(events: AppEvent[]) {
  return [...events].reverse().find((e) => e.type === 'auth-finished') as
    | { type: 'auth-finished'; ok: true; profile: ProfileView }
    | { type: 'auth-finished'; ok: false; error: { code: string; message: string; hint?: string; details?: string } }
    | undefined;
}

/** Waits until an auth-finished event arrives (the device flow finishes in the background). */
export async function waitForAuthFinished(events: AppEvent[], after = 0, timeoutMs = 5000) {
  const started = Date.now();
  for (;;) {
    const found = events.slice(after).find((e) => e.type === 'auth-finished');
    if (found) return found as NonNullable<ReturnType<typeof lastAuthEvent>>;
    if (Date.now() - started > timeoutMs) throw new Error('no auth-finished event');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The API console's Self Client "Generate Code" tab (§4.3). */
export async function selfClientCode(demo: DemoOrg, input: { client_id: string; user: string; org?: string; scope?: string; expiry_minutes?: number }) {
  const res = await fetch(`${demo.origins.console}/console/api/self-client/code`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scope: CRM_SCOPES.join(','), ...input }),
  });
  const body = (await res.json()) as { code?: string; message?: string };
  if (!body.code) throw new Error(`no self-client code: ${JSON.stringify(body)}`);
  return body.code;
}

/** A person enters the device code on the Demo org's page and allows (or denies). */
export async function approveDevice(verificationUrl: string, userCode: string, options: { user?: string; org: string; decision?: 'allow' | 'deny' }) {
  const origin = new URL(verificationUrl).origin;
  const res = await fetch(`${origin}/oauth/v3/device/decision`, {
    method: 'POST',
    body: new URLSearchParams({ user_code: userCode, user: options.user ?? 'ava', org: options.org, decision: options.decision ?? 'allow' }),
  });
  if (res.status !== 200) throw new Error(`device decision answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
}

export const ORGS = {
  northwind: '60021458201',
  bluebird: '60033911045',
  alpenrose: '20087245512',
  lotus: '70064120933',
} as const;
