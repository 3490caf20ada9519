import { z } from 'zod';
import { DATA_CENTRE_IDS, ENVIRONMENTS } from '../../../shared/zoho/dataCentres';
import { CLIENT_TYPES, SERVICES } from '../../../shared/ipc/contract';

/** What a successful Connect learned, kept with the profile (never a token). */
export const StoredConnectionSchema = z.object({
  accountsServer: z.string(),
  apiDomain: z.string(),
  location: z.string().optional(),
  userId: z.string().optional(),
  userName: z.string().optional(),
  userEmail: z.string().optional(),
  orgId: z.string().optional(),
  orgName: z.string().optional(),
  grantedScopes: z.array(z.string()).default([]),
  connectedAt: z.number(),
});
export type StoredConnection = z.infer<typeof StoredConnectionSchema>;

/** A profile as written to profiles.json. Secrets live in the vault, never here. */
export const StoredProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  orgLabel: z.string().default(''),
  colour: z.string().default('#2f6fde'),
  service: z.enum(SERVICES).default('zoho'),
  environment: z.enum(ENVIRONMENTS),
  dataCentre: z.enum(DATA_CENTRE_IDS),
  clientType: z.enum(CLIENT_TYPES),
  loopbackPort: z.number().int().optional(),
  loopbackPath: z.string().optional(),
  clientId: z.string(),
  multiDc: z.boolean().default(false),
  scopes: z.array(z.string()),
  notes: z.string().default(''),
  readOnly: z.boolean().default(false),
  isBuiltInDemo: z.boolean().default(false),
  createdAt: z.number(),
  /** Last edit (ms); version 2 and later. */
  updatedAt: z.number().optional(),
  lastUsedAt: z.number().optional(),
  connection: StoredConnectionSchema.optional(),
  /** Zoho throttled token requests: none before this time (ms). */
  throttledUntil: z.number().optional(),
});
export type StoredProfile = z.infer<typeof StoredProfileSchema>;

export { PROFILES_FILE_VERSION } from './migrations';

export interface ProfilesFile extends Record<string, unknown> {
  version: number;
  profiles: unknown[];
  activeProfileId: string | null;
}

/** The whole profiles.json at the current version: what every write produces and every read is checked against. */
export const ProfilesFileSchema = z.object({
  version: z.literal(2),
  profiles: z.array(StoredProfileSchema),
  activeProfileId: z.string().nullable(),
});

/** The same as JSON Schema (draft 2020-12), for tools and for anyone editing the file by hand. */
export function profilesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProfilesFileSchema, { io: 'input' }) as Record<string, unknown>;
}

/**
 * A profile's settings — what the user chose, without id, connection or bookkeeping. The one
 * projection used to edit a profile and to export it.
 */
export function profileSettings(p: StoredProfile) {
  return {
    name: p.name,
    orgLabel: p.orgLabel,
    colour: p.colour,
    service: p.service,
    environment: p.environment,
    dataCentre: p.dataCentre,
    clientType: p.clientType,
    ...(p.clientType === 'server' ? { loopbackPort: p.loopbackPort, loopbackPath: p.loopbackPath } : {}),
    clientId: p.clientId,
    multiDc: p.multiDc,
    scopes: p.scopes,
    notes: p.notes,
    readOnly: p.readOnly,
  };
}
