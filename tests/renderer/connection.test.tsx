// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
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
    expect(within(screen.getByRole('navigation', { name: 'Profiles' })).getByText('Connected', { selector: '.profile-status' })).toBeTruthy();
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

  it('shows when a throttled profile may try again', async () => {
    const retryAfter = new Date(2030, 0, 1, 14, 35).getTime();
    setup(makeProfile({ connection: { status: 'throttled', retryAfter } }));
    expect(await screen.findByText('Paused: Zoho asked the app to wait', { selector: '[role="status"]' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`Try again after ${new Date(retryAfter).toLocaleTimeString()}`))).toBeTruthy();
  });
});

describe('connection panel: 21st refresh token', () => {
  it('asks before a consent that would make Zoho delete a refresh token, and connects only when told', async () => {
    const { backend, user, profile } = setup();
    backend.on('auth:connect', (payload) =>
      payload.acknowledgeTokenLimit
        ? ok({ authorizeUrl: AUTHORIZE_URL, redirectUri: profile.redirectUri ?? '', via: 'scheme' })
        : fail({
            code: 'REFRESH_TOKEN_LIMIT',
            message: 'Zoho keeps at most 20 refresh tokens per client and user, and this app has already made 20 for Ada Lovelace.',
            hint: 'Continue only if no other system uses this client with this Zoho user.',
          }),
    );
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    const alert = (await screen.findByText(/at most 20 refresh tokens/)).closest('[role="alert"]') as HTMLElement;
    expect(alert).toBeTruthy();
    expect(backend.callsTo('auth:connect')).toEqual([{ profileId: profile.id }]);
    await user.click(within(alert).getByRole('button', { name: 'Connect anyway' }));
    expect(backend.callsTo('auth:connect')[1]).toEqual({ profileId: profile.id, acknowledgeTokenLimit: true });
    expect(await screen.findByText('Waiting for you to allow access in your browser…')).toBeTruthy();
  });
});

