/** Helpers for the Demo org conformance suite: every call goes over real HTTP. */
import { createHash } from 'node:crypto';
import { startDemoOrg, type DemoClient, type DemoClientInput, type DemoOrg } from '../../electron/core/demo-org';
import { SCHEME_REDIRECT_URI } from '../../shared/app';

export { SCHEME_REDIRECT_URI };
export const NORTHWIND = '60021458201'; // Ava, us, production, Enterprise, 10,500 Leads
export const NORTHWIND_SANDBOX = '60021458299';
export const BLUEBIRD = '60033911045'; // Ben, us, production, Free
export const ALPENROSE = '20087245512'; // Elena, eu, production, Professional
export const ALL_SCOPES = 'ZohoCRM.modules.ALL,ZohoCRM.settings.ALL,ZohoCRM.users.READ,ZohoCRM.org.READ,ZohoCRM.coql.READ,ZohoSearch.securesearch.READ';

export const start = (): Promise<DemoOrg> => startDemoOrg({ port: 0 });

export function mobileClient(demo: DemoOrg, extra: Partial<DemoClientInput> = {}): DemoClient {
  return demo.createClient({ type: 'mobile', name: 'Test App', redirect_uris: [SCHEME_REDIRECT_URI], ...extra });
}

export function pkce(verifier = 'a'.repeat(43)) {
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(demo: DemoOrg, params: Record<string, string>, dc = 'us'): URL {
  const url = new URL(`${demo.origins.accounts[dc]}/oauth/v2/auth`);
  for (const [k, v] of Object.entries({ response_type: 'code', redirect_uri: SCHEME_REDIRECT_URI, ...params })) url.searchParams.set(k, v);
  return url;
}

/** Opens the consent page and answers it like a person clicking Allow or Deny. */
export async function consent(
  demo: DemoOrg,
  params: Record<string, string>,
  choice: { user?: string; org?: string; decision?: 'allow' | 'deny' } = {},
): Promise<Response> {
  const url = authorizeUrl(demo, params);
  if (choice.user) url.searchParams.set('demo_user', choice.user);
  const page = await fetch(url);
  const html = await page.text();
  const requestId = /name="request_id" value="([^"]+)"/.exec(html)?.[1];
  if (!requestId) throw new Error(`no consent form (HTTP ${page.status}): ${html.slice(0, 300)}`);
  const org = choice.org ?? /name="org"[^>]*value="([^"]+)"/.exec(html)?.[1] ?? '';
  return fetch(`${demo.origins.accounts['us']}/oauth/v2/auth/decision`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, user: choice.user ?? 'ava', org, decision: choice.decision ?? 'allow' }),
  });
}

export function callbackOf(res: Response): URL {
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`expected a redirect, got ${res.status}`);
  return new URL(location);
}

export async function tokenCall(origin: string, form: Record<string, string>, init: RequestInit = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${origin}/oauth/v2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
    ...init,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface Connection {
  client: DemoClient;
  access: string;
  refresh?: string;
  apiDomain: string;
  accountsServer: string;
}

/** The whole code flow for a mobile client (PKCE S256), ending with tokens. */
export async function connect(
  demo: DemoOrg,
  options: { client?: DemoClient; scope?: string; user?: string; org?: string; offline?: boolean; prompt?: string } = {},
): Promise<Connection> {
  const client = options.client ?? mobileClient(demo, { enabled_dcs: ['us', 'eu', 'in'] });
  const { verifier, challenge } = pkce();
  const res = await consent(
    demo,
    {
      client_id: client.client_id,
      scope: options.scope ?? ALL_SCOPES,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st',
      ...(options.offline === false ? {} : { access_type: 'offline' }),
      ...(options.prompt ? { prompt: options.prompt } : {}),
    },
    { ...(options.user ? { user: options.user } : {}), ...(options.org ? { org: options.org } : {}) },
  );
  const cb = callbackOf(res);
  const accountsServer = cb.searchParams.get('accounts-server')!;
  const { body } = await tokenCall(accountsServer, {
    grant_type: 'authorization_code',
    client_id: client.client_id,
    client_secret: client.client_secrets_by_dc?.[cb.searchParams.get('location')!] ?? client.client_secret,
    code: cb.searchParams.get('code')!,
    redirect_uri: SCHEME_REDIRECT_URI,
    code_verifier: verifier,
  });
  if (typeof body['access_token'] !== 'string') throw new Error(`no token: ${JSON.stringify(body)}`);
  return {
    client,
    access: body['access_token'],
    ...(typeof body['refresh_token'] === 'string' ? { refresh: body['refresh_token'] } : {}),
    apiDomain: String(body['api_domain']),
    accountsServer,
  };
}

// Tests read many different answer shapes; `any` keeps each assertion short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export async function api(
  conn: { access: string; apiDomain: string },
  path: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<{ status: number; body: Json; headers: Headers; text: string }> {
  const { json, ...rest } = init;
  const res = await fetch(`${conn.apiDomain}/crm/v8/${path}`, {
    ...rest,
    headers: { Authorization: `Zoho-oauthtoken ${conn.access}`, ...(json !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers ?? {}) },
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers, text };
}
