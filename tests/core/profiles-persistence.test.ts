/**
 * Persistence that loses nothing, over the real store (conf) on a temp dir: round trips,
 * migration from every earlier version, each corruption case, 0600 secrets, undo delete,
 * duplicate, and the list/sort facts the UI relies on.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../shared/ipc/contract';
import { migrateProfilesFile, PROFILES_FILE_VERSION } from '../../electron/core/profiles/migrations';
import { salvageProfiles } from '../../electron/core/profiles/salvage';
import { ProfilesFileSchema, profilesJsonSchema } from '../../electron/core/profiles/storedProfile';
import { testKeychainCipher } from '../helpers/testCipher';
import { createTestCore, tempDir } from '../helpers/testCore';

const CLIENT_ID = '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123';
const SECRET = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed42';
const base: ProfileInput = {
  name: 'Acme EU sandbox',
  orgLabel: 'Acme',
  service: 'zoho',
  environment: 'sandbox',
  dataCentre: 'eu',
  clientType: 'server',
  loopbackPort: 53999,
  loopbackPath: '/cb',
  clientId: CLIENT_ID,
  clientSecret: SECRET,
  scopes: ['ZohoCRM.modules.leads.READ'],
  notes: 'Call Bob first',
};

const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function core(options: Parameters<typeof createTestCore>[0] = {}) {
  const t = await createTestCore(options);
  cores.push(t.core);
  return t;
}
async function reopen(t: { core: { close(): Promise<void> }; dataDir: string }, cipher = testKeychainCipher()) {
  await t.core.close();
  cores.splice(cores.indexOf(t.core), 1);
  return core({ dataDir: t.dataDir, cipher });
}

/** A version 1 file as the walking skeleton wrote it (no multiDc, no updatedAt, loose optional fields). */
function v1File() {
  return {
    version: 1,
    activeProfileId: 'b',
    profiles: [
      {
        id: 'a',
        name: 'Old mobile',
        environment: 'production',
        dataCentre: 'us',
        clientType: 'mobile',
        loopbackPort: 5000,
        clientId: CLIENT_ID,
        scopes: ['ZohoCRM.modules.ALL'],
        createdAt: 1_700_000_000_000,
      },
      {
        id: 'b',
        name: 'Old server',
        orgLabel: 'Bluebird',
        colour: '#aa0000',
        service: 'demo',
        environment: 'sandbox',
        dataCentre: 'eu',
        clientType: 'server',
        loopbackPort: 54000,
        loopbackPath: '/oauth/callback',
        clientId: CLIENT_ID,
        scopes: ['ZohoCRM.users.READ'],
        notes: 'n',
        readOnly: true,
        isBuiltInDemo: false,
        createdAt: 1_700_000_000_001,
        lastUsedAt: 1_700_000_000_500,
        connection: { accountsServer: 'https://accounts.zoho.eu', apiDomain: 'https://www.zohoapis.eu', orgName: 'Bluebird', connectedAt: 1_700_000_000_400 },
      },
    ],
  };
}

