import { Portability } from '../../portability/portability';
import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

type ProfileChannels =
  | 'profiles:list'
  | 'profiles:create'
  | 'profiles:update'
  | 'profiles:delete'
  | 'profiles:undoDelete'
  | 'profiles:duplicate'
  | 'profiles:setActive'
  | 'profiles:export'
  | 'profiles:previewImport'
  | 'profiles:import';

export const profileHandlers = (s: Services): Pick<Handlers, ProfileChannels> => {
  const portability = new Portability({ store: s.store, vault: s.vault, profiles: s.profiles, log: s.log, now: s.now });
  const changed = <T>(value: T): T => {
    s.emit({ type: 'profiles-changed' });
    return value;
  };
  return {
    'profiles:list': async () => s.profiles.list(),
    'profiles:create': async (input) => changed(s.profiles.create(input)),
    'profiles:update': async ({ id, changes }) => {
      // A new client, data centre, environment or service ends the connection: once the edit is
      // known to be valid, the auth layer revokes it at Zoho first.
      s.profiles.checkUpdate(id, changes);
      await s.connector.beforeIdentityChange(id, changes);
      return changed(s.profiles.update(id, changes));
    },
    'profiles:delete': async ({ id }) => {
      s.profiles.require(id);
      s.connector.cancel(id);
      // The profile's secrets (refresh token included) are stashed for undo before the token manager forgets.
      const deleted = s.profiles.remove(id);
      s.tokens.forget(id);
      return changed(deleted);
    },
    'profiles:undoDelete': async ({ id }) => changed(s.profiles.restore(id)),
    'profiles:duplicate': async ({ id, ...options }) => changed(s.profiles.duplicate(id, options)),
    'profiles:setActive': async ({ id }) => s.profiles.touch(id),
    'profiles:export': async ({ ids, passphrase }) => portability.exportProfiles(ids, passphrase),
    'profiles:previewImport': async ({ contents, passphrase }) => portability.preview(contents, passphrase),
    'profiles:import': async ({ contents, passphrase, decisions }) => changed(await portability.importProfiles(contents, passphrase, decisions)),
  };
};
