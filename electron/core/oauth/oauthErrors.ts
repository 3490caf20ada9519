import { explain, ZOHO_OAUTH_ERRORS, type AppError, type ErrorContext } from '../../../shared/zoho/errors';

/** Zoho's error body, however openid-client wrapped it. */
export interface ZohoErrorBody {
  error?: unknown;
  error_description?: unknown;
  status?: unknown;
  [key: string]: unknown;
}

function* causeChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth += 1) {
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
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
    if (typeof code === 'string' || typeof message === 'string') parts.push([code, message].filter((x) => typeof x === 'string').join(': '));
  }
  return parts.length ? [...new Set(parts)].join(' ← ') : undefined;
}

function transportError(error: unknown, context: ErrorContext): AppError | undefined {
  const found = transportCode(error, context);
  if (!found) return undefined;
  const details = rawDetails(error);
  return details ? { ...found, details } : found;
}

function transportCode(error: unknown, context: ErrorContext): AppError | undefined {
  for (const link of causeChain(error)) {
    const name = (link as { name?: string }).name;
    const code = (link as { code?: string }).code;
    if (name === 'TimeoutError') return explain('TIMEOUT', context);
    if (name === 'AbortError') return explain('CANCELLED', context);
    if (code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') {
      return explain('NETWORK', context);
    }
    if (code === 'OAUTH_RESPONSE_IS_NOT_JSON' || code === 'OAUTH_PARSE_ERROR') return explain('BAD_RESPONSE', context);
    if (code === 'OAUTH_RESPONSE_IS_NOT_CONFORM') {
      const status = (link as { cause?: { status?: number } }).cause?.status ?? (link as { status?: number }).status;
      return explain(status && status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', context);
    }
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
