import { DATA_CENTRES, type DataCentreId } from '../../../shared/zoho/dataCentres';
import type { StoredProfile } from '../profiles/storedProfile';

export function dataCentreLabel(profile: Pick<StoredProfile, 'dataCentre' | 'service'>, dc: DataCentreId = profile.dataCentre): string {
  const label = DATA_CENTRES[dc].label;
  return profile.service === 'demo' ? `Demo org's ${label}` : label;
}
