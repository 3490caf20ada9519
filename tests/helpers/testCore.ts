import { mkdtempSync } from 'node:fs';
import { afterEach } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../electron/core/app/createCore';
import { confStoreFactory } from '../../electron/core/storage/confStoreFactory';
import type { CipherPort } from '../../electron/core/ports';
import type { DemoOrg } from '../../electron/core/demo-org/index';
import type { AppEvent, ChannelInput, ChannelOutput, Channel, ProfileInput, Result } from '../../shared/ipc/contract';
import { testKeychainCipher } from './testCipher';

export function tempDir(prefix = 'cac-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestCoreOptions {
  demo?: DemoOrg;
  dataDir?: string;
  cipher?: CipherPort;
  now?: () => number;
  urlSchemeAvailable?: boolean;
  startDemoOrg?: boolean;
}

/** The real core over real files in a temp dir, with every side effect recorded. */
export async function createTestCore(options: TestCoreOptions = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const opened: string[] = [];
  const logLines: string[] = [];
  const events: AppEvent[] = [];
  const line = (level: string) => (message: string, meta?: Record<string, unknown>) => logLines.push(`${level} ${message} ${meta ? JSON.stringify(meta) : ''}`);
  const core = await createCore(
    {
      cipher: options.cipher ?? testKeychainCipher(),
      storeFactory: confStoreFactory(dataDir),
      system: { openExternal: async (url) => void opened.push(url) },
      log: { info: line('info'), warn: line('warn'), error: line('error') },
      dataDir,
      ...(options.now ? { now: options.now } : {}),
    },
    {
      mode: 'browser',
      version: 'test',
      urlSchemeAvailable: options.urlSchemeAvailable ?? true,
      demoOrg: { start: options.startDemoOrg ?? false },
      ...(options.demo ? { attachDemoOrigins: options.demo.origins } : {}),
    },
  );
  core.onEvent((e) => events.push(e));
  /** Calls a channel and returns its value, failing the test with the error otherwise. */
  async function call<C extends Channel>(channel: C, payload?: ChannelInput<C>): Promise<ChannelOutput<C>> {
    const result = (await core.dispatch(channel, payload)) as Result<ChannelOutput<C>>;
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }
  async function callRaw<C extends Channel>(channel: C, payload?: unknown): Promise<Result<ChannelOutput<C>>> {
    return (await core.dispatch(channel, payload)) as Result<ChannelOutput<C>>;
  }
  return { core, call, callRaw, opened, logLines, events, dataDir };
}

/**
 * What a person does on the Demo org's consent page, over HTTP: load it (optionally as
 * another demo user), then press Allow or Deny. Returns the redirect Location.
 */
export async function consent(authorizeUrl: string, options: { decision?: 'allow' | 'deny'; user?: string; org?: string } = {}): Promise<string> {
  const url = new URL(authorizeUrl);
  if (options.user) url.searchParams.set('demo_user', options.user);
  const page = await fetch(url);
  const html = await page.text();
  if (page.status !== 200) throw new Error(`consent page answered ${page.status}: ${html.slice(0, 200)}`);
  const field = (name: string) => html.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`))?.[1];
  const form = new URLSearchParams({
    request_id: field('request_id') ?? '',
    user: field('user') ?? '',
    org: options.org ?? field('org') ?? '',
    decision: options.decision ?? 'allow',
  });
  const answer = await fetch(new URL('/oauth/v2/auth/decision', url.origin), {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  const location = answer.headers.get('location');
  if (!location) throw new Error(`consent answered ${answer.status} without a redirect: ${(await answer.text()).slice(0, 300)}`);
  return location;
}

/** A valid profile for a real-Zoho client (EU sandbox, Mobile-based): tests change what they check. */
export const ZOHO_PROFILE_INPUT: ProfileInput = {
  name: 'Acme EU sandbox',
  orgLabel: 'Acme',
  service: 'zoho',
  environment: 'sandbox',
  dataCentre: 'eu',
  clientType: 'mobile',
  clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
  clientSecret: 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed42',
  scopes: ['ZohoCRM.modules.leads.READ'],
};

/**
 * Test cores closed after each test. `close(t)` closes one early, e.g. to reopen its data
 * folder as a restarted app would. Call at the top of a test file.
 */
export function useTestCores() {
  const live = new Set<{ close(): Promise<void> }>();
  afterEach(async () => {
    for (const core of [...live]) {
      live.delete(core);
      await core.close();
    }
  });
  return {
    open: async (options: TestCoreOptions = {}) => {
      const t = await createTestCore(options);
      live.add(t.core);
      return t;
    },
    close: async (t: { core: { close(): Promise<void> } }) => {
      live.delete(t.core);
      await t.core.close();
    },
  };
}
