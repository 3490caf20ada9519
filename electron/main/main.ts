/**
 * Electron entry (bundled to dist/electron/main.cjs). Thin on purpose: it wires OS
 * adapters into the core and enforces the shell's security rules; every decision about
 * profiles, OAuth and Zoho lives in electron/core. See electron/main/README.md.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { APP_NAME, APP_SCHEME } from '../../shared/app';
import type { Core } from '../core/app/core';
import { createCore } from '../core/app/createCore';
import { createFileLog } from './adapters/log';
import { electronStoreFactory } from './adapters/electronStore';
import { createSafeStorageCipher, diagnoseSafeStorage } from './adapters/safeStorageCipher';
import { createSystemPort } from './adapters/system';
import { registerAppSchemeAsPrivileged, serveRenderer } from './appProtocol';
import { createDeepLinkQueue } from './deepLinkQueue';
import { registerIpc } from './ipc';
import { deepLinkFromArgv, devProtocolClientArgs } from './policy';
import { createMainWindow, hardenWebContents, installSessionGuards } from './window';

// Bundled as CommonJS: __dirname is dist/electron (inside app.asar when packaged).
const PRELOAD_PATH = path.join(__dirname, 'preload.cjs');
const RENDERER_DIR = path.resolve(__dirname, '..', 'renderer');

// Development and test hooks, ignored in a packaged app.
// CAC_USER_DATA_DIR: keep data (and the single-instance lock) in a throwaway directory.
// CAC_SKIP_PROTOCOL_CLIENT=1: do not register this checkout as the OS handler for our scheme.
const devUserDataDir = !app.isPackaged ? process.env.CAC_USER_DATA_DIR : undefined;
const skipProtocolClient = !app.isPackaged && process.env.CAC_SKIP_PROTOCOL_CLIENT === '1';
if (devUserDataDir) app.setPath('userData', path.resolve(devUserDataDir));

// Before `ready`: privileged scheme, sandbox for every renderer.
registerAppSchemeAsPrivileged();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this profile directory; it receives our argv (and any deep link)
  // through its `second-instance` event.
  app.quit();
} else {
  runPrimaryInstance();
}

function runPrimaryInstance(): void {
  const log = createFileLog(app.getPath('userData'));
  const deepLinks = createDeepLinkQueue({
    // Name only: a message could quote the link, and links carry codes and states.
    onError: (error) => log.error('A deep link could not be handled', { reason: error instanceof Error ? error.name : typeof error }),
  });
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;

  // Register the URL scheme with the OS. Packaged: the installer's declaration (Info.plist,
  // .desktop MimeType, registry) plus this call. Unpackaged: Electron must be started with
  // our app path, or the OS would open Electron's default app.
  let schemeRegistered = skipProtocolClient;
  if (!skipProtocolClient) {
    try {
      schemeRegistered = process.defaultApp
        ? app.setAsDefaultProtocolClient(
            APP_SCHEME,
            process.execPath,
            devProtocolClientArgs(process.argv, process.cwd(), app.getAppPath()),
          )
        : app.setAsDefaultProtocolClient(APP_SCHEME);
    } catch (error) {
      log.warn('Could not register the URL scheme', { error });
    }
  }

  // Deep links: macOS `open-url` (may fire before ready), another instance's argv, and our
  // own cold-start argv. All go through one queue that opens once the core and the window's
  // page are ready, and only `connected-app-console://…` strings get in.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    if (!deepLinks.push(url)) log.warn('Ignored an open-url that is not one of our links');
    showMainWindow();
  });
  app.on('second-instance', (_event, argv) => {
    const link = deepLinkFromArgv(argv);
    if (link) deepLinks.push(link);
    showMainWindow();
  });
  const coldStartLink = deepLinkFromArgv(process.argv);
  if (coldStartLink) deepLinks.push(coldStartLink);

  const system = createSystemPort({ isAllowedExternalUrl: (url) => core?.isAllowedExternalUrl(url) ?? false });
  const guardDeps = {
    isAllowedExternalUrl: (url: string) => core?.isAllowedExternalUrl(url) ?? false,
    openExternal: (url: string) => system.openExternal(url),
    warn: (message: string, meta?: Record<string, unknown>) => log.warn(message, meta),
  };
  // Every webContents, including the main window's and any created later.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, guardDeps));

  /** Bring the window to the front (re-creating it on macOS, where the app outlives it). */
  function showMainWindow(): void {
    if (!core) return; // still starting: the window will open by itself
    if (!mainWindow || mainWindow.isDestroyed()) {
      openMainWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }

  function openMainWindow(): BrowserWindow {
    const win = createMainWindow({ preloadPath: PRELOAD_PATH });
    mainWindow = win;
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null;
    });
    win.webContents.once('did-finish-load', () => {
      const readyCore = core;
      if (readyCore) deepLinks.open((url) => readyCore.handleDeepLink(url));
    });
    return win;
  }

  async function start(): Promise<void> {
    await app.whenReady();
    installSessionGuards(session.defaultSession);
    serveRenderer(RENDERER_DIR);

    const diagnosis = diagnoseSafeStorage();
    const cipher = createSafeStorageCipher(diagnosis);
    if (!cipher.persistent) log.warn('No system keychain: secrets are kept in memory only', { backend: diagnosis.detected });

    const dataDir = app.getPath('userData');
    core = await createCore(
      { cipher, storeFactory: electronStoreFactory(dataDir), system, log, dataDir },
      { mode: 'electron', version: app.getVersion(), urlSchemeAvailable: schemeRegistered, demoOrg: { start: true } },
    );
    const readyCore = core;
    registerIpc({ core: readyCore, getWindow: () => mainWindow, warn: guardDeps.warn });
    openMainWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showMainWindow();
    });
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let closing = false;
  app.on('will-quit', (event) => {
    if (closing || !core) {
      log.close();
      return;
    }
    event.preventDefault();
    closing = true;
    const closingCore = core;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 3000).unref());
    Promise.race([closingCore.close(), timeout])
      .catch((error: unknown) => log.error('The core did not close cleanly', { error }))
      .finally(() => {
        log.close();
        app.exit(0);
      });
  });

  start().catch((error: unknown) => {
    log.error('The app could not start', { error });
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox(APP_NAME, `${APP_NAME} could not start.\n\n${detail}`);
    log.close();
    app.exit(1);
  });
}
