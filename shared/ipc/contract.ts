/**
 * The IPC contract: every channel between the renderer and the core, with a zod schema for
 * its input. One contract, three transports (Electron IPC, browser mode's local HTTP, tests);
 * `createApi(invoke, subscribe)` builds the same typed `window.api` over any of them.
 * This file runs in the renderer too: no `electron`, no `node:*`.
 */
import { z } from 'zod';
import { DATA_CENTRE_IDS, ENVIRONMENTS } from '../zoho/dataCentres';
import type { AppError } from '../zoho/errors';

// ---------------------------------------------------------------------------------------
// Envelope: handlers never throw across IPC.
export interface FieldErrors {
  [field: string]: string;
}
export type IpcError = AppError & { fields?: FieldErrors };
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: IpcError): Result<never> => ({ ok: false, error });

// ---------------------------------------------------------------------------------------
// Shared shapes
/** Zoho client ids: `1000.` then 30 upper-case letters and digits. */
export const CLIENT_ID_PATTERN = /^1000\.[A-Z0-9]{30}$/;

export const CLIENT_TYPES = ['mobile', 'server', 'self', 'device'] as const;
export type ClientType = (typeof CLIENT_TYPES)[number];
/** Where the org lives: real Zoho, or the Demo org the app runs on this computer. */
export const SERVICES = ['zoho', 'demo'] as const;
export type Service = (typeof SERVICES)[number];

export const ProfileIdSchema = z.string().min(1).max(64);

export const ProfileInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the profile a name.').max(80, 'Keep the name under 80 characters.'),
  orgLabel: z.string().trim().max(80, 'Keep the org label under 80 characters.').default(''),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'Pick a colour.')
    .default('#2f6fde'),
  service: z.enum(SERVICES).default('zoho'),
  environment: z.enum(ENVIRONMENTS).default('production'),
  dataCentre: z.enum(DATA_CENTRE_IDS, { message: 'Pick the data centre where the client was registered.' }),
  clientType: z.enum(CLIENT_TYPES).default('mobile'),
  loopbackPort: z
    .number({ message: 'The port must be a number.' })
    .int('The port must be a whole number.')
    .min(1024, 'Use a port between 1024 and 65535.')
    .max(65535, 'Use a port between 1024 and 65535.')
    .optional(),
  loopbackPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_.-]*$/, 'The path must start with / and use only letters, digits, / _ . -')
    .optional(),
  clientId: z
    .string()
    .trim()
    .regex(CLIENT_ID_PATTERN, 'A Zoho client id looks like 1000. followed by 30 capital letters and digits. Copy it from the API console.'),
  /** Write-only. Omitted on update = keep the stored one. */
  clientSecret: z.string().trim().min(1, 'Enter the client secret.').max(200).optional(),
  scopes: z.array(z.string().trim().min(1)).min(1, 'Pick at least one scope.').max(100),
  notes: z.string().max(2000).default(''),
  readOnly: z.boolean().default(false),
});
export type ProfileInput = z.input<typeof ProfileInputSchema>;

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

/** What the renderer knows of a profile. Secrets never appear: only `hasClientSecret`. */
export interface ProfileView {
  id: string;
  name: string;
  orgLabel: string;
  colour: string;
  service: Service;
  environment: (typeof ENVIRONMENTS)[number];
  dataCentre: (typeof DATA_CENTRE_IDS)[number];
  clientType: ClientType;
  loopbackPort?: number;
  loopbackPath?: string;
  clientId: string;
  hasClientSecret: boolean;
  scopes: string[];
  notes: string;
  readOnly: boolean;
  isBuiltInDemo: boolean;
  createdAt: number;
  lastUsedAt?: number;
  /** The redirect URI to register in the API console, or null (Self Client, device). */
  redirectUri: string | null;
  connection: ConnectionView;
}

export interface AppInfo {
  mode: 'electron' | 'browser';
  version: string;
  /** Whether secrets survive a restart, and why not if they don't. */
  secretStorage: { persistent: boolean; backend: string; message?: string };
  activeProfileId: string | null;
  demoOrg: { running: boolean; consoleUrl?: string };
  /** Things the user must be told about at start (e.g. a damaged file was moved aside). */
  notices: string[];
}

export interface CrmModule {
  apiName: string;
  label: string;
  singularLabel: string;
  apiSupported: boolean;
}
export interface CrmField {
  apiName: string;
  label: string;
  dataType: string;
}
export interface RecordsPage {
  records: Record<string, unknown>[];
  info: { page: number; perPage: number; count: number; moreRecords: boolean; nextPageToken?: string | null };
  durationMs: number;
}

