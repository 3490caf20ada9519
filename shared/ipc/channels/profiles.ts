import { z } from 'zod';
import { DATA_CENTRE_IDS, ENVIRONMENTS } from '../../zoho/dataCentres';
import type { ConnectionView } from './auth';
import type { Call, ChannelInput } from '../contract';

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
  /** The client is used across data centres ("Use the same OAuth credentials for all data centers", §4.5). */
  multiDc: z.boolean().default(false),
  /**
   * Write-only per-DC secrets, for multi-DC clients whose secret differs per data centre (§4.5).
   * Omitted on update = keep the stored ones; an empty string removes that DC's secret.
   */
  clientSecretsByDc: z.partialRecord(z.enum(DATA_CENTRE_IDS), z.string().trim().max(200)).optional(),
  scopes: z.array(z.string().trim().min(1)).min(1, 'Pick at least one scope.').max(100),
  notes: z.string().max(2000).default(''),
  readOnly: z.boolean().default(false),
});
export type ProfileInput = z.input<typeof ProfileInputSchema>;

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
  multiDc: boolean;
  /** Data centres that have a secret of their own (the values are never sent to the renderer). */
  dcSecrets: (typeof DATA_CENTRE_IDS)[number][];
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

export const profileChannels = {
  'profiles:list': z.undefined().optional(),
  'profiles:create': ProfileInputSchema,
  'profiles:update': z.object({ id: ProfileIdSchema, changes: ProfileInputSchema.partial() }),
  'profiles:delete': z.object({ id: ProfileIdSchema }),
  'profiles:setActive': z.object({ id: ProfileIdSchema }),
} as const;

export interface ProfileOutputs {
  'profiles:list': ProfileView[];
  'profiles:create': ProfileView;
  'profiles:update': ProfileView;
  'profiles:delete': { id: string };
  'profiles:setActive': ProfileView;
}

export const profilesApi = (call: Call) => ({
  list: () => call('profiles:list'),
  create: (input: ChannelInput<'profiles:create'>) => call('profiles:create', input),
  update: (id: string, changes: ChannelInput<'profiles:update'>['changes']) => call('profiles:update', { id, changes }),
  remove: (id: string) => call('profiles:delete', { id }),
  setActive: (id: string) => call('profiles:setActive', { id }),
});
