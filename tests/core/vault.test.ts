/**
 * The vault without a keychain: memory only by default; an explicit passphrase vault
 * (scrypt → AES-256-GCM) that starts locked, refuses a wrong passphrase without losing
 * anything, and keeps secrets bound to their profile.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileInput } from '../../shared/ipc/contract';
import { memoryOnlyCipher } from '../../electron/web/nodeAdapters';
import { createTestCore } from '../helpers/testCore';

const SECRET = 'c0ffeec0ffeec0ffeec0ffeec0ffeec0ffee99';
const PASS = 'correct horse battery staple';
const base: ProfileInput = {
  name: 'Acme',
  orgLabel: 'Acme',
  environment: 'production',
  dataCentre: 'us',
  clientType: 'server',
  clientId: '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
  clientSecret: SECRET,
  scopes: ['ZohoCRM.modules.ALL'],
};

const cores: { close(): Promise<void> }[] = [];
afterEach(async () => {
  while (cores.length) await cores.pop()!.close();
});
async function core(dataDir?: string) {
  const t = await createTestCore({ cipher: memoryOnlyCipher, ...(dataDir ? { dataDir } : {}) });
  cores.push(t.core);
  return t;
}
async function restart(t: Awaited<ReturnType<typeof core>>) {
  await t.core.close();
  cores.splice(cores.indexOf(t.core), 1);
  return core(t.dataDir);
}

describe('vault without a keychain', () => {
  it('keeps secrets in memory only and writes no secrets file', async () => {
    const t = await core();
    await t.call('profiles:create', base);
    expect(await t.call('vault:status')).toMatchObject({ mode: 'memory', canUsePassphrase: true, backend: 'memory-only' });
    expect(readdirSync(t.dataDir)).not.toContain('secrets.json');
    const again = await restart(t);
    const [p] = await again.call('profiles:list');
    expect(p!.hasClientSecret).toBe(false);
  });

  it('passphrase vault: sealed on disk (0600, versioned, salt and params in the file), locked at the next start, unlocked with the passphrase', async () => {
    const t = await core();
    const created = await t.call('profiles:create', base);
    expect(await t.call('vault:enablePassphrase', { passphrase: PASS })).toMatchObject({ mode: 'passphrase-unlocked' });
    const path = join(t.dataDir, 'secrets.json');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(file.entries[created.id].clientSecret).toMatchObject({ v: 1, alg: 'passphrase-scrypt-aes256gcm' });
    expect(readFileSync(path, 'utf8')).not.toContain(SECRET);

    const again = await restart(t);
    expect(await again.call('vault:status')).toMatchObject({ mode: 'passphrase-locked' });
    const [locked] = await again.call('profiles:list');
    expect(locked!.hasClientSecret).toBe(true); // it is there, only locked
    // Anything that needs a secret says "unlock first" instead of failing strangely.
    expect(await again.callRaw('auth:connect', { profileId: created.id })).toMatchObject({ ok: false, error: { code: 'VAULT_LOCKED' } });

    const wrong = await again.callRaw('vault:unlock', { passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VAULT_WRONG_PASSPHRASE', message: expect.stringMatching(/does not unlock/) } });
    expect(await again.call('vault:status')).toMatchObject({ mode: 'passphrase-locked' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(file); // nothing changed

    expect(await again.call('vault:unlock', { passphrase: PASS })).toMatchObject({ mode: 'passphrase-unlocked' });
    expect(again.core.internals.vault.get(created.id, 'clientSecret')).toBe(SECRET);
  });

  it('a secret saved while locked is kept and sealed at unlock, next to the ones already there', async () => {
    const t = await core();
    const a = await t.call('profiles:create', base);
    await t.call('vault:enablePassphrase', { passphrase: PASS });
    const again = await restart(t);
    const b = await again.call('profiles:create', { ...base, name: 'Second', clientSecret: 'second-secret-value-1234' });
    expect(readFileSync(join(t.dataDir, 'secrets.json'), 'utf8')).not.toContain('second-secret-value-1234');
    await again.call('vault:unlock', { passphrase: PASS });
    const third = await restart(again);
    await third.call('vault:unlock', { passphrase: PASS });
    expect(third.core.internals.vault.get(a.id, 'clientSecret')).toBe(SECRET);
    expect(third.core.internals.vault.get(b.id, 'clientSecret')).toBe('second-secret-value-1234');
  });

  it('a sealed secret moved to another profile in the file does not decrypt there: "secret missing", never ciphertext', async () => {
    const t = await core();
    const a = await t.call('profiles:create', base);
    const b = await t.call('profiles:create', { ...base, name: 'Other org', clientSecret: 'other-org-secret-1234567' });
    await t.call('vault:enablePassphrase', { passphrase: PASS });
    await t.core.close();
    cores.splice(cores.indexOf(t.core), 1);
    const path = join(t.dataDir, 'secrets.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    file.entries[b.id].clientSecret = file.entries[a.id].clientSecret; // swap in A's sealed secret
    writeFileSync(path, JSON.stringify(file));
    const again = await core(t.dataDir);
    await again.call('vault:unlock', { passphrase: PASS });
    const list = await again.call('profiles:list');
    expect(list.find((p) => p.id === a.id)!.hasClientSecret).toBe(true);
    const other = list.find((p) => p.id === b.id)!;
    expect(other.hasClientSecret).toBe(false);
    expect(other.connection.status).toBe('secret-missing');
    expect(JSON.stringify(list)).not.toContain(file.entries[a.id].clientSecret.ct);
  });

  it('forgotten passphrase: the locked file is set aside (not deleted) and the app carries on', async () => {
    const t = await core();
    await t.call('profiles:create', base);
    await t.call('vault:enablePassphrase', { passphrase: PASS });
    const again = await restart(t);
    const reset = await again.call('vault:reset');
    expect(reset.mode).toBe('memory');
    expect(reset.movedTo).toMatch(/secrets\.locked-.*\.json$/);
    expect(readdirSync(t.dataDir).some((f) => f.startsWith('secrets.locked-'))).toBe(true);
    const [p] = await again.call('profiles:list');
    expect(p!.hasClientSecret).toBe(false);
  });

  it('refuses a passphrase vault where a keychain exists, and a short passphrase', async () => {
    const keychain = await createTestCore();
    cores.push(keychain.core);
    expect(await keychain.callRaw('vault:enablePassphrase', { passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'VAULT_PASSPHRASE_NOT_NEEDED' } });
    const t = await core();
    const short = await t.callRaw('vault:enablePassphrase', { passphrase: 'short' });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { passphrase: expect.stringMatching(/at least 10 characters/) } } });
  });
});

describe('vault with a keychain', () => {
  it('reads version 1 entries (the skeleton\'s), re-seals them bound to their profile, and refuses an entry moved to another profile', async () => {
    const { testKeychainCipher } = await import('../helpers/testCipher');
    const cipher = testKeychainCipher();
    const first = await createTestCore({ cipher });
    cores.push(first.core);
    const a = await first.call('profiles:create', base);
    const b = await first.call('profiles:create', { ...base, name: 'Other org', clientSecret: 'other-org-secret-1234567' });
    await first.core.close();
    cores.splice(cores.indexOf(first.core), 1);

    const path = join(first.dataDir, 'secrets.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    expect(file.entries[a.id].clientSecret.v).toBe(2);
    // As the walking skeleton wrote it: version 1, the value alone.
    file.entries[a.id].clientSecret = { v: 1, alg: 'safeStorage:test-keychain', ct: Buffer.from(cipher.encrypt(SECRET)).toString('base64') };
    // And B's entry replaced by a copy of A's (version 2, bound to A).
    const bound = JSON.parse(readFileSync(path, 'utf8')).entries[a.id].clientSecret;
    file.entries[b.id].clientSecret = bound;
    writeFileSync(path, JSON.stringify(file));

    const again = await createTestCore({ cipher, dataDir: first.dataDir });
    cores.push(again.core);
    expect(again.core.internals.vault.get(a.id, 'clientSecret')).toBe(SECRET);
    expect(JSON.parse(readFileSync(path, 'utf8')).entries[a.id].clientSecret.v).toBe(2); // upgraded on disk
    const other = (await again.call('profiles:list')).find((p) => p.id === b.id)!;
    expect(other).toMatchObject({ hasClientSecret: false, connection: { status: 'secret-missing' } });
    expect(again.core.internals.vault.get(b.id, 'clientSecret')).toBeUndefined();
  });
});
