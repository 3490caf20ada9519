// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok, type CrmField, type RecordsPage } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const LEAD_FIELDS: CrmField[] = [
  { apiName: 'Description', label: 'Description', dataType: 'textarea' },
  { apiName: 'First_Name', label: 'First Name', dataType: 'text' },
  { apiName: 'Last_Name', label: 'Last Name', dataType: 'text' },
  { apiName: 'Full_Name', label: 'Lead Name', dataType: 'text' },
  { apiName: 'Email', label: 'Email', dataType: 'email' },
  { apiName: 'Company', label: 'Company', dataType: 'text' },
  { apiName: 'Owner', label: 'Lead Owner', dataType: 'ownerlookup' },
];

function page(records: Record<string, unknown>[], moreRecords = false, pageNo = 1): RecordsPage {
  return { records, info: { page: pageNo, perPage: 50, count: records.length, moreRecords }, durationMs: 12 };
}

function setup(records: (input: { page?: number }) => ReturnType<typeof ok<RecordsPage>> | ReturnType<typeof fail>) {
  const profile = connected(makeProfile());
  const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
  backend.on('crm:modules', () =>
    ok([
      { apiName: 'Leads', label: 'Leads', singularLabel: 'Lead', apiSupported: true },
      { apiName: 'Contacts', label: 'Contacts', singularLabel: 'Contact', apiSupported: true },
      { apiName: 'Visits', label: 'Visits', singularLabel: 'Visit', apiSupported: false },
    ]),
  );
  backend.on('crm:fields', () => ok(LEAD_FIELDS));
  backend.on('crm:records', records);
  render(<App api={backend.api} />);
  return { backend, profile, user: userEvent.setup() };
}

describe('records (the console’s guided list)', () => {
  it('lists supported modules, picks sensible columns and shows rows, with lookups by name', async () => {
    const { backend, user, profile } = setup(() =>
      ok(
        page([
          { id: '1', Full_Name: 'Ada Lovelace', Email: 'ada@example.com', Company: 'Analytical', Owner: { name: 'Grace Hopper', id: '9' } },
          { id: '2', Full_Name: 'Alan Turing', Email: null, Company: 'Bletchley', Owner: { name: 'Grace Hopper', id: '9' } },
        ]),
      ),
    );
    const picker = (await screen.findByLabelText('Module')) as HTMLSelectElement;
    await within(picker).findByRole('option', { name: 'Leads' });
    expect(within(picker).queryByRole('option', { name: 'Visits' })).toBeNull();

    await user.selectOptions(picker, 'Leads');
    const table = await screen.findByRole('table', { name: 'Leads records' });
    expect(backend.callsTo('crm:fields')).toEqual([{ profileId: profile.id, module: 'Leads' }]);
    expect(backend.callsTo('crm:send').map((c) => c.request)).toEqual([
      { method: 'GET', path: 'Leads', query: { fields: 'Full_Name,Email,Company,Owner', per_page: '50', page: '1' }, headers: {} },
    ]);
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Lead Name', 'Email', 'Company', 'Lead Owner', 'Record id']);
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]!.getAttribute('aria-rowindex')).toBe('2');
    expect(within(rows[1]!).getByText('Ada Lovelace')).toBeTruthy();
    expect(within(rows[1]!).getByText('Grace Hopper')).toBeTruthy();
    expect(within(table).queryByText('[object Object]')).toBeNull();
    expect(screen.getByText('2 records on page 1')).toBeTruthy();
  });

  it('says "0 records" for an empty module', async () => {
    const { user } = setup(() => ok(page([])));
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Contacts' });
    await user.selectOptions(picker, 'Contacts');
    expect(await screen.findByText('0 records')).toBeTruthy();
    expect(screen.getByText(/0 records — Zoho found nothing to return/)).toBeTruthy();
    expect(screen.queryByRole('table', { name: /records/ })).toBeNull();
  });

  it('shows the error message and hint when records cannot be read', async () => {
    const { user } = setup(() =>
      fail({
        code: 'CRM_SCOPE_MISMATCH',
        message: 'The connection is not allowed to do this: it needs the scope ZohoCRM.modules.leads.READ.',
        hint: 'Reconnect adding ZohoCRM.modules.leads.READ. Refreshing the token will not help.',
      }),
    );
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Leads' });
    await user.selectOptions(picker, 'Leads');
    const alert = (await screen.findAllByRole('alert')).find((a) => a.classList.contains('console-error'))!;
    expect(within(alert).getByText('The connection is not allowed to do this: it needs the scope ZohoCRM.modules.leads.READ.')).toBeTruthy();
    expect(within(alert).getByText('Reconnect adding ZohoCRM.modules.leads.READ. Refreshing the token will not help.')).toBeTruthy();
    expect(within(alert).getByRole('button', { name: 'Reconnect adding ZohoCRM.modules.leads.READ' })).toBeTruthy();
  });

  it('pages through results when there are more', async () => {
    const { backend, user } = setup(({ page: p = 1 }) => ok(page([{ id: String(p), Full_Name: `Person ${p}` }], p === 1, p)));
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Leads' });
    await user.selectOptions(picker, 'Leads');
    expect(await screen.findByText('Person 1')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Person 2')).toBeTruthy();
    expect(backend.callsTo('crm:send').map((c) => c.request.query?.page)).toEqual(['1', '2']);
    await user.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Person 1')).toBeTruthy();
  });

  it('"Reconnect adding <scope>" adds the scope to the profile and starts the app\'s Connect', async () => {
    const base = connected(makeProfile({ scopes: ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.settings.fields.READ'] }));
    const profile = { ...base, connection: { ...base.connection, orgName: 'Acme Ltd' } };
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    backend.on('crm:modules', () => ok([{ apiName: 'Leads', label: 'Leads', singularLabel: 'Lead', apiSupported: true }]));
    backend.on('crm:fields', () => ok(LEAD_FIELDS));
    backend.on('profiles:update', ({ changes }) => ok({ ...profile, ...(changes as object) }));
    backend.on('auth:connect', () => ok({ authorizeUrl: 'https://accounts.zoho.eu/oauth/v2/auth?x', redirectUri: 'connected-app-console://oauth/callback', via: 'scheme' }));
    render(<App api={backend.api} />);
    const user = userEvent.setup();
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Leads' });
    await user.selectOptions(picker, 'Leads');
    await user.click(await screen.findByRole('button', { name: 'Reconnect adding ZohoCRM.modules.leads.READ' }));
    await waitFor(() => expect(backend.callsTo('auth:connect')).toEqual([{ profileId: profile.id }]));
    expect(backend.callsTo('profiles:update')[0]!.changes).toEqual({ scopes: ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.modules.leads.READ'] });
    expect(backend.callsTo('crm:send')).toEqual([]);
  });
});
