import type { ConnectionView, IpcError } from '../../../shared/ipc/contract';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';

export interface ConnectionStatusDeps {
  vault: Vault;
  now: () => number;
  isConnecting(profileId: string): boolean;
  accessTokenExpiresAt(profileId: string): number | undefined;
  lastError(profileId: string): IpcError | undefined;
}

/** What the UI is told about a profile's connection: status, who, where, until when — never a token. */
export function describeConnection(p: StoredProfile, deps: ConnectionStatusDeps): ConnectionView {
  const now = deps.now();
  const lastError = deps.lastError(p.id);
  const base: ConnectionView = { status: 'not-connected', ...(lastError ? { lastError } : {}) };
  if (deps.vault.state(p.id, 'clientSecret') === 'undecryptable' || deps.vault.state(p.id, 'refreshToken') === 'undecryptable') {
    return { ...base, status: 'secret-missing' };
  }
  if (deps.isConnecting(p.id)) return { ...base, status: 'connecting' };
  const c = p.connection;
  if (!c) return base;
  const expiresAt = deps.accessTokenExpiresAt(p.id);
  const live = deps.vault.state(p.id, 'refreshToken') === 'present' || (expiresAt !== undefined && expiresAt > now);
  const throttled = p.throttledUntil !== undefined && p.throttledUntil > now;
  const view: ConnectionView = {
    ...base,
    status: throttled ? 'throttled' : live ? 'connected' : 'needs-reconnect',
    accountsServer: c.accountsServer,
    apiDomain: c.apiDomain,
    grantedScopes: c.grantedScopes,
    connectedAt: c.connectedAt,
  };
  if (c.userName) view.userName = c.userName;
  if (c.userEmail) view.userEmail = c.userEmail;
  if (c.orgName) view.orgName = c.orgName;
  if (c.orgId) view.orgId = c.orgId;
  if (expiresAt) view.accessTokenExpiresAt = expiresAt;
  if (throttled) view.retryAfter = p.throttledUntil;
  return view;
}
