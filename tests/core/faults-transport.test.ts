/**
 * Network failures are the network's, never "something went wrong inside the app": every
 * transport error undici (fetch) can give maps to NETWORK or TIMEOUT, the hint fits where
 * the host is (the Demo org runs on this computer), and the log gets the code, not the URL.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { mapTokenError, mapTransportError, transportCodeOf, withoutQueries } from '../../electron/core/oauth/oauthErrors';
import { consent } from '../helpers/testCore';
import { setupProfile, sharedClock, type TestCore } from '../helpers/oauth';

/** Shaped like undici's errors: fetch rejects with TypeError("fetch failed") whose cause has the code. */
function undiciError(code: string, name: string, message: string): TypeError {
  const cause = Object.assign(new Error(message), { name, code });
  return new TypeError('fetch failed', { cause });
}
function osError(code: string, syscall = 'connect'): TypeError {
  const cause = Object.assign(new Error(`${syscall} ${code} 10.1.2.3:443`), { code, errno: -1, syscall, address: '10.1.2.3', port: 443 });
  return new TypeError('fetch failed', { cause });
}

describe('transport errors → NETWORK or TIMEOUT, never INTERNAL', () => {
  const zoho = { host: 'www.zohoapis.com' };
  const cases: [string, unknown, 'NETWORK' | 'TIMEOUT'][] = [
    ['connect timeout (connections silently dropped)', undiciError('UND_ERR_CONNECT_TIMEOUT', 'ConnectTimeoutError', 'Connect Timeout Error (attempted address: www.zohoapis.com:443, timeout: 10000ms)'), 'TIMEOUT'],
    ['headers timeout', undiciError('UND_ERR_HEADERS_TIMEOUT', 'HeadersTimeoutError', 'Headers Timeout Error'), 'TIMEOUT'],
    ['body timeout', undiciError('UND_ERR_BODY_TIMEOUT', 'BodyTimeoutError', 'Body Timeout Error'), 'TIMEOUT'],
    ['socket closed by the other side', undiciError('UND_ERR_SOCKET', 'SocketError', 'other side closed'), 'NETWORK'],
    ['ETIMEDOUT from the OS', osError('ETIMEDOUT'), 'TIMEOUT'],
    ['EHOSTUNREACH', osError('EHOSTUNREACH'), 'NETWORK'],
    ['ENETUNREACH', osError('ENETUNREACH'), 'NETWORK'],
    ['ECONNREFUSED', osError('ECONNREFUSED'), 'NETWORK'],
    ['ENOTFOUND (DNS)', osError('ENOTFOUND', 'getaddrinfo'), 'NETWORK'],
    [
      'every address refused (AggregateError, happy eyeballs)',
      new TypeError('fetch failed', {
        cause: Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:443'), { code: 'ECONNREFUSED' }), Object.assign(new Error('connect EHOSTUNREACH 10.0.0.1:443'), { code: 'EHOSTUNREACH' })]), { code: 'ECONNREFUSED' }),
      }),
      'NETWORK',
    ],
    ['AggregateError without a code of its own', new TypeError('fetch failed', { cause: new AggregateError([Object.assign(new Error('x'), { code: 'ENETUNREACH' })]) }), 'NETWORK'],
    ['a bare TypeError("fetch failed")', new TypeError('fetch failed'), 'NETWORK'],
    ['fetch failed with an unknown transport code', undiciError('UND_ERR_SOMETHING_NEW', 'UndiciError', 'new'), 'NETWORK'],
    ['a body cut off mid-way (TypeError: terminated)', new TypeError('terminated', { cause: undiciError('UND_ERR_SOCKET', 'SocketError', 'other side closed') }), 'NETWORK'],
    ['our own timer', new DOMException('The operation timed out.', 'TimeoutError'), 'TIMEOUT'],
  ];
  for (const [what, error, code] of cases) {
    it(`${what} → ${code}`, () => {
      const mapped = mapTransportError(error, zoho);
      expect(mapped.code).toBe(code);
      expect(mapped.message).toContain('www.zohoapis.com');
      // The token endpoint's mapping agrees (not OAUTH_UNKNOWN).
      expect(mapTokenError(error, zoho).code).toBe(code);
    });
  }

  it('keeps the transport code in "Show details" and for the log', () => {
    const error = undiciError('UND_ERR_CONNECT_TIMEOUT', 'ConnectTimeoutError', 'Connect Timeout Error');
    expect(mapTransportError(error, zoho).details).toContain('UND_ERR_CONNECT_TIMEOUT');
    expect(transportCodeOf(error)).toBe('UND_ERR_CONNECT_TIMEOUT');
    expect(transportCodeOf(osError('EHOSTUNREACH'))).toBe('EHOSTUNREACH');
  });

  it('still says INTERNAL for what is not a transport failure (a bug in the app)', () => {
    expect(mapTransportError(new RangeError('Invalid array length')).code).toBe('INTERNAL');
    expect(mapTransportError(new TypeError('Cannot read properties of undefined')).code).toBe('INTERNAL');
  });

  it('tells to check the internet connection for Zoho, but not for the Demo org on this computer', () => {
    const error = osError('ECONNREFUSED');
    expect(mapTransportError(error, zoho).hint).toMatch(/internet connection/);
    for (const host of ['127.0.0.1:47109', 'localhost:8080', '[::1]:43005']) {
      const local = mapTransportError(error, { host });
      expect(local.code).toBe('NETWORK');
      expect(local.message).toContain('Demo org');
      expect(local.hint).toMatch(/The Demo org runs inside this app/);
      expect(local.hint).toMatch(/restart the app/);
      expect(local.hint).not.toMatch(/check your internet/i);
    }
  });

  it('log lines lose URL queries', () => {
    expect(withoutQueries('GET https://www.zohoapis.com/crm/v8/Leads/search?email=a@b.c failed')).toBe('GET https://www.zohoapis.com/crm/v8/Leads/search failed');
  });
});

