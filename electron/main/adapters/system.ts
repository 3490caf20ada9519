/**
 * SystemPort over Electron's shell and clipboard.
 * `openExternal` re-checks every URL with the core's allow-list (https Zoho hosts, the Demo
 * org's loopback origins) even though the core already did: this is the last door before
 * the OS, and a URL that fails the check is never opened.
 */
import { clipboard, shell } from 'electron';
import type { SystemPort } from '../../core/ports';

export interface SystemPortDeps {
  /** The core's `isAllowedExternalUrl`; returns false until the core exists. */
  isAllowedExternalUrl(url: string): boolean;
}

export function createSystemPort(deps: SystemPortDeps): SystemPort {
  return {
    async openExternal(url: string): Promise<void> {
      if (!deps.isAllowedExternalUrl(url)) {
        throw new Error('Refused to open an address that is not on the allowed list.');
      }
      await shell.openExternal(url, { activate: true });
    },
    async writeClipboard(text: string): Promise<void> {
      clipboard.writeText(text);
    },
  };
}
