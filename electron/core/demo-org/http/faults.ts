/**
 * Fault injection, for the client's tests only (the app's Demo profile never uses it):
 * the next N requests to a path are slow, hang, lose their connection, get a 5xx, an HTML
 * error page, or cut-off JSON — the failures real networks and proxies produce.
 */
import type { ServerResponse } from 'node:http';
import type { DemoRequest } from './io';
import { sendHtml } from './io';

export type FaultKind = 'slow' | 'hang' | 'reset' | '500' | '502' | '503' | 'html' | 'truncated-json';

export interface FaultRule {
  /** A string matches the path exactly (no query); a RegExp is tested against path + query. */
  path: string | RegExp;
  /** How many matching requests it affects; default 1. */
  count?: number;
  kind: FaultKind;
  /** For 'slow': how long to wait before answering normally (default 2000 ms). */
  delayMs?: number;
}

interface ActiveRule extends FaultRule {
  remaining: number;
}

/** What the server should do with the request after the fault ran. */
export type FaultOutcome = 'continue' | 'handled';

export class Faults {
  private rules: ActiveRule[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();

  inject(rule: FaultRule): void {
    const count = rule.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new Error('faults.inject: count must be a positive whole number');
    this.rules.push({ ...rule, remaining: count });
  }

  clear(): void {
    this.rules = [];
  }

  /** Takes the first rule that matches and spends one of its uses. */
  take(req: DemoRequest): ActiveRule | undefined {
    const pathAndQuery = `${req.url.pathname}${req.url.search}`;
    const rule = this.rules.find((r) =>
      typeof r.path === 'string' ? r.path === req.url.pathname : r.path.test(pathAndQuery),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }

  /** Applies a fault; 'continue' means the normal handler should still answer (after a delay). */
  async apply(rule: FaultRule, res: ServerResponse): Promise<FaultOutcome> {
    switch (rule.kind) {
      case 'slow':
        await this.sleep(rule.delayMs ?? 2000);
        return res.destroyed ? 'handled' : 'continue';
      case 'hang':
        // Never answer; close() destroys the socket.
        return 'handled';
      case 'reset':
        res.socket?.resetAndDestroy?.();
        res.socket?.destroy();
        return 'handled';
      case '500':
        sendJsonText(res, 500, '{"code":"INTERNAL_ERROR","details":{},"message":"Internal Server Error","status":"error"}');
        return 'handled';
      case '502':
        sendHtml(res, 502, page('502 Bad Gateway', 'The proxy server received an invalid response from an upstream server.'));
        return 'handled';
      case '503':
        sendHtml(res, 503, page('503 Service Unavailable', 'The server is temporarily unable to service your request.'));
        return 'handled';
      case 'html':
        // A 200 with an HTML body: what a captive portal or a proxy login page returns.
        sendHtml(res, 200, page('Sign in to continue', 'Your network requires you to sign in before you can browse.'));
        return 'handled';
      case 'truncated-json':
        sendJsonText(res, 200, '{"data":[{"id":"1","Last_Name":"Tr');
        return 'handled';
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  close(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.rules = [];
  }
}

function sendJsonText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function page(title: string, text: string): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p></body></html>`;
}
