import { useDeferredValue, useId, useMemo, useState, type Ref } from 'react';
import type { ConnectionStatus, ProfileView } from '../../../shared/ipc/contract';
import { DATA_CENTRE_LIST, ENVIRONMENTS, type DataCentreId, type Environment } from '../../../shared/zoho/dataCentres';
import { ENVIRONMENT_TEXT, STATUS_TEXT, dataCentreLabel, plural } from '../labels';
import { EMPTY_FILTER, filterProfiles, groupByOrg, orgOf, sortProfiles, type ProfileFilter, type ProfileSort } from '../profiles/profileFilters';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';

interface Props {
  profiles: ProfileView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  /** The list's <nav>, so the app can put the focus back in it (e.g. after the Undo toast closes). */
  navRef?: Ref<HTMLElement>;
  loading: boolean;
  /** Opens import / export. */
  onTransfer?: () => void;
}

/** How many cards are drawn before "Show more" (search narrows a long list faster than scrolling). */
export const PAGE_SIZE = 100;

/** The sidebar: search, filters, grouping by client org, sorting; one card per profile. */
export function ProfileList({ profiles, selectedId, onSelect, onNew, loading, onTransfer, navRef }: Props) {
  const uid = useId();
  const [filter, setFilter] = useState<ProfileFilter>(EMPTY_FILTER);
  const [sort, setSort] = useState<ProfileSort>('last-used');
  const [grouped, setGrouped] = useState(true);
  const [shown, setShown] = useState(PAGE_SIZE);
  const set = <K extends keyof ProfileFilter>(key: K, value: ProfileFilter[K]) => {
    setFilter((f) => ({ ...f, [key]: value }));
    setShown(PAGE_SIZE);
  };

  // Typing stays responsive with a thousand profiles: the list catches up a moment later.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => sortProfiles(filterProfiles(profiles, deferredFilter), sort), [profiles, deferredFilter, sort]);
  const page = visible.slice(0, shown);
  const orgs = useMemo(() => [...new Set(profiles.map(orgOf).filter(Boolean))].sort((a, b) => a.localeCompare(b)), [profiles]);
  const statuses = useMemo(() => [...new Set(profiles.map((p) => p.connection.status))], [profiles]);
  const filtering = JSON.stringify(filter) !== JSON.stringify(EMPTY_FILTER);

  // Each profile is a card: the button is named by the profile's name alone, and the card's
  // other lines (org, environment, data centre, status) are the button's description.
  // The whole card is clickable (CSS stretches the button over it).
  const idFor = (p: ProfileView, part: string) => `${uid}-${p.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${part}`;
  const card = (p: ProfileView) => {
    const selected = p.id === selectedId;
    return (
      <li key={p.id} className={`profile-card${selected ? ' selected' : ''}${p.environment === 'production' ? ' production' : ''}`}>
        <span className="profile-item-title">
          <Swatch colour={p.colour} />
          <button
            type="button"
            className="profile-button"
            aria-current={selected ? 'true' : undefined}
            aria-describedby={idFor(p, 'details')}
            onClick={() => onSelect(p.id)}
          >
            {p.name}
          </button>
        </span>
        <span className="profile-details" id={idFor(p, 'details')}>
          {p.orgLabel ? <span className="profile-org">{p.orgLabel}</span> : null}
          <span className="profile-badges">
            <EnvironmentBadge environment={p.environment} />
            <DemoBadge profile={p} />
          </span>
          <span className="profile-meta">{dataCentreLabel(p.dataCentre)}</span>
          <span className={`profile-status status-${p.connection.status}`}>{STATUS_TEXT[p.connection.status]}</span>
        </span>
      </li>
    );
  };

  return (
    <nav className="sidebar" aria-labelledby="profiles-heading" ref={navRef}>
      <div className="sidebar-head">
        <h2 id="profiles-heading">Profiles</h2>
        <button type="button" className="button primary" onClick={onNew}>
          New profile
        </button>
      </div>
      {onTransfer ? (
        <div className="sidebar-actions">
          <button type="button" className="button secondary" onClick={onTransfer}>
            Import or export…
          </button>
        </div>
      ) : null}
      {loading ? (
        <p className="muted">Loading profiles…</p>
      ) : profiles.length === 0 ? (
        <p className="muted">No profiles yet. Press “New profile” to add one, or import a file.</p>
      ) : (
        <>
          <div className="list-tools" role="search" aria-label="Find profiles">
            <label htmlFor={`${uid}-q`}>Search profiles</label>
            <input
              id={`${uid}-q`}
              type="search"
              autoComplete="off"
              placeholder="Name, org, environment…"
              value={filter.query}
              onChange={(e) => set('query', e.target.value)}
            />
            <div className="tool-row">
              <div>
                <label htmlFor={`${uid}-org`}>Show org</label>
                <select id={`${uid}-org`} value={filter.org} onChange={(e) => set('org', e.target.value)}>
                  <option value="">All orgs</option>
                  {orgs.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${uid}-env`}>Show environment</label>
                <select id={`${uid}-env`} value={filter.environment} onChange={(e) => set('environment', e.target.value as Environment | '')}>
                  <option value="">All</option>
                  {ENVIRONMENTS.map((env) => (
                    <option key={env} value={env}>
                      {ENVIRONMENT_TEXT[env].badge}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${uid}-dc`}>Show DC</label>
                <select id={`${uid}-dc`} value={filter.dataCentre} onChange={(e) => set('dataCentre', e.target.value as DataCentreId | '')}>
                  <option value="">All</option>
                  {DATA_CENTRE_LIST.map((dc) => (
                    <option key={dc.id} value={dc.id}>
                      {dc.label}
                    </option>
                  ))}
                </select>
              </div>
              <div>
                <label htmlFor={`${uid}-status`}>Show status</label>
                <select id={`${uid}-status`} value={filter.status} onChange={(e) => set('status', e.target.value as ConnectionStatus | '')}>
                  <option value="">All</option>
                  {statuses.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_TEXT[s]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="tool-row">
              <div>
                <label htmlFor={`${uid}-sort`}>Sort by</label>
                <select id={`${uid}-sort`} value={sort} onChange={(e) => setSort(e.target.value as ProfileSort)}>
                  <option value="last-used">Last used</option>
                  <option value="name">Name</option>
                </select>
              </div>
              <label className="checkbox">
                <input type="checkbox" checked={grouped} onChange={(e) => setGrouped(e.target.checked)} />
                Group by client org
              </label>
            </div>
            {filtering ? (
              <button type="button" className="button secondary" onClick={() => setFilter(EMPTY_FILTER)}>
                Clear search and filters
              </button>
            ) : null}
          </div>
          <p className="list-count" role="status">
            {filtering ? `${plural(visible.length, 'profile')} of ${profiles.length.toLocaleString()} match.` : plural(profiles.length, 'profile')}
          </p>
          {visible.length === 0 ? (
            <p className="muted">No profile matches. Change the search or clear the filters.</p>
          ) : grouped ? (
            groupByOrg(page).map((group) => (
              <section key={group.org || '(none)'} className="org-group" aria-label={group.org ? `Org: ${group.org}` : 'No org label'}>
                <h3 className="org-group-title">{group.org || 'No org label'}</h3>
                <ul className="profile-list">{group.profiles.map(card)}</ul>
              </section>
            ))
          ) : (
            <ul className="profile-list">{page.map(card)}</ul>
          )}
          {visible.length > shown ? (
            <button type="button" className="button secondary" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              Show {Math.min(PAGE_SIZE, visible.length - shown)} more ({(visible.length - shown).toLocaleString()} not shown)
            </button>
          ) : null}
        </>
      )}
    </nav>
  );
}
