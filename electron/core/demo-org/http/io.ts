/** Small request/response helpers over node:http (no framework needed). */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY = 5 * 1024 * 1024;

export interface DemoRequest {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
  body: Buffer;
  raw: IncomingMessage;
}

export async function readRequest(req: IncomingMessage, origin: string): Promise<DemoRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buf);
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', origin),
    headers: req.headers,
    body: Buffer.concat(chunks),
    raw: req,
  };
}

export function bodyText(req: DemoRequest): string {
  return req.body.toString('utf8');
}

/**
 * Form parameters the way Zoho's token endpoint takes them: query string, then the body as
 * application/x-www-form-urlencoded (openid-client) or multipart/form-data (Zoho's Node SDK, §3.1).
 */
export function formParams(req: DemoRequest): URLSearchParams {
  const params = new URLSearchParams(req.url.searchParams);
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!req.body.length) return params;
  if (type.startsWith('multipart/form-data')) {
    // The boundary is case-sensitive: read it from the raw header, not the lower-cased copy.
    const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(String(req.headers['content-type']));
    const boundary = (match?.[1] ?? match?.[2])?.trim();
    if (boundary) for (const [k, v] of parseMultipart(bodyText(req), boundary)) params.set(k, v);
    return params;
  }
  if (type.startsWith('application/json')) return params; // Zoho takes form fields, not JSON.
  for (const [k, v] of new URLSearchParams(bodyText(req))) params.set(k, v);
  return params;
}

function parseMultipart(text: string, boundary: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const part of text.split(`--${boundary}`)) {
    const sep = part.indexOf('\r\n\r\n');
    if (sep < 0) continue;
    const head = part.slice(0, sep);
    const name = /name="([^"]*)"/i.exec(head)?.[1];
    if (!name) continue;
    out.push([name, part.slice(sep + 4).replace(/\r\n$/, '')]);
  }
  return out;
}

export function parseJson(req: DemoRequest): unknown {
  const text = bodyText(req).trim();
  if (!text) return undefined;
  return JSON.parse(text);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end();
}

export function sendHtml(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': 'text/html;charset=UTF-8',
    'Content-Length': Buffer.byteLength(html),
    'Cache-Control': 'no-store',
    // Our pages need no scripts. No form-action: Allow must be able to redirect to any registered URI.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'X-Frame-Options': 'DENY',
    ...headers,
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { Location: location, 'Cache-Control': 'no-store', 'Content-Length': 0 });
  res.end();
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
