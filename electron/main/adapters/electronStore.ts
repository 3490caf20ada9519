/**
 * StoreFactory over electron-store 11 (conf 15 underneath): atomic writes, files in the
 * app's userData directory. Mirrors `core/storage/confStoreFactory.ts` (browser mode, tests).
 *
 * - `clearInvalidConfig: false`: a corrupt file throws instead of being silently emptied,
 *   so the core can move it aside and tell the user.
 * - `configFileMode`: 0o600 for every file (a caller may ask for another `mode`).
 */
import { ipcMain } from 'electron';
import Store from 'electron-store';
import type { KeyValueStore, StoreFactory, StoreOptions } from '../../core/ports';

/**
 * electron-store registers a synchronous IPC listener (`electron-store-get-data`) that answers
 * any renderer with the userData path and app version. Our renderers never need it (they
 * have no ipcRenderer at all), and every IPC entry point of ours checks its sender, so we
 * remove it right after a store is created. electron-store registers it once per process
 * (a module-level flag), so later stores do not bring it back.
 */
const ELECTRON_STORE_IPC_CHANNEL = 'electron-store-get-data';

export function electronStoreFactory(dataDir: string): StoreFactory {
  return <T extends Record<string, unknown>>(options: StoreOptions<T>): KeyValueStore<T> => {
    const store = new Store<T>({
      name: options.name,
      cwd: dataDir,
      defaults: options.defaults,
      clearInvalidConfig: false,
      // Every file the app writes is private to the user (0600) unless a caller says otherwise.
      configFileMode: options.mode ?? 0o600,
    });
    ipcMain.removeAllListeners(ELECTRON_STORE_IPC_CHANNEL);
    return store;
  };
}
