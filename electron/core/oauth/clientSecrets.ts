import type { HostPolicy } from '../net/hostPolicy';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';

/**
 * The client secret to send to an accounts server. A multi-DC client may have one secret
 * per data centre ("the client secret differs from one DC to another", §4.5): the one for
 * the DC being called wins, else the common secret.
 */
export function clientSecretFor(
  deps: { vault: Vault; hosts: HostPolicy },
  profile: Pick<StoredProfile, 'id' | 'service'>,
  accountsServer: string,
): string | undefined {
  const dc = deps.hosts.dataCentreOfAccountsServer(accountsServer, profile.service);
  const own = dc ? deps.vault.get(profile.id, `clientSecret:${dc}`) : undefined;
  return own ?? deps.vault.get(profile.id, 'clientSecret');
}
