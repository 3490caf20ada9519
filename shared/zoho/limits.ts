/**
 * Zoho limits users trip over, in one place.
 * Source: ../shared/reference/zoho-oauth-and-crm-api.md §2.2, §3.4, §5.3, §5.4.
 */
export const ZOHO_LIMITS = {
  /** Access tokens live one hour ([A-WEB-TOKEN]). */
  accessTokenSeconds: 3600,
  /** Above a day, an `expires_in` value is taken to be milliseconds (legacy shape, §3.2). */
  expiresInSanitySeconds: 86_400,
  /** Refresh this long before the access token expires. */
  refreshLeewaySeconds: 300,
  /** Grant codes: design for ≤ 60 s and exchange at once (§2.2 CONFLICT: 60 s – 3 min). */
  grantCodeSeconds: 60,
  /** How long a Connect may wait for the redirect before the app gives up. */
  authorizationWaitSeconds: 600,
  accessTokensPerRefreshTokenPer10Min: 10,
  activeAccessTokensPerRefreshToken: 15,
  refreshTokensPerUserPerClient: 20,
  grantCodesPerClientPer10Min: 10,
  /** `per_page` default and maximum for record lists. */
  perPageMax: 200,
  /** `fields` on list calls: mandatory since v3, at most 50. */
  fieldsMax: 50,
  /** `page` works for the first 2000 records only; then `page_token`. */
  discretePaginationLimit: 2000,
  recordsPerWrite: 100,
  coqlLimitMax: 2000,
  /** Every network call gives up after this long. */
  networkTimeoutMs: 30_000,
} as const;

export const CRM_API_VERSION = 'v8';
