import type { CrmField, CrmModule, RecordsPage } from '../../../shared/ipc/contract';
import type { CrmClient } from './crmClient';

interface ZohoModule {
  api_name?: string;
  module_name?: string;
  plural_label?: string;
  singular_label?: string;
  api_supported?: boolean;
}
interface ZohoField {
  api_name?: string;
  field_label?: string;
  display_label?: string;
  data_type?: string;
}
interface ZohoInfo {
  page?: number;
  per_page?: number;
  count?: number;
  more_records?: boolean;
  next_page_token?: string | null;
}

/** The metadata and record reads the records browser needs (§5.3). */
export class CrmService {
  constructor(private readonly client: CrmClient) {}

  async modules(profileId: string): Promise<CrmModule[]> {
    const res = await this.client.request(profileId, { method: 'GET', path: 'settings/modules' });
    const list = (res.body as { modules?: ZohoModule[] } | null)?.modules ?? [];
    return list
      .filter((m): m is ZohoModule & { api_name: string } => typeof m.api_name === 'string')
      .map((m) => ({
        apiName: m.api_name,
        label: m.plural_label ?? m.module_name ?? m.api_name,
        singularLabel: m.singular_label ?? m.api_name,
        apiSupported: m.api_supported !== false,
      }));
  }

  async fields(profileId: string, module: string): Promise<CrmField[]> {
    const res = await this.client.request(profileId, { method: 'GET', path: 'settings/fields', query: { module } });
    const list = (res.body as { fields?: ZohoField[] } | null)?.fields ?? [];
    return list
      .filter((f): f is ZohoField & { api_name: string } => typeof f.api_name === 'string')
      .map((f) => ({ apiName: f.api_name, label: f.display_label ?? f.field_label ?? f.api_name, dataType: f.data_type ?? 'text' }));
  }

  async records(profileId: string, input: { module: string; fields: string[]; page: number; perPage: number }): Promise<RecordsPage> {
    const res = await this.client.request(profileId, {
      method: 'GET',
      path: encodeURIComponent(input.module),
      query: { fields: input.fields.join(','), page: input.page, per_page: input.perPage },
    });
    // 204 No Content = no records, not an error (§5.4).
    const body = (res.body ?? { data: [], info: {} }) as { data?: Record<string, unknown>[]; info?: ZohoInfo };
    const info = body.info ?? {};
    return {
      records: body.data ?? [],
      info: {
        page: info.page ?? input.page,
        perPage: info.per_page ?? input.perPage,
        count: info.count ?? body.data?.length ?? 0,
        moreRecords: info.more_records ?? false,
        nextPageToken: info.next_page_token ?? null,
      },
      durationMs: Math.round(res.durationMs),
    };
  }
}
