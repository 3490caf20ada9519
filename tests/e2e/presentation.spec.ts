/**
 * Presentation mode end to end on the Demo org: connect, list Leads, turn presentation mode
 * on with the keyboard, and nothing personal read off the screen before is on it after.
 */
import { connectedNorthwindProfile, expect, seriousAxeViolations, test } from './fixtures';

test('presentation mode masks names, emails and the signed-in user on a shared screen', async ({ page, demo, app, host }) => {
  test.setTimeout(60_000);
  await connectedNorthwindProfile(demo, app, 'E2E presentation');

  await page.goto(host.url);
  const connectedAs = page.getByText(/Connected as .+ · Northwind Outfitters/);
  await expect(connectedAs).toBeVisible();
  const userName = /Connected as (.+) · Northwind Outfitters/.exec((await connectedAs.textContent()) ?? '')![1]!;
  const consoleSection = page.getByRole('region', { name: 'API console' });
  await consoleSection.getByLabel('Module').selectOption({ label: 'Leads' });
  const table = consoleSection.getByRole('table', { name: 'Leads records' });
  await expect(table).toBeVisible();

  // Read the first rows' last names and emails while they are shown in full.
  const headers = await table.getByRole('columnheader').allTextContents();
  // The default columns show the full name ("Lead Name"): its last word is the last name.
  const nameCol = headers.findIndex((h) => h.startsWith('Lead Name'));
  const emailCol = headers.findIndex((h) => h.startsWith('Email'));
  expect(nameCol).toBeGreaterThanOrEqual(0);
  expect(emailCol).toBeGreaterThanOrEqual(0);
  const personal: string[] = [userName];
  for (let i = 1; i <= 5; i++) {
    const cells = await table.getByRole('row').nth(i).getByRole('cell').allTextContents();
    personal.push(cells[nameCol]!.trim().split(/\s+/).at(-1)!, cells[emailCol]!);
  }
  expect(personal.filter((p) => p.length > 2)).toHaveLength(11);
  for (const value of personal) expect(await page.evaluate(() => document.body.innerText)).toContain(value);

  await page.keyboard.press('Control+Shift+P');
  const toggle = page.getByRole('button', { name: /Presentation mode/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText('Presenting: personal details masked')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Presentation mode on' })).toHaveCount(1);
  await expect(page.getByText(/Connected as .+ · Northwind Outfitters/)).toContainText('••••');

  const shown = await page.evaluate(() => document.body.innerText);
  for (const value of personal) expect(shown, `"${value}" is still on screen`).not.toContain(value);

  // The other views of the same answer are masked too.
  await consoleSection.getByRole('tab', { name: 'Raw' }).click();
  await expect(consoleSection.getByRole('tabpanel')).toContainText('"data"');
  const raw = await page.evaluate(() => document.body.innerText);
  for (const value of personal) expect(raw, `"${value}" is in the raw view`).not.toContain(value);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Off again with the keyboard: the details come back.
  await page.keyboard.press('Control+Shift+P');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByText(`Connected as ${userName} · Northwind Outfitters`)).toBeVisible();
});
