// @vitest-environment jsdom
/**
 * The API console with the keyboard (fixes from a tester): focus stays put while paging, arrow
 * keys on the Module picker do not send a call for every module passed, and an error offers
 * "Try again" with the same request.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok, type ConsoleResponse, type CrmField, type ProfileView, type Result } from '../../shared/ipc/contract';
import { ApiProvider } from '../../renderer/src/apiContext';
import { ApiConsole } from '../../renderer/src/console/ApiConsole';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);

const FIELDS: CrmField[] = [
  { apiName: 'Last_Name', label: 'Last Name', dataType: 'text' },
  { apiName: 'Email', label: 'Email', dataType: 'email' },
];

const MODULES = ['Leads', 'Contacts', 'Deals'].map((m) => ({ apiName: m, label: m, singularLabel: m, apiSupported: true }));

function page(n: number, more: boolean): ConsoleResponse {
  const records = [{ id: String(n), Last_Name: `Person ${n}`, Email: `p${n}@example.com` }];
  return {
    status: 200,
    url: `https://www.zohoapis.eu/crm/v8/Leads?page=${n}`,
    headers: { 'content-type': 'application/json' },
    durationMs: 5,
    sizeBytes: 100,
    body: { data: records },
    records,
    info: { moreRecords: more, page: n, perPage: 1, count: 1 },
  };
}

function setup() {
  const base = connected(makeProfile({ scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.fields.READ'] }));
  const profile: ProfileView = { ...base, connection: { ...base.connection, orgName: 'Acme Ltd', apiDomain: 'https://www.zohoapis.eu' } };
  const backend = createFakeBackend({ profiles: [profile] });
  backend.on('crm:modules', () => ok(MODULES));
  backend.on('crm:fields', () => ok(FIELDS));
  render(
    <ApiProvider api={backend.api}>
      <ApiConsole profile={profile} />
    </ApiProvider>,
  );
  return { backend, user: userEvent.setup() };
}

/** A promise the test settles when it wants the "network" to answer. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

async function modulePicker() {
  const picker = (await screen.findByLabelText('Module')) as HTMLSelectElement;
  await within(picker).findByRole('option', { name: 'Leads' });
  return picker;
}

const recordsStatus = () => document.querySelector('.records-status') as HTMLElement;

describe('paging with the keyboard', () => {
  it('keeps focus on "Next page" / "Previous page" while and after the page loads; on the last page it moves to the status line', async () => {
    const { backend, user } = setup();
    const waiting: { n: number; answer: ReturnType<typeof deferred<Result<ConsoleResponse>>> }[] = [];
    backend.on('crm:send', ({ request }) => {
      const n = Number(request.query?.page ?? 1);
      if (n === 1) return ok(page(1, true));
      const answer = deferred<Result<ConsoleResponse>>();
      waiting.push({ n, answer });
      return answer.promise;
    });
    await user.selectOptions(await modulePicker(), 'Leads');
    await waitFor(() => expect(recordsStatus().textContent).toMatch(/1 record.*more available/));

    const next = screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement;
    next.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(waiting).toHaveLength(1));
    // Loading: the button says so, but stays focusable (a disabled button would drop focus to the top).
    expect(next.disabled).toBe(false);
    expect(next.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(next);
    // A second Enter while loading sends nothing more.
    await user.keyboard('{Enter}');
    expect(waiting).toHaveLength(1);
    waiting[0]!.answer.resolve(ok(page(2, true)));
    await waitFor(() => expect(recordsStatus().textContent).toMatch(/on page 2/));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Next page' }));
    expect(next.getAttribute('aria-disabled')).toBeNull();

    // Back: focus stays on "Previous page".
    const prev = screen.getByRole('button', { name: 'Previous page' }) as HTMLButtonElement;
    prev.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(recordsStatus().textContent).toBe('1 record on page 1, more available'));
    // Page 1 again: there is nothing before it, so "Previous page" is disabled and focus moves to the status line.
    expect(prev.disabled).toBe(true);
    expect(document.activeElement).toBe(recordsStatus());

    // Forward to the last page: "Next page" is disabled there, so focus moves to the status line, not the page's top.
    screen.getByRole('button', { name: 'Next page' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(waiting).toHaveLength(2));
    waiting[1]!.answer.resolve(ok(page(2, false)));
    await waitFor(() => expect(recordsStatus().textContent).toBe('1 record on page 2'));
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.activeElement).toBe(recordsStatus());
  });
});

describe('Module picker with the keyboard', () => {
  it('arrow keys pass modules without sending or loading each one; Enter loads the one chosen; Ctrl+Enter and Send still work', async () => {
    const { backend, user } = setup();
    backend.on('crm:send', ({ request }) => ok({ ...page(1, false), url: `https://www.zohoapis.eu/crm/v8/${request.path}` }));
    const picker = await modulePicker();
    picker.focus();
    for (const module of ['Leads', 'Contacts', 'Deals']) {
      await user.keyboard('{ArrowDown}');
      // What the browser does for ArrowDown on a closed <select>: the next option, and a change event.
      fireEvent.change(picker, { target: { value: module } });
    }
    expect(picker.value).toBe('Deals');
    // Fields load once the choice rests — only for the module chosen, never a call per module passed.
    await waitFor(() => expect(backend.callsTo('crm:fields')).toEqual([expect.objectContaining({ module: 'Deals' })]));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.callsTo('crm:send')).toHaveLength(0);
    expect(screen.getByText(/Press Enter here, or Send, to load its records/)).toBeTruthy();

    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    expect(backend.callsTo('crm:send')[0]!.request).toMatchObject({ method: 'GET', path: 'Deals', query: { fields: expect.stringContaining('Last_Name') } });
    expect(document.activeElement).toBe(picker);

    // Enter straight after an arrow key (fields not loaded yet) waits for the fields, then sends that module.
    await user.keyboard('{ArrowUp}');
    fireEvent.change(picker, { target: { value: 'Contacts' } });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(2));
    expect(backend.callsTo('crm:send')[1]!.request.path).toBe('Contacts');

    // Ctrl+Enter and the Send button send as before.
    fireEvent.keyDown(picker, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(3));
    await user.click(screen.getByRole('button', { name: /^Send$/ }));
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(4));
    expect(backend.callsTo('crm:send').slice(2).every((c) => c.request.path === 'Contacts')).toBe(true);
  });

  it('a mouse pick still shows the first module’s records at once, and only for the module picked last', async () => {
    const { backend, user } = setup();
    const slow = deferred<Result<CrmField[]>>();
    backend.on('crm:fields', ({ module }) => (module === 'Leads' ? slow.promise : ok(FIELDS)));
    backend.on('crm:send', ({ request }) => ok({ ...page(1, false), url: `https://www.zohoapis.eu/crm/v8/${request.path}` }));
    const picker = await modulePicker();
    await user.selectOptions(picker, 'Leads');
    await user.selectOptions(picker, 'Contacts');
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));
    slow.resolve(ok(FIELDS));
    await new Promise((r) => setTimeout(r, 50));
    expect(backend.callsTo('crm:send').map((c) => c.request.path)).toEqual(['Contacts']);
    // Back to a module whose fields are known: its useful fields are ticked again, ready to send.
    await user.selectOptions(picker, 'Leads');
    await waitFor(() => expect((within(screen.getByRole('group', { name: /^Fields/ })).getByRole('checkbox', { name: 'Last Name' }) as HTMLInputElement).checked).toBe(true));
    await user.click(screen.getByRole('button', { name: /^Send$/ }));
    await waitFor(() => expect(backend.callsTo('crm:send').map((c) => c.request.path)).toEqual(['Contacts', 'Leads']));
  });
});

describe('Try again after an error', () => {
  it('re-sends the same request after a failure the app reported, and after an error answer from Zoho', async () => {
    const { backend, user } = setup();
    const answers: Result<ConsoleResponse>[] = [
      fail({ code: 'NETWORK', message: 'The app could not reach Zoho.', hint: 'Check your internet connection, then try again.' }),
      ok({ ...page(1, false), status: 500, records: undefined, body: { code: 'INTERNAL_ERROR' }, error: { code: 'CRM_SERVER_ERROR', message: 'Zoho had a problem answering.' } }),
      ok(page(1, false)),
    ];
    backend.on('crm:send', () => answers.shift()!);
    await user.selectOptions(await modulePicker(), 'Leads');
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(1));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('could not reach Zoho');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(2));
    const [first, second] = backend.callsTo('crm:send');
    expect(second!.request).toEqual(first!.request);

    const zohoError = await screen.findByRole('alert');
    expect(zohoError.textContent).toContain('Zoho had a problem answering');
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    await user.click(within(zohoError).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(backend.callsTo('crm:send')).toHaveLength(3));
    expect(backend.callsTo('crm:send')[2]!.request).toEqual(first!.request);
    await waitFor(() => expect(recordsStatus().textContent).toMatch(/^1 record/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
    // Focus did not fall to the top of the page when the error (and its button) went away.
    expect(document.activeElement).toBe(recordsStatus());
  });
});
