import { chmodSync, existsSync } from 'node:fs';
import type { LogPort } from '../ports';

/** Every file the app writes is for its user only: profiles name clients and orgs. */
export const PRIVATE_FILE_MODE = 0o600;

/** Makes an existing file private (a file written by an older version may be 0644). Best effort. */
export function makePrivate(path: string, log?: LogPort): void {
  try {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
  } catch (error) {
    log?.warn('could not make a file private', { path, reason: String(error).slice(0, 200) });
  }
}