export interface ConnectStarted {
  authorizeUrl: string;
  redirectUri: string;
  /** How the answer will come back. */
  via: 'scheme' | 'loopback';
}

// ---------------------------------------------------------------------------------------
// Channels: name → input schema (outputs are typed by `ChannelOutputs`).
export const channelInputs = {
  'app:info': z.undefined().optional(),
  'profiles:list': z.undefined().optional(),
  'profiles:create': ProfileInputSchema,
  'profiles:update': z.object({ id: ProfileIdSchema, changes: ProfileInputSchema.partial() }),
  'profiles:delete': z.object({ id: ProfileIdSchema }),
  'profiles:setActive': z.object({ id: ProfileIdSchema }),
  'auth:connect': z.object({ profileId: ProfileIdSchema }),
  /** The redirect address pasted by the user (when the browser could not hand it back). */
  'auth:submitRedirect': z.object({ url: z.string().min(1).max(8192) }),
  'auth:cancel': z.object({ profileId: ProfileIdSchema }),
  'auth:disconnect': z.object({ profileId: ProfileIdSchema, revoke: z.boolean() }),
  'crm:modules': z.object({ profileId: ProfileIdSchema }),
  'crm:fields': z.object({ profileId: ProfileIdSchema, module: z.string().min(1).max(100) }),
  'crm:records': z.object({
    profileId: ProfileIdSchema,
    module: z.string().min(1).max(100),
    fields: z.array(z.string().min(1).max(100)).min(1).max(50),
    page: z.number().int().min(1).default(1),
    perPage: z.number().int().min(1).max(200).default(50),
  }),
} as const;

export type Channel = keyof typeof channelInputs;
export const CHANNELS = Object.keys(channelInputs) as Channel[];

export interface ChannelOutputs {
  'app:info': AppInfo;
  'profiles:list': ProfileView[];
  'profiles:create': ProfileView;
  'profiles:update': ProfileView;
  'profiles:delete': { id: string };
  'profiles:setActive': ProfileView;
  'auth:connect': ConnectStarted;
  'auth:submitRedirect': ProfileView;
  'auth:cancel': ProfileView;
  'auth:disconnect': ProfileView;
  'crm:modules': CrmModule[];
  'crm:fields': CrmField[];
  'crm:records': RecordsPage;
}

export type ChannelInput<C extends Channel> = z.input<(typeof channelInputs)[C]>;
export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(channelInputs, value);
}

// ---------------------------------------------------------------------------------------
// Events: main → renderer, one channel, typed payload.
export const EVENT_CHANNEL = 'app:event';
export type AppEvent =
  | { type: 'profiles-changed' }
  | { type: 'auth-finished'; profileId: string; ok: true; profile: ProfileView }
  | { type: 'auth-finished'; profileId: string; ok: false; error: IpcError }
  /** A redirect arrived that the app refused (forged, replayed, expired). */
  | { type: 'redirect-refused'; error: IpcError };

// ---------------------------------------------------------------------------------------
// The typed API, built over any transport.
export type Invoke = (channel: Channel, payload: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

export function createApi(invoke: Invoke, subscribe: Subscribe) {
  const call = <C extends Channel>(channel: C, payload?: ChannelInput<C>) =>
    invoke(channel, payload) as Promise<Result<ChannelOutput<C>>>;
  return {
    call,
    onEvent: subscribe,
    app: {
      info: () => call('app:info'),
    },
    profiles: {
      list: () => call('profiles:list'),
      create: (input: ChannelInput<'profiles:create'>) => call('profiles:create', input),
      update: (id: string, changes: ChannelInput<'profiles:update'>['changes']) => call('profiles:update', { id, changes }),
      remove: (id: string) => call('profiles:delete', { id }),
      setActive: (id: string) => call('profiles:setActive', { id }),
    },
    auth: {
      connect: (profileId: string) => call('auth:connect', { profileId }),
      submitRedirect: (url: string) => call('auth:submitRedirect', { url }),
      cancel: (profileId: string) => call('auth:cancel', { profileId }),
      disconnect: (profileId: string, revoke: boolean) => call('auth:disconnect', { profileId, revoke }),
    },
    crm: {
      modules: (profileId: string) => call('crm:modules', { profileId }),
      fields: (profileId: string, module: string) => call('crm:fields', { profileId, module }),
      records: (input: ChannelInput<'crm:records'>) => call('crm:records', input),
    },
  };
}
export type Api = ReturnType<typeof createApi>;
