import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import { CONSOLE_SCOPES } from '../helpers/consoleSetup';
import { consent, createTestCore } from '../helpers/testCore';

type TestCore = Awaited<ReturnType<typeof createTestCore>>;

/**
 * Each test gets its own Demo org, a real core on a temp dir, and browser mode's real host
 * serving the built renderer. The test is the OS: it sees the URLs the app asks to open
 * and hands deep links to the core.
 */
export const test = base.extend<{ demo: DemoOrg; app: TestCore; host: WebHost }>({
  demo: async ({}, use) => {
    const demo = await startDemoOrg();
    await use(demo);
    await demo.close();
  },
  app: async ({ demo }, use) => {
    const app = await createTestCore({ demo });
    await use(app);
    await app.core.close();
  },
  host: async ({ app }, use) => {
    const host = await startWebHost({ core: app.core, rendererDir: join(process.cwd(), 'dist/renderer') });
    await use(host);
    await host.close();
  },
});

export { expect };

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol, so the app's strict CSP stays on.
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Waits until the app has asked the OS to open a URL, and returns it. */
export async function nextOpenedUrl(app: TestCore, count: number): Promise<string> {
  await expect.poll(() => app.opened.length).toBeGreaterThanOrEqual(count);
  return app.opened[count - 1]!;
}

/**
 * A "Northwind production" Demo org profile (Mobile-based client), connected through the
 * consent page over HTTP and made the active profile — the starting point of the console
 * and presentation tests, which are about what happens after connecting.
 */
export async function connectedNorthwindProfile(demo: DemoOrg, app: TestCore, clientName: string) {
  const client = demo.createClient({ type: 'mobile', name: clientName, redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
  const profile = await app.call('profiles:create', {
    name: 'Northwind production',
    orgLabel: 'Northwind',
    service: 'demo',
    environment: 'production',
    dataCentre: 'us',
    clientType: 'mobile',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: CONSOLE_SCOPES,
  });
  const started = await app.call('auth:connect', { profileId: profile.id });
  await app.core.handleDeepLink(await consent(started.authorizeUrl));
  await app.call('profiles:setActive', { id: profile.id });
  return profile;
}
