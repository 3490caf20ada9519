import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

type CrmChannels = 'crm:modules' | 'crm:fields' | 'crm:records';

export const crmHandlers = (s: Services): Pick<Handlers, CrmChannels> => ({
  'crm:modules': async ({ profileId }) => s.crm.modules(profileId),
  'crm:fields': async ({ profileId, module }) => s.crm.fields(profileId, module),
  'crm:records': async ({ profileId, ...rest }) => s.crm.records(profileId, rest),
});
