import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests in real Chromium: Debian's `chromium` package (Playwright's own browser
 * download is not reachable here). The core runs in the test process; the renderer is the
 * built one (dist/renderer), served by browser mode's host over its real transport.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
});
