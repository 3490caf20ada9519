import type { CipherPort, KeyValueStore, StoreFactory } from '../ports';
import type { SecretRedactor } from '../logging/redactingLog';

import type { DataCentreId } from '../../../shared/zoho/dataCentres';

/**
 * The secrets a profile can hold: its client secret, per-DC client secrets of a multi-DC
 * client, and its refresh token. Access tokens are not here: they live in memory only.
 */
export type SecretName = 'clientSecret' | 'refreshToken' | `clientSecret:${DataCentreId}`;

/** A stored secret, versioned so the scheme can change later. */
interface SealedSecret {
  v: 1;
  /** Which cipher sealed it, e.g. "safeStorage:gnome_libsecret". */
  alg: string;
  /** base64 ciphertext */
  ct: string;
}

interface SecretsFile extends Record<string, unknown> {
  version: 1;
  entries: Record<string, Partial<Record<SecretName, SealedSecret>>>;
}

export type SecretState = 'present' | 'absent' | 'undecryptable';

/**
 * Keeps client secrets and refresh tokens per profile: encrypted through the cipher port
 * in a 0600 file when the OS keychain is there, in memory only when it is not.
 * Plaintext never touches disk; ciphertext is never handed out as text.
 */
export class Vault {
  private readonly memory = new Map<string, Partial<Record<SecretName, string>>>();
  private readonly undecryptable = new Map<string, Set<SecretName>>();
  private readonly file: KeyValueStore<SecretsFile> | null;

  constructor(
    private readonly cipher: CipherPort,
    storeFactory: StoreFactory,
    private readonly redactor: SecretRedactor,
  ) {
    this.file = cipher.persistent
      ? storeFactory<SecretsFile>({ name: 'secrets', defaults: { version: 1, entries: {} }, mode: 0o600 })
      : null;
    this.loadAll();
  }

  get persistent(): boolean {
    return this.cipher.persistent;
  }

  get filePath(): string | null {
    return this.file?.path ?? null;
  }

  private loadAll(): void {
    if (!this.file) return;
    let entries: SecretsFile['entries'] = {};
    try {
      entries = this.file.store.entries ?? {};
    } catch {
      entries = {};
    }
    for (const [profileId, sealed] of Object.entries(entries)) {
      for (const [name, secret] of Object.entries(sealed) as [SecretName, SealedSecret][]) {
        try {
          const plain = this.cipher.decrypt(Buffer.from(secret.ct, 'base64'));
          this.rememberInMemory(profileId, name, plain);
        } catch {
          // Keychain reset or a file from another machine: the profile shows "secret missing".
          const set = this.undecryptable.get(profileId) ?? new Set<SecretName>();
          set.add(name);
          this.undecryptable.set(profileId, set);
        }
      }
    }
  }

  private rememberInMemory(profileId: string, name: SecretName, value: string): void {
    const entry = this.memory.get(profileId) ?? {};
    entry[name] = value;
    this.memory.set(profileId, entry);
    this.redactor.add(value);
  }

  get(profileId: string, name: SecretName): string | undefined {
    return this.memory.get(profileId)?.[name];
  }

  state(profileId: string, name: SecretName): SecretState {
    if (this.get(profileId, name) !== undefined) return 'present';
    return this.undecryptable.get(profileId)?.has(name) ? 'undecryptable' : 'absent';
  }

  set(profileId: string, name: SecretName, value: string): void {
    this.rememberInMemory(profileId, name, value);
    this.undecryptable.get(profileId)?.delete(name);
    if (!this.file) return;
    const sealed: SealedSecret = {
      v: 1,
      alg: `safeStorage:${this.cipher.backend}`,
      ct: Buffer.from(this.cipher.encrypt(value)).toString('base64'),
    };
    const store = this.file.store;
    const entries = { ...store.entries, [profileId]: { ...store.entries[profileId], [name]: sealed } };
    this.file.store = { ...store, entries };
  }

  delete(profileId: string, name?: SecretName): void {
    const entry = this.memory.get(profileId);
    if (name) {
      if (entry) delete entry[name];
      this.undecryptable.get(profileId)?.delete(name);
    } else {
      this.memory.delete(profileId);
      this.undecryptable.delete(profileId);
    }
    if (!this.file) return;
    const store = this.file.store;
    const entries = { ...store.entries };
    if (name && entries[profileId]) {
      const rest = { ...entries[profileId] };
      delete rest[name];
      entries[profileId] = rest;
    } else {
      delete entries[profileId];
    }
    this.file.store = { ...store, entries };
  }
}
