/**
 * The ONLY user of `window.api`. Picks the transport:
 *  1. Electron (or the e2e test bridge): the preload / test exposes `window.api`, built with
 *     `createApi(...)` from shared/ipc/contract.
 *  2. Browser mode: the page was opened at http://127.0.0.1:<port>/#token=<token>; calls go to
 *     the local HTTP endpoint with that token, events arrive as Server-Sent Events.
 *  3. Neither: `transport` is 'missing-token' and the app shows how to open it properly.
 */
import { createApi, type Api } from '../../shared/ipc/contract';
import { createBrowserApi, takeToken } from './browserTransport';

declare global {
  interface Window {
    api?: Api;
  }
}

export type Transport = 'electron' | 'browser' | 'missing-token';

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function resolveApi(): { api: Api; transport: Transport } {
  if (window.api) return { api: window.api, transport: 'electron' };
  const token = takeToken(window.location, sessionStore(), window.history);
  if (token) return { api: createBrowserApi(token, (input, init) => fetch(input, init)), transport: 'browser' };
  const missing = {
    ok: false as const,
    error: { code: 'NO_TOKEN', message: 'This page was opened without its access link.', hint: 'Open the link printed by npm start.' },
  };
  return { api: createApi(async () => missing, () => () => undefined), transport: 'missing-token' };
}

const resolved = resolveApi();

export const api: Api = resolved.api;
export const transport: Transport = resolved.transport;
