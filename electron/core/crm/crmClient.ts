import { CRM_API_VERSION, ZOHO_LIMITS } from '../../../shared/zoho/limits';
import { CRM_REFRESHABLE_CODES, explain, ZOHO_CRM_ERRORS, type AppError } from '../../../shared/zoho/errors';
import { CoreError } from '../errors';
import { mapTransportError } from '../oauth/oauthErrors';
import type { TokenManager } from '../oauth/tokenManager';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CrmRequest {
  method: HttpMethod;
  /** Path under /crm/v8/, e.g. "settings/modules" or "Leads". */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  /** Extra request headers (the console's raw mode). Authorization and Host are never taken from here. */
  headers?: Record<string, string>;
  /** The body exactly as the user wrote it (already checked to be JSON); wins over `body`. */
  bodyText?: string;
  signal?: AbortSignal;
}

export interface CrmResponse {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON; null for 204/304 (Zoho sends no body when there is nothing to return, §5.4). */
  body: unknown;
  durationMs: number;
  url: string;
  /** Bytes of the response body as received. */
  sizeBytes: number;
}

/** Headers a caller may not set: the token and the host always come from the profile. */
const RESERVED_HEADERS = new Set(['authorization', 'host', 'content-length', 'cookie', 'connection', 'transfer-encoding']);

interface ZohoEnvelope {
  code?: unknown;
  message?: unknown;
  status?: unknown;
  details?: unknown;
}

/**
 * Calls Zoho CRM for one profile. The token and the host both come from that profile's
 * own token entry, so a call can't carry another org's token. `Zoho-oauthtoken`, not
 * Bearer (§5.2). One refresh-and-retry on INVALID_TOKEN-like answers; never on scope or
 * permission errors (§5.5).
 */
export class CrmClient {
  constructor(
    private readonly tokens: TokenManager,
    private readonly now: () => number = Date.now,
  ) {}

  async request(profileId: string, request: CrmRequest): Promise<CrmResponse> {
    return this.check(await this.requestRaw(profileId, request));
  }

  /**
   * Like `request`, but answers with Zoho's response whatever its status (the API console
   * shows errors as answers). Still one refresh-and-retry on INVALID_TOKEN-like codes.
   */
  async requestRaw(profileId: string, request: CrmRequest): Promise<CrmResponse> {
    const first = await this.tokens.get(profileId);
    const response = await this.send(first.apiDomain, first.token, request);
    const zohoCode = errorCodeOf(response.body);
    if (response.status === 401 && zohoCode && CRM_REFRESHABLE_CODES.includes(zohoCode)) {
      this.tokens.invalidate(profileId, first.token);
      const second = await this.tokens.get(profileId, { force: true });
      return this.send(second.apiDomain, second.token, request);
    }
    return response;
  }

  private async send(apiDomain: string, token: string, request: CrmRequest): Promise<CrmResponse> {
    const url = new URL(`/crm/${CRM_API_VERSION}/${request.path.replace(/^\/+/, '')}`, apiDomain);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    // One controller per call: the timeout and the caller's cancel both abort it. (Cheaper than
    // AbortSignal.timeout + AbortSignal.any per request, which "Fetch all" makes hundreds of.)
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ZOHO_LIMITS.networkTimeoutMs);
    const onCancel = () => controller.abort(request.signal?.reason);
    if (request.signal?.aborted) onCancel();
    else request.signal?.addEventListener('abort', onCancel, { once: true });
    const signal = controller.signal;
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers ?? {})) {
      if (!RESERVED_HEADERS.has(key.toLowerCase())) headers[key] = value;
    }
    headers.Authorization = `Zoho-oauthtoken ${token}`;
    const bodyText = request.bodyText ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    if (bodyText !== undefined && !Object.keys(headers).some((k) => k.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    const started = performance.now();
    let res: Response;
    let text: string;
    const host = url.host;
    try {
      res = await fetch(url, {
        method: request.method,
        headers,
        body: bodyText,
        signal,
      });
      text = await res.text();
    } catch (error) {
      throw new CoreError(mapTransportError(error, { host }));
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onCancel);
    }
    const durationMs = performance.now() - started;
    const responseHeaders: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      responseHeaders[key] = value;
    });
    let body: unknown = null;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        throw CoreError.of(res.status >= 500 ? 'SERVER_ERROR' : 'BAD_RESPONSE', { host }, `HTTP ${res.status}: ${text.slice(0, 500)}`);
      }
    }
    return { status: res.status, headers: responseHeaders, body, durationMs, url: url.toString(), sizeBytes: Buffer.byteLength(text) };
  }

  private check(response: CrmResponse): CrmResponse {
    const error = explainCrmError(response);
    if (error) throw new CoreError(error);
    return response;
  }
}

/** Zoho's error answer (HTTP ≥ 400) in the catalogue's words; undefined for success. */
export function explainCrmError(response: Pick<CrmResponse, 'status' | 'body' | 'url'>): AppError | undefined {
  if (response.status < 400) return undefined;
  const envelope = (response.body ?? {}) as ZohoEnvelope;
  const zohoCode = typeof envelope.code === 'string' ? envelope.code : undefined;
  const zohoMessage = typeof envelope.message === 'string' ? envelope.message : undefined;
  const details = JSON.stringify({ status: response.status, body: response.body });
  const host = new URL(response.url).host;
  const code = zohoCode ? ZOHO_CRM_ERRORS[zohoCode] : undefined;
  if (code) {
    const scope = scopeFromDetails(envelope.details);
    return explain(code, { zohoCode, zohoMessage, ...(scope ? { scope } : {}), host }, details);
  }
  if (response.status >= 500) return explain('SERVER_ERROR', { host }, details);
  return explain('CRM_ERROR', { zohoCode, zohoMessage: zohoMessage ?? `HTTP ${response.status}` }, details);
}

function errorCodeOf(body: unknown): string | undefined {
  const code = (body as ZohoEnvelope | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function scopeFromDetails(details: unknown): string | undefined {
  if (!details || typeof details !== 'object') return undefined;
  const scope = (details as { required_scope?: unknown; scope?: unknown }).required_scope ?? (details as { scope?: unknown }).scope;
  return typeof scope === 'string' ? scope : undefined;
}
