/**
 * `npm run web` (and `npm start` where Electron's binary is missing): runs the app in
 * browser mode — the core in this Node process, the renderer in your browser.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../core/app/createCore';
import { streamLog } from '../core/logging/redactingLog';
import { confStoreFactory } from '../core/storage/confStoreFactory';
import { memoryOnlyCipher, systemBrowser } from './nodeAdapters';
import { startWebHost } from './webHost';
import { createWriteStream } from 'node:fs';

const root = resolve(fileURLToPath(import.meta.url), '../../..');
const dataDir = process.env.CAC_DATA_DIR ?? join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'connected-app-console', 'browser-mode');
mkdirSync(dataDir, { recursive: true });

// One app per data folder: two would overwrite each other's profiles.
const lockFile = join(dataDir, 'browser-mode.lock');
const running = (() => {
  try {
    const pid = Number(readFileSync(lockFile, 'utf8'));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0); // throws when no such process
    return pid;
  } catch {
    return null;
  }
})();
if (running) {
  process.stderr.write(
    `Connected App Console is already running with this data folder (${dataDir}, process ${running}). Use that one, or stop it first (Ctrl+C in its terminal).\n`,
  );
  process.exit(1);
}
writeFileSync(lockFile, String(process.pid), { mode: 0o600 });
const logFile = createWriteStream(join(dataDir, 'app.log'), { flags: 'a', mode: 0o600 });
const say = (line: string) => process.stdout.write(`${line}\n`);
const system = systemBrowser(say);

const core = await createCore(
  { cipher: memoryOnlyCipher, storeFactory: confStoreFactory(dataDir), system, log: streamLog((l) => logFile.write(l)), dataDir },
  { mode: 'browser', version: process.env.npm_package_version ?? '0.0.0', urlSchemeAvailable: false, demoOrg: { start: true } },
);
const port = process.env.CAC_PORT ? Number(process.env.CAC_PORT) : 0;
const host = await startWebHost({ core, rendererDir: join(root, 'dist/renderer'), port });
// A Server-based profile's loopback port that is this page's own is reported as such, not as "another program".
core.internals.net.appPorts.add(Number(new URL(host.url).port));

say(`Connected App Console (browser mode) is running. Open: ${host.url}`);
say(`Profiles are kept in ${dataDir}; secrets stay in memory only unless you protect them with a passphrase in the app. Press Ctrl+C to stop.`);
if (!process.env.CI && !process.env.CAC_NO_BROWSER) void system.openExternal(host.url);

const stop = async () => {
  await host.close();
  await core.close();
  logFile.end();
  rmSync(lockFile, { force: true });
  say('Connected App Console stopped.');
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
