import { DATA_CENTRES } from '../../../shared/zoho/dataCentres';
import type { StoredProfile } from '../profiles/storedProfile';

export function dataCentreLabel(profile: Pick<StoredProfile, 'dataCentre' | 'service'>): string {
  const label = DATA_CENTRES[profile.dataCentre].label;
  return profile.service === 'demo' ? `Demo org's ${label}` : label;
}
