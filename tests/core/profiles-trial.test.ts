/** Findings from the new-user trial: look-alike names, hidden characters, file modes, damaged and newer files. */
import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileNameKey, unsafeCharacterKind, type ProfileInput } from '../../shared/ipc/contract';
import { DEFAULT_SCOPES } from '../../shared/zoho/scopes';
import { tempDir, useTestCores, ZOHO_PROFILE_INPUT } from '../helpers/testCore';

const CLIENT_ID = ZOHO_PROFILE_INPUT.clientId;
const base: ProfileInput = { ...ZOHO_PROFILE_INPUT, name: 'Demo org' };

const cores = useTestCores();
const core = (dataDir?: string) => cores.open(dataDir ? { dataDir } : {});
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('names, org labels and notes: no look-alikes, no hidden characters', () => {
  it('refuses a zero-width character, naming the kind of character and what to do', async () => {
    const t = await core();
    const result = await t.callRaw('profiles:create', { ...base, name: 'Demo\u200b org' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.name).toMatch(/invisible character.*Type it again/);
  });

  it('refuses a right-to-left override in the org label ("evil" shown as "live")', async () => {
    const t = await core();
    const result = await t.callRaw('profiles:create', { ...base, orgLabel: '\u202eevil' });
    expect(result.ok || result.error.fields?.orgLabel).toMatch(/text-direction character/);
    const isolate = await t.callRaw('profiles:create', { ...base, orgLabel: 'a\u2067b\u2069' });
    expect(isolate.ok || isolate.error.fields?.orgLabel).toMatch(/text-direction character/);
  });

  it('refuses NUL and BEL in names; notes keep line breaks and tabs but not other control characters', async () => {
    const t = await core();
    for (const bad of ['Demo\u0000', 'Demo\u0007', 'Demo\norg']) {
      const result = await t.callRaw('profiles:create', { ...base, name: bad });
      expect(result.ok || result.error.fields?.name).toMatch(/control character/);
    }
    const bell = await t.callRaw('profiles:create', { ...base, notes: 'ring\u0007' });
    expect(bell.ok || bell.error.fields?.notes).toMatch(/control character/);
    const view = await t.call('profiles:create', { ...base, notes: 'line one\n\tline two' });
    expect(view.notes).toBe('line one\n\tline two');
  });

  it('stores names in NFC and treats a decomposed copy, a case or spacing variant, and a compatibility form as taken', async () => {
    const t = await core();
    const first = await t.call('profiles:create', { ...base, name: 'Caf\u00e9 prod' });
    expect(first.name).toBe('Caf\u00e9 prod');
    const decomposed = await t.call('profiles:create', { ...base, name: 'Ren\u0065\u0301e' });
    expect(decomposed.name).toBe('Ren\u00e9e'); // saved composed
    for (const lookAlike of ['Cafe\u0301 prod', 'CAF\u00c9   PROD', '\uff23afé prod']) {
      const result = await t.callRaw('profiles:create', { ...base, name: lookAlike });
      expect(result.ok || result.error.fields?.name).toMatch(/already has this name/);
    }
    // Editing and duplicating follow the same rules.
    const dup = await t.callRaw('profiles:duplicate', { id: first.id, name: 'café PROD' });
    expect(dup.ok || dup.error.fields?.name).toMatch(/already has this name/);
    const edit = await t.callRaw('profiles:update', { id: decomposed.id, changes: { name: 'Cafe\u0301 prod' } });
    expect(edit.ok || edit.error.fields?.name).toMatch(/already has this name/);
  });

  it('the helpers: kinds of characters and the comparison key', () => {
    expect(unsafeCharacterKind('plain name')).toBeNull();
    expect(unsafeCharacterKind('a\ufeffb')).toBe('invisible');
    expect(unsafeCharacterKind('a\u200fb')).toBe('bidi');
    expect(unsafeCharacterKind('a\tb')).toBe('control');
    expect(unsafeCharacterKind('a\tb\nc', { allowLineBreaks: true })).toBeNull();
    expect(profileNameKey('  Stra\u00dfe\u00a0 Ltd ')).toBe(profileNameKey('STRASSE ltd'));
  });

  it('refuses a name that only looks different: Cyrillic or Greek letters, 0 for o', async () => {
    const t = await core();
    await t.call('profiles:create', { ...base, name: 'Demo org' });
    for (const lookAlike of ['D\u0435mo org' /* Cyrillic е */, 'Dem\u03bf org' /* Greek ο */, 'Dem0 org', 'DEMO \u041ERG' /* Cyrillic О */]) {
      const result = await t.callRaw('profiles:create', { ...base, name: lookAlike });
      expect(result.ok, lookAlike).toBe(false);
      if (!result.ok) expect(result.error.fields?.name).toMatch(/already has this name/);
    }
    // Genuinely different names still pass.
    expect((await t.callRaw('profiles:create', { ...base, name: 'Demo org 2' })).ok).toBe(true);
  });
});

describe('scopes', () => {
  it('the built-in Demo profile keeps the broad scopes its demo needs (writes, COQL, search), unlike a new profile', async () => {
    const t = await cores.open({ startDemoOrg: true });
    const demo = (await t.call('profiles:list')).find((p) => p.isBuiltInDemo);
    expect(demo?.scopes).toEqual(expect.arrayContaining(['ZohoCRM.modules.ALL', 'ZohoCRM.coql.READ', 'ZohoSearch.securesearch.READ', 'ZohoCRM.users.READ']));
    expect(DEFAULT_SCOPES).not.toContain('ZohoCRM.modules.ALL');
  });
});

describe('files the app writes are private (0600)', () => {
  it('profiles.json, secrets.json, moved-aside and backup copies', async () => {
    const dataDir = tempDir();
    // A damaged file left 0644 by an older version: the aside copy and the new file are 0600.
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ version: 2, activeProfileId: null, profiles: [{ id: 'x', name: 'Broken' }] }), { mode: 0o644 });
    chmodSync(join(dataDir, 'profiles.json'), 0o644);
    const t = await core(dataDir);
    await t.call('profiles:create', base);
    const files = readdirSync(dataDir).filter((f) => f.startsWith('profiles') || f.startsWith('secrets'));
    expect(files.some((f) => f.startsWith('profiles.damaged-'))).toBe(true);
    expect(files).toContain('secrets.json');
    for (const f of files) expect([f, modeOf(join(dataDir, f))]).toEqual([f, 0o600]);
  });

  it('an existing 0644 profiles.json is made private at start; the copy kept before a migration too', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ version: 1, profiles: [] }));
    chmodSync(join(dataDir, 'profiles.json'), 0o644);
    await core(dataDir);
    const files = readdirSync(dataDir).filter((f) => f.startsWith('profiles'));
    expect(files.some((f) => f.startsWith('profiles.v1-backup-'))).toBe(true);
    for (const f of files) expect([f, modeOf(join(dataDir, f))]).toEqual([f, 0o600]);
  });
});

