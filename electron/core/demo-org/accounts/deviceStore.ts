/** Device-flow grants waiting for the user (reference §4.4). Kept in memory only. */
import type { DataCentreId } from '../../../../shared/zoho/dataCentres';

export interface DeviceGrant {
  device_code: string;
  user_code: string;
  client_id: string;
  scopes: string[];
  offline: boolean;
  prompt_consent: boolean;
  expires_at: number;
  last_poll_at?: number;
  status: 'pending' | 'approved' | 'denied' | 'used';
  /** Set on approval: the user, org and DC the tokens belong to. */
  user_key?: string;
  org_id?: string;
  dc?: DataCentreId;
}

export class DeviceGrants {
  readonly byDeviceCode = new Map<string, DeviceGrant>();
  readonly byUserCode = new Map<string, DeviceGrant>();

  add(grant: DeviceGrant): void {
    this.byDeviceCode.set(grant.device_code, grant);
    this.byUserCode.set(grant.user_code, grant);
  }
}
