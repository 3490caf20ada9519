import { useId } from 'react';
import type { ProfileView } from '../../../shared/ipc/contract';
import { dataCentreLabel, STATUS_TEXT } from '../labels';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';

interface Props {
  profiles: ProfileView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onNew: () => void;
  loading: boolean;
}

/** The sidebar: every profile, one button each. */
export function ProfileList({ profiles, selectedId, onSelect, onNew, loading }: Props) {
  const uid = useId();
  // Each profile is a card: the button is named by the profile's name alone, and the card's
  // other lines (org, environment, data centre, status) are the button's description.
  // The whole card is clickable (CSS stretches the button over it).
  const idFor = (p: ProfileView, part: string) => `${uid}-${p.id.replace(/[^A-Za-z0-9_-]/g, '_')}-${part}`;
  return (
    <nav className="sidebar" aria-labelledby="profiles-heading">
      <div className="sidebar-head">
        <h2 id="profiles-heading">Profiles</h2>
        <button type="button" className="button primary" onClick={onNew}>
          New profile
        </button>
      </div>
      {loading ? (
        <p className="muted">Loading profiles…</p>
      ) : profiles.length === 0 ? (
        <p className="muted">No profiles yet. Press “New profile” to add one.</p>
      ) : (
        <ul className="profile-list">
          {profiles.map((p) => {
            const selected = p.id === selectedId;
            return (
              <li
                key={p.id}
                className={`profile-card${selected ? ' selected' : ''}${p.environment === 'production' ? ' production' : ''}`}
              >
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
          })}
        </ul>
      )}
    </nav>
  );
}
