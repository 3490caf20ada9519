/**
 * Pure decisions the Electron shell makes, kept free of `electron` imports so Vitest can
 * check them in plain Node (tests/electron/policy.test.ts): which page is ours, which file
 * an app:// request may read, what counts as a deep link.
 */
import path from 'node:path';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from '../../shared/app';

/** Our privileged scheme and the one host the renderer lives on: app://renderer/… */
export const APP_PROTOCOL = 'app';
export const RENDERER_HOST = 'renderer';
export const RENDERER_ORIGIN = `${APP_PROTOCOL}://${RENDERER_HOST}`;
export const RENDERER_ENTRY_URL = `${RENDERER_ORIGIN}/index.html`;

/** Sent with every app:// response (one CSP for Electron and browser mode). */
export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** True only for app://renderer/… (parsed with `new URL`, never by string prefix). */
export function isTrustedRendererUrl(url: string | undefined | null): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_PROTOCOL}:` &&
    parsed.hostname === RENDERER_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * The file under `rootDir` that an app:// request may read, or null (other host, bad
 * encoding, NUL byte, or a path that escapes the root — `..`, encoded `%2e%2e%2f`,
 * backslashes on Windows, absolute paths).
 */
export function resolveRendererFile(rootDir: string, requestUrl: string, pathApi: path.PlatformPath = path): string | null {
  if (!isTrustedRendererUrl(requestUrl)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const root = pathApi.resolve(rootDir);
  const target = pathApi.resolve(root, `.${pathname.startsWith('/') ? pathname : `/${pathname}`}`);
  const relative = pathApi.relative(root, target);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return target;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Longest deep link we pass on (the contract's `auth:submitRedirect` allows 8192 too). */
export const MAX_DEEP_LINK_LENGTH = 8192;
const DEEP_LINK_PREFIX = `${APP_SCHEME}://`;

/** A string the OS handed us that looks like one of our links: `connected-app-console://…`. */
export function isDeepLink(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length > DEEP_LINK_PREFIX.length &&
    value.length <= MAX_DEEP_LINK_LENGTH &&
    value.slice(0, DEEP_LINK_PREFIX.length).toLowerCase() === DEEP_LINK_PREFIX
  );
}

/** The first deep link in a command line (cold start, or a second instance's argv), if any. */
export function deepLinkFromArgv(argv: readonly string[]): string | undefined {
  return argv.find((arg) => isDeepLink(arg));
}

/**
 * Arguments for `app.setAsDefaultProtocolClient` when running unpackaged
 * (`electron .` / `electron path/to/app`): the OS must start Electron *with our app path*,
 * or it would open Electron's default app. The app path is the first non-switch argument
 * after the executable, resolved against the working directory.
 */
export function devProtocolClientArgs(argv: readonly string[], cwd: string, fallbackAppPath: string): string[] {
  const entry = argv.slice(1).find((arg) => !arg.startsWith('-') && !isDeepLink(arg));
  return [path.resolve(cwd, entry ?? fallbackAppPath)];
}

/** The parts of an IPC event and a window the sender check reads (structural, so it is testable without Electron). */
export interface FrameLike {
  readonly parent: unknown;
  readonly url: string;
  readonly frameTreeNodeId: number;
}
export interface IpcEventLike {
  readonly sender: { readonly id: number };
  readonly senderFrame: FrameLike | null;
}
export interface WindowLike {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: FrameLike };
}

/**
 * May this IPC call reach the core? Only from the main frame of our window, while that frame
 * shows app://renderer/… Everything else — another webContents, a sub-frame, a frame that
 * navigated away or is gone, a destroyed window — is refused.
 */
export function isTrustedSender(event: IpcEventLike, win: WindowLike | null | undefined): boolean {
  try {
    if (!win || win.isDestroyed()) return false;
    if (event.sender.id !== win.webContents.id) return false;
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    const main = win.webContents.mainFrame;
    if (frame !== main && frame.frameTreeNodeId !== main.frameTreeNodeId) return false;
    return isTrustedRendererUrl(frame.url);
  } catch {
    return false;
  }
}
