// @vitest-environment jsdom
/** Read-only profiles can be chosen in the form, and new profiles in a browser start on a client type that works there. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ok, type ChannelInput } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

describe('read-only profiles', () => {
  it('the edit form has a labelled Read-only switch, and saving sends it', async () => {
    const user = userEvent.setup();
    const profile = makeProfile({ readOnly: false });
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    const updates: ChannelInput<'profiles:update'>[] = [];
    backend.on('profiles:update', (payload) => {
      updates.push(payload);
      return ok({ ...profile, readOnly: true });
    });
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'Edit profile' }));
    const box = screen.getByRole('checkbox', { name: 'Read-only profile' });
    expect((box as HTMLInputElement).checked).toBe(false);
    await user.click(box);
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(updates.at(-1)?.changes.readOnly).toBe(true);
  });

  it('the profile page says a profile is read-only', async () => {
    const profile = makeProfile({ readOnly: true });
    render(<App api={createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } }).api} />);
    expect(await screen.findByText('Read-only: changes are never sent')).toBeTruthy();
  });
});

describe('new profiles in browser mode', () => {
  it('start on the Server-based (loopback) client, which works in a web browser', async () => {
    const user = userEvent.setup();
    render(<App api={createFakeBackend({ info: { mode: 'browser' } }).api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    expect((screen.getByRole('radio', { name: 'Server-based client' }) as HTMLInputElement).checked).toBe(true);
  });

  it('start on the Mobile-based client in the desktop app', async () => {
    const user = userEvent.setup();
    render(<App api={createFakeBackend({ info: { mode: 'electron' } }).api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    expect((screen.getByRole('radio', { name: 'Mobile-based client (recommended)' }) as HTMLInputElement).checked).toBe(true);
  });
});
