import { fail, type Result } from '../../../shared/ipc/contract';
import type { Vault } from './vault';
import { localError } from './vaultErrors';

/** Channels that need readable secrets: refused with a plain "unlock first" while the passphrase vault is locked. */
const NEEDS_SECRETS = /^(auth|crm|api|console):/;

/** Wraps the dispatcher: no call that would use a secret runs while the secrets are locked. */
export function guardLockedVault(
  dispatch: (channel: string, payload: unknown) => Promise<Result<unknown>>,
  vault: Vault,
): (channel: string, payload: unknown) => Promise<Result<unknown>> {
  return async (channel, payload) => {
    if (vault.isLocked && NEEDS_SECRETS.test(channel) && channel !== 'auth:cancel') return fail(localError('VAULT_LOCKED'));
    return dispatch(channel, payload);
  };
}
