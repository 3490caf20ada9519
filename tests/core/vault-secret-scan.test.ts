/**
 * The "nothing secret in plaintext" proof: an end-to-end run over real HTTP against the Demo
 * org (create, connect through consent, read records, refresh, export, duplicate, delete and
 * undo, restart), once with a keychain and once with the passphrase vault. Then every file the
 * app wrote, every IPC response, every event and every log line is scanned for the client
 * secret, the refresh token and the access tokens used — in plain text and in base64.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoOrg, type DemoOrg } from '../../electron/core/demo-org/index';
import { memoryOnlyCipher } from '../../electron/web/nodeAdapters';
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import type { CipherPort } from '../../electron/core/ports';
import { testKeychainCipher } from '../helpers/testCipher';
import { consent, createTestCore, tempDir } from '../helpers/testCore';

let demo: DemoOrg;
let clock = Date.now();
const now = () => clock;
beforeAll(async () => {
  demo = await startDemoOrg({ now });
});
afterAll(async () => {
  await demo.close();
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function run(cipher: CipherPort, passphrase?: string) {
  const dataDir = tempDir('cac-scan-');
  const responses: string[] = [];
  const client = demo.createClient({ type: 'mobile', name: 'Scan', redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
  const open = async () => {
    const t = await createTestCore({ demo, now, dataDir, cipher });
    const dispatch = t.core.dispatch.bind(t.core);
    // Record every IPC answer, as the renderer would receive it.
    const call = async (channel: string, payload?: unknown) => {
      const result = await dispatch(channel, payload);
      responses.push(JSON.stringify(result));
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value as never;
    };
    return { t, call };
  };

  let { t, call } = await open();
  const secrets: string[] = [client.client_secret];
  const logs: string[] = [];
  const events: string[] = [];
  if (passphrase) await call('vault:enablePassphrase', { passphrase });
  const profile: { id: string } = await call('profiles:create', {
    name: 'Scan org',
    orgLabel: 'Northwind',
    service: 'demo',
    environment: 'production',
    dataCentre: 'us',
    clientType: 'mobile',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'],
  });
  const started: { authorizeUrl: string } = await call('auth:connect', { profileId: profile.id });
  await t.core.handleDeepLink(await consent(started.authorizeUrl));
  await call('profiles:list');
  await call('crm:records', { profileId: profile.id, module: 'Leads', fields: ['Last_Name', 'Email'] });
  secrets.push(t.core.internals.vault.get(profile.id, 'refreshToken')!);
  secrets.push((await t.core.internals.tokens.get(profile.id)).token);
  // An hour later: a refresh, so a second access token exists.
  clock += 3600_000;
  await call('crm:records', { profileId: profile.id, module: 'Leads', fields: ['Last_Name'] });
  secrets.push((await t.core.internals.tokens.get(profile.id)).token);
  await call('profiles:export', { ids: [profile.id] });
  await call('profiles:export', { ids: [profile.id], passphrase: 'export passphrase 123' });
  const copy: { id: string } = await call('profiles:duplicate', { id: profile.id, name: 'Scan copy' });
  await call('profiles:delete', { id: copy.id });
  await call('profiles:undoDelete', { id: copy.id });
  await call('app:info');
  await call('vault:status');
  logs.push(...t.logLines);
  events.push(...t.events.map((e) => JSON.stringify(e)));
  await t.core.close();

  // Restart: secrets come back from disk (keychain) or after unlock (passphrase).
  ({ t, call } = await open());
  if (passphrase) await call('vault:unlock', { passphrase });
  await call('crm:records', { profileId: profile.id, module: 'Leads', fields: ['Last_Name'] });
  await call('profiles:list');
  logs.push(...t.logLines);
  events.push(...t.events.map((e) => JSON.stringify(e)));
  await t.core.close();

  expect(secrets.every((s) => typeof s === 'string' && s.length >= 16)).toBe(true);
  expect(new Set(secrets).size).toBe(secrets.length);
  return { dataDir, secrets, responses, logs, events };
}

function expectNoSecrets(haystacks: { where: string; text: string }[], secrets: string[]) {
  const needles = secrets.flatMap((s) => [s, Buffer.from(s).toString('base64'), encodeURIComponent(s)]);
  const leaks = haystacks.flatMap(({ where, text }) => needles.filter((n) => text.includes(n)).map((n) => `${where} contains ${n.slice(0, 6)}…`));
  expect(leaks).toEqual([]);
}

describe('no secret in plaintext, anywhere the app writes or answers', () => {
  for (const [label, cipher, passphrase] of [
    ['with a keychain', testKeychainCipher(), undefined],
    ['with the passphrase vault', memoryOnlyCipher, 'scan passphrase 123'],
  ] as const) {
    it(label, async () => {
      const { dataDir, secrets, responses, logs, events } = await run(cipher, passphrase);
      const files = filesUnder(dataDir);
      expect(files.map((f) => f.slice(dataDir.length + 1))).toEqual(expect.arrayContaining(['profiles.json', 'secrets.json']));
      expectNoSecrets(
        [
          ...files.map((f) => ({ where: f, text: readFileSync(f).toString('latin1') })),
          ...responses.map((text, i) => ({ where: `IPC response ${i}`, text })),
          ...events.map((text, i) => ({ where: `event ${i}`, text })),
          { where: 'logs', text: logs.join('\n') },
        ],
        secrets,
      );
      expect(responses.length).toBeGreaterThanOrEqual(14);
      expect(logs.length).toBeGreaterThan(0);
    });
  }
});
