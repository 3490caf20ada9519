// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fail, ok } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const AUTHORIZE_URL = 'https://accounts.zoho.eu/oauth/v2/auth?client_id=x&state=abc';

function setup(profile = makeProfile()) {
  const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
  backend.on('auth:connect', () => ok({ authorizeUrl: AUTHORIZE_URL, redirectUri: profile.redirectUri ?? '', via: 'scheme' }));
  backend.on('auth:cancel', () => ok(profile));
  render(<App api={backend.api} />);
  return { backend, profile, user: userEvent.setup() };
}

describe('connection panel', () => {
  it('tells the user what to register in the API console, with a copy button for the redirect URI', async () => {
    const { user, profile } = setup();
    const register = await screen.findByRole('region', { name: 'What to register in Zoho’s API console' });
    expect(within(register).getByText('Mobile-based client')).toBeTruthy();
    const uri = within(register).getByLabelText('Redirect URI') as HTMLInputElement;
    expect(uri.value).toBe(profile.redirectUri);
    await user.click(within(register).getByRole('button', { name: 'Copy redirect URI' }));
    expect(await navigator.clipboard.readText()).toBe(profile.redirectUri);
    expect(within(register).getByText('Redirect URI copied.')).toBeTruthy();
    expect(within(register).getByRole('link', { name: /Open Zoho’s API console/ }).getAttribute('href')).toBe(
      'https://api-console.zoho.eu/',
    );
  });

  it('shows the waiting state after Connect, then "Connected as …" after auth-finished', async () => {
    const { backend, user, profile } = setup();
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    expect(backend.callsTo('auth:connect')).toEqual([{ profileId: profile.id }]);

    expect(await screen.findByText('Waiting for you to allow access in your browser…')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the consent page again' }).getAttribute('href')).toBe(AUTHORIZE_URL);
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    expect(screen.getByLabelText('Paste the address Zoho sent you back to')).toBeTruthy();

    backend.emit({ type: 'auth-finished', profileId: profile.id, ok: true, profile: connected(profile) });
    const status = await screen.findByText('Connected as Ada Lovelace · Acme Ltd');
    expect(status.getAttribute('role')).toBe('status');
    expect(screen.queryByText('Waiting for you to allow access in your browser…')).toBeNull();
    expect(screen.getByRole('button', { name: 'Disconnect (revoke access)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Forget locally' })).toBeTruthy();
    // The sidebar follows.
    expect(within(screen.getByRole('navigation', { name: 'Profiles' })).getByText('Connected')).toBeTruthy();
  });

  it('shows the message, hint and details when connecting fails', async () => {
    const { backend, user, profile } = setup();
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    await screen.findByText('Waiting for you to allow access in your browser…');
    backend.emit({
      type: 'auth-finished',
      profileId: profile.id,
      ok: false,
      error: {
        code: 'OAUTH_INVALID_CLIENT',
        message: 'Zoho does not know this client id in the Europe (zoho.eu) data centre.',
        hint: 'Check the client id.',
        details: '{"error":"invalid_client"}',
      },
    });
    const alert = await screen.findByText('Zoho does not know this client id in the Europe (zoho.eu) data centre.');
    expect(alert.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByText('Check the client id.')).toBeTruthy();
    const summary = screen.getByText('Show details');
    expect(summary.tagName).toBe('SUMMARY');
    expect(screen.getByText('{"error":"invalid_client"}')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('shows an error when Connect itself is refused', async () => {
    const { backend, user } = setup();
    backend.on('auth:connect', () =>
      fail({ code: 'SECRET_MISSING', message: "This profile's client secret is not available on this computer.", hint: 'Enter the client secret again.' }),
    );
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    expect(await screen.findByText("This profile's client secret is not available on this computer.")).toBeTruthy();
    expect(screen.getByText('Enter the client secret again.')).toBeTruthy();
  });

  it('cancels a Connect that is waiting', async () => {
    const { backend, user, profile } = setup();
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(backend.callsTo('auth:cancel')).toEqual([{ profileId: profile.id }]);
    await waitFor(() => expect(screen.queryByText('Waiting for you to allow access in your browser…')).toBeNull());
    expect(screen.getByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('accepts a pasted redirect address', async () => {
    const { backend, user, profile } = setup();
    backend.on('auth:submitRedirect', () => ok(connected(profile)));
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    const input = await screen.findByLabelText('Paste the address Zoho sent you back to');
    const pasted = 'connected-app-console://oauth/callback?code=1000.abc&state=abc&location=eu';
    await user.type(input, pasted);
    await user.click(screen.getByRole('button', { name: 'Use this address' }));
    expect(backend.callsTo('auth:submitRedirect')).toEqual([{ url: pasted }]);
    expect(await screen.findByText('Connected as Ada Lovelace · Acme Ltd')).toBeTruthy();
  });

  it('disconnects with and without revoking', async () => {
    const profile = connected(makeProfile());
    const { backend, user } = setup(profile);
    backend.on('auth:disconnect', () => ok(makeProfile()));
    await user.click(await screen.findByRole('button', { name: 'Forget locally' }));
    expect(backend.callsTo('auth:disconnect')).toEqual([{ profileId: profile.id, revoke: false }]);
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
  });
});

describe('connection panel: profiles that cannot connect yet', () => {
  it('tells the user what to do when the client secret is missing', async () => {
    setup(makeProfile({ hasClientSecret: false, connection: { status: 'secret-missing' } }));
    expect(await screen.findByText('Client secret missing', { selector: '[role="status"]' })).toBeTruthy();
    expect(screen.getByText(/Press “Edit profile” and enter the client secret again/)).toBeTruthy();
  });

  it('explains instead of offering a Connect that cannot work for a Self Client', async () => {
    setup(makeProfile({ clientType: 'self', redirectUri: null }));
    expect(await screen.findByText(/connects only Mobile-based and Server-based clients/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
    expect(screen.getByText(/this client type has no redirect URI/)).toBeTruthy();
  });
});

describe('redirect-refused', () => {
  it('shows a dismissible alert with the message and hint', async () => {
    const { backend, user } = setup();
    await screen.findByRole('button', { name: 'Connect' });
    backend.emit({
      type: 'redirect-refused',
      error: {
        code: 'REDIRECT_UNKNOWN_STATE',
        message: 'This sign-in redirect was not started by this app, or it has already been used.',
        hint: 'Nothing was changed. If you were connecting, press Connect again.',
      },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This sign-in redirect was not started by this app, or it has already been used.');
    expect(alert.textContent).toContain('Nothing was changed. If you were connecting, press Connect again.');
    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText(/This sign-in redirect was not started/)).toBeNull();
  });

  it('reloads the list on profiles-changed', async () => {
    const { backend } = setup();
    await screen.findByRole('button', { name: 'Connect' });
    backend.setProfiles([makeProfile(), makeProfile({ id: 'p2', name: 'Second client' })]);
    backend.emit({ type: 'profiles-changed' });
    expect(await screen.findByRole('button', { name: /Second client/ })).toBeTruthy();
  });
});
