// @vitest-environment jsdom
/** The import/export screen: passphrase typed twice, encrypted import with a wrong then right passphrase, per-profile decisions. */
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { fail, ok } from '../../shared/ipc/contract';
import { App } from '../../renderer/src/App';
import { createFakeBackend, makeProfile } from './fakeBackend';

afterEach(cleanup);

const a = makeProfile({ id: 'a', name: 'Northwind production', orgLabel: 'Northwind' });
const b = makeProfile({ id: 'b', name: 'Bluebird Bikes', orgLabel: 'Bluebird', environment: 'sandbox' });

async function openTransfer() {
  const user = userEvent.setup();
  const backend = createFakeBackend({ profiles: [a, b] });
  render(<App api={backend.api} />);
  await user.click(await screen.findByRole('button', { name: 'Import or export…' }));
  expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Import or export profiles' }));
  return { user, backend };
}

describe('import and export screen', () => {
  it('an encrypted export needs the passphrase twice and only then asks the core', async () => {
    const { user, backend } = await openTransfer();
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    const clicked: string[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download); // jsdom cannot download; record what would be saved
    };
    onTestFinished(() => {
      HTMLAnchorElement.prototype.click = originalClick;
    });
    backend.on('profiles:export', ({ ids }) => ok({ fileName: 'cac-profiles-2026-01-01.encrypted.json', contents: '{"encrypted":{}}', count: ids.length, encrypted: true }));
    await user.click(screen.getByRole('button', { name: 'Tick all' }));
    await user.click(screen.getByRole('radio', { name: 'Encrypted, with the client secrets' }));
    await user.type(screen.getByLabelText('Passphrase for the file'), 'otter lantern river');
    await user.type(screen.getByLabelText('Type the passphrase again'), 'otter lantern rivet');
    await user.click(screen.getByRole('button', { name: 'Export 2 profiles' }));
    expect(screen.getByText(/The two passphrases are not the same/)).toBeTruthy();
    expect(backend.callsTo('profiles:export')).toEqual([]);
    await user.clear(screen.getByLabelText('Type the passphrase again'));
    await user.type(screen.getByLabelText('Type the passphrase again'), 'otter lantern river');
    await user.click(screen.getByRole('button', { name: 'Export 2 profiles' }));
    expect(backend.callsTo('profiles:export')).toEqual([{ ids: ['a', 'b'], passphrase: 'otter lantern river' }]);
    expect(await screen.findByText(/2 profiles exported to cac-profiles-2026-01-01.encrypted.json, encrypted/)).toBeTruthy();
    expect(clicked).toEqual(['cac-profiles-2026-01-01.encrypted.json']);
  });

  it('an encrypted file: asks for its passphrase, says plainly when it is wrong, then previews and imports with decisions', async () => {
    const { user, backend } = await openTransfer();
    backend.on('profiles:previewImport', ({ passphrase }) => {
      if (!passphrase) return fail({ code: 'IMPORT_NEEDS_PASSPHRASE', message: 'This file is encrypted: enter the passphrase it was exported with.' });
      if (passphrase !== 'right one here') {
        return fail({ code: 'IMPORT_WRONG_PASSPHRASE', message: 'That passphrase does not open this file, or the file was changed after it was exported.', hint: 'Nothing was changed.' });
      }
      return ok({
        encrypted: true,
        items: [
          { key: '0', name: 'Northwind production', orgLabel: 'Northwind', environment: 'production', dataCentre: 'eu', action: 'exists', existing: { id: 'a', name: 'Northwind production' }, changes: ['scopes'], withSecret: true },
          { key: '1', name: 'Alpenrose', orgLabel: 'Alpenrose', environment: 'production', dataCentre: 'eu', action: 'add', changes: [], withSecret: true },
        ],
      });
    });
    backend.on('profiles:import', () => ok({ added: ['Alpenrose'], replaced: ['Northwind production'], skipped: [] }));
    const file = new File(['{"format":"connected-app-console/profiles"}'], 'bundle.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Choose a profiles file to import'), file);
    await user.type(await screen.findByLabelText('Passphrase of the file'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    expect(await screen.findByText(/does not open this file/)).toBeTruthy();
    await user.clear(screen.getByLabelText('Passphrase of the file'));
    await user.type(screen.getByLabelText('Passphrase of the file'), 'right one here');
    await user.click(screen.getByRole('button', { name: 'Open the file' }));
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('row', { name: /Alpenrose/ }).textContent).toContain('Added as a new profile');
    const decision = within(table).getByRole('combobox', { name: /Already here as “Northwind production” \(different: scopes\)/ });
    await user.selectOptions(decision, 'replace');
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Import 2 profiles' }));
    expect(backend.callsTo('profiles:import')).toEqual([{ contents: '{"format":"connected-app-console/profiles"}', passphrase: 'right one here', decisions: { '0': 'replace' } }]);
    expect((await screen.findAllByText('Import finished: 1 profile added, 1 replaced, 0 skipped.')).length).toBeGreaterThan(0);
  });
});
