import { existsSync, renameSync } from 'node:fs';
import { makePrivate, PRIVATE_FILE_MODE } from '../profiles/privateFiles';
import { join } from 'node:path';
import type { VaultMode, VaultStatus } from '../../../shared/ipc/contract';
import type { DataCentreId } from '../../../shared/zoho/dataCentres';
import type { SecretRedactor } from '../logging/redactingLog';
import type { CipherPort, KeyValueStore, LogPort, StoreFactory } from '../ports';
import { deriveKey, isSaneKdf, makeCheck, newKdfParams, open, PASSPHRASE_ALG, seal, verifyCheck, type KdfParams } from './passphraseCrypto';
import { localFailure } from './vaultErrors';

/**
 * The secrets a profile can hold: its client secret, per-DC client secrets of a multi-DC
 * client, and its refresh token. Access tokens are not here: they live in memory only.
 */
export type SecretName =
  | 'clientSecret'
  | 'refreshToken'
  | `clientSecret:${DataCentreId}`
  /** OAuth (auth layer): a pending sign-in's PKCE verifier, JSON `{state, verifier}`, ≤ 10 minutes. */
  | 'pkceVerifier'
  /** OAuth (auth layer): refresh tokens replaced by a reconnect whose revoke at Zoho failed, JSON, retried on disconnect/reconnect. */
  | 'replacedRefreshTokens';

/**
 * A stored secret, versioned so the scheme can change later.
 * - `safeStorage:*` v1: the value alone (the walking skeleton); read, then re-sealed as v2.
 * - `safeStorage:*` v2: `[profileId, name, value]`, so an entry copied to another profile or
 *   another secret name does not decrypt there.
 * - `passphrase-scrypt-aes256gcm` v1: AES-256-GCM with `profileId␀name` as associated data.
 */
export interface SealedSecret {
  v: 1 | 2;
  /** Which scheme sealed it: "safeStorage:<backend>" or "passphrase-scrypt-aes256gcm". */
  alg: string;
  /** base64 ciphertext */
  ct: string;
}

interface SecretsFile extends Record<string, unknown> {
  version: 1;
  entries: Record<string, Partial<Record<SecretName, SealedSecret>>>;
  /** Present once the user chose a passphrase vault: how the key is derived, and a check value. */
  kdf?: KdfParams;
  check?: string;
}

export type SecretState = 'present' | 'absent' | 'undecryptable';

/** A profile's secrets taken out of the vault (for undo of a delete); opaque to callers. */
export interface StashedSecrets {
  plain: Partial<Record<SecretName, string>>;
  sealed: Partial<Record<SecretName, SealedSecret>>;
  locked: SecretName[];
  undecryptable: SecretName[];
}

export interface VaultOptions {
  /** Where secrets.json lives, to move a damaged or forgotten one aside. */
  dataDir?: string;
  log?: LogPort;
}

const SECRETS_FILE = 'secrets';
const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
const aadOf = (profileId: string, name: SecretName) => `${profileId}\u0000${name}`;

/**
 * Keeps client secrets and refresh tokens per profile.
 * - With the OS keychain (`cipher.persistent`): sealed through the cipher port in a 0600 file.
 * - Without one: in memory only, unless the user opts in to a passphrase vault (scrypt →
 *   AES-256-GCM, bound to the profile and secret name); that vault starts locked.
 * Plaintext never touches disk; ciphertext is never handed out as text. A secret that can no
 * longer be decrypted is reported as 'undecryptable' (the profile shows "secret missing"),
 * and its sealed entry is kept untouched in the file.
 */
export class Vault {
  private readonly memory = new Map<string, Partial<Record<SecretName, string>>>();
  private readonly undecryptable = new Map<string, Set<SecretName>>();
  /** Entries on disk under the passphrase while the vault is locked. */
  private readonly locked = new Map<string, Set<SecretName>>();
  /** Values set while locked: sealed and written at unlock. */
  private readonly pendingSeal = new Map<string, Set<SecretName>>();
  /** Mirror of the file's entries (sealed). */
  private sealed: SecretsFile['entries'] = {};
  private file: KeyValueStore<SecretsFile> | null = null;
  private kdf: KdfParams | undefined;
  private check: string | undefined;
  private key: Buffer | null = null;
  /** v1 entries read at start, re-sealed in the current scheme. */
  private upgrade: [string, SecretName][] = [];
  /** Plain-language notes for the user about what happened at load time. */
  readonly notices: string[] = [];

