// @vitest-environment jsdom
/** Findings from the new-user trial, as a person meets them in the renderer. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok } from '../../shared/ipc/contract';
import { DEFAULT_SCOPES, describeScope } from '../../shared/zoho/scopes';
import { App } from '../../renderer/src/App';
import { createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const describedText = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('new profiles start with least privilege', () => {
  it('the default scopes are read-only and none is marked risky', () => {
    for (const scope of DEFAULT_SCOPES) {
      expect(scope).toMatch(/\.READ$/);
      expect(describeScope(scope)?.risky ?? false).toBe(false);
    }
    expect(DEFAULT_SCOPES).toEqual(
      expect.arrayContaining(['ZohoCRM.settings.modules.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ', 'ZohoCRM.modules.leads.READ', 'ZohoCRM.modules.deals.READ']),
    );
  });

  it('the new-profile form pre-selects exactly those, and no risky scope', async () => {
    const user = userEvent.setup();
    render(<App api={createFakeBackend().api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const scopes = screen.getByRole('group', { name: 'Scopes: what the app may do' });
    const ticked = within(scopes)
      .getAllByRole('checkbox')
      .filter((c) => (c as HTMLInputElement).checked);
    expect(ticked.length).toBe(DEFAULT_SCOPES.length);
    for (const box of ticked) expect(describedText(box)).not.toMatch(/Risky/);
  });
});

describe('client type in browser mode', () => {
  it('says a Mobile-based client cannot finish in a web browser and points to Server-based or Self Client', async () => {
    const user = userEvent.setup();
    render(<App api={createFakeBackend({ info: { mode: 'browser' } }).api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    const mobile = screen.getByRole('radio', { name: /Mobile-based client/ });
    expect(mobile.getAttribute('aria-label') ?? document.querySelector(`label[for="${mobile.id}"]`)?.textContent).toBe('Mobile-based client (desktop app only)');
    expect(describedText(mobile)).toMatch(/web browser.*cannot open.*connected-app-console:\/\/.*Server-based client.*Self Client/s);
    expect(describedText(screen.getByRole('radio', { name: 'Server-based client' }))).toMatch(/Works in a web browser/);
  });

  it('keeps Mobile-based recommended in the desktop app, without the browser note', async () => {
    const user = userEvent.setup();
    render(<App api={createFakeBackend({ info: { mode: 'electron' } }).api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    expect(screen.getByRole('radio', { name: 'Mobile-based client (recommended)' })).toBeTruthy();
    expect(screen.queryByText(/You are using the app in a web browser/)).toBeNull();
  });
});

describe('per-DC secrets can be removed from the form', () => {
  it('"Remove" sends an empty string for that data centre; "Keep" takes it back', async () => {
    const user = userEvent.setup();
    const profile = makeProfile({ multiDc: true, dataCentre: 'us', dcSecrets: ['eu', 'in'] });
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    backend.on('profiles:update', ({ changes }) => ok({ ...profile, dcSecrets: profile.dcSecrets.filter((dc) => changes.clientSecretsByDc?.[dc] !== '') }));
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    const removeEu = screen.getByRole('button', { name: /Remove the secret for .*Europe|Remove the secret for EU/ });
    await user.click(removeEu);
    expect(removeEu.textContent).toMatch(/^Keep the secret for/); // the same button now takes it back
    expect(screen.getByText(/will be removed when you save/)).toBeTruthy();
    // Changing one's mind, then removing India's instead.
    await user.click(screen.getByRole('button', { name: /Keep the secret for/ }));
    await user.click(screen.getByRole('button', { name: /Remove the secret for India/ }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const [sent] = backend.callsTo('profiles:update');
    expect(sent?.changes.clientSecretsByDc).toEqual({ in: '' });
  });
});

describe('messages do not linger or repeat', () => {
  it('"Profile … created." is cleared when the user moves on', async () => {
    const user = userEvent.setup();
    const other = makeProfile({ id: 'p2', name: 'Other org' });
    const created = makeProfile({ id: 'new1', name: 'Fresh org' });
    const backend = createFakeBackend({ profiles: [other] });
    backend.on('profiles:create', () => {
      backend.setProfiles([other, created]);
      return ok(created);
    });
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    const status = () => screen.getAllByRole('status').map((s) => s.textContent).join(' ');
    expect(status()).toMatch(/Profile “Fresh org” created\./);
    await user.click(screen.getAllByText('Other org')[0]!);
    expect(status()).not.toMatch(/created/);
  });

  it('the refused-redirect alert goes when a newer sign-in outcome arrives, and when the user connects again', async () => {
    const user = userEvent.setup();
    const profile = makeProfile();
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    backend.on('auth:connect', () => ok({ authorizeUrl: 'https://accounts.zoho.eu/oauth/v2/auth?x=1', redirectUri: profile.redirectUri ?? '', via: 'scheme' }));
    render(<App api={backend.api} />);
    await screen.findByRole('button', { name: 'Connect' });
    const refused = { code: 'STATE_UNKNOWN', message: 'This sign-in answer was not started by this app.' };
    backend.emit({ type: 'redirect-refused', error: refused });
    expect(screen.getByText('The app refused a sign-in redirect')).toBeTruthy();
    backend.emit({ type: 'auth-finished', profileId: profile.id, ok: false, error: { code: 'ACCESS_DENIED', message: 'Access was not allowed.' } });
    expect(screen.queryByText('The app refused a sign-in redirect')).toBeNull();

    backend.emit({ type: 'redirect-refused', error: refused });
    expect(screen.getByText('The app refused a sign-in redirect')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Connect|Try again/ }));
    expect(screen.queryByText('The app refused a sign-in redirect')).toBeNull();
  });

  it('the secret-storage box says one thing: the core’s own message when it has one', async () => {
    const message = 'No keyring was found (backend basic_text), so secrets are kept in memory only.';
    render(<App api={createFakeBackend({ info: { secretStorage: { persistent: false, backend: 'basic_text', message } } }).api} />);
    const box = (await screen.findByText('Secrets are kept only until the app closes')).closest('section')!;
    expect(within(box).getByText(message)).toBeTruthy();
    expect(box.textContent).not.toMatch(/no secure key store/);
  });

  it('and the general explanation when the core gives none', async () => {
    render(<App api={createFakeBackend({ info: { secretStorage: { persistent: false, backend: 'memory-only' } } }).api} />);
    const box = (await screen.findByText('Secrets are kept only until the app closes')).closest('section')!;
    expect(box.textContent?.match(/no secure key store/g)?.length).toBe(1);
  });
});

describe('what to register, on the profile page', () => {
  it('is the shared block, with the data centres to enable', async () => {
    const profile = makeProfile({ multiDc: true, dataCentre: 'us', dcSecrets: ['eu'] });
    render(<App api={createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } }).api} />);
    const register = await screen.findByRole('region', { name: 'What to register in Zoho’s API console' });
    expect(within(register).getByText('Data centres to enable')).toBeTruthy();
    expect(register.textContent).toMatch(/leave “Use the same OAuth credentials for all data centers” off/);
    expect(within(register).getByText('Scopes the app will ask for')).toBeTruthy();
    expect(describedText(within(register).getByLabelText('Redirect URI'))).toMatch(/Paste it exactly/);
  });
});

