import { spawn } from 'node:child_process';
import type { CipherPort, SystemPort } from '../core/ports';

/**
 * Browser mode has no OS keychain to reach, so secrets are never written to disk:
 * this cipher refuses to encrypt and the vault keeps them in memory only.
 */
export const memoryOnlyCipher: CipherPort = {
  backend: 'memory-only',
  persistent: false,
  message:
    'Browser mode cannot reach your system keychain. Use the desktop app to keep secrets in the keychain, or protect them here with a passphrase of your own.',
  encrypt() {
    throw new Error('Secrets are not written to disk in browser mode.');
  },
  decrypt() {
    throw new Error('Secrets are not written to disk in browser mode.');
  },
};

/** Opens a URL in the default browser (xdg-open / open / start). Failing quietly is fine: the UI shows the link too. */
export function systemBrowser(log: (line: string) => void): SystemPort {
  return {
    async openExternal(url: string) {
      const [command, args] =
        process.platform === 'darwin'
          ? ['open', [url]]
          : process.platform === 'win32'
            ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]]
            : ['xdg-open', [url]];
      await new Promise<void>((resolve) => {
        const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
        child.on('error', () => {
          log(`Open this address in your browser: ${url}`);
          resolve();
        });
        child.on('spawn', () => {
          child.unref();
          resolve();
        });
      });
    },
  };
}
