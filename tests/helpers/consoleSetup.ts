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

/** Ava's Northwind orgs by environment: Zoho binds a token to the org picked on the consent page (§2.2). */
const NORTHWIND_BY_ENVIRONMENT = { production: '60021458201', sandbox: '60021458299', developer: '60021458377' } as const;

/** A core with one or more Demo-org profiles, each connected as Ava (Northwind Outfitters, 10,500 Leads; its Sandbox or Labs org for those environments). */
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
    await t.core.handleDeepLink(await consent(started.authorizeUrl, { org: NORTHWIND_BY_ENVIRONMENT[profile.environment] }));
    ids.push(profile.id);
  }
  return { ...t, ids };
}