  constructor(
    private readonly cipher: CipherPort,
    private readonly storeFactory: StoreFactory,
    private readonly redactor: SecretRedactor,
    private readonly options: VaultOptions = {},
  ) {
    const onDisk = options.dataDir ? existsSync(this.diskPath()) : false;
    if (cipher.persistent || onDisk) this.file = this.openFile();
    this.loadAll();
  }

  private diskPath(): string {
    return join(this.options.dataDir ?? '.', `${SECRETS_FILE}.json`);
  }

  private openFile(): KeyValueStore<SecretsFile> | null {
    const open = () => {
      const store = this.storeFactory<SecretsFile>({ name: SECRETS_FILE, defaults: { version: 1, entries: {} }, mode: PRIVATE_FILE_MODE });
      void store.store;
      makePrivate(store.path, this.options.log);
      return store;
    };
    try {
      return open();
    } catch (error) {
      const aside = this.moveAside('unreadable');
      this.notices.push(
        `Your saved secrets file could not be read${aside ? `, so it was moved aside to ${aside}` : ''}. Profiles that used it show “Client secret missing”: enter the client secret again and reconnect.`,
      );
      this.options.log?.error('secrets file unreadable; moved aside', { aside, reason: String(error) });
      try {
        return open();
      } catch (again) {
        // The folder itself is not writable: carry on with secrets in memory, and say so.
        this.notices.push('Your saved secrets could not be written to disk, so they are kept only until the app closes.');
        this.options.log?.error('secrets file cannot be opened', { reason: String(again) });
        return null;
      }
    }
  }

  private moveAside(why: string): string | null {
    const path = this.file?.path ?? this.diskPath();
    if (!existsSync(path)) return null;
    const aside = `${path.replace(/\.json$/, '')}.${why}-${stamp()}.json`;
    try {
      renameSync(path, aside);
      makePrivate(aside, this.options.log);
      return aside;
    } catch (error) {
      this.options.log?.error('could not move the secrets file aside', { reason: String(error) });
      return null;
    }
  }

  get persistent(): boolean {
    return this.cipher.persistent || (this.kdf !== undefined && this.key !== null);
  }

  get filePath(): string | null {
    return this.file?.path ?? null;
  }

  get mode(): VaultMode {
    if (this.cipher.persistent) return 'keychain';
    if (this.kdf) return this.key ? 'passphrase-unlocked' : 'passphrase-locked';
    return 'memory';
  }

  get isLocked(): boolean {
    return this.mode === 'passphrase-locked';
  }

  status(): VaultStatus {
    return {
      mode: this.mode,
      backend: this.cipher.backend,
      ...(this.cipher.message ? { message: this.cipher.message } : {}),
      canUsePassphrase: !this.cipher.persistent,
    };
  }

  private loadAll(): void {
    if (!this.file) return;
    let data: Partial<SecretsFile> = {};
    try {
      data = this.file.store ?? {};
    } catch {
      data = {};
    }
    const entries = data.entries && typeof data.entries === 'object' ? data.entries : {};
    if (data.kdf !== undefined) {
      if (isSaneKdf(data.kdf) && typeof data.check === 'string') {
        this.kdf = data.kdf;
        this.check = data.check;
      } else {
        this.notices.push('The passphrase settings in your saved secrets file are damaged, so those secrets cannot be unlocked. Enter the client secrets again.');
      }
    }
    this.sealed = {};
    for (const [profileId, byName] of Object.entries(entries)) {
      if (!byName || typeof byName !== 'object') continue;
      this.sealed[profileId] = { ...byName };
      for (const [name, secret] of Object.entries(byName) as [SecretName, SealedSecret][]) {
        this.readEntry(profileId, name, secret);
      }
    }
    if (this.upgrade.length) {
      for (const [profileId, name] of this.upgrade) {
        const value = this.get(profileId, name);
        const sealed = value === undefined ? null : this.sealValue(profileId, name, value);
        if (sealed) this.sealed[profileId] = { ...this.sealed[profileId], [name]: sealed };
      }
      this.options.log?.info('secrets re-sealed in the current scheme', { count: this.upgrade.length });
      this.upgrade = [];
      this.write();
    }
  }

