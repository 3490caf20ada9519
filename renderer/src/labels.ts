/**
 * Plain-language words for the values the contract uses. UI text only: every Zoho fact
 * (hosts, scopes, limits, error wording) comes from `shared/`.
 */
import type { ClientType, ConnectionStatus, ProfileView, Service } from '../../shared/ipc/contract';
import type { Environment } from '../../shared/zoho/dataCentres';
import { DATA_CENTRES } from '../../shared/zoho/dataCentres';

export const CLIENT_TYPE_TEXT: Record<ClientType, { title: string; explanation: string; short: string }> = {
  mobile: {
    title: 'Mobile-based client (recommended)',
    explanation: 'Zoho sends you back to the app through its own link.',
    short: 'Mobile-based client',
  },
  server: {
    title: 'Server-based client',
    explanation: 'A fixed http://localhost port on this computer receives the answer from Zoho.',
    short: 'Server-based client',
  },
  self: {
    title: 'Self Client',
    explanation: 'Paste a code you generate in the API console. No browser sign-in.',
    short: 'Self Client',
  },
  device: {
    title: 'Non-browser (device) client',
    explanation: 'For devices without a browser: you confirm a code on another device.',
    short: 'Non-browser (device) client',
  },
};

export const SERVICE_TEXT: Record<Service, { title: string; explanation: string }> = {
  zoho: { title: 'Real Zoho', explanation: "A real organisation at Zoho, such as a client's CRM." },
  demo: {
    title: 'The Demo org on this computer',
    explanation: 'A practice org the app runs on this computer. Safe to experiment: no real data.',
  },
};

export const ENVIRONMENT_TEXT: Record<Environment, { option: string; badge: string }> = {
  production: { option: 'Production (the live org with real data)', badge: 'PRODUCTION' },
  sandbox: { option: 'Sandbox (a test copy of the org)', badge: 'Sandbox' },
  developer: { option: 'Developer (a developer edition org)', badge: 'Developer' },
};

export const STATUS_TEXT: Record<ConnectionStatus, string> = {
  'not-connected': 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  'needs-reconnect': 'Needs reconnecting',
  'secret-missing': 'Client secret missing',
  throttled: 'Paused: Zoho asked the app to wait',
};

/** What to do next, for statuses that need the user (not errors: those carry their own hint). */
export function statusHint(profile: ProfileView): string | null {
  const c = profile.connection;
  switch (c.status) {
    case 'secret-missing':
      return 'Press “Edit profile” and enter the client secret again (Zoho API console → your client → Client Secret tab), then connect.';
    case 'needs-reconnect':
      return 'Zoho no longer accepts the saved sign-in. Press Connect to sign in again.';
    case 'throttled':
      return c.retryAfter
        ? `Zoho refuses new tokens for a while. Try again after ${new Date(c.retryAfter).toLocaleTimeString()}.`
        : 'Zoho refuses new tokens for a while. Wait ten minutes before trying again.';
    default:
      return null;
  }
}

export function isDemo(profile: Pick<ProfileView, 'isBuiltInDemo' | 'service'>): boolean {
  return profile.isBuiltInDemo || profile.service === 'demo';
}

export function dataCentreLabel(id: ProfileView['dataCentre']): string {
  return DATA_CENTRES[id]?.label ?? id;
}

/** "Connected as Ada Lovelace · Acme Ltd" — the e2e test looks for "Connected as". */
export function connectedLine(profile: ProfileView, mask: { name(v: string): string; email(v: string): string } = { name: (v) => v, email: (v) => v }): string {
  const c = profile.connection;
  const who = c.userName ? mask.name(c.userName) : c.userEmail ? mask.email(c.userEmail) : 'an unknown user';
  return c.orgName ? `Connected as ${who} · ${c.orgName}` : `Connected as ${who}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}
