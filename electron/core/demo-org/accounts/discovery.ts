/**
 * GET /oauth/serverinfo (§1.1 notes, [A-MDC-SRV]) and the OIDC discovery document (§1.3).
 * serverinfo's shape {"result","locations"} is from community code (UNCONFIRMED); China is
 * left out as on Zoho, where it is a separate world ([CRM-MDC]).
 */
import type { ServerResponse } from 'node:http';
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import { DATA_CENTRES } from '../../../../shared/zoho/dataCentres';
import { accountsOrigin, type DemoContext } from '../context';
import { sendJson } from '../http/io';

export function handleServerInfo(ctx: DemoContext, res: ServerResponse): void {
  const locations: Record<string, string> = {};
  for (const [dc, origin] of Object.entries(ctx.origins.accounts)) {
    if (dc !== 'cn') locations[DATA_CENTRES[dc as DataCentreId].location] = origin;
  }
  sendJson(res, 200, { result: 'success', locations });
}

export function handleDiscovery(ctx: DemoContext, dc: DataCentreId, res: ServerResponse): void {
  const issuer = accountsOrigin(ctx, dc);
  sendJson(res, 200, {
    issuer,
    authorization_endpoint: `${issuer}/oauth/v2/auth`,
    token_endpoint: `${issuer}/oauth/v2/token`,
    revocation_endpoint: `${issuer}/oauth/v2/token/revoke`,
    device_authorization_endpoint: `${issuer}/oauth/v3/device/code`,
    dc_info: `${issuer}/oauth/serverinfo`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['plain', 'S256'],
    scopes_supported: [],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
}
