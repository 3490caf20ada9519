/**
 * Walking skeleton, end to end in real Chromium: a user creates a profile for the Demo org,
 * connects (the consent page opens in a second page; the redirect to our URL scheme is
 * handed to the app's deep-link entry exactly as the OS would), sees who is connected and a
 * table of records; then a forged redirect is refused with a visible message.
 */
import { SCHEME_REDIRECT_URI } from '../../shared/app';
import { expect, nextOpenedUrl, seriousAxeViolations, test } from './fixtures';

test('create a Demo org profile, connect through the URL scheme, browse records, refuse a forged redirect', async ({ page, context, demo, app, host }) => {
  const client = demo.createClient({ type: 'mobile', name: 'E2E mobile client', redirect_uris: [SCHEME_REDIRECT_URI], home_dc: 'us', enabled_dcs: ['us'] });
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Connected App Console' })).toBeVisible();

  // Create the profile as a person would.
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill('Zylker demo (e2e)');
  await page.getByLabel('Client org label').fill('Zylker');
  await page.getByRole('radio', { name: 'The Demo org on this computer' }).check();
  await page.getByLabel('Data centre').selectOption('us');
  await page.getByRole('radio', { name: /Mobile-based client/ }).check();
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret').fill(client.client_secret);
  for (const scope of ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ']) {
    await page.getByRole('checkbox', { name: scope, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Zylker demo \(e2e\)/ })).toBeVisible();
  // The secret is write-only: it is nowhere on the page.
  await expect(page.locator('body')).not.toContainText(client.client_secret);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Connect: the app asks the OS to open Zoho's (here the Demo org's) consent page. Browser mode
  // keeps a Mobile-based Connect under "Advanced" (a tab can't take the app's own link back);
  // the test hands the redirect over as the desktop app's OS would.
  await page.getByText('Advanced: connect here and paste the answer by hand').click();
  await page.getByRole('button', { name: 'Connect and paste the answer' }).click();
  await expect(page.getByText('Waiting for you to allow access in your browser')).toBeVisible();
  const authorizeUrl = await nextOpenedUrl(app, 1);
  expect(new URL(authorizeUrl).origin).toBe(demo.origins.accounts.us);

  const consentPage = await context.newPage();
  const deepLink = new Promise<string>((resolve) => {
    context.on('request', (request) => {
      if (request.url().startsWith(`${SCHEME_REDIRECT_URI}?`)) resolve(request.url());
    });
  });
  await consentPage.goto(authorizeUrl);
  await expect(consentPage.getByText('ZohoCRM.users.READ').or(consentPage.getByText(/users/i)).first()).toBeVisible();
  await consentPage.getByRole('button', { name: 'Allow' }).click();
  // Chromium has no OS handler for our scheme; the OS's job is ours: hand the URL to the app.
  await app.core.handleDeepLink(await deepLink);

  await expect(page.getByText(/Connected as .+ · .+/)).toBeVisible();
  const status = await page.getByText(/Connected as .+ · .+/).textContent();
  const [, userName, orgName] = status!.match(/Connected as (.+) · (.+)/)!;
  const users = await (await fetch(`${demo.origins.console}/console/api/users`)).json();
  expect(JSON.stringify(users)).toContain(userName!.trim());
  expect(JSON.stringify(users)).toContain(orgName!.trim());

  // Records: pick a module, see a table with rows.
  await page.getByLabel('Module').selectOption({ label: 'Leads' });
  const table = page.getByRole('table', { name: 'Leads records' });
  await expect(table).toBeVisible();
  expect(await table.getByRole('row').count()).toBeGreaterThan(10);
  await expect(table.getByRole('columnheader').first()).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);

  // A forged redirect (state this app never issued) is refused, visibly, and changes nothing.
  const tokenRequests = demo.stats.tokenRequests();
  await app.core.handleDeepLink(`${SCHEME_REDIRECT_URI}?code=1000.forged&state=forged-state&location=us`);
  const alert = page.getByRole('alert').filter({ hasText: 'refused a sign-in redirect' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('not started by this app');
  expect(demo.stats.tokenRequests()).toBe(tokenRequests);
  await expect(page.getByText(/Connected as .+ · .+/)).toBeVisible();
  await consentPage.close();
});
