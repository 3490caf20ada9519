// @vitest-environment jsdom
/** "Reconnect adding <scope>" must not throw away the call being built: the console stays mounted while reconnecting. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, type ProfileView } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

describe('reconnecting a connected profile', () => {
  it('keeps the API console and the chosen module while the profile is connecting again', async () => {
    const user = userEvent.setup();
    const base = connected(makeProfile({ scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.fields.READ'] }));
    const profile: ProfileView = { ...base, connection: { ...base.connection, orgName: 'Acme Ltd', apiDomain: 'https://www.zohoapis.eu' } };
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    backend.on('crm:modules', () => ok([{ apiName: 'Contacts', label: 'Contacts', singularLabel: 'Contact', apiSupported: true }]));
    backend.on('crm:fields', () => ok([{ apiName: 'Last_Name', label: 'Last Name', dataType: 'text' }]));
    render(<App api={backend.api} />);

    const picker = (await screen.findByLabelText('Module')) as HTMLSelectElement;
    await within(picker).findByRole('option', { name: 'Contacts' });
    await user.selectOptions(picker, 'Contacts');
    expect(picker.value).toBe('Contacts');

    // Reconnect starts: the profile is "connecting" for a while.
    backend.setProfiles([{ ...profile, connection: { status: 'connecting' } }]);
    backend.emit({ type: 'profiles-changed' });
    await screen.findByText(/Waiting for you to allow access/);
    const during = screen.getByLabelText('Module') as HTMLSelectElement;
    expect(during.value).toBe('Contacts');

    // And finishes: still the same console, same choice.
    backend.setProfiles([profile]);
    backend.emit({ type: 'auth-finished', profileId: profile.id, ok: true, profile });
    expect((screen.getByLabelText('Module') as HTMLSelectElement).value).toBe('Contacts');
  });
});
