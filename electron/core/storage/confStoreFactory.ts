import Conf from 'conf';
import type { KeyValueStore, StoreFactory, StoreOptions } from '../ports';

/**
 * StoreFactory over `conf` — the engine under electron-store, with the same atomic writes.
 * Used by browser mode and tests; the Electron app passes electron-store instead.
 * `clearInvalidConfig: false` makes a corrupt file throw instead of being silently emptied,
 * so the profile store can move it aside and tell the user.
 */
export function confStoreFactory(dataDir: string): StoreFactory {
  return <T extends Record<string, unknown>>(options: StoreOptions<T>): KeyValueStore<T> =>
    new Conf<T>({
      projectName: 'connected-app-console',
      cwd: dataDir,
      configName: options.name,
      defaults: options.defaults,
      clearInvalidConfig: false,
      // Every file the app writes is private to the user (0600) unless a caller says otherwise.
      configFileMode: options.mode ?? 0o600,
    });
}
