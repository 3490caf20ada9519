/**
 * Preload (bundled to dist/electron/preload.cjs: sandboxed preloads cannot require npm
 * modules). Exposes exactly `window.api` = createApi(...) over one invoke channel and one
 * event channel. No ipcRenderer, no Node, nothing else reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, createApi, type AppEvent } from '../../shared/ipc/contract';

contextBridge.exposeInMainWorld(
  'api',
  createApi(
    (channel, payload) => ipcRenderer.invoke('cac:invoke', channel, payload),
    (listener) => {
      const h = (_e: IpcRendererEvent, ev: AppEvent) => listener(ev);
      ipcRenderer.on(EVENT_CHANNEL, h);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, h);
    },
  ),
);
