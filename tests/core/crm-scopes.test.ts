/** The endpoint → needed-scope map (reference §6.3) the console checks before sending. */
import { describe, expect, it } from 'vitest';
import { isWriteCall, missingScopes, neededScopes, normaliseCrmPath, splitPathQuery } from '../../shared/zoho/scopes';

const suggest = (method: string, path: string, body?: string) => neededScopes({ method, path, body }).map((n) => n.suggest);

describe('needed scopes', () => {
  it('maps each endpoint of §6.3 to its scope', () => {
    expect(suggest('GET', 'settings/modules')).toEqual(['ZohoCRM.settings.modules.READ']);
    expect(suggest('GET', '/crm/v8/settings/fields?module=Leads')).toEqual(['ZohoCRM.settings.fields.READ']);
    expect(suggest('GET', 'settings/layouts')).toEqual(['ZohoCRM.settings.layouts.READ']);
    expect(suggest('GET', 'Leads')).toEqual(['ZohoCRM.modules.leads.READ']);
    expect(suggest('GET', 'Leads/123')).toEqual(['ZohoCRM.modules.leads.READ']);
    expect(suggest('GET', 'Leads/actions/count')).toEqual(['ZohoCRM.modules.leads.READ']);
    expect(suggest('POST', 'Contacts')).toEqual(['ZohoCRM.modules.contacts.CREATE']);
    expect(suggest('PUT', 'Contacts/1')).toEqual(['ZohoCRM.modules.contacts.UPDATE']);
    expect(suggest('DELETE', 'Contacts')).toEqual(['ZohoCRM.modules.contacts.DELETE']);
    expect(suggest('POST', 'Deals/upsert')).toEqual(['ZohoCRM.modules.deals.CREATE', 'ZohoCRM.modules.deals.UPDATE']);
    expect(suggest('GET', 'Leads/search')).toEqual(['ZohoCRM.modules.leads.READ', 'ZohoSearch.securesearch.READ']);
    expect(suggest('POST', 'coql', '{"select_query":"select Email from Contacts limit 2"}')).toEqual(['ZohoCRM.coql.READ', 'ZohoCRM.modules.contacts.READ']);
    expect(suggest('GET', 'users?type=CurrentUser')).toEqual(['ZohoCRM.users.READ']);
    expect(suggest('GET', 'org')).toEqual(['ZohoCRM.org.READ']);
    expect(suggest('GET', '__apis')).toEqual([]);
  });

  it('accepts the broader scopes, folding case (§6.1)', () => {
    const check = (granted: string[], method: string, path: string) => missingScopes(granted, { method, path }).map((n) => n.suggest);
    expect(check(['ZohoCRM.modules.ALL'], 'DELETE', 'Leads')).toEqual([]);
    expect(check(['zohocrm.modules.leads.all'], 'POST', 'Leads')).toEqual([]);
    expect(check(['ZohoCRM.modules.leads.WRITE'], 'PUT', 'Leads')).toEqual([]);
    expect(check(['ZohoCRM.modules.leads.WRITE'], 'GET', 'Leads')).toEqual(['ZohoCRM.modules.leads.READ']);
    expect(check(['ZohoCRM.settings.ALL'], 'GET', 'settings/fields')).toEqual([]);
    expect(check(['ZohoCRM.modules.contacts.READ'], 'DELETE', 'Contacts')).toEqual(['ZohoCRM.modules.contacts.DELETE']);
  });

  it('knows which calls write and normalises paths', () => {
    expect(isWriteCall({ method: 'POST', path: 'coql' })).toBe(false);
    expect(isWriteCall({ method: 'POST', path: '/crm/v8/coql' })).toBe(false);
    expect(isWriteCall({ method: 'POST', path: 'Leads' })).toBe(true);
    expect(isWriteCall({ method: 'DELETE', path: 'Leads' })).toBe(true);
    expect(isWriteCall({ method: 'GET', path: 'Leads' })).toBe(false);
    expect(normaliseCrmPath('https://www.zohoapis.com/crm/v8/Leads/search?criteria=x')).toBe('Leads/search');
    expect(splitPathQuery('/crm/v8/Leads?fields=Email,Last_Name&page=2')).toEqual({ path: 'Leads', query: { fields: 'Email,Last_Name', page: '2' } });
  });
});