describe('profiles on disk', () => {
  it('round-trips every field through a restart, secrets in a 0600 file and never in profiles.json', async () => {
    const t = await core();
    const created = await t.call('profiles:create', { ...base, multiDc: true, clientSecretsByDc: { in: 'in-secret-value-123' } });
    await t.call('profiles:setActive', { id: created.id });
    const again = await reopen(t);
    const [loaded] = await again.call('profiles:list');
    expect(loaded).toMatchObject({
      id: created.id,
      name: base.name,
      orgLabel: 'Acme',
      environment: 'sandbox',
      dataCentre: 'eu',
      clientType: 'server',
      loopbackPort: 53999,
      loopbackPath: '/cb',
      notes: 'Call Bob first',
      multiDc: true,
      dcSecrets: [], // another "keychain": the secrets can no longer be decrypted…
      hasClientSecret: false,
      connection: { status: 'secret-missing' }, // …so the profile says "secret missing", never shows ciphertext
    });
    expect((await again.call('app:info')).activeProfileId).toBe(created.id);
    const profilesJson = readFileSync(join(t.dataDir, 'profiles.json'), 'utf8');
    expect(JSON.parse(profilesJson).version).toBe(PROFILES_FILE_VERSION);
    expect(profilesJson).not.toContain(SECRET);
    const secretsPath = join(t.dataDir, 'secrets.json');
    expect(statSync(secretsPath).mode & 0o777).toBe(0o600);
    const secrets = readFileSync(secretsPath, 'utf8');
    expect(secrets).not.toContain(SECRET);
    const sealed = JSON.parse(secrets).entries[created.id].clientSecret;
    expect(sealed).toMatchObject({ v: 2, alg: 'safeStorage:test-keychain' });
    expect(typeof sealed.ct).toBe('string');
  });

  it('every file written matches the schema of the current version (also published as JSON Schema)', async () => {
    const t = await core();
    await t.call('profiles:create', base);
    await t.call('profiles:create', { ...base, name: 'Mobile', clientType: 'mobile' });
    const onDisk = JSON.parse(readFileSync(join(t.dataDir, 'profiles.json'), 'utf8'));
    expect(ProfilesFileSchema.safeParse(onDisk).success).toBe(true);
    const schema = profilesJsonSchema() as { properties: { profiles: { items: { required: string[] } } } };
    expect(schema.properties.profiles.items.required).toEqual(expect.arrayContaining(['id', 'name', 'clientId', 'dataCentre', 'scopes']));
  });

  it('keeps secrets across a restart with the same keychain', async () => {
    const cipher = testKeychainCipher();
    const t = await core({ cipher });
    const created = await t.call('profiles:create', { ...base, multiDc: true, clientSecretsByDc: { in: 'in-secret-value-123' } });
    const again = await reopen(t, cipher);
    const [loaded] = await again.call('profiles:list');
    expect(loaded).toMatchObject({ id: created.id, hasClientSecret: true, dcSecrets: ['in'] });
    expect(again.core.internals.vault.get(created.id, 'clientSecret')).toBe(SECRET);
  });

  it('migrates a version 1 file (as written by hand) to version 2, keeping a backup of the original', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify(v1File(), null, 2));
    const t = await core({ dataDir });
    const list = await t.call('profiles:list');
    expect(list.map((p) => p.name)).toEqual(['Old mobile', 'Old server']);
    const [mobile, server] = list;
    expect(mobile).toMatchObject({ multiDc: false, orgLabel: '', colour: '#2f6fde', service: 'zoho', notes: '', readOnly: false, updatedAt: 1_700_000_000_000 });
    expect(mobile!.loopbackPort).toBeUndefined();
    expect(server).toMatchObject({ orgLabel: 'Bluebird', service: 'demo', readOnly: true, loopbackPort: 54000, lastUsedAt: 1_700_000_000_500 });
    expect(server!.connection.orgName).toBe('Bluebird');
    expect((await t.call('app:info')).activeProfileId).toBe('b');
    expect((await t.call('app:info')).notices).toEqual([]);
    const onDisk = JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8'));
    expect(onDisk.version).toBe(2);
    expect(onDisk.profiles[0].multiDc).toBe(false);
    const backup = readdirSync(dataDir).find((f) => f.startsWith('profiles.v1-backup-'));
    expect(backup).toBeDefined();
    expect(JSON.parse(readFileSync(join(dataDir, backup!), 'utf8'))).toEqual(v1File());
  });

  it('reads a file without a version number as version 1', async () => {
    const dataDir = tempDir();
    const { version: _drop, ...unversioned } = v1File();
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify(unversioned));
    const t = await core({ dataDir });
    expect((await t.call('profiles:list')).length).toBe(2);
    expect(JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).version).toBe(2);
  });

  it('migration steps are pure and run from every earlier version', () => {
    for (let v = 1; v < PROFILES_FILE_VERSION; v += 1) {
      const input = { ...v1File(), version: v };
      const copy = JSON.parse(JSON.stringify(input));
      const { file, from } = migrateProfilesFile(input);
      expect(from).toBe(v);
      expect(file.version).toBe(PROFILES_FILE_VERSION);
      expect(input).toEqual(copy); // input untouched
    }
    expect(migrateProfilesFile({ version: 99, profiles: [] }).newer).toBe(true);
    // An active id that names no profile is cleared.
    expect(migrateProfilesFile({ ...v1File(), activeProfileId: 'gone' }).file.activeProfileId).toBeNull();
  });

  it('a truncated file: moved aside with a timestamp, the user told where, every whole profile recovered', async () => {
    const t = await core();
    await t.call('profiles:create', base);
    await t.call('profiles:create', { ...base, name: 'Second', clientType: 'mobile' });
    await t.call('profiles:create', { ...base, name: 'Third', clientType: 'mobile' });
    const dataDir = t.dataDir;
    const file = join(dataDir, 'profiles.json');
    const text = readFileSync(file, 'utf8');
    // Cut inside the third profile.
    writeFileSync(file, text.slice(0, text.lastIndexOf('"Third"') + 3));
    const again = await reopen(t);
    expect((await again.call('profiles:list')).map((p) => p.name)).toEqual(['Acme EU sandbox', 'Second']);
    const info = await again.call('app:info');
    expect(info.notices[0]).toMatch(/could not be read, so it was moved aside to .*profiles\.unreadable-.*2 profile\(s\) were recovered/);
    const aside = readdirSync(dataDir).find((f) => f.startsWith('profiles.unreadable-'))!;
    expect(readFileSync(join(dataDir, aside), 'utf8')).toBe(text.slice(0, text.lastIndexOf('"Third"') + 3));
    // The recovered profiles are on disk again, in a valid file.
    expect(JSON.parse(readFileSync(file, 'utf8')).profiles.length).toBe(2);
  });

  it('invalid JSON and an empty file are moved aside and reported, never silently emptied', async () => {
    for (const content of ['not json at all', '']) {
      const dataDir = tempDir();
      writeFileSync(join(dataDir, 'profiles.json'), content);
      const t = await core({ dataDir });
      const info = await t.call('app:info');
      expect(info.notices.join(' ')).toMatch(/could not be read, so it was moved aside/);
      expect(readdirSync(dataDir).some((f) => f.startsWith('profiles.unreadable-'))).toBe(true);
    }
  });

  it('a schema violation at the top (profiles not a list) is moved aside and reported', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ version: 2, profiles: 'oops', activeProfileId: null }));
    const t = await core({ dataDir });
    expect((await t.call('app:info')).notices[0]).toMatch(/did not have the expected layout.*moved aside to .*profiles\.damaged-/);
    expect(await t.call('profiles:list')).toEqual([]);
    await t.call('profiles:create', base); // and the app carries on writing a good file
    expect(JSON.parse(readFileSync(join(dataDir, 'profiles.json'), 'utf8')).profiles.length).toBe(1);
  });

  it('a schema violation in one profile keeps all the others and a copy of the whole file', async () => {
    const dataDir = tempDir();
    const file = v1File();
    (file.profiles as unknown[]).push({ id: 'c', name: 'Broken', environment: 'moon' }, 'not even an object');
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify(file));
    const t = await core({ dataDir });
    expect((await t.call('profiles:list')).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await t.call('app:info')).notices[0]).toMatch(/2 profile\(s\).*damaged.*kept at .*profiles\.damaged-.*2 good profile\(s\) were kept/);
  });

  it('a file from a newer version: loads what it understands, keeps a copy, says so', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ ...v1File(), version: 7 }));
    const t = await core({ dataDir });
    expect((await t.call('profiles:list')).length).toBe(2);
    expect((await t.call('app:info')).notices[0]).toMatch(/newer version.*will not change that file.*a copy of it was also kept/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('profiles.from-newer-version-7-'))).toBe(true);
  });

  it('an unreadable secrets file is moved aside; profiles stay, the app starts', async () => {
    const t = await core();
    const created = await t.call('profiles:create', base);
    writeFileSync(join(t.dataDir, 'secrets.json'), '{"version":1,"entries":{');
    const again = await reopen(t);
    expect((await again.call('profiles:list')).map((p) => p.id)).toEqual([created.id]);
    expect((await again.call('app:info')).notices.join(' ')).toMatch(/saved secrets file could not be read, so it was moved aside to .*secrets\.unreadable-/);
    expect(statSync(join(t.dataDir, 'secrets.json')).mode & 0o777).toBe(0o600);
  });

  it('salvage skips strings with braces and stops at the end of the list', () => {
    const text = '{"profiles":[{"id":"a","notes":"a } { brace"},{"id":"b"}],"other":[{"id":"x"}]';
    expect(salvageProfiles(text)).toEqual([{ id: 'a', notes: 'a } { brace' }, { id: 'b' }]);
    expect(salvageProfiles('garbage')).toEqual([]);
  });
});

