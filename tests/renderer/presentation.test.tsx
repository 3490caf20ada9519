// @vitest-environment jsdom
/**
 * Presentation mode: with it on, the connected profile's panel, the records table, the JSON
 * tree and the raw answer show no name, email or client id from the data.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type ConsoleResponse, type CrmField } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { ResponseView } from '../../renderer/src/console/ResponseView';
import { PresentationProvider } from '../../renderer/src/presentation/PresentationContext';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(() => {
  cleanup();
  sessionStorage.clear();
});

Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect = () => new DOMRect(0, 0, 0, 0);

const FIELDS: CrmField[] = [
  { apiName: 'First_Name', label: 'First Name', dataType: 'text' },
  { apiName: 'Last_Name', label: 'Last Name', dataType: 'text' },
  { apiName: 'Email', label: 'Email', dataType: 'email' },
  { apiName: 'Phone', label: 'Phone', dataType: 'phone' },
  { apiName: 'Company', label: 'Company', dataType: 'text' },
  { apiName: 'Lead_Status', label: 'Lead Status', dataType: 'picklist' },
];
const RECORDS = [
  { id: '4150868000000001', First_Name: 'Ada', Last_Name: 'Lovelace', Email: 'ada.lovelace@example.com', Phone: '+44 20 7946 0958', Company: 'Analytical', Lead_Status: 'New', Owner: { name: 'Grace Hopper', id: '77', email: 'grace@navy.example' } },
  { id: '4150868000000002', First_Name: 'Alan', Last_Name: 'Turing', Email: 'alan@bletchley.example', Phone: '+44 1908 640404', Company: 'Bombe', Lead_Status: 'Contacted', Owner: { name: 'Grace Hopper', id: '77', email: 'grace@navy.example' } },
];
const SECRETS = ['Ada', 'Lovelace', 'ada.lovelace@example.com', 'Alan', 'Turing', 'alan@bletchley.example', '7946', 'Grace', 'Hopper', 'grace@navy.example'];

const answer: ConsoleResponse = {
  status: 200,
  url: 'https://www.zohoapis.eu/crm/v8/Leads',
  headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' },
  durationMs: 10,
  sizeBytes: 900,
  body: { data: RECORDS, info: { more_records: false } },
  records: RECORDS,
};

function expectNoSecrets(text: string) {
  for (const secret of SECRETS) expect(text, `"${secret}" is on screen`).not.toContain(secret);
}

describe('presentation mode in the app', () => {
  it('toggles with Ctrl+Shift+P, says so, and masks the connected profile: user, email, client id, emails in the notes', async () => {
    const profile = connected(makeProfile({ notes: 'Client contact: bob.builder@client.example' }));
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    render(<App api={backend.api} />);
    const user = userEvent.setup();
    expect(await screen.findByText(/Connected as Ada Lovelace/)).toBeTruthy();
    const toggle = screen.getByRole('button', { name: /Presentation mode/ });
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(toggle.getAttribute('aria-keyshortcuts')).toContain('Control+Shift+P');

    await user.keyboard('{Control>}{Shift>}P{/Shift}{/Control}');
    expect(toggle.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByText('Presenting: personal details masked')).toBeTruthy();
    expect(await screen.findByText(/Presentation mode on: personal details and ids are masked/)).toBeTruthy();
    expect(screen.getByText(/Connected as A•••• L••••/)).toBeTruthy();
    expect(sessionStorage.getItem('cac:presentation-mode')).toBe('on');
    expectNoSecrets(document.body.textContent ?? '');
    expect(document.body.textContent).not.toContain('ada@example.com');
    expect(document.body.textContent).not.toContain('bob.builder@client.example');
    expect(screen.getByText('Client contact: b••••@c••••.example')).toBeTruthy();

    // The client id, in the edit form: masked and read-only.
    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    const clientId = (await screen.findByLabelText(/Client ID/)) as HTMLInputElement;
    expect(clientId.value).toBe('1000.••••••••••0123');
    expect(clientId.readOnly).toBe(true);
    expect(document.body.innerHTML).not.toContain(profile.clientId);

    // Off again with the button: everything back.
    await user.click(toggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    expect(((await screen.findByLabelText(/Client ID/)) as HTMLInputElement).value).toBe(profile.clientId);
  });

  it('is remembered for the session', async () => {
    sessionStorage.setItem('cac:presentation-mode', 'on');
    const profile = connected(makeProfile());
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    render(<App api={backend.api} />);
    expect(await screen.findByText(/Connected as A•••• L••••/)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Presentation mode/ }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('presentation mode in the answer views', () => {
  function show() {
    render(
      <PresentationProvider initial>
        <ResponseView response={answer} recordsLabel="Leads records" fields={FIELDS} chosen={FIELDS.map((f) => f.apiName)} />
      </PresentationProvider>,
    );
    return userEvent.setup();
  }

  it('the records table shows masked cells and copies the masked value', async () => {
    const user = show();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const table = screen.getByRole('table', { name: 'Leads records' });
    expectNoSecrets(document.body.textContent ?? '');
    expect(within(table).getByText('Analytical')).toBeTruthy();
    expect(within(table).getByText('Contacted')).toBeTruthy();
    expect(within(table).getByText('4150868000000001')).toBeTruthy();
    const masked = within(table).getByText('a••••@e••••.com');
    await user.click(masked);
    await user.click(screen.getByRole('button', { name: 'Copy cell' }));
    expect(writeText).toHaveBeenCalledWith('a••••@e••••.com');
  });

  it('the JSON tree and the raw answer show masked values', async () => {
    // A single record's answer, shallow enough for the tree to show every value unfolded.
    const single: ConsoleResponse = { ...answer, records: undefined, body: { ...RECORDS[0], Secondary: RECORDS[1] } };
    render(
      <PresentationProvider initial>
        <ResponseView response={single} recordsLabel="" fields={FIELDS} chosen={[]} />
      </PresentationProvider>,
    );
    const user = userEvent.setup();
    expect(screen.getByRole('tab', { name: 'JSON tree' }).getAttribute('aria-selected')).toBe('true');
    await waitFor(() => expect(document.querySelector('.json-tree')?.textContent ?? '').toContain('Analytical'), { timeout: 5000 });
    expectNoSecrets(document.body.textContent ?? '');
    await user.click(screen.getByRole('tab', { name: 'Raw' }));
    const raw = screen.getByLabelText('Raw answer').textContent ?? '';
    expect(raw).toContain('"Email": "a••••@e••••.com"');
    expect(raw).toContain('"Company": "Analytical"');
    expect(raw).toContain('"Last_Name": "L••••"');
    expectNoSecrets(document.body.textContent ?? '');
  });

  it('shows everything when presentation mode is off', () => {
    render(<ResponseView response={answer} recordsLabel="Leads records" fields={FIELDS} chosen={[]} />);
    expect(screen.getByText('ada.lovelace@example.com')).toBeTruthy();
  });
});
