import type { ProfileView } from '../../../shared/ipc/contract';
import { DEMO_LABEL } from '../../../shared/app';
import { ENVIRONMENT_TEXT, isDemo } from '../labels';

export function EnvironmentBadge({ environment }: { environment: ProfileView['environment'] }) {
  return <span className={`badge env-${environment}`}>{ENVIRONMENT_TEXT[environment].badge}</span>;
}

export function DemoBadge({ profile }: { profile: Pick<ProfileView, 'isBuiltInDemo' | 'service'> }) {
  return isDemo(profile) ? <span className="badge demo">{DEMO_LABEL}</span> : null;
}

/** A colour swatch: decorative (the name always says which profile it is). */
export function Swatch({ colour }: { colour: string }) {
  return <span className="swatch" aria-hidden="true" style={{ backgroundColor: colour }} />;
}
