// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok, type ChannelInput, type ProfileView } from '../../shared/ipc/contract';
import { DEFAULT_SCOPES } from '../../shared/zoho/scopes';
import { App } from '../../renderer/src/App';
import { createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const CLIENT_ID_MESSAGE =
  'A Zoho client id looks like 1000. followed by 30 capital letters and digits. Copy it from the API console.';

function describedText(el: HTMLElement): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('profile form', () => {
  it('shows each INVALID_INPUT message next to its field, focuses the first one and keeps what was typed', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend();
    backend.on('profiles:create', () =>
      fail({
        code: 'INVALID_INPUT',
        message: 'Some of the details entered are not valid.',
        hint: 'Check the highlighted fields and try again.',
        fields: { clientId: CLIENT_ID_MESSAGE, 'scopes.0': 'Pick at least one scope.' },
      }),
    );
    render(<App api={backend.api} />);

    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    expect(screen.getByRole('heading', { name: 'New profile' })).toBeTruthy();

    await user.type(screen.getByLabelText(/Profile name/), 'Acme sandbox');
    await user.type(screen.getByLabelText('Client org label'), 'Acme Ltd');
    await user.selectOptions(screen.getByLabelText(/Data centre/), 'eu');
    await user.selectOptions(screen.getByLabelText('Environment'), 'sandbox');
    await user.click(screen.getByLabelText('Server-based client'));
    await user.type(screen.getByLabelText(/Client ID/), '1000.nope');
    await user.type(screen.getByLabelText('Client secret'), 's3cret-value');
    await user.type(screen.getByLabelText('Notes'), 'Call Bob first');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    const clientId = screen.getByLabelText(/Client ID/) as HTMLInputElement;
    expect(await screen.findByText(CLIENT_ID_MESSAGE)).toBeTruthy();
    expect(clientId.getAttribute('aria-invalid')).toBe('true');
    expect(describedText(clientId)).toContain(CLIENT_ID_MESSAGE);
    expect(document.activeElement).toBe(clientId);

    // The scopes message sits with the scopes group.
    const scopes = screen.getByRole('group', { name: /Scopes: what the app may do/ });
    expect(describedText(scopes)).toContain('Pick at least one scope.');
    // Fields without an error are not marked invalid.
    expect((screen.getByLabelText(/Profile name/) as HTMLInputElement).getAttribute('aria-invalid')).toBeNull();
    // The general message and hint are shown too.
    expect(screen.getByText('The profile was not saved.')).toBeTruthy();
    expect(screen.getByText('Check the highlighted fields and try again.')).toBeTruthy();

    // Everything typed is still there.
    expect((screen.getByLabelText(/Profile name/) as HTMLInputElement).value).toBe('Acme sandbox');
    expect((screen.getByLabelText('Client org label') as HTMLInputElement).value).toBe('Acme Ltd');
    expect((screen.getByLabelText(/Data centre/) as HTMLSelectElement).value).toBe('eu');
    expect((screen.getByLabelText('Environment') as HTMLSelectElement).value).toBe('sandbox');
    expect((screen.getByLabelText('Server-based client') as HTMLInputElement).checked).toBe(true);
    expect(clientId.value).toBe('1000.nope');
    expect((screen.getByLabelText('Client secret') as HTMLInputElement).value).toBe('s3cret-value');
    expect((screen.getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('Call Bob first');

    // What was sent is what was typed.
    const [sent] = backend.callsTo('profiles:create');
    expect(sent).toMatchObject({
      name: 'Acme sandbox',
      orgLabel: 'Acme Ltd',
      dataCentre: 'eu',
      environment: 'sandbox',
      clientType: 'server',
      clientId: '1000.nope',
      clientSecret: 's3cret-value',
      notes: 'Call Bob first',
      scopes: [...DEFAULT_SCOPES],
    });
    expect(typeof sent?.loopbackPort).toBe('number');

    // Fixing the field and saving again clears the messages and shows the new profile.
    const created = makeProfile({ id: 'new1', name: 'Acme sandbox', environment: 'sandbox' });
    backend.on('profiles:create', () => ok(created));
    backend.setProfiles([created]);
    await user.clear(clientId);
    await user.type(clientId, '1000.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Acme sandbox' })).toBeTruthy();
    expect(screen.queryByText(CLIENT_ID_MESSAGE)).toBeNull();
    expect(backend.callsTo('profiles:setActive')).toContainEqual({ id: 'new1' });
  });

  it('focuses the first invalid field in form order', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend();
    backend.on('profiles:create', () =>
      fail({
        code: 'INVALID_INPUT',
        message: 'Some of the details entered are not valid.',
        fields: { clientId: CLIENT_ID_MESSAGE, name: 'Give the profile a name.', dataCentre: 'Pick the data centre where the client was registered.' },
      }),
    );
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Give the profile a name.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText(/Profile name/));
    expect(screen.getByText('Pick the data centre where the client was registered.')).toBeTruthy();
  });

  it('never shows the client secret on edit, and keeps the stored one unless a new one is typed', async () => {
    const user = userEvent.setup();
    const profile = makeProfile({ hasClientSecret: true });
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    const updates: ChannelInput<'profiles:update'>[] = [];
    backend.on('profiles:update', (payload) => {
      updates.push(payload);
      return ok(profile);
    });
    render(<App api={backend.api} />);

    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    const secret = screen.getByLabelText('Client secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    expect(secret.value).toBe('');
    expect(describedText(secret)).toContain('A secret is saved. Type a new one to replace it.');
    // Other fields are filled in from the profile.
    expect((screen.getByLabelText(/Client ID/) as HTMLInputElement).value).toBe(profile.clientId);

    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByRole('heading', { level: 2, name: profile.name });
    expect(updates[0]?.id).toBe(profile.id);
    expect(updates[0]?.changes.clientSecret).toBeUndefined();

    await user.click(screen.getByRole('button', { name: 'Edit profile' }));
    await user.type(screen.getByLabelText('Client secret'), 'brand-new-secret');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByRole('heading', { level: 2, name: profile.name });
    expect(updates[1]?.changes.clientSecret).toBe('brand-new-secret');
  });

  it('says when no secret is saved', async () => {
    const user = userEvent.setup();
    const profile = makeProfile({ hasClientSecret: false });
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    expect(screen.getByText(/No secret is saved for this profile/)).toBeTruthy();
    expect(screen.queryByText('A secret is saved. Type a new one to replace it.')).toBeNull();
  });

  it('groups scopes by family with their plain description, and marks risky ones', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend();
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const records = screen.getByRole('group', { name: 'Records' });
    const all = within(records).getByLabelText('ZohoCRM.modules.ALL') as HTMLInputElement;
    expect(all.checked).toBe(false); // risky scopes are never pre-selected
    expect(describedText(all)).toMatch(/Risky/);
    const leadsRead = within(records).getByLabelText('ZohoCRM.modules.leads.READ');
    expect(describedText(leadsRead)).toBe('Read Leads records.');
    expect(screen.getByRole('group', { name: 'Settings and metadata' })).toBeTruthy();
  });
});

