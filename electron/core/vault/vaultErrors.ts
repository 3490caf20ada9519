import type { IpcError } from '../../../shared/ipc/contract';
import { CoreError } from '../errors';

/**
 * Errors of the vault, undo and import/export, in the same shape as the error catalogue
 * (stable code, a sentence a non-developer understands, what to do). They live here because
 * they are about this app's own files, not about Zoho.
 */
const CATALOGUE = {
  VAULT_LOCKED: {
    message: 'Your saved secrets are locked.',
    hint: 'Enter your passphrase in the banner at the top of the window to unlock them, then try again.',
  },
  VAULT_WRONG_PASSPHRASE: {
    message: 'That passphrase does not unlock your saved secrets.',
    hint: 'Check Caps Lock and try again. Nothing was changed.',
  },
  VAULT_PASSPHRASE_NOT_NEEDED: {
    message: 'This computer has a system keychain, which already keeps your secrets encrypted.',
    hint: 'No passphrase is needed.',
  },
  VAULT_NOT_LOCKED: {
    message: 'Your secrets are not locked.',
  },
  UNDO_EXPIRED: {
    message: 'It is too late to undo: the profile has been deleted for good.',
    hint: 'Create it again, or import it from an export file.',
  },
  IMPORT_DAMAGED: {
    message: 'This file is not a profiles export from Connected App Console, or it is damaged.',
    hint: 'Choose the file again, or export it again on the other computer. Nothing was changed.',
  },
  IMPORT_NEEDS_PASSPHRASE: {
    message: 'This file is encrypted: enter the passphrase it was exported with.',
  },
  IMPORT_WRONG_PASSPHRASE: {
    message: 'That passphrase does not open this file, or the file was changed after it was exported.',
    hint: 'Check the passphrase with whoever exported it and try again. Nothing was changed.',
  },
  IMPORT_NEWER_FORMAT: {
    message: 'This file was made by a newer version of Connected App Console.',
    hint: 'Update the app, then import it again. Nothing was changed.',
  },
} as const satisfies Record<string, { message: string; hint?: string }>;

export type LocalErrorCode = keyof typeof CATALOGUE;

export function localError(code: LocalErrorCode, details?: string): IpcError {
  const entry: { message: string; hint?: string } = CATALOGUE[code];
  return { code, message: entry.message, ...(entry.hint ? { hint: entry.hint } : {}), ...(details ? { details } : {}) };
}

export function localFailure(code: LocalErrorCode, details?: string): CoreError {
  return new CoreError(localError(code, details));
}
