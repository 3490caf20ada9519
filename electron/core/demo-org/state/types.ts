/** What the accounts server remembers: clients, codes and tokens (reference §3, §4). */
import type { DataCentreId, Environment } from '../../../../shared/zoho/dataCentres';

export type ClientType = 'server' | 'mobile' | 'self' | 'device';

export interface ClientRecord {
  client_id: string;
  type: ClientType;
  name: string;
  redirect_uris: string[];
  home_dc: DataCentreId;
  /** DCs whose users may authorize this client (§4.5); always includes home_dc. */
  enabled_dcs: DataCentreId[];
  same_secret_all_dcs: boolean;
  /** One secret per enabled DC; all equal when same_secret_all_dcs (§4.5). */
  secrets: Partial<Record<DataCentreId, string>>;
  created_at: number;
}

export interface Grant {
  client_id: string;
  user_key: string;
  org_id: string;
  dc: DataCentreId;
  environment: Environment;
  scopes: string[];
}

export interface GrantCodeRecord extends Grant {
  code: string;
  /** Absent for Self Client codes, which are exchanged without redirect_uri (§3.1). */
  redirect_uri?: string;
  issue_refresh_token: boolean;
  expires_at: number;
  used: boolean;
  challenge?: { value: string; method: 'S256' | 'plain' };
}

export interface RefreshTokenRecord extends Grant {
  token: string;
  created_at: number;
  /** When each access token was minted from it: the 10-per-10-minutes window (§3.4). */
  mint_times: number[];
}

export interface AccessTokenRecord extends Grant {
  token: string;
  refresh_token?: string;
  issued_at: number;
  expires_at: number;
  /** Evicted by the 15-active rule (→ INVALID_OAUTHTOKEN) or revoked (→ INVALID_TOKEN). */
  invalidated?: 'evicted' | 'revoked';
}

export interface PersistedState {
  version: 1;
  clients: ClientRecord[];
  refreshTokens: RefreshTokenRecord[];
  accessTokens: AccessTokenRecord[];
  /** "client_id|user_key|org_id" pairs that have consented with access_type=offline (§3.2). */
  consents: string[];
}

/** An authorization request that passed validation and waits for Allow or Deny. */
export interface PendingConsent {
  id: string;
  client_id: string;
  redirect_uri: string;
  scopes: string[];
  state: string | null;
  offline: boolean;
  prompt_consent: boolean;
  challenge?: { value: string; method: 'S256' | 'plain' };
  expires_at: number;
}
