/**
 * CipherPort over Electron's safeStorage (macOS Keychain, Windows DPAPI, Linux Secret
 * Service / KWallet). Create it only after `app` is ready: on Linux the backend and
 * `isEncryptionAvailable()` are not known before.
 *
 * When there is no real keychain (Linux `basic_text` — a key hard-coded in Chromium — or
 * `unknown`, or encryption unavailable) the port says `persistent: false` and refuses to
 * encrypt: the core then keeps secrets in memory only and tells the user why. We never fall
 * back to `basic_text` or to a key of our own on disk.
 */
import { safeStorage } from 'electron';
import type { CipherPort } from '../../core/ports';

export const NO_KEYCHAIN_MESSAGE =
  'No system keychain was found (Linux: install and unlock GNOME Keyring or KWallet, or start the app with --password-store=gnome-libsecret). Secrets will be kept only until the app closes.';

/** Linux backends that are not a real keychain. */
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export interface CipherDiagnosis {
  /** What the OS offers: "keychain", "dpapi", or the Linux backend name. */
  detected: string;
  persistent: boolean;
}

export function diagnoseSafeStorage(platform: NodeJS.Platform = process.platform): CipherDiagnosis {
  const detected =
    platform === 'darwin' ? 'keychain' : platform === 'win32' ? 'dpapi' : safeStorage.getSelectedStorageBackend();
  let available = false;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  const persistent = available && !(platform === 'linux' && WEAK_LINUX_BACKENDS.has(detected));
  return { detected, persistent };
}

export function createSafeStorageCipher(diagnosis: CipherDiagnosis = diagnoseSafeStorage()): CipherPort {
  if (!diagnosis.persistent) {
    const refuse = (): never => {
      throw new Error('Secrets cannot be encrypted on this computer: no system keychain. They are kept in memory only.');
    };
    return {
      backend: 'memory-only',
      persistent: false,
      message: NO_KEYCHAIN_MESSAGE,
      encrypt: refuse,
      decrypt: refuse,
    };
  }
  return {
    backend: diagnosis.detected,
    persistent: true,
    encrypt(plaintext: string): Uint8Array {
      return new Uint8Array(safeStorage.encryptString(plaintext));
    },
    decrypt(ciphertext: Uint8Array): string {
      // Throws when the keychain entry changed or the file came from another machine.
      return safeStorage.decryptString(Buffer.from(ciphertext));
    },
  };
}
