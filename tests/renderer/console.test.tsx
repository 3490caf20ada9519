// @vitest-environment jsdom
/**
 * The API console's components: the guided builder (and guided → raw), the scope warning,
 * the production write confirmation, the virtualised table, the error and 207 views.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, type ConsoleResponse, type CrmField, type ProfileView } from '../../shared/ipc/contract';
import { ApiProvider } from '../../renderer/src/apiContext';
import { ApiConsole } from '../../renderer/src/console/ApiConsole';
import { ErrorView } from '../../renderer/src/console/ErrorView';
import { buildCriteria } from '../../renderer/src/console/operations';
import { ResponseView } from '../../renderer/src/console/ResponseView';
import { RecordsTable } from '../../renderer/src/components/RecordsTable';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

// jsdom has no layout: CodeMirror asks ranges for their rectangles.
Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);

const FIELDS: CrmField[] = [
  { apiName: 'Last_Name', label: 'Last Name', dataType: 'text' },
  { apiName: 'Email', label: 'Email', dataType: 'email' },
  { apiName: 'Company', label: 'Company', dataType: 'text' },
  { apiName: 'Lead_Status', label: 'Lead Status', dataType: 'picklist' },
];

function answer(over: Partial<ConsoleResponse> = {}): ConsoleResponse {
  return { status: 200, url: 'https://www.zohoapis.eu/crm/v8/Leads', headers: { 'content-type': 'application/json' }, durationMs: 42, sizeBytes: 1234, body: { data: [] }, records: [], ...over };
}

function setup(profileOver: Partial<ProfileView> = {}, grantedScopes?: string[]) {
  const base = connected(makeProfile({ scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.fields.READ', 'ZohoSearch.securesearch.READ', 'ZohoCRM.coql.READ'], ...profileOver }));
  const profile: ProfileView = { ...base, connection: { ...base.connection, orgName: 'Acme Ltd', apiDomain: 'https://www.zohoapis.eu', ...(grantedScopes ? { grantedScopes } : {}) } };
  const backend = createFakeBackend({ profiles: [profile] });
  backend.on('crm:modules', () => ok([{ apiName: 'Leads', label: 'Leads', singularLabel: 'Lead', apiSupported: true }]));
  backend.on('crm:fields', () => ok(FIELDS));
  backend.on('crm:send', () => ok(answer({ records: [{ id: '11', Last_Name: 'Lovelace', Email: 'ada@example.com', Company: 'Analytical' }] })));
  backend.on('profiles:update', ({ changes }) => ok({ ...profile, ...(changes as object) } as ProfileView));
  backend.on('auth:connect', () => ok({ authorizeUrl: 'https://accounts.zoho.eu/oauth/v2/auth', redirectUri: 'x', via: 'scheme' }));
  render(
    <ApiProvider api={backend.api}>
      <ApiConsole profile={profile} />
    </ApiProvider>,
  );
  return { backend, profile, user: userEvent.setup() };
}

async function pickLeads(user: ReturnType<typeof userEvent.setup>) {
  const picker = await screen.findByLabelText('Module');
  await within(picker).findByRole('option', { name: 'Leads' });
  await user.selectOptions(picker, 'Leads');
  await within(fieldsGroup()).findByRole('checkbox', { name: 'Last Name' });
}

const fieldsGroup = () => screen.getByRole('group', { name: /^Fields/ });

const preview = () => screen.getByTestId('request-preview').textContent ?? '';

describe('guided builder', () => {
  it('builds a search with the criteria builder, shows the exact request, and keeps it when switching to raw', async () => {
    const { user, backend } = setup();
    await pickLeads(user);
    // Sensible fields ticked, and the first list sent on its own.
    expect((within(fieldsGroup()).getByRole('checkbox', { name: 'Last Name' }) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));

    await user.selectOptions(screen.getByLabelText('What to do'), 'search');
    expect(screen.getByText(/Finds records that match conditions/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText('Condition 1 field'), 'Email');
    await user.type(screen.getByLabelText('Condition 1 value'), 'a(b),c');
    await user.click(screen.getByRole('button', { name: 'Add a condition' }));
    await user.selectOptions(screen.getByLabelText('Condition 2 field'), 'Company');
    await user.selectOptions(screen.getByLabelText('Condition 2 test'), 'starts_with');
    await user.type(screen.getByLabelText('Condition 2 value'), 'Zyl');
    const criteria = '((Email:equals:a\\(b\\)\\,c)and(Company:starts_with:Zyl))';
    expect(preview()).toContain(`GET https://www.zohoapis.eu/crm/v8/Leads/search?criteria=${encodeURIComponent(criteria)}`);
    expect(preview()).toContain('Zoho-oauthtoken ••••');

    await user.click(screen.getByRole('radio', { name: /Raw/ }));
    expect((screen.getByLabelText('Method') as HTMLSelectElement).value).toBe('GET');
    expect((screen.getByLabelText('Path under /crm/v8/') as HTMLInputElement).value).toBe('Leads/search');
    expect(preview()).toContain(encodeURIComponent(criteria));

    // Ctrl+Enter sends exactly that.
    fireEvent.keyDown(screen.getByLabelText('Path under /crm/v8/'), { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(2));
    expect(backend.callsTo('crm:send')[1]!.request.query).toMatchObject({ criteria });
    expect(backend.callsTo('crm:send')[1]!.source).toBe('raw');
  });

  it('never lets more than 50 fields be chosen', async () => {
    const { user, backend } = setup();
    backend.on('crm:fields', () => ok(Array.from({ length: 60 }, (_, i) => ({ apiName: `F_${i}`, label: `Field ${i}`, dataType: 'text' }))));
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Leads' });
    await user.selectOptions(picker, 'Leads');
    const boxes = (await within(fieldsGroup()).findAllByRole('checkbox')) as HTMLInputElement[];
    expect(boxes).toHaveLength(60);
    for (const box of boxes) if (!box.checked && !box.disabled) fireEvent.click(box);
    expect(boxes.filter((b) => b.checked)).toHaveLength(50);
    expect(boxes.filter((b) => b.disabled)).toHaveLength(10);
    expect(screen.getByText(/That is the most Zoho accepts in one call \(50\)/)).toBeTruthy();
  });

  it('builds search criteria: in-lists, and explicit brackets for three or more', () => {
    expect(buildCriteria([{ field: 'A', operator: 'in', value: 'x, y' }], 'and')).toBe('(A:in:x,y)');
    expect(buildCriteria([1, 2, 3].map((n) => ({ field: `F${n}`, operator: 'equals', value: String(n) })), 'or')).toBe('(((F1:equals:1)or(F2:equals:2))or(F3:equals:3))');
  });

  it('warns before sending when a scope is missing, naming it, and offers to reconnect adding it', async () => {
    const { user, backend, profile } = setup({}, ['ZohoCRM.modules.contacts.READ', 'ZohoCRM.settings.fields.READ']);
    await pickLeads(user);
    const warning = await screen.findByText(/This connection was not granted ZohoCRM.modules.leads.READ/);
    expect(warning).toBeTruthy();
    expect(backend.callsTo('crm:send')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Reconnect adding ZohoCRM.modules.leads.READ' }));
    await waitFor(() => expect(backend.callsTo('auth:connect')).toHaveLength(1));
    expect(backend.callsTo('profiles:update')[0]).toEqual({ id: profile.id, changes: { scopes: [...profile.scopes, 'ZohoCRM.modules.leads.READ'] } });
    await user.click(screen.getByRole('button', { name: 'Send anyway' }));
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    expect(backend.callsTo('crm:send')[0]!.ignoreMissingScopes).toBe(true);
  });

  it('asks to confirm a production delete, naming the org; cancelling sends nothing', async () => {
    const { user, backend } = setup({ environment: 'production' });
    await pickLeads(user);
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('What to do'), 'delete');
    await user.type(screen.getByLabelText('Ids of the records to delete'), '11, 12');
    expect(preview()).toContain('DELETE https://www.zohoapis.eu/crm/v8/Leads?ids=11%2C12');
    await user.click(screen.getByRole('button', { name: 'Send change' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Change data in Acme Ltd?' });
    expect(dialog.textContent).toContain('production');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('crm:send')).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Send change' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes, send to Acme Ltd' }));
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(2));
    expect(backend.callsTo('crm:send')[1]).toMatchObject({ confirmWrite: { orgName: 'Acme Ltd' }, request: { method: 'DELETE', query: { ids: '11,12' } } });
  });

  it('Escape cancels the production-write confirmation and puts the focus back on Send', async () => {
    const { user, backend } = setup({ environment: 'production' });
    await pickLeads(user);
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    await user.selectOptions(screen.getByLabelText('What to do'), 'delete');
    await user.type(screen.getByLabelText('Ids of the records to delete'), '11');
    await user.click(screen.getByRole('button', { name: 'Send change' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Change data in Acme Ltd?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send change' }));
    expect(backend.callsTo('crm:send')).toHaveLength(1);
    // Cancel by click does the same.
    await user.click(screen.getByRole('button', { name: 'Send change' }));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Send change' }));
    expect(backend.callsTo('crm:send')).toHaveLength(1);
  });

  it('an empty answer (HTTP 204) offers no Next page, Fetch all or Export, and says why', async () => {
    const { user, backend } = setup();
    backend.on('crm:send', () => ok(answer({ status: 204, body: null, records: [], sizeBytes: 0, info: { count: 0, moreRecords: false } })));
    await pickLeads(user);
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    expect(await screen.findByText(/0 records — Zoho found nothing to return/)).toBeTruthy();
    expect(screen.getByText(/No records in this answer, so there is no next page to load, nothing to fetch and nothing to export/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Next page' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Fetch all' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Export/ })).toBeNull();
  });

  it('a read-only profile cannot send changes', async () => {
    const { user, backend } = setup({ readOnly: true, environment: 'sandbox' });
    await pickLeads(user);
    await user.selectOptions(screen.getByLabelText('What to do'), 'insert');
    expect((screen.getByRole('button', { name: 'Send change' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Read-only profile: changes are not sent.')).toBeTruthy();
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    expect(backend.callsTo('crm:send').every((c) => c.request.method === 'GET')).toBe(true);
  });

  it('shows code for the call with the token as a placeholder', async () => {
    const { user } = setup();
    await pickLeads(user);
    await user.click(screen.getByText('Code for this call'));
    const code = screen.getByLabelText('curl code').textContent!;
    expect(code).toContain("curl -sS -X GET 'https://www.zohoapis.eu/crm/v8/Leads?fields=");
    expect(code).toContain('Zoho-oauthtoken {{access_token}}');
    await user.selectOptions(screen.getByLabelText('Language'), 'deluge');
    expect(screen.getByLabelText('deluge code').textContent).toContain('zoho.crm.v8.getRecords("Leads"');
  });
});

describe('history', () => {
  it("lists this profile's calls; re-runs, opens and pins them", async () => {
    const { user, backend, profile } = setup();
    const entry = { id: 'h1', at: 1_700_000_000_000, request: { method: 'GET' as const, path: 'Contacts', query: { fields: 'Email' }, headers: {} }, source: 'raw' as const, label: 'GET Contacts', status: 200, pinned: false };
    backend.on('crm:history', () => ok([entry]));
    backend.on('crm:historyPin', () => ok([{ ...entry, pinned: true }]));
    await pickLeads(user);
    await user.type(screen.getByLabelText('Search history'), 'contacts');
    await waitFor(() => expect(backend.callsTo('crm:history').at(-1)).toEqual({ profileId: profile.id, search: 'contacts' }));
    await user.click(await screen.findByRole('button', { name: 'Run again: GET Contacts' }));
    await waitFor(() => expect(backend.callsTo('crm:send').some((c) => c.request.path === 'Contacts')).toBe(true));
    expect((screen.getByLabelText('Path under /crm/v8/') as HTMLInputElement).value).toBe('Contacts');
    await user.click(screen.getByRole('button', { name: 'Pin: GET Contacts' }));
    await waitFor(() => expect(backend.callsTo('crm:historyPin')).toEqual([{ profileId: profile.id, id: 'h1', pinned: true }]));
  });
});

describe('records table', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => ({ id: String(100000 + i), Last_Name: `Name ${String(i).padStart(5, '0')}`, Email: `p${i}@example.com` }));
  const cols: CrmField[] = [
    { apiName: 'Last_Name', label: 'Last Name', dataType: 'text' },
    { apiName: 'Email', label: 'Email', dataType: 'email' },
  ];

  it('renders only the rows in view of 10,000, with aria-rowcount and aria-rowindex', () => {
    render(<RecordsTable caption="Leads records" fields={cols} records={many} tools />);
    const table = screen.getByRole('table', { name: 'Leads records' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeLessThan(60);
    expect(rows[1]!.getAttribute('aria-rowindex')).toBe('2');
  });

  it('sorts by a column, hides a column, and copies a cell', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<RecordsTable caption="Leads records" fields={cols} records={many.slice(0, 30)} tools />);
    const table = screen.getByRole('table');
    await user.click(within(table).getByRole('button', { name: 'Last Name' }));
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('ascending');
    await user.click(within(table).getByRole('button', { name: 'Last Name' }));
    expect(within(table).getAllByRole('columnheader')[0]!.getAttribute('aria-sort')).toBe('descending');
    expect(within(within(table).getAllByRole('row')[1]!).getByText('Name 00029')).toBeTruthy();

    await user.click(screen.getByText(/Columns \(2 of 2\)/));
    await user.click(screen.getByRole('checkbox', { name: 'Email' }));
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Last Name ▼']);

    await user.click(within(table).getByText('Name 00029'));
    await user.click(screen.getByRole('button', { name: 'Copy cell' }));
    expect(writeText).toHaveBeenCalledWith('Name 00029');
    expect(await screen.findByText('Copied “Name 00029”.')).toBeTruthy();
  });
});

describe('error view and per-record results', () => {
  it("shows Zoho's code, the plain sentence, what to do, and reconnect adding the scope", async () => {
    const onReconnect = vi.fn();
    render(
      <ErrorView
        status={401}
        zohoCode="OAUTH_SCOPE_MISMATCH"
        error={{ code: 'CRM_SCOPE_MISMATCH', message: 'The connection is not allowed to do this: it needs the scope ZohoCRM.modules.contacts.DELETE.', hint: 'Reconnect adding ZohoCRM.modules.contacts.DELETE. Refreshing the token will not help.', details: '{"status":401}' }}
        onReconnect={onReconnect}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('HTTP 401 · OAUTH_SCOPE_MISMATCH');
    expect(alert.textContent).toContain('needs the scope ZohoCRM.modules.contacts.DELETE');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Reconnect adding ZohoCRM.modules.contacts.DELETE' }));
    expect(onReconnect).toHaveBeenCalledWith('ZohoCRM.modules.contacts.DELETE');
  });

  it('shows a 207 row by row, and a 204 as "0 records"', () => {
    const { rerender } = render(
      <ResponseView
        response={answer({
          status: 207,
          records: undefined,
          body: { data: [] },
          perRecord: [
            { index: 0, status: 'success', code: 'SUCCESS', message: 'record added', id: '555' },
            { index: 1, status: 'error', code: 'MANDATORY_NOT_FOUND', message: 'required field not found', explanation: { code: 'CRM_MANDATORY_NOT_FOUND', message: 'A required field is missing: required field not found (field Last_Name).', hint: 'Add the required field.' } },
          ],
        })}
        recordsLabel=""
        fields={[]}
        chosen={[]}
      />,
    );
    const table = screen.getByRole('table', { name: /Result per record: 1 succeeded, 1 failed/ });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]!.textContent).toContain('Succeeded');
    expect(rows[1]!.textContent).toContain('555');
    expect(rows[2]!.textContent).toContain('MANDATORY_NOT_FOUND');
    expect(rows[2]!.textContent).toContain('A required field is missing');
    expect(screen.getByText('207 Multi-Status')).toBeTruthy();

    rerender(<ResponseView response={answer({ status: 204, body: null, records: [], sizeBytes: 0 })} recordsLabel="" fields={[]} chosen={[]} />);
    expect(screen.getByText('0 records')).toBeTruthy();
    expect(screen.getByText(/not an error/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