describe('profile list', () => {
  it('labels the Demo profile and marks production', async () => {
    const demo: ProfileView = makeProfile({ id: 'demo', name: 'Demo org', service: 'demo', isBuiltInDemo: true, environment: 'sandbox' });
    const prod = makeProfile({ id: 'prod', name: 'Client prod' });
    const backend = createFakeBackend({ profiles: [demo, prod], info: { activeProfileId: 'prod' } });
    render(<App api={backend.api} />);
    const nav = await screen.findByRole('navigation', { name: 'Profiles' });
    // Each button is named by the profile name; the rest of the card is its description.
    const demoButton = await within(nav).findByRole('button', { name: 'Demo org' });
    expect(describedText(demoButton)).toContain('Demo — not a real Zoho org');
    expect(describedText(demoButton)).toContain('Not connected');
    const prodButton = within(nav).getByRole('button', { name: 'Client prod' });
    expect(describedText(prodButton)).toContain('PRODUCTION');
    expect(describedText(prodButton)).toContain('Europe (zoho.eu)');
    expect(prodButton.getAttribute('aria-current')).toBe('true');
    // "Connect" is unambiguous even with "Not connected" in the list.
    expect(screen.getAllByRole('button', { name: /connect/i }).map((b) => b.textContent)).toEqual(['Connect']);
    // The header names the active profile, with production unmistakable.
    const header = screen.getByRole('banner');
    expect(within(header).getByText('Client prod')).toBeTruthy();
    expect(within(header).getByText('PRODUCTION')).toBeTruthy();

    await userEvent.setup().click(demoButton);
    expect(backend.callsTo('profiles:setActive')).toContainEqual({ id: 'demo' });
    expect(demoButton.getAttribute('aria-current')).toBe('true');
  });

  it('shows the secret-storage banner when secrets are not kept', async () => {
    const backend = createFakeBackend({
      info: { secretStorage: { persistent: false, backend: 'memory-only', message: 'No keyring was found on this Linux desktop.' } },
    });
    render(<App api={backend.api} />);
    expect(await screen.findByText('Secrets are kept only until the app closes')).toBeTruthy();
    expect(screen.getByText('No keyring was found on this Linux desktop.')).toBeTruthy();
  });

  it('shows start-up notices until dismissed', async () => {
    const notice = 'The profiles file could not be read. It was moved aside as profiles.corrupt-2024.json.';
    const backend = createFakeBackend({ info: { notices: [notice] } });
    render(<App api={backend.api} />);
    expect(await screen.findByText(notice)).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(notice)).toBeNull();
  });
});
