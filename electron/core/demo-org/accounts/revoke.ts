/**
 * POST /oauth/v2/token/revoke?token=… (reference §1.2, §3.4, [A-REVOKE], [CRM-REVOKE8]):
 * a refresh token takes all its access tokens with it; success is {"status":"success"};
 * an invalid token gives HTTP 400.
 */
import type { ServerResponse } from 'node:http';
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { formParams, sendJson, type DemoRequest } from '../http/io';
import { revokeRefreshToken } from './issue';

export function handleRevoke(ctx: DemoContext, dc: DataCentreId, req: DemoRequest, res: ServerResponse): void {
  const token = formParams(req).get('token') ?? '';
  const refresh = ctx.store.refreshTokens.get(token);
  if (refresh && refresh.dc === dc) {
    revokeRefreshToken(ctx, token);
    ctx.store.save();
    return sendJson(res, 200, { status: 'success' });
  }
  const access = ctx.store.accessTokens.get(token);
  if (access && access.dc === dc && !access.invalidated) {
    access.invalidated = 'revoked';
    ctx.store.save();
    return sendJson(res, 200, { status: 'success' });
  }
  sendJson(res, 400, { status: 'failure', error: 'invalid_token' });
}
