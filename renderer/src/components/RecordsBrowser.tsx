import type { ProfileView } from '../../../shared/ipc/contract';
import { ApiConsole } from '../console/ApiConsole';

/**
 * Records and calls for a connected profile: the API console (issue 6). Its guided mode
 * starts where the walking skeleton's browser was — pick a module, see its records. The
 * console's heavy parts (CodeMirror, the JSON tree, papaparse) load on demand.
 */
export function RecordsBrowser({ profile, onConnect }: { profileId?: string; profile: ProfileView; onConnect?: () => void }) {
  return <ApiConsole profile={profile} {...(onConnect ? { onConnect } : {})} />;
}
