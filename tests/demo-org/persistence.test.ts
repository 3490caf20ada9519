import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemoOrg } from '../../electron/core/demo-org';
import { api, connect, tokenCall } from './helpers';

describe('Demo org state file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-org-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('§3.4 with a state file, clients and refresh tokens survive a restart (refresh tokens never expire)', async () => {
    const file = join(dir, 'state.json');
    const first = await startDemoOrg({ stateFile: file });
    const conn = await connect(first);
    await first.close();
    expect(readFileSync(file, 'utf8')).toContain(conn.client.client_id);

    const second = await startDemoOrg({ stateFile: file });
    try {
      const { body } = await tokenCall(second.origins.accounts['us']!, {
        grant_type: 'refresh_token',
        client_id: conn.client.client_id,
        client_secret: conn.client.client_secret,
        refresh_token: conn.refresh!,
      });
      expect(body['access_token']).toEqual(expect.any(String));
      // Ports changed on restart; the new token works at the new API origin.
      expect((await api({ access: String(body['access_token']), apiDomain: String(body['api_domain']) }, 'org')).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('without a state file nothing is written and a restart forgets the client', async () => {
    const first = await startDemoOrg();
    const conn = await connect(first);
    await first.close();
    const second = await startDemoOrg();
    try {
      const { body } = await tokenCall(second.origins.accounts['us']!, { grant_type: 'refresh_token', client_id: conn.client.client_id, client_secret: conn.client.client_secret, refresh_token: conn.refresh! });
      expect(body).toEqual({ error: 'invalid_client' });
    } finally {
      await second.close();
    }
  });

  it('an unreadable state file is moved aside with a timestamp, not overwritten', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{not json');
    const demo = await startDemoOrg({ stateFile: file });
    await demo.close();
    expect(existsSync(file)).toBe(false);
    const aside = readdirSync(dir).filter((n) => n.startsWith('broken.json.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe('{not json');
    expect(demo.notes[0]).toMatch(/moved to/);
  });
});
