/**
 * The API console end to end in real Chromium against the Demo org (Ava's production org,
 * Northwind Outfitters, 10,500 Leads): a guided list with chosen fields, a search with no
 * match ("0 records"), a COQL query, "Fetch all" of 10,000 records with progress and a CSV
 * export, and a production delete that stops at the confirmation.
 */
import { readFileSync } from 'node:fs';
import { connectedNorthwindProfile, expect, seriousAxeViolations, test } from './fixtures';

test('API console on the Demo org: list, search, COQL, fetch all + CSV, guarded delete', async ({ page, demo, app, host }) => {
  test.setTimeout(90_000);
  const profile = await connectedNorthwindProfile(demo, app, 'E2E console');

  await page.goto(host.url);
  await expect(page.getByText(/Connected as .+ · Northwind Outfitters/)).toBeVisible();
  const consoleSection = page.getByRole('region', { name: 'API console' });
  const fields = consoleSection.getByRole('group', { name: /^Fields/ });

  // 1. Guided list of Leads with chosen fields.
  await consoleSection.getByLabel('Module').selectOption({ label: 'Leads' });
  await expect(consoleSection.getByRole('table', { name: 'Leads records' })).toBeVisible();
  await fields.getByRole('checkbox', { name: 'Company', exact: true }).uncheck();
  await fields.getByRole('checkbox', { name: 'Lead Source', exact: true }).check();
  await expect(consoleSection.getByTestId('request-preview')).toContainText('Lead_Source');
  await consoleSection.getByRole('button', { name: 'Send', exact: true }).click();
  const table = consoleSection.getByRole('table', { name: 'Leads records' });
  await expect(table.getByRole('columnheader', { name: 'Lead Source' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Company' })).toHaveCount(0);
  await expect(table).toHaveAttribute('aria-rowcount', '51');
  await expect(consoleSection.getByText('200 OK')).toBeVisible();
  // The same answer as a collapsible JSON tree, raw, and its headers.
  await consoleSection.getByRole('tab', { name: 'JSON tree' }).click();
  await expect(consoleSection.getByRole('tabpanel')).toContainText('more_records');
  await consoleSection.getByRole('tab', { name: 'Raw' }).click();
  await expect(consoleSection.getByRole('tabpanel')).toContainText('"next_page_token"');
  await consoleSection.getByRole('tab', { name: /Headers/ }).click();
  await expect(consoleSection.getByRole('tabpanel')).toContainText('content-type');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await consoleSection.getByRole('tab', { name: 'Table' }).click();

  // 2. A search with no match says "0 records".
  await consoleSection.getByLabel('What to do').selectOption({ label: 'Find records (search)' });
  await consoleSection.getByLabel('Condition 1 field').selectOption({ label: 'Last Name' });
  await consoleSection.getByLabel('Condition 1 value').fill('Nobody-By-This-Name');
  await consoleSection.getByLabel('Condition 1 value').press('Control+Enter');
  await expect(consoleSection.getByText('0 records', { exact: true })).toBeVisible();
  await expect(consoleSection.getByText(/HTTP 204, not an error/)).toBeVisible();
  await expect(consoleSection.getByRole('alert')).toHaveCount(0);

  // 3. COQL in the editor.
  await consoleSection.getByLabel('What to do').selectOption({ label: 'Query (COQL)' });
  // The CodeMirror editor (not the plain text area that stands in while it loads).
  const editor = consoleSection.locator('.cm-content[aria-label="COQL query"]');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type("select Last_Name, Email from Leads where Last_Name is not null limit 7");
  await expect(consoleSection.getByTestId('request-preview')).toContainText('POST');
  await consoleSection.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(consoleSection.getByText('7 records', { exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // 4. Fetch all: 10,000 records with progress, then export CSV.
  await consoleSection.getByLabel('What to do').selectOption({ label: 'List records' });
  await consoleSection.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(consoleSection.getByText(/50 records on page 1, more available/)).toBeVisible();
  await consoleSection.getByLabel('Stop after').fill('10000');
  await consoleSection.getByRole('button', { name: 'Fetch all' }).click();
  const progress = consoleSection.getByRole('progressbar');
  await expect(progress).toBeVisible();
  await expect(consoleSection.getByText('10,000 of 10,000 records')).toBeVisible({ timeout: 30_000 });
  await expect(consoleSection.getByText('Stopped at the limit of 10,000 records.')).toBeVisible();
  const fetched = consoleSection.getByRole('table', { name: /Leads records \(10,000 records fetched\)/ });
  await expect(fetched).toHaveAttribute('aria-rowcount', '10001');
  const downloading = page.waitForEvent('download');
  await consoleSection.getByRole('button', { name: 'Export everything fetched (CSV)' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^leads-all-.*\.csv$/);
  const csv = readFileSync((await file.path())!, 'utf8').trimEnd().split('\r\n');
  expect(csv).toHaveLength(10_001);
  expect(csv[0]).toContain('Lead_Source');

  // 5. A delete on a production profile stops at the confirmation that names the org.
  const firstId = csv[1]!.split(',')[0]!;
  await consoleSection.getByLabel('What to do').selectOption({ label: 'Delete records' });
  await consoleSection.getByLabel('Ids of the records to delete').fill(firstId);
  await consoleSection.getByRole('button', { name: 'Send change' }).click();
  const confirm = consoleSection.getByRole('alertdialog', { name: 'Change data in Northwind Outfitters?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('production');
  expect(await seriousAxeViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  const stillThere = await app.call('crm:send', { profileId: profile.id, request: { method: 'GET', path: `Leads/${firstId}`, query: {}, headers: {} } });
  expect(stillThere.status).toBe(200);
  const count = await app.call('crm:send', { profileId: profile.id, request: { method: 'GET', path: 'Leads/actions/count', query: {}, headers: {} } });
  expect(count.body).toEqual({ count: 10_500 });
});
