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
          {profiles.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className={`profile-item${p.id === selectedId ? ' selected' : ''}${p.environment === 'production' ? ' production' : ''}`}
                aria-current={p.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(p.id)}
              >
                <span className="profile-item-title">
                  <Swatch colour={p.colour} />
                  <span className="profile-name">{p.name}</span>
                </span>
                {p.orgLabel ? <span className="profile-org">{p.orgLabel}</span> : null}
                <span className="profile-badges">
                  <EnvironmentBadge environment={p.environment} />
                  <DemoBadge profile={p} />
                </span>
                <span className="profile-meta">{dataCentreLabel(p.dataCentre)}</span>
                <span className={`profile-status status-${p.connection.status}`}>{STATUS_TEXT[p.connection.status]}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
