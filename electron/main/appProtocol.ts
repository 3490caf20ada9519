/**
 * The renderer is served from our own privileged scheme, app://renderer/…, never file://:
 * a real origin for the sender checks, a CSP header on every response, and reads confined
 * to dist/renderer.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_PROTOCOL, SECURITY_HEADERS, contentTypeFor, resolveRendererFile } from './policy';

/**
 * Must run before `app` is ready (Electron throws otherwise).
 * - standard: real origin (app://renderer), relative URLs, web storage.
 * - secure: treated like https (secure context), no mixed-content downgrade.
 * - supportFetchAPI + corsEnabled: Vite's `<script type="module">`, modulepreload and
 *   dynamic `import()` are CORS-mode fetches, which Chromium refuses on schemes without
 *   these. CSP `connect-src 'self'` still limits what the page may fetch.
 * Not granted: bypassCSP, allowServiceWorkers, stream.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_PROTOCOL,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** Serve `rootDir` (dist/renderer) on app://renderer/. Call after `app` is ready. */
export function serveRenderer(rootDir: string): void {
  protocol.handle(APP_PROTOCOL, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = resolveRendererFile(rootDir, request.url);
    if (!file) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Cache-Control': 'no-cache' },
    });
  });
}
