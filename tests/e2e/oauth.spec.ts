/**
 * Issue 5 end to end in real Chromium: connect through the loopback listener (Server-based
 * client: the consent page's redirect lands on http://localhost:<port>, served by the app);
 * connect with a Self Client code pasted into the app; a denied consent shows the
 * catalogue's message. Accessibility is checked on each new screen.
 */
import { SCHEME_REDIRECT_URI, loopbackRedirectUri } from '../../shared/app';
import { explain } from '../../shared/zoho/errors';
import { freePort } from '../helpers/oauth';
import { expect, nextOpenedUrl, seriousAxeViolations, test } from './fixtures';

const SCOPES = ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.modules.READ', 'ZohoCRM.users.READ', 'ZohoCRM.org.READ'];

test('connect a Server-based client through the loopback listener', async ({ page, context, demo, app, host }) => {
  const port = await freePort();
  const client = demo.createClient({ type: 'server', name: 'E2E loopback client', redirect_uris: [loopbackRedirectUri(port, '/oauth/callback')] });
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New profile' }).click();
  await page.getByLabel('Profile name').fill('Loopback (e2e)');
  await page.getByRole('radio', { name: 'The Demo org on this computer' }).check();
  await page.getByRole('combobox', { name: 'Data centre', exact: true }).selectOption('us');
  await page.getByRole('radio', { name: /Server-based client/ }).check();
  await page.getByLabel('Port on this computer').fill(String(port));
  await page.getByLabel('Client ID').fill(client.client_id);
  await page.getByLabel('Client secret').fill(client.client_secret);
  for (const scope of SCOPES) await page.getByRole('checkbox', { name: scope, exact: true }).check();
  await page.getByRole('button', { name: 'Save profile' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /Loopback \(e2e\)/ })).toBeVisible();
  await expect(page.getByLabel('Redirect URI')).toHaveValue(`http://localhost:${port}/oauth/callback`);

  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText('Waiting for you to allow access in your browser')).toBeVisible();
  const consentPage = await context.newPage();
  await consentPage.goto(await nextOpenedUrl(app, 1));
  await consentPage.getByRole('button', { name: 'Allow' }).click();
  // Zoho redirects the browser to http://localhost:<port>/oauth/callback: the app's own listener answers.
  await expect(consentPage.getByRole('heading', { name: 'You can close this tab' })).toBeVisible();
  await expect(page.getByText(/Connected as .+ · .+/)).toBeVisible();
  await expect(page.getByText('Browser sign-in, back through http://localhost')).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await consentPage.close();
});

test('connect a Self Client with a code pasted from the API console', async ({ page, demo, app, host }) => {
  const client = demo.createClient({ type: 'self', name: 'E2E self client', home_dc: 'eu', enabled_dcs: ['eu'] });
  await app.call('profiles:create', {
    name: 'Self Client (e2e)',
    service: 'demo',
    dataCentre: 'us', // the wrong DC on purpose: the code says otherwise
    clientType: 'self',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: SCOPES,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: /Self Client \(e2e\)/ }).click();
  const code = async () => {
    const res = await fetch(`${demo.origins.console}/console/api/self-client/code`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ client_id: client.client_id, scope: SCOPES.join(','), user: 'elena', org: '20087245512' }),
    });
    return ((await res.json()) as { code: string }).code;
  };
  const input = page.getByLabel('Code from the API console');
  await input.focus();
  await expect(page.getByRole('timer')).toContainText(/left to paste the code/);
  expect(await seriousAxeViolations(page)).toEqual([]);

  // Pasted at the wrong data centre: Zoho says invalid_client; the app says what to do.
  await input.fill(await code());
  await page.getByRole('button', { name: 'Connect with this code' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: "This client id isn't registered in the Demo org's United States (zoho.com) data centre." });
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText('pick the right data centre here');
  await refusal.getByText('Show details').click();
  await expect(refusal).toContainText('"error":"invalid_client"');
  expect(await seriousAxeViolations(page)).toEqual([]);

  await page.getByLabel('Data centre of that API console').selectOption('eu');
  await input.fill(await code());
  await page.getByRole('button', { name: 'Connect with this code' }).click();
  await expect(page.getByText('Connected as Elena Fischer · Alpenrose Handel GmbH')).toBeVisible();
  await expect(page.getByText('Europe (zoho.eu)').first()).toBeVisible();
});