describe('damaged and newer profiles files', () => {
  const good = (id: string, name: string) => ({
    id,
    name,
    environment: 'production',
    dataCentre: 'us',
    clientType: 'mobile',
    clientId: CLIENT_ID,
    scopes: ['ZohoCRM.users.READ'],
    createdAt: 1,
  });

  it('the notice names the dropped profiles (name and short id), a few of them, then "and N more"', async () => {
    const dataDir = tempDir();
    const broken = (id: string, name: string) => ({ ...good(id, name), environment: 'moon' });
    const profiles = [
      good('ok-1', 'Fine'),
      broken('3f2a9c01-aaaa', 'Acme (prod)'),
      broken('b2', 'Bluebird'),
      { name: 'No id' },
      'not even an object',
      broken('c3', 'Cedar'),
    ];
    writeFileSync(join(dataDir, 'profiles.json'), JSON.stringify({ version: 2, activeProfileId: null, profiles }));
    const t = await core(dataDir);
    const notice = (await t.call('app:info')).notices.join('\n');
    expect(notice).toContain('5 profile(s)');
    expect(notice).toContain('“Acme (prod)” (id 3f2a…), “Bluebird” (id b2), “No id” and 2 more.');
  });

  it('a newer file is never rewritten as an older version: the original stays byte for byte, even after edits', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'profiles.json');
    const original = JSON.stringify({ version: 7, activeProfileId: 'n1', futureSetting: { x: 1 }, profiles: [{ ...good('n1', 'Newer'), futureField: true }] });
    writeFileSync(path, original);
    const t = await core(dataDir);
    expect((await t.call('profiles:list')).map((p) => p.name)).toEqual(['Newer']);
    const notice = (await t.call('app:info')).notices.join('\n');
    expect(notice).toMatch(/newer version.*will not change that file.*kept only until the app closes/);
    await t.call('profiles:create', base);
    await t.call('profiles:setActive', { id: (await t.call('profiles:list'))[0]!.id });
    expect(readFileSync(path, 'utf8')).toBe(original);
    expect(readdirSync(dataDir).some((f) => f.startsWith('profiles.from-newer-version-7-'))).toBe(true);
  });
});
