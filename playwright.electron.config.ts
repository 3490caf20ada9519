/**
 * The `_electron` suite: what only real Electron can show (window preferences, navigation
 * lock, the IPC door, deep-link wiring). `npm run test:electron` builds first.
 * Where Electron's binary is missing the suite skips itself; the reason is printed here once
 * (the config is loaded again in each worker, hence the env guard).
 */
import { defineConfig } from '@playwright/test';
import { ELECTRON_SKIP_MESSAGE, electronBinaryPath } from './tests/electron/electronBinary';

if (!electronBinaryPath() && !process.env.CAC_ELECTRON_SKIP_NOTICE) {
  process.env.CAC_ELECTRON_SKIP_NOTICE = '1';
  console.log(`Skipping the Electron suite: ${ELECTRON_SKIP_MESSAGE}`);
}

export default defineConfig({
  testDir: 'tests/electron',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/electron',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
});
