/**
 * Is Electron's binary on this machine? In plain Node, `require('electron')` returns the
 * binary's path, or throws ("Electron failed to install correctly") when it was never
 * downloaded — which is the case where GitHub is unreachable. Same check as scripts/start.mjs.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';

export const ELECTRON_SKIP_MESSAGE =
  "Electron's binary is not installed on this machine (it is downloaded from GitHub, which is unreachable here); run `npm run test:electron` on a developer machine.";

export function electronBinaryPath(): string | null {
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
