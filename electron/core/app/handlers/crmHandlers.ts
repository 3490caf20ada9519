import type { Handlers } from '../dispatcher';
import type { Services } from '../services';

type CrmChannels =
  | 'crm:modules'
  | 'crm:fields'
  | 'crm:records'
  | 'crm:send'
  | 'crm:fetchAll'
  | 'crm:jobRecords'
  | 'crm:cancel'
  | 'crm:history'
  | 'crm:historyPin'
  | 'crm:historyRemove';

export const crmHandlers = (s: Services): Pick<Handlers, CrmChannels> => ({
  'crm:modules': async ({ profileId }) => s.crm.modules(profileId),
  'crm:fields': async ({ profileId, module }) => s.crm.fields(profileId, module),
  'crm:records': async ({ profileId, ...rest }) => s.crm.records(profileId, rest),
  'crm:send': async ({ profileId, request, confirmWrite, ignoreMissingScopes, source, label }) =>
    s.apiConsole.send(profileId, request, {
      ignoreMissingScopes,
      source,
      ...(confirmWrite ? { confirmWrite } : {}),
      ...(label ? { label } : {}),
    }),
  'crm:fetchAll': async ({ profileId, request, cap, ignoreMissingScopes }) => s.apiConsole.startFetchAll(profileId, request, cap, ignoreMissingScopes),
  'crm:jobRecords': async ({ jobId, offset, limit }) => s.apiConsole.records(jobId, offset, limit),
  'crm:cancel': async ({ jobId }) => s.apiConsole.cancel(jobId),
  'crm:history': async ({ profileId, search }) => {
    s.profiles.require(profileId);
    return s.history.list(profileId, search);
  },
  'crm:historyPin': async ({ profileId, id, pinned }) => {
    s.history.pin(profileId, id, pinned);
    return s.history.list(profileId);
  },
  'crm:historyRemove': async ({ profileId, id }) => {
    s.history.remove(profileId, id);
    return s.history.list(profileId);
  },
});
