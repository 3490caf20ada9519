/**
 * Real-Electron checks (Playwright `_electron`). The app runs unpackaged from this checkout
 * (`electron .` → dist/electron/main.cjs, so `npm run build` first — `npm run test:electron`
 * does), with its data in a throwaway directory (CAC_USER_DATA_DIR) and without registering
 * itself as the OS handler for connected-app-console:// (CAC_SKIP_PROTOCOL_CLIENT=1).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { ELECTRON_SKIP_MESSAGE, electronBinaryPath } from './electronBinary';

const binary = electronBinaryPath();
test.skip(!binary, ELECTRON_SKIP_MESSAGE);
test.describe.configure({ mode: 'serial' });

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FORGED_CALLBACK = 'connected-app-console://oauth/callback?code=x&state=forged';
const RENDERER_PREFIX = 'app://renderer/';

let app: ElectronApplication;
let page: Page;
let userDataDir: string;
let env: Record<string, string>;

test.beforeAll(async () => {
  userDataDir = await mkdtemp(path.join(tmpdir(), 'cac-electron-'));
  env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => typeof e[1] === 'string'));
  delete env.ELECTRON_RUN_AS_NODE;
  env.CAC_USER_DATA_DIR = userDataDir;
  env.CAC_SKIP_PROTOCOL_CLIENT = '1';
  app = await electron.launch({ args: [root], cwd: root, env });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await expect.poll(() => page.evaluate(() => typeof (window as { api?: unknown }).api)).toBe('object');
});

test.afterAll(async () => {
  await app?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('the window is sandboxed, isolated and without Node', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    // getLastWebPreferences() is real but missing from electron.d.ts.
    const wc = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
      | { getLastWebPreferences(): Electron.WebPreferences | null }
      | undefined;
    const p = wc?.getLastWebPreferences();
    return {
      sandbox: p?.sandbox,
      contextIsolation: p?.contextIsolation,
      nodeIntegration: p?.nodeIntegration,
      nodeIntegrationInSubFrames: p?.nodeIntegrationInSubFrames,
      webSecurity: p?.webSecurity,
      webviewTag: p?.webviewTag,
    };
  });
  expect(prefs).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
  });
  expect(page.url()).toBe(`${RENDERER_PREFIX}index.html`);
  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    ipcRenderer: typeof (globalThis as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
});

test('window.api is exactly the contract API, with no ipcRenderer, and reaches the core', async () => {
  const shape = await page.evaluate(() => {
    const api = (window as unknown as { api: Record<string, unknown> }).api;
    return { keys: Object.keys(api).sort(), hasIpc: 'ipcRenderer' in api || 'invoke' in api || 'send' in api };
  });
  expect(shape).toEqual({ keys: ['app', 'auth', 'call', 'crm', 'onEvent', 'profiles'], hasIpc: false });
  const info = await page.evaluate(() =>
    (window as unknown as { api: { app: { info(): Promise<{ ok: boolean; value?: { mode: string } }> } } }).api.app.info(),
  );
  expect(info.ok).toBe(true);
  expect(info.value?.mode).toBe('electron');
});

test('pages come with the strict CSP, and app:// cannot read outside dist/renderer', async () => {
  const result = await page.evaluate(async () => {
    const index = await fetch(location.href);
    const encoded = await fetch('/..%2f..%2fpackage.json');
    const dotted = await fetch('/%2e%2e/%2e%2e/package.json');
    return { csp: index.headers.get('content-security-policy'), encoded: encoded.status, dotted: dotted.status };
  });
  expect(result.csp).toContain("default-src 'self'");
  expect(result.csp).toContain("script-src 'self'");
  expect(result.csp).toContain("object-src 'none'");
  expect(result.csp).toContain("frame-ancestors 'none'");
  expect(result.encoded).toBe(404);
  expect(result.dotted).toBe(404);
});

test('navigation to another origin is blocked', async () => {
  for (const target of ['https://example.com/', 'app://elsewhere/index.html', 'file:///etc/hosts']) {
    await page.evaluate((url) => {
      window.location.href = url;
    }, target);
    await page.waitForTimeout(500);
    expect(page.url().startsWith(RENDERER_PREFIX), `navigating to ${target}`).toBe(true);
  }
});

test('window.open is denied', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/', '_blank') === null);
  expect(opened).toBe(true);
  await page.waitForTimeout(500);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('permission requests are denied', async () => {
  const permission = await page.evaluate(() => Notification.requestPermission());
  expect(permission).toBe('denied');
});

test('a deep link given to a second instance reaches the running app', async () => {
  // Record what main sends to the renderer.
  await app.evaluate(({ BrowserWindow }) => {
    const wc = BrowserWindow.getAllWindows()[0]!.webContents;
    const g = globalThis as unknown as { __cacSent?: { channel: string; payload: unknown }[] };
    g.__cacSent = [];
    const send = wc.send.bind(wc);
    wc.send = (channel: string, ...args: unknown[]) => {
      g.__cacSent!.push({ channel, payload: args[0] });
      send(channel, ...args);
    };
  });

  // What the OS does when the browser hands back our URL: start the app again with it.
  const args = [...(process.platform === 'linux' ? ['--no-sandbox'] : []), root, FORGED_CALLBACK];
  const second = spawn(binary!, args, { cwd: root, env, stdio: 'ignore' });
  const exitCode = await new Promise<number | null>((resolve) => second.on('exit', (code) => resolve(code)));
  expect(exitCode, 'the second instance hands over and quits').toBe(0);

  await expect
    .poll(() =>
      app.evaluate(() => {
        const sent = (globalThis as unknown as { __cacSent?: { channel: string; payload: { type?: string } }[] }).__cacSent ?? [];
        return sent.some((s) => s.channel === 'app:event' && s.payload?.type === 'redirect-refused');
      }),
    )
    .toBe(true);
  await expect(page.getByRole('alert').filter({ hasText: /refused/i })).toBeVisible();
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