describe('connection panel: Self Client', () => {
  const self = () => makeProfile({ clientType: 'self', redirectUri: null });

  it('exchanges a pasted code at once, with the data centre picked, and shows a countdown', async () => {
    const { backend, user, profile } = setup(self());
    backend.on('auth:pasteCode', () => ok(connected(profile)));
    expect(await screen.findByText(/this client type has no redirect URI/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
    await user.selectOptions(screen.getByLabelText('Data centre of that API console'), 'in');
    const input = screen.getByLabelText('Code from the API console');
    await user.click(input);
    expect(screen.getByRole('timer').textContent).toMatch(/About (3:00|2:59) left to paste the code/);
    await user.paste('1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210');
    await waitFor(() =>
      expect(backend.callsTo('auth:pasteCode')).toEqual([
        { profileId: profile.id, code: '1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210', dataCentre: 'in' },
      ]),
    );
    expect(await screen.findByText('Connected as Ada Lovelace · Acme Ltd')).toBeTruthy();
  });

  it('shows Zoho’s refusal in plain words, with the raw answer on request', async () => {
    const { backend, user } = setup(self());
    backend.on('auth:pasteCode', () =>
      fail({
        code: 'OAUTH_INVALID_CLIENT',
        message: "This client id isn't registered in the India (zoho.in) data centre.",
        hint: "In the API console, open the client's Settings and enable the India (zoho.in) data centre, or pick the right data centre here.",
        details: '{"error":"invalid_client"}',
      }),
    );
    await user.type(await screen.findByLabelText('Code from the API console'), '1000.abcdef0123.abcdef0123');
    await user.click(screen.getByRole('button', { name: 'Connect with this code' }));
    const alert = (await screen.findByText("This client id isn't registered in the India (zoho.in) data centre.")).closest('[role="alert"]') as HTMLElement;
    expect(alert).toBeTruthy();
    expect(alert.textContent).toContain('pick the right data centre here');
    expect(within(alert).getByText('Show details').tagName).toBe('SUMMARY');
  });

  it('connects with client credentials and an org id', async () => {
    const { backend, user, profile } = setup(self());
    backend.on('auth:clientCredentials', () => ok(connected(profile)));
    await user.click(await screen.findByText('No code? Connect with client credentials'));
    await user.type(screen.getByLabelText(/Organisation id/), '60021458201');
    await user.click(screen.getByRole('button', { name: 'Connect with client credentials' }));
    expect(backend.callsTo('auth:clientCredentials')).toEqual([{ profileId: profile.id, dataCentre: 'eu', soid: '60021458201' }]);
    expect(await screen.findByText('Connected as Ada Lovelace · Acme Ltd')).toBeTruthy();
  });
});

describe('connection panel: device code', () => {
  it('shows the code, the address and the polling status, and can be cancelled', async () => {
    const profile = makeProfile({ clientType: 'device', redirectUri: null });
    const { backend, user } = setup(profile);
    const progress = {
      userCode: 'ABCD-1234',
      verificationUrl: 'https://accounts.zoho.eu/oauth/v3/device',
      expiresAt: Date.now() + 300_000,
      intervalSeconds: 30,
      polls: 0,
    };
    backend.on('auth:startDevice', () => ok(progress));
    await user.click(await screen.findByRole('button', { name: 'Get a device code' }));
    expect(backend.callsTo('auth:startDevice')).toEqual([{ profileId: profile.id }]);
    backend.setProfiles([{ ...profile, connection: { status: 'connecting', device: { ...progress, polls: 2, note: 'Still waiting for someone to enter the code and allow access.' } } }]);
    backend.emit({ type: 'profiles-changed' });
    expect(await screen.findByText('ABCD-1234')).toBeTruthy();
    expect(screen.getByRole('link', { name: progress.verificationUrl }).getAttribute('href')).toBe(progress.verificationUrl);
    expect(await screen.findByText(/Still waiting .* Checked with Zoho 2 times/)).toBeTruthy();
    expect(screen.getByText(/Zoho allows a check every 30 seconds/)).toBeTruthy();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    await user.click(cancel);
    expect(backend.callsTo('auth:cancel')).toEqual([{ profileId: profile.id }]);
  });
});

describe('connection panel: no redirect came back', () => {
  it('explains Zoho’s error screens that never redirect', async () => {
    const { backend, user, profile } = setup();
    await user.click(await screen.findByRole('button', { name: 'Connect' }));
    backend.emit({
      type: 'auth-finished',
      profileId: profile.id,
      ok: false,
      error: { code: 'CALLBACK_TIMEOUT', message: 'Zoho never sent the browser back to the app.', hint: 'Look at the browser tab.' },
    });
    expect(await screen.findByText('What does the browser tab say?')).toBeTruthy();
    await user.click(screen.getByText('“Invalid Redirect Uri”'));
    expect(screen.getByText(/redirect URI this profile uses is not registered/)).toBeTruthy();
    expect(screen.getByText('“Invalid Client”')).toBeTruthy();
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

describe('connection panel: accessibility of the new screens (axe-core)', () => {
  async function serious() {
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  }

  it('Self Client form with an error and the countdown', async () => {
    const { backend, user } = setup(makeProfile({ clientType: 'self', redirectUri: null }));
    backend.on('auth:pasteCode', () => fail({ code: 'OAUTH_INVALID_CODE', message: 'Zoho did not accept the code.', hint: 'Generate a new one.' }));
    await user.type(await screen.findByLabelText('Code from the API console'), '1000.abcdef0123.abcdef0123');
    await user.click(screen.getByRole('button', { name: 'Connect with this code' }));
    await screen.findByText('Zoho did not accept the code.');
    await user.click(screen.getByText('No code? Connect with client credentials'));
    expect(await serious()).toEqual([]);
  });

  it('device code screen and the 21st-refresh-token confirmation', async () => {
    const profile = makeProfile({ clientType: 'device', redirectUri: null });
    const { backend, user } = setup(profile);
    backend.on('auth:startDevice', () => fail({ code: 'REFRESH_TOKEN_LIMIT', message: 'Zoho keeps at most 20 refresh tokens.', hint: 'Continue only if…' }));
    await user.click(await screen.findByRole('button', { name: 'Get a device code' }));
    await screen.findByRole('button', { name: 'Connect anyway' });
    expect(await serious()).toEqual([]);
    backend.setProfiles([
      { ...profile, connection: { status: 'connecting', device: { userCode: 'WXYZ-9876', verificationUrl: 'https://accounts.zoho.eu/oauth/v3/device', expiresAt: Date.now() + 200_000, intervalSeconds: 35, polls: 3, note: 'Zoho asked the app to check less often: now every 35 seconds.' } } },
    ]);
    backend.emit({ type: 'profiles-changed' });
    await screen.findByText('WXYZ-9876');
    expect(await serious()).toEqual([]);
  });
});

describe('connection panel: what a new-user trial found', () => {
  it('offers "Open the consent page again" after a reload, from the core’s pending sign-in', async () => {
    // A reload: the panel starts with no Connect of its own, the core says the sign-in waits.
    const profile = makeProfile({ connection: { status: 'connecting', pendingAuthorizeUrl: AUTHORIZE_URL } });
    setup(profile);
    expect(await screen.findByText('Waiting for you to allow access in your browser…')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open the consent page again' }).getAttribute('href')).toBe(AUTHORIZE_URL);
  });

  it('asks before revoking a production profile, naming the org; Escape keeps it connected; keyboard only', async () => {
    const profile = connected(makeProfile());
    const { backend, user } = setup(profile);
    backend.on('auth:disconnect', () => ok(makeProfile()));
    const revoke = await screen.findByRole('button', { name: 'Disconnect (revoke access)' });
    revoke.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke this app’s access to Acme Ltd (production)?' });
    expect(backend.callsTo('auth:disconnect')).toEqual([]);
    // The safe choice has the focus.
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Keep connected' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(revoke);
    expect(backend.callsTo('auth:disconnect')).toEqual([]);

    await user.keyboard('{Enter}');
    const again = await screen.findByRole('alertdialog');
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(within(again).getByRole('button', { name: 'Revoke access to Acme Ltd' }));
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await user.keyboard('{Enter}');
    expect(backend.callsTo('auth:disconnect')).toEqual([{ profileId: profile.id, revoke: true }]);
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
  });

  it('revokes a Sandbox profile without asking', async () => {
    const profile = connected(makeProfile({ environment: 'sandbox' }));
    const { backend, user } = setup(profile);
    backend.on('auth:disconnect', () => ok(makeProfile({ environment: 'sandbox' })));
    await user.click(await screen.findByRole('button', { name: 'Disconnect (revoke access)' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(backend.callsTo('auth:disconnect')).toEqual([{ profileId: profile.id, revoke: true }]);
  });

  it('says when the previous sign-in could not be revoked, while staying connected', async () => {
    const profile = connected(makeProfile());
    profile.connection.warning = {
      code: 'OLD_SIGN_IN_NOT_REVOKED',
      message: 'Connected. But the app could not ask Zoho to cancel this profile’s previous sign-in, so it still works for now.',
      hint: 'The app tries again when you disconnect or reconnect this profile.',
    };
    setup(profile);
    expect(await screen.findByText(/could not ask Zoho to cancel this profile’s previous sign-in/)).toBeTruthy();
    expect(screen.getByText('Connected, but one thing needs your attention.')).toBeTruthy();
  });

  it('in browser mode, says before the start that a Mobile-based profile can’t finish here, and keeps the paste route as an advanced option', async () => {
    const profile = makeProfile();
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id, mode: 'browser' } });
    backend.on('auth:connect', () => ok({ authorizeUrl: AUTHORIZE_URL, redirectUri: profile.redirectUri ?? '', via: 'scheme' }));
    render(<App api={backend.api} />);
    const user = userEvent.setup();
    const note = await screen.findByRole('note', { name: 'This profile can’t finish connecting in a browser tab' });
    expect(within(note).getByText(/only the desktop app can receive/)).toBeTruthy();
    expect(within(note).getByText(/open this profile in the desktop app/)).toBeTruthy();
    expect(within(note).getByText(/use a Server-based client/)).toBeTruthy();
    // No plain "Connect" that would leave a non-developer stuck on Zoho's page.
    expect(screen.queryByRole('button', { name: 'Connect' })).toBeNull();
    await user.click(within(note).getByText('Advanced: connect here and paste the answer by hand'));
    await user.click(within(note).getByRole('button', { name: 'Connect and paste the answer' }));
    expect(backend.callsTo('auth:connect')).toEqual([{ profileId: profile.id }]);
    const paste = await screen.findByLabelText('Paste the address Zoho sent you back to');
    const help = document.getElementById(paste.getAttribute('aria-describedby')!.split(' ')[0]!)!;
    expect(help.textContent).toMatch(/address bar keeps showing Zoho’s consent page/);
    expect(help.textContent).toMatch(/Location/);
    expect(help.textContent).toMatch(/connected-app-console:\/\/oauth\/callback\?/);
    expect(screen.queryByText(/The app continues by itself/)).toBeNull();
  });

  it('in browser mode, a Server-based profile connects as usual', async () => {
    const profile = makeProfile({ clientType: 'server', redirectUri: 'http://localhost:43005/oauth/callback' });
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id, mode: 'browser' } });
    render(<App api={backend.api} />);
    expect(await screen.findByRole('button', { name: 'Connect' })).toBeTruthy();
    expect(screen.queryByRole('note', { name: /can’t finish connecting/ })).toBeNull();
  });
});
