import type { ProfileView } from '../../../shared/ipc/contract';
import { APP_NAME } from '../../../shared/app';
import { dataCentreLabel } from '../labels';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';

/** The app's header: which profile every action goes to, with production unmistakable. */
export function AppHeader({ active }: { active: ProfileView | null }) {
  const env = active?.environment;
  return (
    <header className={`app-header${env === 'production' ? ' is-production' : ''}`} style={active ? { borderTopColor: active.colour } : undefined}>
      <h1 className="app-title">{APP_NAME}</h1>
      <div className="active-profile" aria-label="Active profile" role="group">
        {active ? (
          <>
            <span className="active-label">Active profile:</span>
            <Swatch colour={active.colour} />
            <span className="active-name">{active.name}</span>
            {active.orgLabel ? <span className="active-org">{active.orgLabel}</span> : null}
            <EnvironmentBadge environment={active.environment} />
            <DemoBadge profile={active} />
            <span className="active-dc">{dataCentreLabel(active.dataCentre)}</span>
          </>
        ) : (
          <span className="active-label">No profile chosen</span>
        )}
      </div>
    </header>
  );
}