describe('a server that accepts connections and never answers', () => {
  const clock = sharedClock();
  let demo: DemoOrg;
  let blackHole: Server;
  const sockets = new Set<Socket>();
  let blackHoleOrigin = '';
  const DISPATCHER = Symbol.for('undici.globalDispatcher.1');
  const globals = globalThis as unknown as Record<symbol, { constructor: new (options: object) => unknown } | undefined>;
  let previousDispatcher: unknown;
  beforeAll(async () => {
    demo = await startDemoOrg({ now: clock.now });
    blackHole = createServer((socket) => void sockets.add(socket)); // accepts, never writes
    await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', r));
    blackHoleOrigin = `http://127.0.0.1:${(blackHole.address() as { port: number }).port}`;
    // fetch's own (undici's) timers, shortened the way a silently dropping network trips them:
    // the same global dispatcher Node's fetch uses, with a one-second headers timeout.
    await fetch(`${demo.origins.console}/console/api/users`);
    previousDispatcher = globals[DISPATCHER];
    const Agent = globals[DISPATCHER]!.constructor;
    globals[DISPATCHER] = new Agent({ headersTimeout: 500, bodyTimeout: 500, connectTimeout: 500 }) as never;
  });
  afterAll(async () => {
    globals[DISPATCHER] = previousDispatcher as never;
    for (const s of sockets) s.destroy();
    blackHole.close();
    await demo.close();
  });
  const cores: TestCore[] = [];
  afterEach(async () => {
    while (cores.length) await cores.pop()!.core.close();
  });

  it('a records call answers TIMEOUT (not INTERNAL) within the timeout, and the log has the code without the query', async () => {
    const t = await setupProfile(demo, clock, { type: 'mobile' });
    cores.push(t);
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl));
    // The API host now swallows connections (a firewall dropping them, a dead proxy).
    const { token, expiresAt } = (await t.core.internals.tokens.get(t.profile.id)) as { token: string; expiresAt?: number };
    t.core.internals.tokens.accept(t.profile.id, { accessToken: token, expiresAt: expiresAt ?? clock.now() + 3600_000 }, blackHoleOrigin);
    const began = Date.now();
    const result = await t.callRaw('crm:records', { profileId: t.profile.id, module: 'Leads', fields: ['Last_Name'], page: 1, perPage: 1 });
    expect(Date.now() - began).toBeLessThan(5000);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TIMEOUT');
    expect(result.error.code).not.toBe('INTERNAL');
    expect(result.error.hint).not.toMatch(/check your internet/i);
    const line = t.logLines.find((l) => l.includes('network failure'));
    expect(line).toBeTruthy();
    expect(line).toContain('UND_ERR_HEADERS_TIMEOUT');
    expect(line).toContain('crm:records');
    expect(t.logLines.join('\n')).not.toMatch(/fields=|Last_Name|per_page/);
  }, 10_000);

  it('a token exchange against it answers TIMEOUT too', async () => {
    const t = await setupProfile(demo, clock, { type: 'mobile' });
    cores.push(t);
    t.core.internals.net.timeoutMs = 30_000; // undici's own timer must be the one that trips
    const started = await t.call('auth:connect', { profileId: t.profile.id });
    const redirect = new URL(await consent(started.authorizeUrl));
    // The redirect names an allowed accounts server that swallows connections.
    const hosts = t.core.internals.hosts;
    const origins = hosts.demoOrigins!;
    hosts.setDemoOrigins({ ...origins, accounts: { ...origins.accounts, us: blackHoleOrigin } });
    redirect.searchParams.set('accounts-server', blackHoleOrigin);
    const outcome = await Promise.race([
      t.core.handleDeepLink(redirect.toString()).then(() => 'done'),
      new Promise((r) => setTimeout(() => r('hung'), 5000)),
    ]);
    hosts.setDemoOrigins(origins);
    expect(outcome).toBe('done');
    const event = [...t.events].reverse().find((e) => e.type === 'auth-finished') as { ok: boolean; error?: { code: string } };
    expect(event).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  }, 10_000);
});