describe('delete, undo, duplicate', () => {
  it('undo within the window brings back the profile, its secret and its active state; after it, it is gone', async () => {
    let clock = 1_800_000_000_000;
    const t = await core({ now: () => clock });
    const created = await t.call('profiles:create', base);
    await t.call('profiles:setActive', { id: created.id });
    const deleted = await t.call('profiles:delete', { id: created.id });
    expect(deleted).toMatchObject({ id: created.id, name: base.name });
    expect(deleted.undoUntil).toBeGreaterThan(clock);
    expect(await t.call('profiles:list')).toEqual([]);
    // Gone from disk at once, secrets included.
    expect(readFileSync(join(t.dataDir, 'profiles.json'), 'utf8')).not.toContain(created.id);
    expect(readFileSync(join(t.dataDir, 'secrets.json'), 'utf8')).not.toContain(created.id);

    clock += 3000;
    const restored = await t.call('profiles:undoDelete', { id: created.id });
    expect(restored).toMatchObject({ id: created.id, name: base.name, hasClientSecret: true });
    expect((await t.call('app:info')).activeProfileId).toBe(created.id);
    expect(JSON.parse(readFileSync(join(t.dataDir, 'secrets.json'), 'utf8')).entries[created.id].clientSecret).toBeDefined();

    await t.call('profiles:delete', { id: created.id });
    clock += 60_000;
    const late = await t.callRaw('profiles:undoDelete', { id: created.id });
    expect(late).toMatchObject({ ok: false, error: { code: 'UNDO_EXPIRED' } });
    expect(await t.call('profiles:list')).toEqual([]);
  });

  it('duplicate: same client for another org, with its secret, without the connection; name must be unique', async () => {
    const t = await core();
    const source = await t.call('profiles:create', base);
    const copy = await t.call('profiles:duplicate', { id: source.id, name: 'Bluebird EU sandbox', orgLabel: 'Bluebird', environment: 'production' });
    expect(copy).toMatchObject({ clientId: CLIENT_ID, clientType: 'server', orgLabel: 'Bluebird', environment: 'production', hasClientSecret: true });
    expect(copy.id).not.toBe(source.id);
    expect(copy.connection.status).toBe('not-connected');
    expect(t.core.internals.vault.get(copy.id, 'refreshToken')).toBeUndefined();
    const clash = await t.callRaw('profiles:duplicate', { id: source.id, name: 'acme eu SANDBOX' });
    expect(clash.ok || clash.error.fields?.name).toMatch(/already has this name/);
  });

  it('validation speaks plainly, field by field', async () => {
    const t = await core();
    const r = await t.callRaw('profiles:create', { ...base, name: ' ', clientId: 'abc', loopbackPort: 70000, loopbackPath: 'cb', scopes: [] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.fields).toMatchObject({
      name: 'Give the profile a name.',
      clientId: expect.stringMatching(/1000\. followed by 30 capital letters/),
      loopbackPort: expect.stringMatching(/between 1024 and 65535/),
      loopbackPath: expect.stringMatching(/must start with \//),
      scopes: 'Pick at least one scope.',
    });
  });
});
