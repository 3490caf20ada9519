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

test('a denied consent shows the catalogue’s message', async ({ page, context, demo, app, host }) => {
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
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  const consentPage = await context.newPage();
  const deepLink = new Promise<string>((resolve) => {
    context.on('request', (request) => {
      if (request.url().startsWith(`${SCHEME_REDIRECT_URI}?`)) resolve(request.url());
    });
  });
  await consentPage.goto(await nextOpenedUrl(app, 1));
  await consentPage.getByRole('button', { name: 'Deny' }).click();
  await app.core.handleDeepLink(await deepLink);
  const denied = explain('CONSENT_DENIED');
  const alert = page.getByRole('alert').filter({ hasText: denied.message });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(denied.hint!);
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  expect(await seriousAxeViolations(page)).toEqual([]);
  await consentPage.close();
});
