/**
 * Zoho CRM answers (reference §5.4, §5.5): errors are a top-level
 * {"code","details","message","status":"error"}; empty results are 204 with no body.
 */
export interface CrmResult {
  status: number;
  body?: unknown;
  /** Credits this call costs when it succeeds (§5.6); default 1. */
  credits?: number;
}

export function crmError(status: number, code: string, message: string, details: Record<string, unknown> = {}): CrmResult {
  return { status, body: { code, details, message, status: 'error' }, credits: 0 };
}

export const noContent = (): CrmResult => ({ status: 204 });

export const errors = {
  authenticationFailure: () => crmError(401, 'AUTHENTICATION_FAILURE', 'Authentication failed'),
  invalidToken: () => crmError(401, 'INVALID_TOKEN', 'invalid oauth token'),
  /** A token pushed out by the 15-active rule (§3.4, [CRM-TV8]); HTTP 401 is our reading (UNCONFIRMED). */
  invalidOauthToken: () => crmError(401, 'INVALID_OAUTHTOKEN', 'invalid oauth token'),
  /** 401 per Kaizen #25 (first-party); a third-party summary says 403 — CONFLICT (§5.5). */
  scopeMismatch: () => crmError(401, 'OAUTH_SCOPE_MISMATCH', 'invalid oauth scope to access this URL'),
  invalidUrl: () => crmError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one'),
  invalidHost: () => crmError(400, 'INVALID_HOST', 'Invalid Host'),
  invalidModule: () => crmError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 }),
  invalidMethod: () => crmError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one'),
  requiredParam: (param: string) => crmError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param }),
  invalidParam: (param: string, message: string, more: Record<string, unknown> = {}) =>
    crmError(400, 'INVALID_DATA', message, { param, ...more }),
  limitExceeded: (message: string, details: Record<string, unknown>) => crmError(400, 'LIMIT_EXCEEDED', message, details),
  tooManyRequests: (message: string) => crmError(429, 'TOO_MANY_REQUESTS', message),
};
