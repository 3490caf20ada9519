import type { DemoOrigins } from './net/hostPolicy';

/**
 * Ports: the only ways the core reaches the operating system. `electron/main` fills them
 * with Electron's adapters (safeStorage, electron-store, shell, clipboard); browser mode
 * and tests fill them with plain-Node ones. The core never imports `electron`.
 */

/** Encrypts secrets at rest (Electron: safeStorage, backed by the OS keychain). */
export interface CipherPort {
  /** Short name of the backend, e.g. "keychain", "gnome_libsecret", "basic_text", "memory-only". */
  readonly backend: string;
  /** False where there is no real keychain: then secrets are kept in memory only. */
  readonly persistent: boolean;
  /** Plain-language explanation when `persistent` is false. */
  readonly message?: string;
  encrypt(plaintext: string): Uint8Array;
  /** Throws when the ciphertext can no longer be decrypted (keychain reset, other machine). */
  decrypt(ciphertext: Uint8Array): string;
}

/** The subset of conf / electron-store the core uses. */
export interface KeyValueStore<T extends Record<string, unknown>> {
  readonly path: string;
  get store(): T;
  set store(value: T);
}

export interface StoreOptions<T extends Record<string, unknown>> {
  /** File name without extension, e.g. "profiles". */
  name: string;
  defaults: T;
  /** File mode for the file (0o600 for secrets). */
  mode?: number;
}

/** Opens a JSON store in the app's data directory (electron-store in the app, conf elsewhere). */
export type StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => KeyValueStore<T>;

export interface SystemPort {
  /** Opens a URL in the user's default browser. The core has already checked the URL. */
  openExternal(url: string): Promise<void>;
  writeClipboard?(text: string): Promise<void>;
}

export interface LogPort {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

export interface CorePorts {
  cipher: CipherPort;
  storeFactory: StoreFactory;
  system: SystemPort;
  log: LogPort;
  /** ms since epoch; tests move it. */
  now?: () => number;
  /** Where the app keeps its files (the Demo org's state lives here too). */
  dataDir: string;
}

export interface CoreOptions {
  mode: 'electron' | 'browser';
  version: string;
  /** True when the OS hands `connected-app-console://` links to the app. */
  urlSchemeAvailable: boolean;
  /** Start the in-process Demo org (the app does). */
  demoOrg?: { start: boolean };
  /** Trust a Demo org started elsewhere (tests bring their own server). */
  attachDemoOrigins?: DemoOrigins;
}
