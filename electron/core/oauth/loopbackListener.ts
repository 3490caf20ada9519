import { createServer, type Server } from 'node:http';
import { ZOHO_LIMITS } from '../../../shared/zoho/limits';

export interface LoopbackOptions {
  port: number;
  path: string;
  /**
   * Called with the full redirect URL (as registered: http://localhost:<port><path>?…).
   * Resolves true when the redirect was accepted, false when refused (the listener then
   * keeps waiting for the real one).
   */
  onRedirect: (url: URL) => Promise<{ accepted: boolean; message: string }>;
  timeoutMs?: number;
  onTimeout?: () => void;
}

export class PortBusyError extends Error {
  constructor(readonly port: number) {
    super(`Port ${port} is already in use.`);
  }
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>` +
  `<style>body{font:16px system-ui,sans-serif;max-width:34rem;margin:4rem auto;padding:0 1rem;color:#1d232b}</style></head>` +
  `<body><main><h1>${title}</h1><p>${text}</p></main></body></html>`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A one-shot listener for Zoho's "Server-based" clients: the redirect URI says
 * `http://localhost:<port>/…` (Zoho needs the exact, pre-registered port), so it listens on
 * that port on 127.0.0.1 and ::1 — never on another port, which Zoho would reject.
 */
export class LoopbackListener {
  private readonly servers: Server[] = [];
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(private readonly options: LoopbackOptions) {}

  /** The port it listens on (the registered one). */
  get port(): number {
    return this.options.port;
  }

  static async start(options: LoopbackOptions): Promise<LoopbackListener> {
    const listener = new LoopbackListener(options);
    await listener.listen('127.0.0.1');
    // ::1 as well, since "localhost" may resolve to it; a machine without IPv6 is fine.
    await listener.listen('::1').catch((error: NodeJS.ErrnoException) => {
      if (error instanceof PortBusyError) throw error;
    });
    listener.timer = setTimeout(() => {
      void listener.close();
      options.onTimeout?.();
    }, options.timeoutMs ?? ZOHO_LIMITS.authorizationWaitSeconds * 1000);
    listener.timer.unref();
    return listener;
  }

  private listen(host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const server = createServer((req, res) => void this.handle(req.url ?? '/', req.method ?? 'GET', res));
      server.once('error', async (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE') {
          await this.close();
          reject(new PortBusyError(this.options.port));
        } else reject(error);
      });
      server.listen(this.options.port, host, () => {
        this.servers.push(server);
        resolve();
      });
    });
  }

  private async handle(rawUrl: string, method: string, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(rawUrl, `http://localhost:${this.options.port}`);
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" };
    if (method !== 'GET' || url.pathname !== this.options.path) {
      res.writeHead(404, headers).end(page('Not found', 'This address is only used to finish connecting to Zoho.'));
      return;
    }
    const result = await this.options.onRedirect(url);
    if (result.accepted) {
      // Close only once the page has gone out: closing the socket first makes the browser
      // retry the request against a listener that is no longer there.
      res.setHeader('Connection', 'close');
      res.writeHead(200, headers).end(page('You can close this tab', `${escapeHtml(result.message)} Return to Connected App Console.`), () => void this.close());
    } else {
      res.writeHead(400, headers).end(page('Not connected', escapeHtml(result.message)));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all(
      this.servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeIdleConnections();
          }),
      ),
    );
  }
}
