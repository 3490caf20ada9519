import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../electron/core/demo-org';
import { DATA_CENTRE_IDS } from '../../shared/zoho/dataCentres';
import { start } from './helpers';

describe('Demo org origins', () => {
  let demo: DemoOrg;
  beforeAll(async () => {
    demo = await start();
  });
  afterAll(() => demo.close());

  it('§1.1 every data centre has its own accounts origin and one API origin per environment, all on 127.0.0.1', () => {
    const all = [
      ...Object.values(demo.origins.accounts),
      ...Object.values(demo.origins.api).flatMap((e) => [e.production, e.sandbox, e.developer]),
      demo.origins.console,
    ];
    for (const dc of ['us', 'eu', 'in']) expect(demo.origins.accounts[dc]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Object.keys(demo.origins.api).sort()).toEqual([...DATA_CENTRE_IDS].sort());
    expect(new Set(all).size).toBe(all.length);
    for (const origin of all) expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('§1.1 GET {us accounts}/oauth/serverinfo answers with the DC map', async () => {
    const res = await fetch(`${demo.origins.accounts['us']}/oauth/serverinfo`);
    const body = (await res.json()) as { result: string; locations: Record<string, string> };
    expect(res.status).toBe(200);
    expect(body.result).toBe('success');
    expect(body.locations['eu']).toBe(demo.origins.accounts['eu']);
    expect(body.locations['in']).toBe(demo.origins.accounts['in']);
    // China is a separate world on Zoho ([CRM-MDC]); serverinfo does not list it.
    expect(body.locations['cn']).toBeUndefined();
  });

  it('§1.3 each accounts origin publishes a discovery document whose issuer is that origin', async () => {
    const eu = demo.origins.accounts['eu']!;
    const doc = (await (await fetch(`${eu}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc['issuer']).toBe(eu);
    expect(doc['token_endpoint']).toBe(`${eu}/oauth/v2/token`);
    expect(doc['code_challenge_methods_supported']).toEqual(['plain', 'S256']);
  });

  it('§1.1 npm run demo-org prints the origins JSON as its first stdout line', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/core/demo-org/cli.ts'], {
      cwd: process.cwd(),
      env: { ...process.env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const nl = out.indexOf('\n');
          if (nl >= 0) resolve(out.slice(0, nl));
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      const origins = JSON.parse(firstLine) as { accounts: Record<string, string>; api: Record<string, unknown>; console: string };
      expect(Object.keys(origins.accounts)).toEqual(expect.arrayContaining(['us', 'eu', 'in']));
      const res = await fetch(`${origins.accounts['us']}/oauth/serverinfo`);
      expect(res.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
