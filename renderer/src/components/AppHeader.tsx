import type { ProfileView } from '../../../shared/ipc/contract';
import { APP_NAME } from '../../../shared/app';
import { dataCentreLabel } from '../labels';
import { DemoBadge, EnvironmentBadge, Swatch } from './Badges';
import { SWITCHER_SHORTCUT } from './QuickSwitcher';
import { PresentationToggle } from '../presentation/PresentationToggle';

/**
 * The app's header, on every screen: which profile every action goes to — its org, its
 * environment and its colour — with production unmistakable (a red flag in words, a red rule).
 */
export function AppHeader({ active, onSwitch }: { active: ProfileView | null; onSwitch?: () => void }) {
  const env = active?.environment;
  const org = active ? active.orgLabel || active.connection.orgName || '' : '';
  return (
    <header className={`app-header${env === 'production' ? ' is-production' : ''}`} style={active ? { borderTopColor: active.colour } : undefined}>
      <h1 className="app-title">{APP_NAME}</h1>
      <div className="active-profile" aria-label="Active profile" role="group">
        {active ? (
          <>
            <span className="active-label">Active profile:</span>
            <Swatch colour={active.colour} />
            <span className="active-name">{active.name}</span>
            {org ? <span className="active-org">{org}</span> : null}
            <EnvironmentBadge environment={active.environment} />
            {env === 'production' && active.service !== 'demo' ? <span className="production-flag">Live data: be careful</span> : null}
            <DemoBadge profile={active} />
            <span className="active-dc">{dataCentreLabel(active.dataCentre)}</span>
          </>
        ) : (
          <span className="active-label">No profile chosen</span>
        )}
      </div>
      <div className="header-tools">
        <PresentationToggle />
        {onSwitch ? (
          <button type="button" className="button secondary" onClick={onSwitch} aria-keyshortcuts="Control+K Meta+K">
            Switch profile <span className="kbd" aria-hidden="true">{SWITCHER_SHORTCUT}</span>
          </button>
        ) : null}
      </div>
    </header>
  );
}
