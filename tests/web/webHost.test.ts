/**
 * Browser mode's host: only the browser holding the one-time token, on our own Host and
 * Origin, can drive the core. Real HTTP on 127.0.0.1, real core, real renderer files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { createTestCore, tempDir } from '../helpers/testCore';

let host: WebHost;
let closeCore: () => Promise<void>;

beforeAll(async () => {
  const rendererDir = tempDir('cac-renderer-');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const t = await createTestCore();
  closeCore = () => t.core.close();
  host = await startWebHost({ core: t.core, rendererDir });
});
afterAll(async () => {
  await host.close();
  await closeCore();
});

/** A raw request, so Host and Origin can be set to anything (fetch won't let us forge Host). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const url = new URL(host.origin);
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: options.method ?? 'GET', headers: { Host: url.host, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const invoke = (headers: Record<string, string>) =>
  raw('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ channel: 'profiles:list' }) });

describe('browser mode host', () => {
  it('puts the token in the fragment of the URL it prints, never in a request line', () => {
    expect(host.url).toBe(`${host.origin}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await raw('/assets/app.js')).status).toBe(200);
  });

  it('answers the contract only with the token', async () => {
    expect((await invoke({})).status).toBe(401);
    expect((await invoke({ Authorization: 'Bearer wrong-token' })).status).toBe(401);
    const good = await invoke({ Authorization: `Bearer ${host.token}` });
    expect(good.status).toBe(200);
    expect(JSON.parse(good.body)).toEqual({ ok: true, value: [] });
  });

  it('refuses another Host (DNS rebinding) and another Origin, even with the token', async () => {
    expect((await invoke({ Authorization: `Bearer ${host.token}`, Host: 'evil.example' })).status).toBe(403);
    expect((await raw('/', { headers: { Host: `evil.example:${new URL(host.origin).port}` } })).status).toBe(403);
    expect((await invoke({ Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await invoke({ Authorization: `Bearer ${host.token}`, Origin: host.origin })).status).toBe(200);
  });

  it('refuses the event stream without the token', async () => {
    expect((await raw('/api/events')).status).toBe(401);
  });

  it('does not serve files outside the renderer folder', async () => {
    expect((await raw('/../package.json')).status).toBe(404);
    expect((await raw('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });

  it('answers malformed calls with an error, not a crash', async () => {
    const auth = { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' };
    expect((await raw('/api/invoke', { method: 'POST', headers: auth, body: '{not json' })).status).toBe(400);
    const unknown = await raw('/api/invoke', { method: 'POST', headers: auth, body: JSON.stringify({ channel: 'shell:exec', payload: 'rm -rf /' }) });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
