import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

type ProfileChannels = 'profiles:list' | 'profiles:create' | 'profiles:update' | 'profiles:delete' | 'profiles:setActive';

export const profileHandlers = (s: Services): Pick<Handlers, ProfileChannels> => ({
  'profiles:list': async () => s.profiles.list(),
  'profiles:create': async (input) => {
    const view = s.profiles.create(input);
    s.emit({ type: 'profiles-changed' });
    return view;
  },
  'profiles:update': async ({ id, changes }) => {
    const view = s.profiles.update(id, changes);
    s.emit({ type: 'profiles-changed' });
    return view;
  },
  'profiles:delete': async ({ id }) => {
    s.connector.cancel(id);
    s.tokens.forget(id);
    s.profiles.remove(id);
    s.emit({ type: 'profiles-changed' });
    return { id };
  },
  'profiles:setActive': async ({ id }) => s.profiles.touch(id),
});
