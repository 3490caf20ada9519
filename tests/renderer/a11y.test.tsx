// @vitest-environment jsdom
/**
 * axe-core over the main screens. jsdom cannot compute colours, so colour contrast is left
 * to the Chromium e2e run; everything else must have no serious or critical violations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { fail, ok } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { connected, createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

async function seriousViolations() {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('accessibility (axe-core)', () => {
  it('profile list, connection panel and records table', async () => {
    const demo = makeProfile({ id: 'demo', name: 'Demo org', service: 'demo', isBuiltInDemo: true, environment: 'sandbox' });
    const profile = connected(makeProfile());
    const backend = createFakeBackend({
      profiles: [demo, profile],
      info: { activeProfileId: profile.id, secretStorage: { persistent: false, backend: 'memory-only', message: 'No keyring.' } },
    });
    backend.on('crm:modules', () => ok([{ apiName: 'Leads', label: 'Leads', singularLabel: 'Lead', apiSupported: true }]));
    backend.on('crm:fields', () => ok([{ apiName: 'Full_Name', label: 'Lead Name', dataType: 'text' }]));
    backend.on('crm:records', () =>
      ok({ records: [{ id: '1', Full_Name: 'Ada' }], info: { page: 1, perPage: 50, count: 1, moreRecords: false }, durationMs: 1 }),
    );
    render(<App api={backend.api} />);
    const picker = await screen.findByLabelText('Module');
    await within(picker).findByRole('option', { name: 'Leads' });
    await userEvent.setup().selectOptions(picker, 'Leads');
    await screen.findByRole('table', { name: 'Leads records' });
    backend.emit({ type: 'redirect-refused', error: { code: 'REDIRECT_EXPIRED', message: 'Expired.', hint: 'Connect again.' } });
    expect(await seriousViolations()).toEqual([]);
  });

  it('waiting state with the paste box', async () => {
    const profile = makeProfile();
    const backend = createFakeBackend({ profiles: [profile], info: { activeProfileId: profile.id } });
    backend.on('auth:connect', () => ok({ authorizeUrl: 'https://accounts.zoho.eu/x', redirectUri: 'x', via: 'scheme' }));
    render(<App api={backend.api} />);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Connect' }));
    await screen.findByText('Waiting for you to allow access in your browser…');
    expect(await seriousViolations()).toEqual([]);
  });

  it('profile form with field errors', async () => {
    const user = userEvent.setup();
    const backend = createFakeBackend();
    backend.on('profiles:create', () =>
      fail({ code: 'INVALID_INPUT', message: 'Not valid.', fields: { name: 'Give the profile a name.', scopes: 'Pick at least one scope.' } }),
    );
    render(<App api={backend.api} />);
    await user.click(await screen.findByRole('button', { name: 'New profile' }));
    await user.click(screen.getByLabelText('Server-based client'));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    await screen.findByText('Give the profile a name.');
    expect(await seriousViolations()).toEqual([]);
  });
});
