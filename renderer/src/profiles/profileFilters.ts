/**
 * Searching, filtering, grouping and sorting profiles: pure functions shared by the
 * sidebar list and the quick switcher, tested on their own.
 */
import type { ConnectionStatus, ProfileView } from '../../../shared/ipc/contract';
import type { DataCentreId, Environment } from '../../../shared/zoho/dataCentres';
import { ENVIRONMENT_TEXT, dataCentreLabel } from '../labels';

export interface ProfileFilter {
  query: string;
  environment: Environment | '';
  dataCentre: DataCentreId | '';
  status: ConnectionStatus | '';
  org: string;
}
export type ProfileSort = 'last-used' | 'name';
export const EMPTY_FILTER: ProfileFilter = { query: '', environment: '', dataCentre: '', status: '', org: '' };

const norm = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every word typed must appear in the name, org, connected org, environment or data centre. */
export function matchesQuery(p: ProfileView, query: string): boolean {
  const words = norm(query).split(/\s+/).filter(Boolean);
  if (!words.length) return true;
  const hay = norm(
    [p.name, p.orgLabel, p.connection.orgName ?? '', p.environment, ENVIRONMENT_TEXT[p.environment].badge, p.dataCentre, dataCentreLabel(p.dataCentre)].join(' '),
  );
  return words.every((w) => hay.includes(w));
}

/** Higher is better: name starts with the query > org starts with it > word match. */
export function score(p: ProfileView, query: string): number {
  const q = norm(query.trim());
  if (!q) return 0;
  if (norm(p.name).startsWith(q)) return 3;
  if (norm(p.orgLabel).startsWith(q) || norm(p.connection.orgName ?? '').startsWith(q)) return 2;
  return 1;
}

export function filterProfiles(profiles: ProfileView[], f: ProfileFilter): ProfileView[] {
  return profiles.filter(
    (p) =>
      matchesQuery(p, f.query) &&
      (!f.environment || p.environment === f.environment) &&
      (!f.dataCentre || p.dataCentre === f.dataCentre) &&
      (!f.status || p.connection.status === f.status) &&
      (!f.org || orgOf(p) === f.org),
  );
}

export function sortProfiles(profiles: ProfileView[], sort: ProfileSort): ProfileView[] {
  const byName = (a: ProfileView, b: ProfileView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
  return [...profiles].sort(sort === 'name' ? byName : (a, b) => (b.lastUsedAt ?? 0) - (a.lastUsedAt ?? 0) || byName(a, b));
}

/** The org a profile belongs to, for grouping: its label, else the org it connected to. */
export function orgOf(p: ProfileView): string {
  return p.orgLabel.trim() || p.connection.orgName?.trim() || '';
}

export function groupByOrg(profiles: ProfileView[]): { org: string; profiles: ProfileView[] }[] {
  const groups = new Map<string, ProfileView[]>();
  for (const p of profiles) {
    const key = orgOf(p);
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, undefined, { sensitivity: 'base' })))
    .map(([org, list]) => ({ org, profiles: list }));
}

/** For the quick switcher: best matches first, then most recently used. */
export function rankForSwitcher(profiles: ProfileView[], query: string): ProfileView[] {
  return sortProfiles(
    profiles.filter((p) => matchesQuery(p, query)),
    'last-used',
  ).sort((a, b) => score(b, query) - score(a, query));
}
