import { SCHEME_REDIRECT_URI } from '../../shared/app';
import type { DemoOrg } from '../../electron/core/demo-org/index';
import type { ChannelInput } from '../../shared/ipc/contract';
import { consent, createTestCore } from './testCore';

export const CONSOLE_SCOPES = [
  'ZohoCRM.modules.ALL',
  'ZohoCRM.settings.modules.READ',
  'ZohoCRM.settings.fields.READ',
  'ZohoCRM.users.READ',
  'ZohoCRM.org.READ',
  'ZohoCRM.coql.READ',
  'ZohoSearch.securesearch.READ',
];

/** A core with one or more Demo-org profiles, each connected as Ava (Northwind Outfitters, 10,500 Leads). */
export async function connectedCore(demo: DemoOrg, profiles: Partial<ChannelInput<'profiles:create'>>[] = [{}], core?: Awaited<ReturnType<typeof createTestCore>>) {
  const t = core ?? (await createTestCore({ demo }));
  const ids: string[] = [];
  for (const [i, overrides] of profiles.entries()) {
    const client = demo.createClient({ type: 'mobile', name: `Console test ${i}`, redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
    const profile = await t.call('profiles:create', {
      name: `Console ${i}`,
      orgLabel: 'Northwind',
      service: 'demo',
      environment: 'production',
      dataCentre: 'us',
      clientType: 'mobile',
      clientId: client.client_id,
      clientSecret: client.client_secret,
      scopes: CONSOLE_SCOPES,
      ...overrides,
    });
    const started = await t.call('auth:connect', { profileId: profile.id });
    await t.core.handleDeepLink(await consent(started.authorizeUrl));
    ids.push(profile.id);
  }
  return { ...t, ids };
}