test('a denied consent shows the catalogue’s message (browser mode, Mobile-based: the advanced paste route)', async ({ page, context, demo, app, host }) => {
  const client = demo.createClient({ type: 'mobile', name: 'E2E deny client', redirect_uris: [SCHEME_REDIRECT_URI] });
  await app.call('profiles:create', {
    name: 'Denied (e2e)',
    service: 'demo',
    dataCentre: 'us',
    clientType: 'mobile',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: SCOPES,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: /Denied \(e2e\)/ }).click();
  // Browser mode can't receive connected-app-console:// links: said before the start.
  const note = page.getByRole('note', { name: 'This profile can’t finish connecting in a browser tab' });
  await expect(note).toBeVisible();
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);
  await note.getByText('Advanced: connect here and paste the answer by hand').click();
  await note.getByRole('button', { name: 'Connect and paste the answer' }).click();
  const consentPage = await context.newPage();
  const deepLink = new Promise<string>((resolve) => {
    context.on('request', (request) => {
      if (request.url().startsWith(`${SCHEME_REDIRECT_URI}?`)) resolve(request.url());
    });
  });
  await consentPage.goto(await nextOpenedUrl(app, 1));
  await consentPage.getByRole('button', { name: 'Deny' }).click();
  // What the steps say: copy Zoho's answer (the Location) and paste it.
  await page.getByLabel('Paste the address Zoho sent you back to').fill(await deepLink);
  await page.getByRole('button', { name: 'Use this address' }).click();
  const denied = explain('CONSENT_DENIED');
  const alert = page.getByRole('alert').filter({ hasText: denied.message });
  await expect(alert.first()).toBeVisible();
  await expect(alert.first()).toContainText(denied.hint!);
  await expect(note).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await consentPage.close();
});

test('a Sandbox profile is refused when the production org is picked, connects with the Sandbox org; revoking production asks first', async ({ page, context, demo, app, host }) => {
  const port = await freePort();
  const client = demo.createClient({ type: 'server', name: 'E2E sandbox client', redirect_uris: [loopbackRedirectUri(port, '/oauth/callback')] });
  await app.call('profiles:create', {
    name: 'Northwind sandbox (e2e)',
    service: 'demo',
    environment: 'sandbox',
    dataCentre: 'us',
    clientType: 'server',
    loopbackPort: port,
    loopbackPath: '/oauth/callback',
    clientId: client.client_id,
    clientSecret: client.client_secret,
    scopes: SCOPES,
  });
  await page.goto(host.url);
  await page.getByRole('button', { name: /Northwind sandbox \(e2e\)/ }).click();

  const consentOnce = async (opened: number, org: RegExp) => {
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByText('Waiting for you to allow access in your browser')).toBeVisible();
    // A reload while waiting keeps "Open the consent page again".
    await page.reload();
    await expect(page.getByRole('link', { name: 'Open the consent page again' })).toHaveAttribute('href', await nextOpenedUrl(app, opened));
    const consentPage = await context.newPage();
    await consentPage.goto(await nextOpenedUrl(app, opened));
    await consentPage.getByRole('radio', { name: org }).check();
    await consentPage.getByRole('button', { name: 'Allow' }).click();
    // Zoho's redirect lands on the app's loopback listener, which answers the tab.
    await consentPage.waitForURL(new RegExp(`^http://localhost:${port}/oauth/callback\\?`));
    await expect(consentPage.locator('body')).not.toBeEmpty();
    await consentPage.close();
  };

  await consentOnce(1, /^Northwind Outfitters — production$/);
  const refused = page.getByRole('alert').filter({ hasText: 'You picked the production org, but this profile is for Sandbox.' });
  await expect(refused).toBeVisible();
  await expect(refused).toContainText("Connect again and pick the Sandbox org, or change this profile's environment.");
  await expect(page.getByText(/Connected as/)).toHaveCount(0);
  expect(await seriousAxeViolations(page)).toEqual([]);

  await consentOnce(2, /Northwind Outfitters \(Sandbox\) — sandbox/);
  await expect(page.getByText(/Connected as .+ · Northwind Outfitters \(Sandbox\)/)).toBeVisible();

  // Production: "Disconnect (revoke access)" asks, naming the org, and is keyboard-operable.
  await page.getByRole('button', { name: 'Edit profile' }).click();
  await page.getByLabel('Environment', { exact: true }).selectOption('production');
  await page.getByRole('button', { name: 'Save profile' }).click();
  // Changing the environment ended the connection (revoked at Zoho first); connect again to production.
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  await consentOnce(3, /^Northwind Outfitters — production$/);
  await expect(page.getByText(/Connected as .+ · Northwind Outfitters$/)).toBeVisible();
  await page.getByRole('button', { name: 'Disconnect (revoke access)' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Revoke this app’s access to Northwind Outfitters (production)?' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Keep connected' })).toBeFocused();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Disconnect (revoke access)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Revoke access to Northwind Outfitters' }).click();
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
});
