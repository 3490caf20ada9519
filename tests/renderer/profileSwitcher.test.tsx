// @vitest-environment jsdom
/**
 * The quick switcher, the list's search/filter/grouping, undo delete and the vault banner,
 * over the real App with a fake backend.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { fail, ok, type ProfileView } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { filterProfiles, groupByOrg, rankForSwitcher, sortProfiles, EMPTY_FILTER } from '../../renderer/src/profiles/profileFilters';
import { createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const profiles: ProfileView[] = [
  makeProfile({ id: 'nw-prod', name: 'Northwind production', orgLabel: 'Northwind Outfitters', environment: 'production', dataCentre: 'us', lastUsedAt: 3 }),
  makeProfile({ id: 'nw-sbx', name: 'Northwind sandbox', orgLabel: 'Northwind Outfitters', environment: 'sandbox', dataCentre: 'us', lastUsedAt: 5, colour: '#aa6600' }),
  makeProfile({ id: 'bb', name: 'Bluebird Bikes', orgLabel: 'Bluebird Bikes', environment: 'developer', dataCentre: 'eu', lastUsedAt: 1, connection: { status: 'connected', orgName: 'Bluebird Bikes' } }),
  makeProfile({ id: 'alp', name: 'Alpenrose', orgLabel: 'Alpenrose AG', environment: 'production', dataCentre: 'eu' }),
];

async function seriousViolations() {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('profile filters (pure)', () => {
  it('search matches every word in name, org, environment and DC; sorts by last used; groups by org', () => {
    expect(filterProfiles(profiles, { ...EMPTY_FILTER, query: 'north sand' }).map((p) => p.id)).toEqual(['nw-sbx']);
    expect(filterProfiles(profiles, { ...EMPTY_FILTER, query: 'zoho.eu' }).map((p) => p.id)).toEqual(['bb', 'alp']);
    expect(filterProfiles(profiles, { ...EMPTY_FILTER, environment: 'production', dataCentre: 'eu' }).map((p) => p.id)).toEqual(['alp']);
    expect(filterProfiles(profiles, { ...EMPTY_FILTER, status: 'connected' }).map((p) => p.id)).toEqual(['bb']);
    expect(sortProfiles(profiles, 'last-used').map((p) => p.id)).toEqual(['nw-sbx', 'nw-prod', 'bb', 'alp']);
    expect(groupByOrg(profiles).map((g) => [g.org, g.profiles.length])).toEqual([
      ['Alpenrose AG', 1],
      ['Bluebird Bikes', 1],
      ['Northwind Outfitters', 2],
    ]);
    expect(rankForSwitcher(profiles, 'blue')[0]!.id).toBe('bb');
  });
});

describe('quick switcher', () => {
  it('Ctrl+K opens an accessible dialog; typing narrows; Enter switches the whole app; focus returns on Escape', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend({ profiles, info: { activeProfileId: 'nw-prod' } });
    render(<App api={backend.api} />);
    const header = await screen.findByRole('banner');
    await within(header).findByText('Northwind production');
    expect(within(header).getByText('Live data: be careful')).toBeTruthy();

    const switchButton = within(header).getByRole('button', { name: /Switch profile/ });
    switchButton.focus();
    await user.keyboard('{Control>}k{/Control}');
    const dialog = screen.getByRole('dialog', { name: 'Switch profile' });
    const box = within(dialog).getByRole('combobox', { name: 'Profile or org' });
    expect(document.activeElement).toBe(box);
    expect(await seriousViolations()).toEqual([]);

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(switchButton);

    await user.keyboard('{Meta>}k{/Meta}');
    await user.keyboard('blue');
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([expect.stringContaining('Bluebird Bikes')]);
    expect(within(screen.getByRole('dialog')).getByRole('combobox').getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(backend.callsTo('profiles:setActive')).toContainEqual({ id: 'bb' });
    expect(within(header).getByText('Bluebird Bikes', { selector: '.active-name' })).toBeTruthy();
    expect(within(header).queryByText('Live data: be careful')).toBeNull();

    // Arrow keys move the highlighted option.
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('north{ArrowDown}');
    const selected = within(screen.getByRole('listbox')).getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true')!;
    expect(selected.textContent).toContain('Northwind production'); // second by last use
    await user.keyboard('{Enter}');
    expect(backend.callsTo('profiles:setActive')).toContainEqual({ id: 'nw-prod' });
  });
});

describe('quick switcher on the active profile', () => {
  it('Ctrl+K then Enter on the profile already shown focuses its heading instead of leaving focus on <body>', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend({ profiles, info: { activeProfileId: 'nw-prod' } });
    render(<App api={backend.api} />);
    const heading = await screen.findByRole('heading', { level: 2, name: /Northwind production/ });
    (document.activeElement as HTMLElement | null)?.blur();
    expect(document.activeElement).toBe(document.body);
    await user.keyboard('{Control>}k{/Control}');
    await user.keyboard('Northwind production{Enter}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(heading);
  });
});

describe('profile list tools', () => {
  it('searches, filters, groups by org and says how many match', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend({ profiles });
    render(<App api={backend.api} />);
    const nav = await screen.findByRole('navigation', { name: 'Profiles' });
    expect(within(nav).getByRole('region', { name: 'Org: Northwind Outfitters' })).toBeTruthy();
    await user.type(within(nav).getByLabelText('Search profiles'), 'northwind');
    expect(within(nav).getByText('2 profiles of 4 match.')).toBeTruthy();
    await user.selectOptions(within(nav).getByLabelText('Show environment'), 'sandbox');
    expect(within(nav).getAllByRole('button', { name: /Northwind/ }).map((b) => b.textContent)).toEqual(['Northwind sandbox']);
    await user.click(within(nav).getByRole('button', { name: 'Clear search and filters' }));
    expect(within(nav).getByText('4 profiles')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});

describe('delete with undo', () => {
  it('offers Undo after a delete and brings the profile back', async () => {
    const user = userEvent.setup();
    const target = profiles[2]!;
    const backend = createFakeBackend({ profiles, info: { activeProfileId: target.id } });
    backend.on('profiles:delete', ({ id }) => ok({ id, name: target.name, undoUntil: Date.now() + 30_000 }));
    backend.on('profiles:undoDelete', () => ok(target));
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: /Edit profile/ }));
    await user.click(screen.getByRole('button', { name: 'Delete profile…' }));
    expect(screen.getByText(/You can undo this for a few seconds/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText(`Profile “${target.name}” deleted.`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(backend.callsTo('profiles:undoDelete')).toEqual([{ id: target.id }]);
    expect(await screen.findByRole('heading', { level: 2, name: new RegExp(target.name) })).toBeTruthy();
  });
});

describe('secret storage banner', () => {
  it('offers the passphrase vault where there is no keychain, with the passphrase typed twice', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend({ info: { secretStorage: { persistent: false, backend: 'basic_text', message: 'No keyring.' } } });
    backend.on('vault:enablePassphrase', () => ok({ mode: 'passphrase-unlocked', backend: 'basic_text', canUsePassphrase: true }));
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'Protect secrets with a passphrase…' }));
    expect(screen.getByText(/--password-store=gnome-libsecret/)).toBeTruthy();
    await user.type(screen.getByLabelText('New passphrase'), 'river otter lantern');
    await user.type(screen.getByLabelText('Type it again'), 'river otter lantren');
    await user.click(screen.getByRole('button', { name: 'Protect secrets with this passphrase' }));
    expect(screen.getByText(/The two passphrases are not the same/).getAttribute('role')).toBe('alert');
    expect(backend.callsTo('vault:enablePassphrase')).toEqual([]);
    await user.clear(screen.getByLabelText('Type it again'));
    await user.type(screen.getByLabelText('Type it again'), 'river otter lantern');
    await user.click(screen.getByRole('button', { name: 'Protect secrets with this passphrase' }));
    expect(backend.callsTo('vault:enablePassphrase')).toEqual([{ passphrase: 'river otter lantern' }]);
    expect(await screen.findByText(/now saved encrypted under your passphrase/)).toBeTruthy();
  });

  it('asks for the passphrase when locked; a wrong one gets a clear error', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend({ info: { secretStorage: { persistent: false, backend: 'basic_text' } } });
    backend.on('vault:status', () => ok({ mode: 'passphrase-locked', backend: 'basic_text', canUsePassphrase: true }));
    backend.on('vault:unlock', ({ passphrase }) =>
      passphrase === 'right passphrase'
        ? ok({ mode: 'passphrase-unlocked', backend: 'basic_text', canUsePassphrase: true })
        : fail({ code: 'VAULT_WRONG_PASSPHRASE', message: 'That passphrase does not unlock your saved secrets.', hint: 'Check Caps Lock and try again. Nothing was changed.' }),
    );
    render(<App api={backend.api} />);
    expect(await screen.findByRole('heading', { name: 'Your saved secrets are locked' })).toBeTruthy();
    await user.type(screen.getByLabelText('Passphrase'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    const alert = (await screen.findByText('That passphrase does not unlock your saved secrets.')).closest('[role="alert"]');
    expect(alert?.textContent).toMatch(/Nothing was changed/);
    expect(await seriousViolations()).toEqual([]);
    await user.clear(screen.getByLabelText('Passphrase'));
    await user.type(screen.getByLabelText('Passphrase'), 'right passphrase');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText(/Unlocked/)).toBeTruthy();
  });
});

describe('delete confirmation focus', () => {
  it('focuses "Keep it" when the confirmation appears; Escape keeps the profile and returns to "Delete profile…"', async () => {
    const user = userEvent.setup();
    const target = profiles[2]!;
    const backend = createFakeBackend({ profiles, info: { activeProfileId: target.id } });
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: /Edit profile/ }));
    await user.click(screen.getByRole('button', { name: 'Delete profile…' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Keep it' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Yes, delete it' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete profile…' }));
    // "Keep it" by click also returns the focus.
    await user.click(screen.getByRole('button', { name: 'Delete profile…' }));
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Delete profile…' }));
    expect(backend.callsTo('profiles:delete')).toEqual([]);
  });
});

describe('delete focus', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('puts the focus on Undo after a delete, announces it, and moves it to the profile list when the toast closes', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime.bind(vi) });
    const target = profiles[2]!;
    const backend = createFakeBackend({ profiles, info: { activeProfileId: target.id } });
    backend.on('profiles:delete', ({ id }) => ok({ id, name: target.name, undoUntil: Date.now() + 30_000 }));
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: /Edit profile/ }));
    await user.click(screen.getByRole('button', { name: 'Delete profile…' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(document.activeElement).toBe(undo);
    expect(screen.getByText('Profile deleted. Press Undo to bring it back.')).toBeTruthy();
    // Being focused by the toast itself does not stop the countdown.
    await act(async () => {
      vi.advanceTimersByTime(10_500);
    });
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    const list = screen.getByRole('navigation', { name: 'Profiles' });
    // The first remaining profile in the list (sorted by last used) gets the focus.
    expect(document.activeElement).not.toBe(document.body);
    expect(list.contains(document.activeElement)).toBe(true);
    expect(document.activeElement?.classList.contains('profile-button')).toBe(true);
  });
});
