/** Routes of the console origin: JSON under /console/api/, HTML elsewhere. */
import type { ServerResponse } from 'node:http';
import type { DemoContext } from '../context';
import { formParams, parseJson, redirect, sendHtml, sendJson, type DemoRequest } from '../http/io';
import { errorPage } from '../accounts/pages';
import { ClientInputError, registerClient } from './clients';
import { directoryView } from './directoryView';
import { consoleHome, resultPage } from './pages';
import { generateSelfClientCode } from './selfClientCode';

function inputError(res: ServerResponse, error: unknown): void {
  if (error instanceof ClientInputError) {
    return sendJson(res, 400, { error: 'invalid_input', field: error.field, message: error.message });
  }
  if (error instanceof SyntaxError) return sendJson(res, 400, { error: 'invalid_json', message: 'The body is not valid JSON.' });
  throw error;
}

export function routeConsole(ctx: DemoContext, req: DemoRequest, res: ServerResponse): void {
  const path = req.url.pathname;
  const m = req.method;
  try {
    if (path === '/console/api/clients' && m === 'POST') return sendJson(res, 201, registerClient(ctx, parseJson(req)));
    if (path === '/console/api/self-client/code' && m === 'POST') return sendJson(res, 200, generateSelfClientCode(ctx, parseJson(req)));
    if (path === '/console/api/users' && m === 'GET') return sendJson(res, 200, directoryView(ctx));
  } catch (error) {
    return inputError(res, error);
  }
  if (path.startsWith('/console/api/')) return sendJson(res, 404, { error: 'not_found', message: `No console API at ${m} ${path}.` });
  if ((path === '/' || path === '/console') && m === 'GET') {
    return sendHtml(res, 200, consoleHome([...ctx.store.clients.values()], directoryView(ctx)));
  }
  if (path === '/console/clients' && m === 'POST') return htmlForm(res, () => createFromForm(ctx, formParams(req)));
  if (path === '/console/self-client/code' && m === 'POST') return htmlForm(res, () => codeFromForm(ctx, formParams(req)));
  if (path === '/console/' && m === 'GET') return redirect(res, '/console');
  sendHtml(res, 404, errorPage('Page not found', `Nothing is served at ${path}.`));
}

function htmlForm(res: ServerResponse, make: () => string): void {
  try {
    sendHtml(res, 200, make());
  } catch (error) {
    if (error instanceof ClientInputError) return sendHtml(res, 400, errorPage('Please check the form', error.message));
    throw error;
  }
}

function createFromForm(ctx: DemoContext, form: URLSearchParams): string {
  const uris = (form.get('redirect_uris') ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  const made = registerClient(ctx, {
    type: form.get('type'),
    name: form.get('name') ?? '',
    redirect_uris: uris,
    home_dc: form.get('home_dc') || 'us',
  });
  // The console shows the secret once, as Zoho's does on its Client Secret tab.
  return resultPage('Client created', [
    ['Client ID', made.client_id],
    ['Client Secret', made.client_secret],
  ]);
}

function codeFromForm(ctx: DemoContext, form: URLSearchParams): string {
  const made = generateSelfClientCode(ctx, {
    client_id: form.get('client_id') ?? '',
    scope: form.get('scope') ?? '',
    user: form.get('user') ?? '',
    ...(form.get('org') ? { org: form.get('org') } : {}),
    expiry_minutes: Number(form.get('expiry_minutes') || 3),
  });
  return resultPage('Code generated', [
    ['Code', made.code],
    ['Valid for (seconds)', String(made.expires_in)],
  ]);
}