  /** Decrypts one entry into memory, or records why it can't be. */
  private readEntry(profileId: string, name: SecretName, secret: SealedSecret): void {
    const known = secret && (secret.v === 1 || secret.v === 2) && typeof secret.ct === 'string' && typeof secret.alg === 'string';
    // Passphrase entries only where there is no keychain (with a keychain they show as "secret missing").
    if (known && secret.alg === PASSPHRASE_ALG && secret.v === 1 && this.kdf && !this.cipher.persistent) {
      if (!this.key) {
        addTo(this.locked, profileId, name);
        return;
      }
      try {
        this.remember(profileId, name, open(this.key, secret.ct, aadOf(profileId, name)));
        return;
      } catch {
        // damaged, or moved here from another profile: fall through to undecryptable
      }
    } else if (known && secret.alg.startsWith('safeStorage:') && this.cipher.persistent) {
      try {
        const plain = this.cipher.decrypt(Buffer.from(secret.ct, 'base64'));
        if (secret.v === 1) {
          this.remember(profileId, name, plain);
          this.upgrade.push([profileId, name]);
          return;
        }
        const [boundId, boundName, value] = JSON.parse(plain) as [unknown, unknown, unknown];
        if (boundId === profileId && boundName === name && typeof value === 'string') {
          this.remember(profileId, name, value);
          return;
        }
        this.options.log?.warn('sealed secret bound to another profile; ignored', { profileId, name });
      } catch {
        // Keychain reset or a file from another machine.
      }
    }
    addTo(this.undecryptable, profileId, name);
  }

  private remember(profileId: string, name: SecretName, value: string): void {
    const entry = this.memory.get(profileId) ?? {};
    entry[name] = value;
    this.memory.set(profileId, entry);
    this.redactor.add(value);
  }

  /** The plaintext, or undefined when absent, undecryptable or still locked. */
  get(profileId: string, name: SecretName): string | undefined {
    return this.memory.get(profileId)?.[name];
  }

  /** A locked secret counts as present: it is there, the user only has to unlock it. */
  state(profileId: string, name: SecretName): SecretState {
    if (this.get(profileId, name) !== undefined || this.locked.get(profileId)?.has(name)) return 'present';
    return this.undecryptable.get(profileId)?.has(name) ? 'undecryptable' : 'absent';
  }

  set(profileId: string, name: SecretName, value: string): void {
    this.remember(profileId, name, value);
    this.undecryptable.get(profileId)?.delete(name);
    this.locked.get(profileId)?.delete(name);
    if (this.isLocked) {
      addTo(this.pendingSeal, profileId, name);
      return;
    }
    const sealed = this.sealValue(profileId, name, value);
    if (!sealed) return;
    this.sealed[profileId] = { ...this.sealed[profileId], [name]: sealed };
    this.write();
  }

  /** null = this vault keeps secrets in memory only. */
  private sealValue(profileId: string, name: SecretName, value: string): SealedSecret | null {
    if (this.cipher.persistent) {
      const bound = JSON.stringify([profileId, name, value]);
      return { v: 2, alg: `safeStorage:${this.cipher.backend}`, ct: Buffer.from(this.cipher.encrypt(bound)).toString('base64') };
    }
    if (this.kdf && this.key) return { v: 1, alg: PASSPHRASE_ALG, ct: seal(this.key, value, aadOf(profileId, name)) };
    return null;
  }

  private write(): void {
    if (!this.file) return;
    const entries: SecretsFile['entries'] = {};
    for (const [id, byName] of Object.entries(this.sealed)) if (byName && Object.keys(byName).length) entries[id] = byName;
    this.file.store = { version: 1, entries, ...(this.kdf && this.check ? { kdf: this.kdf, check: this.check } : {}) };
  }

  delete(profileId: string, name?: SecretName): void {
    const names = name ? [name] : undefined;
    const entry = this.memory.get(profileId);
    for (const map of [this.undecryptable, this.locked, this.pendingSeal]) {
      if (names) map.get(profileId)?.delete(name!);
      else map.delete(profileId);
    }
    if (names) {
      if (entry) delete entry[name!];
    } else {
      this.memory.delete(profileId);
    }
    if (!this.sealed[profileId]) return;
    if (name) {
      const rest = { ...this.sealed[profileId] };
      if (!(name in rest)) return;
      delete rest[name];
      this.sealed[profileId] = rest;
    } else {
      delete this.sealed[profileId];
    }
    this.write();
  }

