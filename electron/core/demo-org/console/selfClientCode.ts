/**
 * The Self Client "Generate Code" tab (reference §4.3, [A-SELF-CODE]): scopes (comma-separated),
 * an expiry (default 3 minutes; our range 1–10, drop-down values UNCONFIRMED), and the org.
 * The code is exchanged at /oauth/v2/token without redirect_uri (§3.1).
 */
import type { DemoContext } from '../context';
import { findOrg, findUser, orgsOf } from '../data/directory';
import { issueGrantCode, takeGrantCodeSlot } from '../accounts/issue';
import { isKnownScope, parseRequestedScopes } from '../accounts/scopeWords';
import { ClientInputError } from './clients';

export interface SelfClientCodeInput {
  client_id: string;
  scope: string;
  expiry_minutes?: number;
  user: string;
  org?: string;
}

export function generateSelfClientCode(ctx: DemoContext, input: unknown): { code: string; expires_in: number } {
  const i = (input ?? {}) as Record<string, unknown>;
  const client = ctx.store.clients.get(String(i['client_id'] ?? ''));
  if (!client) throw new ClientInputError('No client with that client_id.', 'client_id');
  if (client.type !== 'self') throw new ClientInputError('Codes are generated here only for a Self Client.', 'client_id');
  const scopes = parseRequestedScopes(typeof i['scope'] === 'string' ? i['scope'] : '');
  const bad = scopes.find((s) => !isKnownScope(s));
  if (!scopes.length || bad) throw new ClientInputError(bad ? `Unknown scope "${bad}". Separate scopes with commas.` : 'Enter at least one scope.', 'scope');
  const minutes = i['expiry_minutes'] ?? 3;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > 10) {
    throw new ClientInputError('expiry_minutes must be a whole number from 1 to 10.', 'expiry_minutes');
  }
  const user = findUser(String(i['user'] ?? ''));
  if (!user) throw new ClientInputError('Pick one of the demo users (GET /console/api/users).', 'user');
  const orgs = orgsOf(user);
  const org = i['org'] === undefined && orgs.length === 1 ? orgs[0] : findOrg(String(i['org'] ?? ''));
  if (!org || !user.orgIds.includes(org.id)) throw new ClientInputError("Pick one of the user's organisations.", 'org');
  if (org.dc !== client.home_dc) throw new ClientInputError(`This Self Client lives in the ${client.home_dc} data centre; the org is in ${org.dc}.`, 'org');
  const now = ctx.clock.now();
  if (!takeGrantCodeSlot(ctx, client.client_id)) {
    throw new ClientInputError('Access Denied: Maximum request limit reached. Please try again after some time.', 'client_id');
  }
  const code = issueGrantCode(ctx, {
    client_id: client.client_id,
    user_key: user.key,
    org_id: org.id,
    dc: org.dc,
    environment: org.environment,
    scopes,
    issue_refresh_token: true,
    expires_at: now + minutes * 60_000,
  });
  return { code, expires_in: minutes * 60 };
}
