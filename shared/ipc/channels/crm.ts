import { z } from 'zod';
import type { Call, ChannelInput } from '../contract';
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
} as const;

export interface CrmOutputs {
  'crm:modules': CrmModule[];
  'crm:fields': CrmField[];
  'crm:records': RecordsPage;
}

export const crmApi = (call: Call) => ({
  modules: (profileId: string) => call('crm:modules', { profileId }),
  fields: (profileId: string, module: string) => call('crm:fields', { profileId, module }),
  records: (input: ChannelInput<'crm:records'>) => call('crm:records', input),
});
