/**
 * `npm run demo-org`: starts the Demo org alone. The FIRST stdout line is one JSON object with
 * every origin; then a human line or two. PORT=<n> picks the first port (the rest follow);
 * DEMO_ORG_STATE=<file> keeps clients and tokens across restarts; DEMO_ORG_TEST_CONTROL=1 serves the
 * test controls under {console}/__test/ (for out-of-process tests only). Stops on Ctrl+C.
 */
import { startDemoOrg } from './index';

async function main(): Promise<void> {
  const rawPort = process.env['PORT'];
  const port = rawPort ? Number(rawPort) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, got "${rawPort}"`);
  const stateFile = process.env['DEMO_ORG_STATE'] || undefined;
  const testControl = process.env['DEMO_ORG_TEST_CONTROL'] === '1';
  const demo = await startDemoOrg({ port, testControl, ...(stateFile ? { stateFile } : {}) });
  process.stdout.write(`${JSON.stringify(demo.origins)}\n`);
  process.stdout.write(`Demo org running (not a real Zoho org). Console: ${demo.origins.console}/console\n`);
  process.stdout.write(`Authorize at ${demo.origins.accounts['us']}/oauth/v2/auth — press Ctrl+C to stop.\n`);
  if (testControl) process.stdout.write(`Test controls are ON at ${demo.origins.console}/__test/ (tests only).\n`);
  for (const note of demo.notes) process.stderr.write(`${note}\n`);
  const stop = () => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Demo org failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
