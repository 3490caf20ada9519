/**
 * Import and export over the real core: plain export without secrets, encrypted bundle with
 * secrets under a passphrase, preview of what changes, keep both / replace / skip, and a
 * wrong passphrase or damaged file that changes nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../shared/ipc/contract';
import { createTestCore } from '../helpers/testCore';

const SECRET = 'a11ce5ecreta11ce5ecreta11ce5ecret0001';
const PASS = 'river otter lantern 42';
const base: ProfileInput = {
  name: 'Acme production',
  orgLabel: 'Acme',
  environment: 'production',
  dataCentre: 'eu',
  clientType: 'server',
  loopbackPort: 54111,
  clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
  clientSecret: SECRET,
  multiDc: true,
  clientSecretsByDc: { in: 'india-secret-value-000001' },
  scopes: ['ZohoCRM.modules.ALL'],
  notes: 'Main org',
};

const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function core() {
  const t = await createTestCore();
  cores.push(t.core);
  return t;
}

describe('export and import', () => {
  it('plain export carries no secret, and imports back into another computer', async () => {
    const a = await core();
    const p1 = await a.call('profiles:create', base);
    const p2 = await a.call('profiles:create', { ...base, name: 'Bluebird sandbox', orgLabel: 'Bluebird', environment: 'sandbox', clientType: 'mobile' });
    const file = await a.call('profiles:export', { ids: [p1.id, p2.id] });
    expect(file).toMatchObject({ count: 2, encrypted: false, fileName: expect.stringMatching(/^cac-profiles-\d{4}-\d\d-\d\d\.json$/) });
    expect(file.contents).not.toContain(SECRET);
    expect(file.contents).not.toContain('india-secret');
    expect(JSON.parse(file.contents)).toMatchObject({ format: 'connected-app-console/profiles', version: 1, secrets: false });

    const b = await core();
    const preview = await b.call('profiles:previewImport', { contents: file.contents });
    expect(preview.items.map((i) => [i.name, i.action, i.withSecret])).toEqual([
      ['Acme production', 'add', false],
      ['Bluebird sandbox', 'add', false],
    ]);
    const outcome = await b.call('profiles:import', { contents: file.contents });
    expect(outcome).toEqual({ added: ['Acme production', 'Bluebird sandbox'], replaced: [], skipped: [] });
    const list = await b.call('profiles:list');
    expect(list.find((p) => p.name === 'Acme production')).toMatchObject({
      orgLabel: 'Acme',
      clientType: 'server',
      loopbackPort: 54111,
      multiDc: true,
      hasClientSecret: false,
      notes: 'Main org',
      connection: { status: 'not-connected' },
    });
  });

  it('encrypted bundle: secrets travel under the passphrase, only ciphertext in the file', async () => {
    const a = await core();
    const p1 = await a.call('profiles:create', base);
    const file = await a.call('profiles:export', { ids: [p1.id], passphrase: PASS });
    expect(file.encrypted).toBe(true);
    expect(file.contents).not.toContain(SECRET);
    expect(file.contents).not.toContain('Acme production'); // even the names are inside the ciphertext

    const b = await core();
    expect(await b.callRaw('profiles:previewImport', { contents: file.contents })).toMatchObject({ ok: false, error: { code: 'IMPORT_NEEDS_PASSPHRASE' } });
    const preview = await b.call('profiles:previewImport', { contents: file.contents, passphrase: PASS });
    expect(preview).toMatchObject({ encrypted: true, items: [{ name: 'Acme production', action: 'add', withSecret: true }] });
    await b.call('profiles:import', { contents: file.contents, passphrase: PASS });
    const [imported] = await b.call('profiles:list');
    expect(imported).toMatchObject({ hasClientSecret: true, dcSecrets: ['in'] });
    expect(b.core.internals.vault.get(imported!.id, 'clientSecret')).toBe(SECRET);
    expect(b.core.internals.vault.get(imported!.id, 'refreshToken')).toBeUndefined(); // never exported
  });

  it('a wrong passphrase or a damaged file: a clear error, and nothing changed', async () => {
    const a = await core();
    const p1 = await a.call('profiles:create', base);
    const file = await a.call('profiles:export', { ids: [p1.id], passphrase: PASS });
    const b = await core();
    await b.call('profiles:create', { ...base, name: 'Already here' });
    const before = readFileSync(join(b.dataDir, 'profiles.json'), 'utf8');
    const beforeSecrets = readFileSync(join(b.dataDir, 'secrets.json'), 'utf8');

    const wrong = await b.callRaw('profiles:import', { contents: file.contents, passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'IMPORT_WRONG_PASSPHRASE', message: expect.stringMatching(/does not open this file/) } });

    const json = JSON.parse(file.contents);
    json.encrypted.ct = json.encrypted.ct.slice(0, -8) + 'AAAAAAAA';
    const tampered = await b.callRaw('profiles:import', { contents: JSON.stringify(json), passphrase: PASS });
    expect(tampered).toMatchObject({ ok: false, error: { code: 'IMPORT_WRONG_PASSPHRASE' } });

    const plain = await a.call('profiles:export', { ids: [p1.id] });
    for (const damaged of [plain.contents.slice(0, 50), '{"hello":"world"}', plain.contents.replace('"clientId": "1000.', '"clientId": "2000.')]) {
      const result = await b.callRaw('profiles:import', { contents: damaged });
      expect(result).toMatchObject({ ok: false, error: { code: 'IMPORT_DAMAGED', hint: expect.stringMatching(/Nothing was changed/) } });
    }
    expect(readFileSync(join(b.dataDir, 'profiles.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(b.dataDir, 'secrets.json'), 'utf8')).toBe(beforeSecrets);
  });

  it('a profile that already exists: the preview says what changes; keep both, replace or skip', async () => {
    const t = await core();
    const p1 = await t.call('profiles:create', base);
    const p2 = await t.call('profiles:create', { ...base, name: 'Second', clientType: 'mobile' });
    const file = await t.call('profiles:export', { ids: [p1.id, p2.id] });
    // Change p1 here after the export.
    await t.call('profiles:update', { id: p1.id, changes: { notes: 'changed here', scopes: ['ZohoCRM.users.READ'] } });
    const preview = await t.call('profiles:previewImport', { contents: file.contents });
    expect(preview.items[0]).toMatchObject({ action: 'exists', existing: { id: p1.id }, changes: ['scopes', 'notes'] });
    expect(preview.items[1]).toMatchObject({ action: 'exists', existing: { id: p2.id }, changes: [] });

    const outcome = await t.call('profiles:import', { contents: file.contents, decisions: { '0': 'replace', '1': 'keep-both' } });
    expect(outcome).toEqual({ added: ['Second (2)'], replaced: ['Acme production'], skipped: [] });
    const list = await t.call('profiles:list');
    expect(list.find((p) => p.id === p1.id)).toMatchObject({ notes: 'Main org', scopes: ['ZohoCRM.modules.ALL'], hasClientSecret: true });
    expect(list.map((p) => p.name).sort()).toEqual(['Acme production', 'Second', 'Second (2)']);

    const skipped = await t.call('profiles:import', { contents: file.contents, decisions: { '0': 'skip', '1': 'skip' } });
    expect(skipped).toEqual({ added: [], replaced: [], skipped: ['Acme production', 'Second'] });
    expect((await t.call('profiles:list')).length).toBe(3);
  });
});
