/**
 * The one IPC door: `cac:invoke` → sender check → `core.dispatch`. Events go back on
 * EVENT_CHANNEL, only to our window and only while it shows our page.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { EVENT_CHANNEL, type Result } from '../../shared/ipc/contract';
import type { Core } from '../core/app/core';
import { isTrustedRendererUrl, isTrustedSender } from './policy';

export const INVOKE_CHANNEL = 'cac:invoke';

export const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Refused: request from an untrusted page.' },
};

const FAILED: Result<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: 'Something went wrong inside the app.',
    hint: 'Try again. If it keeps happening, restart the app; your profiles are kept.',
  },
};

export interface IpcDeps {
  core: Pick<Core, 'dispatch' | 'onEvent'>;
  /** The current main window (it can be re-created on macOS). */
  getWindow(): BrowserWindow | null;
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** Registers the handler and the event forwarding; returns a function that removes both. */
export function registerIpc(deps: IpcDeps): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, channel: unknown, payload: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event, deps.getWindow())) {
      deps.warn('Refused an IPC call from an untrusted sender', { channel: typeof channel === 'string' ? channel.slice(0, 64) : typeof channel });
      return REFUSED;
    }
    if (typeof channel !== 'string') return REFUSED;
    try {
      return await deps.core.dispatch(channel, payload);
    } catch {
      // dispatch never throws by contract; this is the last net, and says nothing more.
      return FAILED;
    }
  });

  const unsubscribe = deps.core.onEvent((appEvent) => {
    const win = deps.getWindow();
    if (!win || win.isDestroyed()) return;
    if (!isTrustedRendererUrl(win.webContents.getURL())) return;
    win.webContents.send(EVENT_CHANNEL, appEvent);
  });

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
