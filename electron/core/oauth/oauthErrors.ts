import { explain, ZOHO_OAUTH_ERRORS, type AppError, type ErrorContext } from '../../../shared/zoho/errors';

/** Zoho's error body, however openid-client wrapped it. */
export interface ZohoErrorBody {
  error?: unknown;
  error_description?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

function* causeChain(error: unknown): Generator<unknown> {
  // Breadth-first over `cause` and AggregateError's `errors` (undici's happy-eyeballs tries
  // every address and reports them together), at most 16 links.
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  for (let count = 0; queue.length && count < 16; count += 1) {
    const current = queue.shift();
    if (!current || seen.has(current)) continue;
    seen.add(current);
    yield current;
    const cause = (current as { cause?: unknown }).cause;
    if (cause) queue.push(cause);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
}

/** The connection was never made, or broke on the way: the network, not the app or Zoho. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'EPROTO',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_ABORTED',
  'UND_ERR_INFO',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_PRX_TLS',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
]);

/** The other side (or something in between) went quiet: undici's own timers and the OS's. */
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Hosts on this computer: the Demo org and loopback listeners. "Check your internet connection" would mislead. */
export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * The transport code behind an error (`UND_ERR_CONNECT_TIMEOUT`, `ECONNREFUSED`…), for the log:
 * a code only, never a URL (queries can hold search terms or record ids).
 */
export function transportCodeOf(error: unknown): string | undefined {
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || TIMEOUT_CODES.has(code) || /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code))) return code;
  }
  for (const link of causeChain(error)) {
    const name = (link as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') return name;
  }
  return undefined;
}

/**
 * Finds Zoho's `{"error": …}` body in an openid-client error. HTTP 200 error bodies arrive as
 * an "invalid response" error whose cause holds `{ body }`; HTTP 4xx ones as ResponseBodyError
 * whose cause is the parsed body.
 */
export function findZohoErrorBody(error: unknown): ZohoErrorBody | undefined {
  for (const link of causeChain(error)) {
    if (!link || typeof link !== 'object') continue;
    const body = (link as { body?: unknown }).body;
    if (body && typeof body === 'object' && 'error' in body) return body as ZohoErrorBody;
    if ('error' in link && typeof (link as ZohoErrorBody).error === 'string' && !(link instanceof Error)) {
      return link as ZohoErrorBody;
    }
  }
  return undefined;
}

/** What went wrong on the wire, for "Show details": the library's code and message, and the HTTP status. */
function rawDetails(error: unknown): string | undefined {
  const parts: string[] = [];
  for (const link of causeChain(error)) {
    const code = (link as { code?: unknown }).code;
    const message = (link as { message?: unknown }).message;
    const status = (link as { status?: unknown }).status;
    if (typeof status === 'number') parts.push(`HTTP ${status}`);
    if (typeof code === 'string' || typeof message === 'string') parts.push(withoutQueries([code, message].filter((x) => typeof x === 'string').join(': ')));
  }
  return parts.length ? [...new Set(parts)].join(' ← ') : undefined;
}

function transportError(error: unknown, context: ErrorContext): AppError | undefined {
  const found = transportCode(error, context);
  if (!found) return undefined;
  const details = rawDetails(error);
  return details ? { ...found, details } : found;
}

function transportCode(error: unknown, given: ErrorContext): AppError | undefined {
  const context: ErrorContext = isLocalHost(given.host) ? { local: true, ...given } : given;
  const links = [...causeChain(error)];
  // Our own timer and the user's Cancel come first: they are why undici gave up.
  for (const link of links) {
    const name = (link as { name?: string }).name;
    if (name === 'TimeoutError') return explain('TIMEOUT', context);
    if (name === 'AbortError') return explain('CANCELLED', context);
  }
  for (const link of links) {
    const code = (link as { code?: string }).code;
    if (typeof code !== 'string') continue;
    if (TIMEOUT_CODES.has(code)) return explain('TIMEOUT', context);
    if (NETWORK_CODES.has(code)) return explain('NETWORK', context);
    if (code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_PARSE_ERROR') return explain('BAD_RESPONSE', context);
    if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      const status = (link as { cause?: { status?: number } }).cause?.status ?? (link as { status?: number }).status;
      return explain(status && status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', context);
    }
  }
  // fetch() throws a bare TypeError("fetch failed") for every transport failure; whatever
  // its cause (an unknown code, none at all), it is the network, never a bug in the app.
  for (const link of links) {
    if (link instanceof TypeError && /^(fetch failed|terminated|other side closed)$/i.test(link.message)) return explain('NETWORK', context);
    const code = (link as { code?: string }).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code) && !code.startsWith('ERR_')) return explain('NETWORK', context);
  }
  return undefined;
}

/**
 * Maps a token-endpoint failure to the catalogue. Zoho's throttle answer has a localised
 * `error` ("Access Denied", "拒绝访问", …) with `status: "failure"`, so it is recognised by
 * that, never by its text (§3.3).
 */
export function mapTokenError(error: unknown, context: ErrorContext = {}): AppError {
  const body = findZohoErrorBody(error);
  if (body) {
    const zohoCode = typeof body.error === 'string' ? body.error : undefined;
    const zohoMessage = typeof body.error_description === 'string' ? body.error_description : zohoCode;
    const details = JSON.stringify(body);
    const known = zohoCode ? ZOHO_OAUTH_ERRORS[zohoCode] : undefined;
    if (known) return explain(known, { ...context, zohoCode, zohoMessage }, details);
    if (body.status === 'failure') return explain('OAUTH_THROTTLED', { ...context, zohoCode, zohoMessage }, details);
    return explain('OAUTH_UNKNOWN', { ...context, zohoCode, zohoMessage }, details);
  }
  return transportError(error, context) ?? explain('OAUTH_UNKNOWN', { ...context, zohoMessage: error instanceof Error ? error.message : String(error) });
}

export function mapTransportError(error: unknown, context: ErrorContext = {}): AppError {
  return transportError(error, context) ?? explain('INTERNAL', context, error instanceof Error ? error.message : String(error));
}

/** Drops queries and fragments from anything that looks like a URL, for logs. */
export function withoutQueries(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s?#'"]*)[?#][^\s'"]*/gi, '$1');
}
