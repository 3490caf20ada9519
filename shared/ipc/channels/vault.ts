import { z } from 'zod';
import type { Call } from '../contract';
import { PassphraseSchema } from './profiles';

/**
 * Where secrets live:
 * - `keychain`: encrypted with the OS keychain (safeStorage), kept between sessions;
 * - `memory`: no keychain and no passphrase: kept until the app closes;
 * - `passphrase-locked`: a passphrase vault exists; secrets are unavailable until unlocked;
 * - `passphrase-unlocked`: encrypted under the user's passphrase, kept between sessions.
 */
export type VaultMode = 'keychain' | 'memory' | 'passphrase-locked' | 'passphrase-unlocked';

export interface VaultStatus {
  mode: VaultMode;
  /** The keychain backend the OS offers (e.g. "gnome_libsecret", "basic_text", "memory-only"). */
  backend: string;
  /** Plain-language reason when there is no keychain. */
  message?: string;
  /** Whether the user may turn on a passphrase vault (only where there is no keychain). */
  canUsePassphrase: boolean;
}

export const vaultChannels = {
  'vault:status': z.undefined().optional(),
  /** Opt in: keep secrets on disk encrypted under a passphrase (scrypt → AES-256-GCM). */
  'vault:enablePassphrase': z.object({ passphrase: PassphraseSchema }),
  'vault:unlock': z.object({ passphrase: z.string().min(1, 'Enter your passphrase.').max(1024) }),
  /** Forgotten passphrase: set the locked secrets aside (kept in a file, never deleted) and carry on without them. */
  'vault:reset': z.undefined().optional(),
} as const;

export interface VaultOutputs {
  'vault:status': VaultStatus;
  'vault:enablePassphrase': VaultStatus;
  'vault:unlock': VaultStatus;
  'vault:reset': VaultStatus & { movedTo: string | null };
}

export const vaultApi = (call: Call) => ({
  status: () => call('vault:status'),
  enablePassphrase: (passphrase: string) => call('vault:enablePassphrase', { passphrase }),
  unlock: (passphrase: string) => call('vault:unlock', { passphrase }),
  reset: () => call('vault:reset'),
});
