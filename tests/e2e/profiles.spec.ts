/**
 * Profiles end to end in real Chromium: three Demo org profiles for different orgs and
 * environments (one typed in, two made with "Same client, other org"), each connected as a
 * different demo person/org; switching with Ctrl+K moves the whole app, and the header and
 * "Connected as" follow; then export without secrets, delete one (undo offered), and import
 * the file back with a preview and a per-profile decision. axe on every new screen. At the
 * end, every answer the page received, every file the app wrote, its logs and the page itself
 * are scanned for the client secret, the refresh tokens and the access tokens: none is there.
 * A second test runs without a keychain: banner, passphrase opt-in, locked after a restart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import { memoryOnlyCipher } from '../../electron/web/nodeAdapters';
import { startWebHost } from '../../electron/web/webHost';
import { createTestCore, tempDir } from '../helpers/testCore';
import { expect, nextOpenedUrl, seriousAxeViolations, test } from './fixtures';

const SCOPES = ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'];

async function consentAs(context: BrowserContext, authorizeUrl: string, user: string, org?: RegExp): Promise<string> {
  const url = new URL(authorizeUrl);
  url.searchParams.set('demo_user', user);
  const consent = await context.newPage();
  const deepLink = new Promise<string>((resolve) => {
    const onRequest = (request: { url(): string }) => {
      if (request.url().startsWith(`${SCHEME_REDIRECT_URI}?`)) {
        context.off('request', onRequest);
        resolve(request.url());
      }
    };
    context.on('request', onRequest);
  });
  await consent.goto(url.toString());
  if (org) await consent.getByRole('radio', { name: org }).check();
  await consent.getByRole('button', { name: 'Allow' }).click();
  const link = await deepLink;
  await consent.close();
  return link;
}

async function switchTo(page: Page, typed: string, expectedName: string) {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Switch profile' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox')).toBeFocused();
  await page.keyboard.type(typed);
  await expect(dialog.getByRole('option', { selected: true })).toContainText(expectedName);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('banner').locator('.active-name')).toHaveText(expectedName);
}

test('three orgs, switch with the keyboard, calls follow the profile; export without secrets and import back', async ({ page, context, demo, app, host }) => {
  test.setTimeout(60_000);
  const client = demo.createClient({ type: 'mobile', name: 'Consultant app', redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
  // Every answer the renderer receives over browser mode's transport, kept for the secret scan at the end.
  const answers: Promise<string>[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/api/invoke')) answers.push(response.text().catch(() => ''));
  });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Connected App Console' })).toBeVisible();
  let opened = 0;

  // 1. Northwind production, typed in.
  await page.getByRole('button', { name: 'New profile' }).click();
  // Browser mode: the form says a Mobile-based client cannot come back here, and what to pick instead.
  await expect(page.getByText(/a Mobile-based client cannot finish signing in/)).toBeVisible();
  await page.getByLabel('Profile name').fill('Northwind production');
  await page.getByLabel('Client org label').fill('Northwind Outfitters');
  await page.getByRole('radio', { name: 'The Demo org on this computer' }).check();
  await page.getByLabel('Data centre').selectOption('us');
  await page.getByRole('radio', { name: /Mobile-based client/ }).check();
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret').fill(client.client_secret);
  for (const scope of SCOPES) await page.getByRole('checkbox', { name: scope, exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Northwind production/ })).toBeVisible();

  const connect = async (user: string, org?: RegExp) => {
    // In browser mode a Mobile-based profile keeps Connect under "Advanced" (the tab cannot take the
    // app's own link back); the test then hands the redirect over as the desktop app's OS would.
    const advanced = page.getByText('Advanced: connect here and paste the answer by hand');
    if (await advanced.count()) {
      await advanced.click();
      await page.getByRole('button', { name: /^(Re)?[Cc]onnect and paste the answer$/ }).click();
    } else {
      await page.getByRole('button', { name: 'Connect', exact: true }).click();
    }
    opened += 1;
    await app.core.handleDeepLink(await consentAs(context, await nextOpenedUrl(app, opened), user, org));
  };
  await connect('ava');
  await expect(page.getByText('Connected as Ava Thompson · Northwind Outfitters', { exact: true })).toBeVisible();

  // 2 and 3. Same client, other org: Bluebird Bikes (Ben) and Northwind's sandbox (Ava).
  let duplicateFormChecked = false;
  const duplicate = async (name: string, org: string, environment: string) => {
    await page.getByRole('button', { name: /Edit profile/ }).click();
    if (!duplicateFormChecked) {
      // A look-alike of an existing name (zero-width space inside) is refused, in words, next to the field.
      await page.getByLabel('Name of the new profile').fill('Northwind\u200b production');
      await page.getByRole('button', { name: 'Duplicate for another org' }).click();
      await expect(page.getByText(/invisible character/).first()).toBeVisible();
      expect(await seriousAxeViolations(page)).toEqual([]); // the duplicate form, with its error
      duplicateFormChecked = true;
    }
    await page.getByLabel('Name of the new profile').fill(name);
    await page.getByLabel('Its client org').fill(org);
    await page.getByLabel('Its environment').selectOption(environment);
    await page.getByRole('button', { name: 'Duplicate for another org' }).click();
    await expect(page.getByRole('heading', { level: 2, name: new RegExp(name) })).toBeVisible();
  };
  await duplicate('Bluebird Bikes', 'Bluebird Bikes', 'production');
  await connect('ben');
  await expect(page.getByText('Connected as Ben Okafor · Bluebird Bikes', { exact: true })).toBeVisible();
  await duplicate('Northwind sandbox', 'Northwind Outfitters', 'sandbox');
  await connect('ava', /Northwind Outfitters \(Sandbox\)/);
  await expect(page.getByText('Connected as Ava Thompson · Northwind Outfitters (Sandbox)', { exact: true })).toBeVisible();
  // The client secret was copied for the duplicates, yet it is nowhere on the page.
  await expect(page.locator('body')).not.toContainText(client.client_secret);

  // Switch with the keyboard; each time the header and the org the calls reach follow.
  const nav = page.getByRole('navigation', { name: 'Profiles' });
  await page.keyboard.press('Control+k');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  const firstRows: Record<string, string> = {};
  for (const [typed, name, who, production] of [
    ['blue', 'Bluebird Bikes', 'Ben Okafor · Bluebird Bikes', true],
    ['north prod', 'Northwind production', 'Ava Thompson · Northwind Outfitters', true],
    ['sandbox', 'Northwind sandbox', 'Ava Thompson · Northwind Outfitters (Sandbox)', false],
  ] as const) {
    await switchTo(page, typed, name);
    await expect(nav.getByRole('button', { name, exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(page.getByText(`Connected as ${who}`, { exact: true })).toBeVisible();
    // Production is unmistakable on every screen (a Demo org profile is not "live data", so no such flag).
    await expect(page.getByRole('banner').locator('.badge.env-production')).toHaveCount(production ? 1 : 0);
    await expect(page.getByRole('banner').getByText('Live data: be careful')).toHaveCount(0);
    // A call from this screen goes with this profile's token to this profile's org.
    await page.getByLabel('Module').selectOption({ label: 'Leads' });
    const table = page.getByRole('table', { name: 'Leads records' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    firstRows[name] = (await table.getByRole('row').nth(1).textContent()) ?? '';
  }
  expect(new Set(Object.values(firstRows)).size).toBe(3); // three orgs, three different sets of records
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Export all three without secrets.
  await page.getByRole('button', { name: 'Import or export…' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Import or export profiles' })).toBeFocused();
  await page.getByRole('button', { name: 'Tick all' }).click();
  expect(await seriousAxeViolations(page)).toEqual([]);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 3 profiles' }).click();
  const download = await downloading;
  const exported = readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^cac-profiles-.*\.json$/);
  expect(exported).not.toContain(client.client_secret);
  expect(JSON.parse(exported).profiles.map((p: { name: string }) => p.name).sort()).toEqual(['Bluebird Bikes', 'Northwind production', 'Northwind sandbox']);
  await expect(page.getByText(/3 profiles exported to cac-profiles-.*without any secret/)).toBeVisible();

  // Delete one: gone, with Undo offered for a few seconds (not used here).
  await page.getByRole('button', { name: 'Done' }).click();
  await switchTo(page, 'blue', 'Bluebird Bikes');
  await page.getByRole('button', { name: /Edit profile/ }).click();
  await page.getByRole('button', { name: 'Delete profile…' }).click();
  await page.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.getByText('Profile “Bluebird Bikes” deleted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]); // the undo toast
  await expect(nav.getByRole('button', { name: 'Bluebird Bikes', exact: true })).toHaveCount(0);

  // Import the file back: the preview says what happens; skip the two that exist.
  await page.getByRole('button', { name: 'Import or export…' }).click();
  await page.getByLabel('Choose a profiles file to import').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) });
  const preview = page.getByRole('table');
  await expect(preview.getByRole('row', { name: /Bluebird Bikes/ })).toContainText('Added as a new profile');
  await expect(preview.getByRole('row', { name: /Northwind production/ })).toContainText('Already here as “Northwind production” (no differences)');
  await preview.getByRole('combobox', { name: /Already here as “Northwind production”/ }).selectOption('skip');
  await preview.getByRole('combobox', { name: /Already here as “Northwind sandbox”/ }).selectOption('skip');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import 3 profiles' }).click();
  await expect(page.getByRole('group', { name: 'Import' }).getByText('Import finished: 1 profile added, 0 replaced, 2 skipped.')).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Bluebird Bikes', exact: true })).toBeVisible();
  await expect(nav.getByRole('button')).toHaveCount(3 + 2); // three cards + New profile + Import or export
  // Imported without secrets: it needs its secret before it can connect; the others kept theirs.
  const list = (await app.call('profiles:list')).map((p) => [p.name, p.hasClientSecret]);
  expect(list.sort()).toEqual([
    ['Bluebird Bikes', false],
    ['Northwind production', true],
    ['Northwind sandbox', true],
  ]);

  // Nothing secret reached the page, the files the app wrote, or its logs.
  const secrets = [client.client_secret];
  for (const p of await app.call('profiles:list')) {
    const refresh = app.core.internals.vault.get(p.id, 'refreshToken');
    if (refresh) {
      secrets.push(refresh);
      secrets.push((await app.core.internals.tokens.get(p.id)).token);
    }
  }
  expect(secrets.length).toBe(1 + 2 * 2);
  const haystacks = [
    ...(await Promise.all(answers)),
    ...readdirSync(app.dataDir).map((f) => readFileSync(`${app.dataDir}/${f}`, 'utf8')),
    app.logLines.join('\n'),
    await page.content(),
  ];
  expect(answers.length).toBeGreaterThan(20);
  for (const secret of secrets) expect(haystacks.filter((h) => h.includes(secret)).length).toBe(0);
});

test('no keychain: the banner says so; opt in to a passphrase; after a restart the secrets are locked until the right passphrase', async ({ page, demo }) => {
  // Browser mode's own cipher: no keychain, secrets in memory only.
  const dataDir = tempDir('cac-e2e-vault-');
  const client = demo.createClient({ type: 'mobile', name: 'Vault app', redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
  const start = async () => {
    const app = await createTestCore({ demo, dataDir, cipher: memoryOnlyCipher });
    const host = await startWebHost({ core: app.core, rendererDir: join(process.cwd(), 'dist/renderer') });
    return { app, host, stop: async () => (await host.close(), await app.core.close()) };
  };

  let run = await start();
  const profile = await run.app.call('profiles:create', {
    name: 'Northwind production',
    orgLabel: 'Northwind Outfitters',
    service: 'demo',
    environment: 'production',
    dataCentre: 'us',
    clientType: 'server',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: SCOPES,
  });
  await page.goto(run.host.url);
  await expect(page.getByRole('heading', { name: 'Secrets are kept only until the app closes' })).toBeVisible();
  // In a web browser no keychain can be reached at all: the advice is the desktop app or a passphrase, not a keyring.
  await expect(page.getByText(/Use the desktop app to keep secrets in the keychain, or protect them here with a passphrase/)).toHaveCount(1);
  await expect(page.getByText(/--password-store=gnome-libsecret/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Protect secrets with a passphrase…' }).click();
  await page.getByLabel('New passphrase').fill('lantern otter river');
  await page.getByLabel('Type it again').fill('lantern otter river');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Protect secrets with this passphrase' }).click();
  await expect(page.getByText(/now saved encrypted under your passphrase/)).toBeVisible();
  const onDisk = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
  expect(onDisk).toContain('passphrase-scrypt-aes256gcm');
  expect(onDisk).not.toContain(client.client_secret);
  await run.stop();

  // Next start: locked. A wrong passphrase is refused plainly; the right one unlocks.
  run = await start();
  await page.goto(run.host.url);
  await expect(page.getByRole('heading', { name: 'Your saved secrets are locked' })).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('wrong passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'That passphrase does not unlock your saved secrets.' })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.getByLabel('Passphrase', { exact: true }).fill('lantern otter river');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('Unlocked. Your saved secrets and sign-ins are available.')).toBeVisible();
  expect(run.app.core.internals.vault.get(profile.id, 'clientSecret')).toBe(client.client_secret);
  await run.stop();
});
