/** Profiles over the real store on a temp dir: validation a non-developer can act on, write-only secrets, damaged files. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../shared/ipc/contract';
import { tempDir, useTestCores, ZOHO_PROFILE_INPUT } from '../helpers/testCore';

const base: ProfileInput = ZOHO_PROFILE_INPUT;

const cores = useTestCores();
const core = (dataDir?: string) => cores.open(dataDir ? { dataDir } : {});

describe('profiles', () => {
  it('explains a malformed client id next to the field, and saves nothing', async () => {
    const t = await core();
    const result = await t.callRaw('profiles:create', { ...base, clientId: '1000.abc' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.fields?.clientId).toMatch(/1000\. followed by 30 capital letters and digits/);
    expect(await t.call('profiles:list')).toEqual([]);
  });

  it('asks for a secret where the client type needs one, and for a unique name', async () => {
    const t = await core();
    const noSecret = await t.callRaw('profiles:create', { ...base, clientType: 'server', clientSecret: undefined });
    expect(noSecret.ok || noSecret.error.fields?.clientSecret).toMatch(/needs the client secret/);
    await t.call('profiles:create', base);
    const dup = await t.callRaw('profiles:create', { ...base, name: 'acme eu SANDBOX' });
    expect(dup.ok || dup.error.fields?.name).toMatch(/already has this name/);
  });

  it('refuses a port out of range and an empty scope list', async () => {
    const t = await core();
    const result = await t.callRaw('profiles:create', { ...base, clientType: 'server', loopbackPort: 80, scopes: [] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.loopbackPort).toMatch(/between 1024 and 65535/);
    expect(result.error.fields?.scopes).toMatch(/at least one scope/);
  });

  it('keeps the secret write-only: the view knows only that it exists, and an edit without it keeps it', async () => {
    const t = await core();
    const created = await t.call('profiles:create', base);
    expect(created.hasClientSecret).toBe(true);
    expect(JSON.stringify(created)).not.toContain(base.clientSecret);
    const edited = await t.call('profiles:update', { id: created.id, changes: { name: 'Acme EU (sandbox)' } });
    expect(edited.hasClientSecret).toBe(true);
    expect(edited.name).toBe('Acme EU (sandbox)');
    expect(edited.redirectUri).toBe('connected-app-console://oauth/callback');
  });

  it('refuses unknown channels and malformed payloads at the door', async () => {
    const t = await core();
    expect((await t.core.dispatch('fs:readFile', { path: '/etc/passwd' })).ok).toBe(false);
    const bad = await t.core.dispatch('profiles:delete', { id: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.core.dispatch('crm:records', { profileId: 'nope', module: 'Leads', fields: ['Last_Name'] })).toMatchObject({
      ok: false,
      error: { code: 'PROFILE_NOT_FOUND' },
    });
  });

  it('moves an unreadable profiles file aside, says where, and starts', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'profiles.json'), '{"version":1,"profiles":[{"id":"a"');
    const t = await core(dataDir);
    const info = await t.call('app:info');
    expect(info.notices[0]).toMatch(/could not be read, so it was moved aside to .*profiles\.unreadable-/);
    expect(readdirSync(dataDir).some((f) => f.startsWith('profiles.unreadable-'))).toBe(true);
    expect(await t.call('profiles:list')).toEqual([]);
  });

  it('keeps the good profiles of a partly damaged file and keeps a copy of the whole file', async () => {
    const dataDir = tempDir();
    const first = await core(dataDir);
    await first.call('profiles:create', base);
    await first.call('profiles:create', { ...base, name: 'Second' });
    await cores.close(first);
    const file = join(dataDir, 'profiles.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    json.profiles.push({ id: 'broken', name: 42 });
    writeFileSync(file, JSON.stringify(json));
    const t = await core(dataDir);
    expect((await t.call('profiles:list')).map((p) => p.name).sort()).toEqual(['Acme EU sandbox', 'Second']);
    const info = await t.call('app:info');
    expect(info.notices[0]).toMatch(/1 profile\(s\).*damaged.*2 good profile\(s\) were kept/);
  });
});
