/** What a CRM handler gets: the request, the token's org and user, and the server context. */
import type { DemoContext } from '../context';
import type { DemoOrgRecord } from '../data/directory';
import type { CrmUser, OrgData } from '../data/orgData';
import type { DemoRequest } from '../http/io';
import type { AccessTokenRecord } from '../state/types';

export interface CrmCall {
  ctx: DemoContext;
  req: DemoRequest;
  token: AccessTokenRecord;
  org: DemoOrgRecord;
  data: OrgData;
  /** The CRM user behind the token (CurrentUser). */
  user: CrmUser;
}
