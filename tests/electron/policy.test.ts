/**
 * The Electron shell's pure decisions, checked in plain Node (Vitest): the app:// file
 * mapping, the trusted-origin test, the IPC sender check, deep-link parsing and queueing.
 * The wiring around them needs real Electron: see tests/electron/app.spec.ts.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDeepLinkQueue } from '../../electron/main/deepLinkQueue';
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  deepLinkFromArgv,
  devProtocolClientArgs,
  isDeepLink,
  isTrustedRendererUrl,
  isTrustedSender,
  resolveRendererFile,
  type FrameLike,
  type WindowLike,
} from '../../electron/main/policy';

describe('isTrustedRendererUrl', () => {
  it('accepts only app://renderer', () => {
    expect(isTrustedRendererUrl('app://renderer/index.html')).toBe(true);
    expect(isTrustedRendererUrl('app://renderer/index.html#/profiles?x=1')).toBe(true);
  });
  it('compares the host exactly (Chromium hands us canonical, lower-case hosts for a standard scheme)', () => {
    expect(isTrustedRendererUrl('APP://renderer/index.html')).toBe(true); // the scheme is always lower-cased
    expect(isTrustedRendererUrl('app://RENDERER/index.html')).toBe(false);
  });
  it.each([
    'app://renderer.evil/index.html',
    'app://evil/index.html',
    'app://renderer:8080/index.html',
    'app://user@renderer/index.html',
    'https://renderer/index.html',
    'file:///renderer/index.html',
    'app-renderer://renderer/',
    'javascript:alert(1)',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isTrustedRendererUrl(url)).toBe(false);
  });
  it('refuses non-strings', () => {
    expect(isTrustedRendererUrl(undefined)).toBe(false);
    expect(isTrustedRendererUrl(null)).toBe(false);
  });
});

describe('resolveRendererFile', () => {
  const root = path.resolve('/srv/app/dist/renderer');
  it('maps paths under the root', () => {
    expect(resolveRendererFile(root, 'app://renderer/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://renderer/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://renderer/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, 'app://renderer/assets/a%20b.png')).toBe(path.join(root, 'assets', 'a b.png'));
  });
  it.each([
    'app://renderer/../../etc/passwd',
    'app://renderer/%2e%2e/%2e%2e/package.json',
    'app://renderer/assets/..%2f..%2f..%2fpackage.json',
    'app://renderer/%2fetc%2fpasswd/..%2f..%2f..',
  ])('never leaves the root: %s', (url) => {
    // URL parsing folds plain and %2e dot segments before we see them; what is left must stay inside.
    const resolved = resolveRendererFile(root, url);
    if (resolved !== null) {
      const relative = path.relative(root, resolved);
      expect(relative.startsWith('..') || path.isAbsolute(relative)).toBe(false);
    }
  });
  it.each(['app://other/index.html', 'https://renderer/index.html', 'app://renderer.evil/index.html'])('refuses other origins: %s', (url) => {
    expect(resolveRendererFile(root, url)).toBeNull();
  });
  it('keeps encoded traversal out', () => {
    expect(resolveRendererFile(root, 'app://renderer/..%2f..%2fpackage.json')).toBeNull();
    expect(resolveRendererFile(root, 'app://renderer/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(root, 'app://renderer/%E0%A4%A')).toBeNull();
  });
  it('keeps Windows back-slash traversal out', () => {
    const winRoot = 'C:\\App\\resources\\app.asar\\dist\\renderer';
    expect(resolveRendererFile(winRoot, 'app://renderer/..%5c..%5c..%5cpackage.json', path.win32)).toBeNull();
    expect(resolveRendererFile(winRoot, 'app://renderer/..%5C..%5Cwindows%5Cwin.ini', path.win32)).toBeNull();
    expect(resolveRendererFile(winRoot, 'app://renderer/assets/x.js', path.win32)).toBe(`${winRoot}\\assets\\x.js`);
    const drive = resolveRendererFile(winRoot, 'app://renderer/C:%5cWindows%5cwin.ini', path.win32);
    expect(drive === null || drive.startsWith(`${winRoot}\\`)).toBe(true);
  });
});

describe('content types and CSP', () => {
  it('serves module scripts as JavaScript', () => {
    expect(contentTypeFor('/x/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeFor('/x/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('/x/style.CSS')).toMatch(/^text\/css/);
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
  it('is the agreed policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});

describe('isTrustedSender', () => {
  const mainFrame: FrameLike = { parent: null, url: 'app://renderer/index.html', frameTreeNodeId: 1 };
  const win = (overrides: Partial<{ destroyed: boolean; id: number; mainFrame: FrameLike }> = {}): WindowLike => ({
    isDestroyed: () => overrides.destroyed ?? false,
    webContents: { id: overrides.id ?? 7, mainFrame: overrides.mainFrame ?? mainFrame },
  });

  it('trusts the main frame of our window on app://renderer', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: mainFrame }, win())).toBe(true);
  });
  it('refuses another webContents', () => {
    expect(isTrustedSender({ sender: { id: 8 }, senderFrame: mainFrame }, win())).toBe(false);
  });
  it('refuses a sub-frame, even on our origin', () => {
    const sub: FrameLike = { parent: mainFrame, url: 'app://renderer/index.html', frameTreeNodeId: 2 };
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: sub }, win())).toBe(false);
  });
  it('refuses a frame that is gone or elsewhere', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: null }, win())).toBe(false);
    const away: FrameLike = { parent: null, url: 'https://example.com/', frameTreeNodeId: 1 };
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: away }, win({ mainFrame: away }))).toBe(false);
  });
  it('refuses a top-level frame that is not the main frame of the window', () => {
    const other: FrameLike = { parent: null, url: 'app://renderer/index.html', frameTreeNodeId: 99 };
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: other }, win())).toBe(false);
  });
  it('refuses when there is no window, or it is destroyed, or reading it throws', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: mainFrame }, null)).toBe(false);
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: mainFrame }, win({ destroyed: true }))).toBe(false);
    const throwing = {
      sender: { id: 7 },
      get senderFrame(): FrameLike {
        throw new Error('Render frame was disposed');
      },
    };
    expect(isTrustedSender(throwing, win())).toBe(false);
  });
});

describe('deep links', () => {
  const link = 'connected-app-console://oauth/callback?code=x&state=forged';
  it('recognises only our scheme', () => {
    expect(isDeepLink(link)).toBe(true);
    expect(isDeepLink('Connected-App-Console://oauth/callback')).toBe(true);
    expect(isDeepLink('connected-app-console://')).toBe(false);
    expect(isDeepLink('https://accounts.zoho.com/')).toBe(false);
    expect(isDeepLink('--connected-app-console://x')).toBe(false);
    expect(isDeepLink(`connected-app-console://${'a'.repeat(9000)}`)).toBe(false);
    expect(isDeepLink(42)).toBe(false);
  });
  it('finds the first link in argv (cold start, second instance)', () => {
    expect(deepLinkFromArgv(['/usr/bin/electron', '/home/me/app', link])).toBe(link);
    expect(deepLinkFromArgv(['app.exe', '--original-process-start-time=1', link, 'connected-app-console://other'])).toBe(link);
    expect(deepLinkFromArgv(['app.exe', '--flag'])).toBeUndefined();
  });
  it('registers the dev app path, not a switch or a link', () => {
    const cwd = path.resolve('/home/me/proj');
    expect(devProtocolClientArgs(['/e/electron', '.'], cwd, '/fallback')).toEqual([cwd]);
    expect(devProtocolClientArgs(['/e/electron', '--inspect=0', '.', link], cwd, '/fallback')).toEqual([cwd]);
    expect(devProtocolClientArgs(['/e/electron'], cwd, path.resolve('/fallback'))).toEqual([path.resolve('/fallback')]);
  });
  it('queues links until the app is ready, then delivers in order', async () => {
    const queue = createDeepLinkQueue({ max: 2 });
    expect(queue.push('https://evil.example/')).toBe(false);
    expect(queue.push(`${link}1`)).toBe(true);
    expect(queue.push(`${link}2`)).toBe(true);
    expect(queue.push(`${link}3`)).toBe(false); // full: a flood before ready is dropped
    const seen: string[] = [];
    queue.open((url) => {
      seen.push(url);
    });
    expect(seen).toEqual([`${link}1`, `${link}2`]);
    expect(queue.push(`${link}4`)).toBe(true);
    expect(seen).toEqual([`${link}1`, `${link}2`, `${link}4`]);
    expect(queue.pending).toBe(0);
  });
  it('reports a failing handler instead of throwing', async () => {
    const errors: unknown[] = [];
    const queue = createDeepLinkQueue({ onError: (e) => errors.push(e) });
    queue.open(async () => {
      throw new Error('boom');
    });
    queue.push(link);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
  });
});
