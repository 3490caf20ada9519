/**
 * Registering clients, as Zoho's API console does (reference §4.1, §4.2, §4.5):
 * - Server-based: redirect URIs must be http(s) ("The URI should begin with https:// or http://").
 * - Mobile-based: the app's URL scheme (e.g. connected-app-console://oauth/callback) or http(s).
 * - Self Client and Non-browser (device): no redirect URI; Self Client is not multi-DC.
 * - Client name: letters, digits, spaces, and only _ and & as special characters ([K4]).
 */
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';
import type { DemoContext } from '../context';
import { newClientId, newClientSecret } from '../ids';
import { isServedDc } from '../origins';
import type { ClientRecord, ClientType } from '../state/types';

export interface DemoClientInput {
  type: 'server' | 'mobile' | 'self' | 'device';
  name: string;
  redirect_uris?: string[];
  home_dc?: string;
  enabled_dcs?: string[];
  same_secret_all_dcs?: boolean;
}

export interface DemoClient {
  client_id: string;
  client_secret: string;
  client_secrets_by_dc?: Record<string, string>;
}

export class ClientInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'ClientInputError';
  }
}

const TYPES: readonly ClientType[] = ['server', 'mobile', 'self', 'device'];
const REDIRECT_HINT = "Enter a valid redirect URI — Specify a valid redirect URI in the format 'https://www.your-domain.com/callback'";

function checkRedirect(type: ClientType, uri: unknown): string {
  if (typeof uri !== 'string' || !uri.trim()) throw new ClientInputError(REDIRECT_HINT, 'redirect_uris');
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new ClientInputError(REDIRECT_HINT, 'redirect_uris');
  }
  if (url.hash) throw new ClientInputError('A redirect URI cannot contain a fragment (#…).', 'redirect_uris');
  const web = url.protocol === 'http:' || url.protocol === 'https:';
  if (web && !url.hostname) throw new ClientInputError(REDIRECT_HINT, 'redirect_uris');
  if (type === 'server' && !web) {
    throw new ClientInputError(`${REDIRECT_HINT}. Server-based clients need an http:// or https:// address; custom URL schemes are for Mobile-based clients.`, 'redirect_uris');
  }
  if (type === 'mobile' && !web && !/^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) throw new ClientInputError(REDIRECT_HINT, 'redirect_uris');
  if (['javascript:', 'data:', 'file:', 'blob:', 'about:'].includes(url.protocol)) throw new ClientInputError(REDIRECT_HINT, 'redirect_uris');
  return uri;
}

export function validateClientInput(input: unknown): Omit<ClientRecord, 'client_id' | 'secrets' | 'created_at'> {
  if (!input || typeof input !== 'object') throw new ClientInputError('Send a JSON object describing the client.', 'body');
  const i = input as Record<string, unknown>;
  const type = i['type'];
  if (typeof type !== 'string' || !TYPES.includes(type as ClientType)) {
    throw new ClientInputError('type must be one of "server", "mobile", "self", "device".', 'type');
  }
  const name = typeof i['name'] === 'string' ? i['name'].trim() : '';
  if (!name) throw new ClientInputError('Enter a client name.', 'name');
  if (name.length > 50 || !/^[A-Za-z0-9 _&]+$/.test(name)) {
    throw new ClientInputError('Client name: up to 50 letters, digits and spaces; the only special characters allowed are _ and &.', 'name');
  }
  const rawUris = i['redirect_uris'] ?? [];
  if (!Array.isArray(rawUris)) throw new ClientInputError('redirect_uris must be a list.', 'redirect_uris');
  const needsRedirect = type === 'server' || type === 'mobile';
  if (needsRedirect && rawUris.length === 0) throw new ClientInputError('Add at least one Authorized Redirect URI.', 'redirect_uris');
  if (!needsRedirect && rawUris.length > 0) {
    throw new ClientInputError(`${type === 'self' ? 'A Self Client' : 'A Non-browser client'} has no redirect URI.`, 'redirect_uris');
  }
  const redirect_uris = rawUris.map((u) => checkRedirect(type as ClientType, u));
  const home = i['home_dc'] ?? 'us';
  if (!isServedDc(home)) throw new ClientInputError(`home_dc must be a data centre id such as "us", "eu" or "in"; got ${JSON.stringify(home)}.`, 'home_dc');
  const rawEnabled = i['enabled_dcs'] ?? [home];
  if (!Array.isArray(rawEnabled) || !rawEnabled.every(isServedDc)) {
    throw new ClientInputError('enabled_dcs must be a list of data centre ids such as ["us","eu"].', 'enabled_dcs');
  }
  const enabled = [...new Set<DataCentreId>([home, ...(rawEnabled as DataCentreId[])])];
  // "Multi-DC is available for all client types, except the Self Client type" ([CATALYST-REG], §4.3).
  if (type === 'self' && enabled.length > 1) throw new ClientInputError('A Self Client works in its own data centre only.', 'enabled_dcs');
  const same = i['same_secret_all_dcs'] ?? true;
  if (typeof same !== 'boolean') throw new ClientInputError('same_secret_all_dcs must be true or false.', 'same_secret_all_dcs');
  return { type: type as ClientType, name, redirect_uris, home_dc: home, enabled_dcs: enabled, same_secret_all_dcs: same };
}

export function registerClient(ctx: DemoContext, input: unknown): DemoClient {
  const valid = validateClientInput(input);
  const shared = newClientSecret();
  const secrets: Partial<Record<DataCentreId, string>> = {};
  for (const dc of valid.enabled_dcs) secrets[dc] = valid.same_secret_all_dcs || dc === valid.home_dc ? shared : newClientSecret();
  const record: ClientRecord = { ...valid, client_id: newClientId(), secrets, created_at: ctx.clock.now() };
  ctx.store.clients.set(record.client_id, record);
  ctx.store.save();
  return describeSecrets(record);
}

export function describeSecrets(record: ClientRecord): DemoClient {
  const out: DemoClient = { client_id: record.client_id, client_secret: record.secrets[record.home_dc]! };
  if (!record.same_secret_all_dcs) out.client_secrets_by_dc = { ...record.secrets } as Record<string, string>;
  return out;
}
