import { z } from 'zod';
import type { Call, ChannelInput } from '../contract';
import type { IpcError } from '../envelope';
import { ProfileIdSchema } from './profiles';

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

// ---------------------------------------------------------------------------------------
// The API console (issue 6): any call under /crm/v8/, built guided or raw.

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type ConsoleMethod = (typeof HTTP_METHODS)[number];

export const ConsoleRequestSchema = z.object({
  method: z.enum(HTTP_METHODS),
  /** Path under /crm/v8/, e.g. "Leads" or "settings/fields". */
  path: z.string().trim().min(1, 'Enter a path, such as Leads or settings/modules.').max(2000),
  query: z.record(z.string().max(200), z.string().max(8000)).default({}),
  headers: z.record(z.string().max(200), z.string().max(8000)).default({}),
  /** The JSON body as the user wrote it (checked in the core). */
  body: z.string().max(5_000_000).optional(),
});
export type ConsoleRequest = z.output<typeof ConsoleRequestSchema>;
export type ConsoleRequestInput = z.input<typeof ConsoleRequestSchema>;

/** One row of a write's answer (201, 200, 207, 400): every record has its own code (§5.4). */
export interface PerRecordResult {
  index: number;
  status: string;
  code: string;
  message: string;
  id?: string;
  details?: unknown;
  /** Plain-language sentence from the catalogue when it failed. */
  explanation?: IpcError;
}

export interface ConsoleResponse {
  status: number;
  url: string;
  headers: Record<string, string>;
  durationMs: number;
  sizeBytes: number;
  requestId?: string;
  creditsRemaining?: number;
  /** Parsed JSON; null for 204 (no content: "0 records", not an error). */
  body: unknown;
  records?: Record<string, unknown>[];
  info?: { count?: number; moreRecords?: boolean; nextPageToken?: string | null; page?: number; perPage?: number };
  perRecord?: PerRecordResult[];
  /** Zoho's error, explained (HTTP ≥ 400). */
  error?: IpcError;
  historyId?: string;
}

export interface HistoryEntry {
  id: string;
  at: number;
  request: ConsoleRequest;
  /** What the builder was showing, so a re-run reopens it the same way. */
  source: 'guided' | 'raw';
  label: string;
  status?: number;
  durationMs?: number;
  errorCode?: string;
  pinned: boolean;
}

export type CrmJobState = 'running' | 'waiting' | 'done' | 'capped' | 'cancelled' | 'failed';
export interface CrmJobProgress {
  jobId: string;
  profileId: string;
  state: CrmJobState;
  fetched: number;
  /** How many records this job will fetch when known: the module's count, capped at the user's limit. */
  total?: number;
  /** The module's own record count (actions/count), which may be more than the limit. */
  available?: number;
  pages: number;
  /** While backing off after a 429. */
  retryInMs?: number;
  error?: IpcError;
  elapsedMs: number;
}

export interface JobRecords {
  records: Record<string, unknown>[];
  offset: number;
  total: number;
  state: CrmJobState;
}

export const crmChannels = {
  'crm:modules': z.object({ profileId: ProfileIdSchema }),
  'crm:fields': z.object({ profileId: ProfileIdSchema, module: z.string().min(1).max(100) }),
  'crm:records': z.object({
    profileId: ProfileIdSchema,
    module: z.string().min(1).max(100),
    fields: z.array(z.string().min(1).max(100)).min(1).max(50),
    page: z.number().int().min(1).default(1),
    perPage: z.number().int().min(1).max(200).default(50),
  }),
  'crm:send': z.object({
    profileId: ProfileIdSchema,
    request: ConsoleRequestSchema,
    /** Writes to a production org: the org name the user confirmed. */
    confirmWrite: z.object({ orgName: z.string().max(200) }).optional(),
    /** The user saw the missing-scope warning and sends anyway (to see Zoho's own answer). */
    ignoreMissingScopes: z.boolean().default(false),
    source: z.enum(['guided', 'raw']).default('raw'),
    label: z.string().max(200).optional(),
  }),
  'crm:fetchAll': z.object({
    profileId: ProfileIdSchema,
    request: ConsoleRequestSchema,
    /** Stop after this many records. */
    cap: z.number().int().min(1).max(100_000).default(10_000),
    ignoreMissingScopes: z.boolean().default(false),
  }),
  'crm:jobRecords': z.object({
    jobId: z.string().min(1).max(64),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(5000).default(2000),
  }),
  'crm:cancel': z.object({ jobId: z.string().min(1).max(64) }),
  'crm:history': z.object({ profileId: ProfileIdSchema, search: z.string().max(200).default('') }),
  'crm:historyPin': z.object({ profileId: ProfileIdSchema, id: z.string().min(1).max(64), pinned: z.boolean() }),
  'crm:historyRemove': z.object({ profileId: ProfileIdSchema, id: z.string().min(1).max(64) }),
} as const;

export interface CrmOutputs {
  'crm:modules': CrmModule[];
  'crm:fields': CrmField[];
  'crm:records': RecordsPage;
  'crm:send': ConsoleResponse;
  'crm:fetchAll': CrmJobProgress;
  'crm:jobRecords': JobRecords;
  'crm:cancel': CrmJobProgress;
  'crm:history': HistoryEntry[];
  'crm:historyPin': HistoryEntry[];
  'crm:historyRemove': HistoryEntry[];
}

export const crmApi = (call: Call) => ({
  modules: (profileId: string) => call('crm:modules', { profileId }),
  fields: (profileId: string, module: string) => call('crm:fields', { profileId, module }),
  records: (input: ChannelInput<'crm:records'>) => call('crm:records', input),
  send: (input: ChannelInput<'crm:send'>) => call('crm:send', input),
  fetchAll: (input: ChannelInput<'crm:fetchAll'>) => call('crm:fetchAll', input),
  jobRecords: (input: ChannelInput<'crm:jobRecords'>) => call('crm:jobRecords', input),
  cancel: (jobId: string) => call('crm:cancel', { jobId }),
  history: (profileId: string, search = '') => call('crm:history', { profileId, search }),
  pin: (profileId: string, id: string, pinned: boolean) => call('crm:historyPin', { profileId, id, pinned }),
  removeHistory: (profileId: string, id: string) => call('crm:historyRemove', { profileId, id }),
});
