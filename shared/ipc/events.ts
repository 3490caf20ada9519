import type { IpcError } from './envelope';
import type { ProfileView } from './channels/profiles';
import type { CrmJobProgress } from './channels/crm';

/** Events: main → renderer, one channel, typed payload. */
export const EVENT_CHANNEL = 'app:event';
export type AppEvent =
  | { type: 'profiles-changed' }
  | { type: 'auth-finished'; profileId: string; ok: true; profile: ProfileView }
  | { type: 'auth-finished'; profileId: string; ok: false; error: IpcError }
  /** A redirect arrived that the app refused (forged, replayed, expired). */
  | { type: 'redirect-refused'; error: IpcError }
  /** Progress of a long CRM fetch ("Fetch all" in the API console). */
  | { type: 'crm-job'; job: CrmJobProgress };
