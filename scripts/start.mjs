#!/usr/bin/env node
/**
 * `npm start`: opens Connected App Console in Electron when Electron's binary is usable,
 * and in browser mode when it is not (e.g. a machine that cannot download it from GitHub).
 * `npm run web` (`--web`): browser mode directly.
 * Other arguments are passed on (to Electron, or to the browser-mode host).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/**
 * In plain Node, `require('electron')` returns the path of Electron's binary, or throws
 * ("Electron failed to install correctly") when the binary was never downloaded.
 */
function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** Runs a child with inherited stdio; forwards Ctrl+C / termination; resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = (code) => {
      for (const signal of signals) process.off(signal, forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`Could not start ${path.basename(command)}: ${error.message}`);
      done(1);
    });
    child.on('exit', (code, signal) => done(code ?? 128 + (os.constants.signals[signal] ?? 0)));
  });
}

/** `npm run <script>` through the npm that started us when there is one (works on Windows too). */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.(c?js|mjs)$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], { shell: process.platform === 'win32' });
}

async function startElectron(binary, args) {
  const built = await npmRun('build');
  if (built !== 0) return built;
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // set by some editors' terminals; it would start Electron as plain Node
  return run(binary, [root, ...args], { env });
}

/**
 * `npm install` does not run Electron's download script (package.json `allowScripts` denies it,
 * so an install never fails offline). Fetch the binary here, on first start, instead; a machine
 * that can't reach GitHub answers at once and gets browser mode.
 */
async function downloadElectron() {
  if (process.env.CAC_NO_ELECTRON_DOWNLOAD) return null;
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return null;
  console.log("Looking for Electron's app window (downloaded once, on the first start that can reach it)…");
  const code = await run(process.execPath, [installer], { stdio: 'ignore', timeout: 180_000 });
  return code === 0 ? electronBinary() : null;
}

async function startBrowserMode(args) {
  // Always build: a renderer left over from an older checkout would not match the core.
  const built = await run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn']);
  if (built !== 0) return built;
  return run(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'electron/web/cli.ts', ...args]);
}

async function main() {
  const argv = process.argv.slice(2);
  const web = argv.includes('--web');
  const args = argv.filter((arg) => arg !== '--web');
  if (!web) {
    const binary = electronBinary() ?? (await downloadElectron());
    if (binary) return startElectron(binary, args);
    console.log(
      "Electron's app window isn't available on this machine (its binary couldn't be downloaded), so Connected App Console is starting in browser mode.",
    );
  }
  return startBrowserMode(args);
}

process.exitCode = await main();
