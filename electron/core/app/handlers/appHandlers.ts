import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

export const appHandlers = (s: Services): Pick<Handlers, 'app:info'> => ({
  'app:info': async () => s.appInfo(),
});
