/**
 * The API's door (reference §5.2, §5.5, §1.1 notes): only `Authorization: Zoho-oauthtoken <token>`.
 * Missing or malformed header → 401 AUTHENTICATION_FAILURE; unknown, expired or revoked token →
 * 401 INVALID_TOKEN; a token evicted by the 15-active rule → INVALID_OAUTHTOKEN; a token of another
 * DC or environment is unknown here ("tokens are organisation- and environment-specific").
 */
import type { DataCentreId, Environment } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import type { DemoRequest } from '../http/io';
import type { AccessTokenRecord } from '../state/types';
import { errors, type CrmResult } from './envelope';

const PREFIX = 'Zoho-oauthtoken ';

export function authenticate(
  ctx: DemoContext,
  site: { dc: DataCentreId; environment: Environment },
  req: DemoRequest,
): { ok: true; token: AccessTokenRecord } | { ok: false; result: CrmResult } {
  const header = req.headers.authorization;
  // Bearer is not documented for CRM (§5.2: UNCONFIRMED), so it is refused like a missing header.
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return { ok: false, result: errors.authenticationFailure() };
  const token = ctx.store.accessTokens.get(header.slice(PREFIX.length).trim());
  if (!token || token.dc !== site.dc || token.environment !== site.environment) return { ok: false, result: errors.invalidToken() };
  if (token.invalidated === 'evicted') return { ok: false, result: errors.invalidOauthToken() };
  if (token.invalidated === 'revoked' || token.expires_at <= ctx.clock.now()) return { ok: false, result: errors.invalidToken() };
  return { ok: true, token };
}
