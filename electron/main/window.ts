/**
 * The app window and the guards every webContents gets.
 * Electron's security checklist, as it applies here: see electron/main/README.md.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_NAME } from '../../shared/app';
import { RENDERER_ENTRY_URL, isTrustedRendererUrl } from './policy';

export interface ExternalLinks {
  /** The core's allow-list (https Zoho hosts, the Demo org's loopback origins). */
  isAllowedExternalUrl(url: string): boolean;
  openExternal(url: string): Promise<void>;
}

export interface GuardDeps extends ExternalLinks {
  warn(message: string, meta?: Record<string, unknown>): void;
}

/** Only the origin, for logs: no query strings (they can carry codes and states). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparseable)';
  }
}

function openIfAllowed(url: string, deps: GuardDeps): void {
  if (!deps.isAllowedExternalUrl(url)) return;
  deps
    .openExternal(url)
    .catch((error: unknown) =>
      deps.warn('Could not open a link in the browser', { to: originOf(url), reason: error instanceof Error ? error.name : typeof error }),
    );
}

/** Deny every permission request and check (camera, notifications, clipboard-read, …). */
export function installSessionGuards(ses: Session): void {
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every webContents the app ever creates (from `web-contents-created`), the main
 * window's included: no navigation away from app://renderer, no new windows (allowed links
 * go to the system browser instead), no <webview>.
 */
export function hardenWebContents(contents: WebContents, deps: GuardDeps): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedRendererUrl(url)) return;
    event.preventDefault();
    deps.warn('Blocked a navigation away from the app', { to: originOf(url) });
    openIfAllowed(url, deps);
  });
  contents.on('will-redirect', (event, url) => {
    if (isTrustedRendererUrl(url)) return;
    event.preventDefault();
    deps.warn('Blocked a redirect away from the app', { to: originOf(url) });
  });
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, deps);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  installSessionGuards(contents.session);
}

export interface MainWindowOptions {
  preloadPath: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(RENDERER_ENTRY_URL);
  return win;
}
