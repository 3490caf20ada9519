import type { Handlers } from '../app/dispatcher';
import type { Services } from '../app/services';

type VaultChannels = 'vault:status' | 'vault:enablePassphrase' | 'vault:unlock' | 'vault:reset';

export const vaultHandlers = (s: Services): Pick<Handlers, VaultChannels> => ({
  'vault:status': async () => s.vault.status(),
  'vault:enablePassphrase': async ({ passphrase }) => {
    await s.vault.enablePassphrase(passphrase);
    s.emit({ type: 'profiles-changed' });
    return s.vault.status();
  },
  'vault:unlock': async ({ passphrase }) => {
    await s.vault.unlock(passphrase);
    s.emit({ type: 'profiles-changed' });
    return s.vault.status();
  },
  'vault:reset': async () => {
    const movedTo = s.vault.reset();
    s.emit({ type: 'profiles-changed' });
    return { ...s.vault.status(), movedTo };
  },
});
