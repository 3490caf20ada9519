import { z } from 'zod';
import { DATA_CENTRE_IDS } from '../../zoho/dataCentres';
import type { Call, ChannelInput } from '../contract';
import type { IpcError } from '../envelope';
import { ProfileIdSchema, type ProfileView } from './profiles';

export type ConnectionStatus =
  | 'not-connected'
  | 'connecting'
  | 'connected'
  | 'needs-reconnect'
  | 'secret-missing'
  | 'throttled';

export interface ConnectionView {
  status: ConnectionStatus;
  userName?: string;
  userEmail?: string;
  orgName?: string;
  orgId?: string;
  accountsServer?: string;
  apiDomain?: string;
  grantedScopes?: string[];
  /** ms since epoch */
  accessTokenExpiresAt?: number;
  connectedAt?: number;
  /** ms since epoch: no new token request before this (Zoho throttle). */
  retryAfter?: number;
  lastError?: IpcError;
  /** The user's data centre as Zoho named it on the redirect (`location`). */
  location?: string;
  /** How the connection was made. */
  via?: ConnectVia;
  /** A Self Client's client_credentials connection: the app mints new tokens by itself, no refresh token. */
  renewsWithoutUser?: boolean;
  /** While a device (Non-browser) sign-in waits for the user. */
  device?: DeviceProgress;
  /**
   * While a browser sign-in waits for Zoho's redirect: the consent page's address (PKCE
   * challenge and state only, no secret), so "Open the consent page again" survives a reload.
   */
  pendingAuthorizeUrl?: string;
  /** Connected, but something needs the user's eye (e.g. the previous sign-in could not be revoked at Zoho). */
  warning?: IpcError;
}

export type ConnectVia = 'scheme' | 'loopback' | 'self' | 'device';

/** A device sign-in in progress (§4.4): what to show, and how the polling goes. */
export interface DeviceProgress {
  userCode: string;
  verificationUrl: string;
  /** ms since epoch: the code stops working then. */
  expiresAt: number;
  /** Seconds between polls (grows when Zoho says slow_down). */
  intervalSeconds: number;
  polls: number;
  lastPolledAt?: number;
  nextPollAt?: number;
  /** Plain words about the last answer ("Still waiting…", "Zoho asked the app to poll less often"). */
  note?: string;
}

export interface ConnectStarted {
  authorizeUrl: string;
  redirectUri: string;
  /** How the answer will come back. */
  via: 'scheme' | 'loopback';
}

const DataCentreSchema = z.enum(DATA_CENTRE_IDS);

export const authChannels = {
  /** Browser sign-in (Mobile-based: URL scheme; Server-based: loopback). */
  'auth:connect': z.object({
    profileId: ProfileIdSchema,
    /** The user read the 21st-refresh-token warning and wants to go on. */
    acknowledgeTokenLimit: z.boolean().optional(),
  }),
  /** Self Client: a grant code from the API console's Generate Code tab, exchanged at once. */
  'auth:pasteCode': z.object({
    profileId: ProfileIdSchema,
    code: z.string().trim().min(1, 'Paste the code from the API console.').max(2000),
    /** The DC whose API console generated the code (default: the profile's). */
    dataCentre: DataCentreSchema.optional(),
    acknowledgeTokenLimit: z.boolean().optional(),
  }),
  /** Self Client without a code: client_credentials, with the org (`soid`) when the user has several (§3.1). */
  'auth:clientCredentials': z.object({
    profileId: ProfileIdSchema,
    dataCentre: DataCentreSchema.optional(),
    /** "ZohoCRM.<org id>" or just the org id. */
    soid: z
      .string()
      .trim()
      .regex(/^(ZohoCRM\.)?\d{5,25}$/i, 'The org id is a number, e.g. 60021458201 (or ZohoCRM.60021458201).')
      .optional(),
  }),
  /** Non-browser client: start the device flow; progress shows in the profile's connection. */
  'auth:startDevice': z.object({ profileId: ProfileIdSchema, acknowledgeTokenLimit: z.boolean().optional() }),
  /** The redirect address pasted by the user (when the browser could not hand it back). */
  'auth:submitRedirect': z.object({ url: z.string().min(1).max(8192) }),
  'auth:cancel': z.object({ profileId: ProfileIdSchema }),
  'auth:disconnect': z.object({ profileId: ProfileIdSchema, revoke: z.boolean() }),
} as const;

export interface AuthOutputs {
  'auth:connect': ConnectStarted;
  'auth:pasteCode': ProfileView;
  'auth:clientCredentials': ProfileView;
  'auth:startDevice': DeviceProgress;
  'auth:submitRedirect': ProfileView;
  'auth:cancel': ProfileView;
  'auth:disconnect': ProfileView;
}

export const authApi = (call: Call) => ({
  connect: (profileId: string, options: { acknowledgeTokenLimit?: boolean } = {}) => call('auth:connect', { profileId, ...options }),
  pasteCode: (input: ChannelInput<'auth:pasteCode'>) => call('auth:pasteCode', input),
  clientCredentials: (input: ChannelInput<'auth:clientCredentials'>) => call('auth:clientCredentials', input),
  startDevice: (profileId: string, options: { acknowledgeTokenLimit?: boolean } = {}) => call('auth:startDevice', { profileId, ...options }),
  submitRedirect: (url: string) => call('auth:submitRedirect', { url }),
  cancel: (profileId: string) => call('auth:cancel', { profileId }),
  disconnect: (profileId: string, revoke: boolean) => call('auth:disconnect', { profileId, revoke }),
});
