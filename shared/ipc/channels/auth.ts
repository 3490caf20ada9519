import { z } from 'zod';
import type { Call } from '../contract';
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
}

export interface ConnectStarted {
  authorizeUrl: string;
  redirectUri: string;
  /** How the answer will come back. */
  via: 'scheme' | 'loopback';
}

export const authChannels = {
  'auth:connect': z.object({ profileId: ProfileIdSchema }),
  /** The redirect address pasted by the user (when the browser could not hand it back). */
  'auth:submitRedirect': z.object({ url: z.string().min(1).max(8192) }),
  'auth:cancel': z.object({ profileId: ProfileIdSchema }),
  'auth:disconnect': z.object({ profileId: ProfileIdSchema, revoke: z.boolean() }),
} as const;

export interface AuthOutputs {
  'auth:connect': ConnectStarted;
  'auth:submitRedirect': ProfileView;
  'auth:cancel': ProfileView;
  'auth:disconnect': ProfileView;
}

export const authApi = (call: Call) => ({
  connect: (profileId: string) => call('auth:connect', { profileId }),
  submitRedirect: (url: string) => call('auth:submitRedirect', { url }),
  cancel: (profileId: string) => call('auth:cancel', { profileId }),
  disconnect: (profileId: string, revoke: boolean) => call('auth:disconnect', { profileId, revoke }),
});
