import type { ConnectVia, ConnectionView, DeviceProgress, IpcError } from '../../../shared/ipc/contract';
import type { StoredProfile } from '../profiles/storedProfile';
import type { Vault } from '../vault/vault';

export interface ConnectionStatusDeps {
  vault: Vault;
  now: () => number;
  isConnecting(profileId: string): boolean;
  accessTokenExpiresAt(profileId: string): number | undefined;
  lastError(profileId: string): IpcError | undefined;
  /** Optional facts from the connector (device flow in progress, how it was connected). */
  deviceProgress?(profileId: string): DeviceProgress | undefined;
  renewsWithoutUser?(profileId: string): boolean;
  connectedVia?(profileId: string): ConnectVia | undefined;
  pendingAuthorizeUrl?(profileId: string): string | undefined;
  warning?(profileId: string): IpcError | undefined;
}

/** What the UI is told about a profile's connection: status, who, where, until when — never a token. */
export function describeConnection(p: StoredProfile, deps: ConnectionStatusDeps): ConnectionView {
  const now = deps.now();
  const lastError = deps.lastError(p.id);
  const base: ConnectionView = { status: 'not-connected', ...(lastError ? { lastError } : {}) };
  if (deps.vault.state(p.id, 'clientSecret') === 'undecryptable' || deps.vault.state(p.id, 'refreshToken') === 'undecryptable') {
    return { ...base, status: 'secret-missing' };
  }
  if (deps.isConnecting(p.id)) {
    const device = deps.deviceProgress?.(p.id);
    const pendingAuthorizeUrl = deps.pendingAuthorizeUrl?.(p.id);
    return { ...base, status: 'connecting', ...(device ? { device } : {}), ...(pendingAuthorizeUrl ? { pendingAuthorizeUrl } : {}) };
  }
  const c = p.connection;
  if (!c) {
    // Zoho throttled a sign-in (not only a refresh): the profile says when it may try again.
    return p.throttledUntil !== undefined && p.throttledUntil > now ? { ...base, status: 'throttled', retryAfter: p.throttledUntil } : base;
  }
  const expiresAt = deps.accessTokenExpiresAt(p.id);
  const renews = deps.renewsWithoutUser?.(p.id) ?? false;
  const live = renews || deps.vault.state(p.id, 'refreshToken') === 'present' || (expiresAt !== undefined && expiresAt > now);
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
  if (c.location) view.location = c.location;
  const via = deps.connectedVia?.(p.id);
  if (via) view.via = via;
  if (renews) view.renewsWithoutUser = true;
  const warning = deps.warning?.(p.id);
  if (warning && view.status === 'connected') view.warning = warning;
  return view;
}
