import { CoreError } from '../../errors';
import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

type AuthChannels =
  | 'auth:connect'
  | 'auth:submitRedirect'
  | 'auth:pasteCode'
  | 'auth:clientCredentials'
  | 'auth:startDevice'
  | 'auth:cancel'
  | 'auth:disconnect';

export const authHandlers = (s: Services): Pick<Handlers, AuthChannels> => ({
  'auth:connect': async ({ profileId, acknowledgeTokenLimit }) => s.connector.connect(profileId, { acknowledgeTokenLimit }),
  'auth:submitRedirect': async ({ url }) => {
    const outcome = await s.connector.handleRedirect(url);
    if (outcome.error) throw new CoreError(outcome.error);
    return s.profiles.view(s.profiles.require(outcome.profileId ?? ''));
  },
  'auth:pasteCode': async (input) => s.connector.pasteCode(input),
  'auth:clientCredentials': async (input) => s.connector.clientCredentials(input),
  'auth:startDevice': async ({ profileId, acknowledgeTokenLimit }) => s.connector.startDevice(profileId, { acknowledgeTokenLimit }),
  'auth:cancel': async ({ profileId }) => {
    s.connector.cancel(profileId);
    return s.profiles.view(s.profiles.require(profileId));
  },
  'auth:disconnect': async ({ profileId, revoke }) => {
    await s.connector.disconnect(profileId, revoke);
    return s.profiles.view(s.profiles.require(profileId));
  },
});