  /** Takes all of a profile's secrets out (on disk too), to put them back with `unstash`. */
  stash(profileId: string): StashedSecrets {
    const stash: StashedSecrets = {
      plain: { ...this.memory.get(profileId) },
      sealed: { ...this.sealed[profileId] },
      locked: [...(this.locked.get(profileId) ?? [])],
      undecryptable: [...(this.undecryptable.get(profileId) ?? [])],
    };
    this.delete(profileId);
    return stash;
  }

  unstash(profileId: string, stash: StashedSecrets): void {
    for (const [name, value] of Object.entries(stash.plain) as [SecretName, string][]) this.remember(profileId, name, value);
    for (const name of stash.locked) addTo(this.locked, profileId, name);
    for (const name of stash.undecryptable) addTo(this.undecryptable, profileId, name);
    const sealed = { ...stash.sealed };
    for (const [name, value] of Object.entries(stash.plain) as [SecretName, string][]) {
      if (sealed[name]) continue;
      const fresh = this.isLocked ? null : this.sealValue(profileId, name, value);
      if (fresh) sealed[name] = fresh;
      else if (this.isLocked) addTo(this.pendingSeal, profileId, name);
    }
    if (Object.keys(sealed).length) {
      this.sealed[profileId] = sealed;
      this.write();
    }
  }

  /** Readable secrets of a profile (for duplicate and encrypted export; never sent to the renderer). */
  readable(profileId: string): Partial<Record<SecretName, string>> {
    return { ...this.memory.get(profileId) };
  }

  // --- The passphrase vault --------------------------------------------------------------

  /** Opt in where there is no keychain: from now on secrets are written sealed under the passphrase. */
  async enablePassphrase(passphrase: string): Promise<void> {
    if (this.cipher.persistent) throw localFailure('VAULT_PASSPHRASE_NOT_NEEDED');
    if (this.isLocked) throw localFailure('VAULT_LOCKED');
    const kdf = newKdfParams();
    const key = await deriveKey(passphrase, kdf);
    this.file ??= this.openFile();
    this.kdf = kdf;
    this.key = key;
    this.check = makeCheck(key);
    for (const [profileId, byName] of this.memory) {
      for (const [name, value] of Object.entries(byName) as [SecretName, string][]) {
        this.sealed[profileId] = { ...this.sealed[profileId], [name]: this.sealValue(profileId, name, value)! };
      }
    }
    this.write();
    this.options.log?.info('passphrase vault enabled');
  }

  async unlock(passphrase: string): Promise<void> {
    if (!this.kdf || !this.check || !this.isLocked) throw localFailure('VAULT_NOT_LOCKED');
    const key = await deriveKey(passphrase, this.kdf);
    if (!verifyCheck(key, this.check)) {
      this.options.log?.warn('vault unlock refused: wrong passphrase');
      throw localFailure('VAULT_WRONG_PASSPHRASE');
    }
    this.key = key;
    const locked = [...this.locked].flatMap(([id, names]) => [...names].map((name) => [id, name] as const));
    this.locked.clear();
    for (const [profileId, name] of locked) {
      const sealed = this.sealed[profileId]?.[name];
      if (sealed) this.readEntry(profileId, name, sealed);
    }
    let changed = false;
    for (const [profileId, names] of this.pendingSeal) {
      for (const name of names) {
        const value = this.get(profileId, name);
        if (value === undefined) continue;
        this.sealed[profileId] = { ...this.sealed[profileId], [name]: this.sealValue(profileId, name, value)! };
        changed = true;
      }
    }
    this.pendingSeal.clear();
    if (changed) this.write();
    this.options.log?.info('passphrase vault unlocked');
  }

  /** Forgotten passphrase: the locked file is moved aside (not deleted); the vault carries on in memory. */
  reset(): string | null {
    if (!this.isLocked) throw localFailure('VAULT_NOT_LOCKED');
    const aside = this.moveAside('locked');
    for (const [profileId, names] of this.locked) {
      for (const name of names) {
        const rest = { ...this.sealed[profileId] };
        delete rest[name];
        this.sealed[profileId] = rest;
      }
    }
    this.locked.clear();
    this.kdf = undefined;
    this.check = undefined;
    // Whatever is still sealed (e.g. from a keychain) stays readable by its own scheme.
    this.file = this.openFile();
    this.write();
    this.options.log?.warn('passphrase vault set aside', { aside });
    return aside;
  }
}

function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key) ?? new Set<V>();
  set.add(value);
  map.set(key, set);
}
