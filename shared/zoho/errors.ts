/**
 * The error catalogue: every failure the app reports, with a stable code (tests and the
 * UI key on it), a sentence a non-developer understands, and what to do.
 * Zoho's own error strings map onto these codes in `ZOHO_OAUTH_ERRORS` / `ZOHO_CRM_ERRORS`.
 * Source: ../shared/reference/zoho-oauth-and-crm-api.md §2.2, §3.3, §5.5.
 */
export interface AppError {
  code: string;
  message: string;
  hint?: string;
  /** Zoho's own words or the raw answer, shown only on request. */
  details?: string;
}

export interface ErrorContext {
  /** e.g. "Europe (zoho.eu)" */
  dataCentre?: string;
  scope?: string;
  zohoCode?: string;
  zohoMessage?: string;
  host?: string;
  retryAt?: string;
  /** A loopback port. */
  port?: number;
  /** e.g. the 20 refresh tokens already minted. */
  count?: number;
  /** A person, e.g. the Zoho user a refresh-token warning is about. */
  user?: string;
  /** A date or time, already formatted for the user. */
  when?: string;
  /** What the profile says (an environment or data centre, in words), e.g. "Sandbox". */
  expected?: string;
  /** What the user actually picked on Zoho's consent page, e.g. "production". */
  picked?: string;
  /** The host is on this computer (the Demo org, a loopback listener): not the internet. */
  local?: boolean;
  /** Who holds a loopback port: this app's own browser-mode page, or a profile waiting to connect. */
  portOwner?: 'app' | 'profile';
  /** A profile's name, e.g. the one whose sign-in holds a port. */
  profileName?: string;
}

interface CatalogueEntry {
  message: (c: ErrorContext) => string;
  hint?: (c: ErrorContext) => string;
}

const inDc = (c: ErrorContext) => (c.dataCentre ? ` in the ${c.dataCentre} data centre` : '');

export const ERROR_CATALOGUE = {
  // --- Input and app state -------------------------------------------------------------
  INVALID_INPUT: {
    message: (c) => c.zohoMessage ?? 'Some of the details entered are not valid.',
    hint: () => 'Check the highlighted fields and try again.',
  },
  PROFILE_NOT_FOUND: {
    message: () => 'That profile no longer exists.',
    hint: () => 'Pick another profile from the list.',
  },
  NOT_CONNECTED: {
    message: () => 'This profile is not connected to Zoho yet.',
    hint: () => 'Press Connect and allow access in the browser window that opens.',
  },
  SECRET_MISSING: {
    message: () => "This profile's client secret is not available on this computer.",
    hint: () => 'Enter the client secret again (from Zoho API console → your client → Client Secret), then reconnect.',
  },
  INTERNAL: {
    message: () => 'Something went wrong inside the app.',
    hint: () => 'Try again. If it keeps happening, restart the app; your profiles are kept.',
  },
  CANCELLED: {
    message: () => 'Cancelled.',
  },
  // --- Redirect (callback) checks ---------------------------------------------------------
  REDIRECT_MALFORMED: {
    message: () => 'The address that came back from Zoho is not a valid sign-in redirect.',
    hint: () => 'Nothing was changed, and a connection that is waiting still waits. If you pasted an address, paste the whole address Zoho sent you back to (it starts with connected-app-console:// or http://localhost).',
  },
  REDIRECT_UNKNOWN_STATE: {
    message: () => 'This sign-in redirect was not started by this app, or it has already been used.',
    hint: () => 'Nothing was changed. If a connection is waiting, finish it in the browser (the real Zoho page), or cancel it and press Connect again.',
  },
  REDIRECT_EXPIRED: {
    message: () => 'This sign-in took too long and has expired.',
    hint: () => 'Press Connect again and allow access within a few minutes.',
  },
  ACCOUNTS_SERVER_NOT_ALLOWED: {
    message: (c) =>
      `The redirect asked the app to send your credentials to ${c.host ?? 'an unknown server'}, which is not a Zoho accounts server. The app refused.`,
    hint: () => 'Nothing was sent. Start again with Connect; if this repeats, someone may be tampering with the sign-in.',
  },
  CONSENT_DENIED: {
    message: () => 'Access was denied on the Zoho consent page, so the app is not connected.',
    hint: () => 'Press Connect again and choose Accept (or Allow) when Zoho asks.',
  },
  LOOPBACK_PORT_BUSY: {
    message: (c) =>
      c.portOwner === 'profile'
        ? `Port ${c.port ?? ''} is being used by this app for another profile that is waiting to connect${c.profileName ? ` ('${c.profileName}')` : ''}.`
        : c.portOwner === 'app'
          ? `Port ${c.port ?? ''} is being used by this app itself: it is the address this browser page is served from.`
          : `Port ${c.port ?? ''} on this computer is in use by another program, so the app can't receive Zoho's answer there.`,
    hint: (c) =>
      c.portOwner === 'profile'
        ? `Cancel that connect first, or choose another port in this profile and register the new redirect URI in the API console (Zoho only accepts the exact registered port, so the app never switches port by itself).`
        : c.portOwner === 'app'
          ? `Choose another port in this profile and register the new redirect URI in the API console, or start the app on another port (CAC_PORT). Zoho only accepts the exact registered port, so the app never switches port by itself.`
          : `Close the program using port ${c.port ?? ''}, or pick another port in this profile and register the new redirect URI in the API console (Zoho only accepts the exact registered port, so the app never switches port by itself).`,
  },
  CALLBACK_TIMEOUT: {
    message: () => 'Zoho never sent the browser back to the app.',
    hint: () =>
      'Look at the browser tab: Zoho may be showing an error such as "Invalid Redirect Uri" or "Invalid Client". Check that the redirect URI and client id registered in the API console match this profile exactly, then press Connect again.',
  },
  // --- Zoho's authorize page: error screens that never redirect (seen only by the user) ------
  AUTHORIZE_INVALID_REDIRECT_URI: {
    message: () => 'Zoho showed "Invalid Redirect Uri": the redirect URI this profile uses is not registered for the client.',
    hint: () =>
      "Copy the redirect URI from this profile's setup panel and add it, exactly (same port, same path, no extra slash), under Authorized Redirect URIs of the client in the API console. Then press Connect again.",
  },
  AUTHORIZE_INVALID_CLIENT: {
    message: (c) => `Zoho showed "Invalid Client": it does not know this client id${inDc(c)}, or the client is not enabled there.`,
    hint: () =>
      "Check the client id, and pick the data centre where the client was registered. For users in other data centres, open the client's Settings in the API console and enable their data centre.",
  },
  AUTHORIZE_LIMIT_REACHED: {
    message: () => 'Zoho showed "Access Denied: Maximum request limit reached": too many sign-ins for this client in the last ten minutes.',
    hint: () => 'Wait ten minutes, then press Connect again.',
  },
  // --- Connecting without a browser -------------------------------------------------------------
  DEVICE_CODE_EXPIRED: {
    message: () => 'The code shown for this device expired before anyone allowed access.',
    hint: () => 'Press Connect again for a new code, and enter it at the address shown within five minutes.',
  },
  SELF_CLIENT_CODE_MALFORMED: {
    message: () => 'That does not look like a code from the API console.',
    hint: () => 'In the API console open Self Client → Generate Code, then copy the whole code (it starts with 1000.) and paste it here.',
  },
  REFRESH_TOKEN_LIMIT: {
    message: (c) =>
      `Zoho keeps at most 20 refresh tokens per client and user, and this app has already made ${c.count ?? 20} for ${c.user ?? 'this user'}${c.when ? ` (the oldest on ${c.when})` : ''}. Connecting again makes Zoho silently delete the oldest one — possibly one a live integration is using.`,
    hint: () =>
      'Continue only if no other system uses this client with this Zoho user, or if it can afford to be signed out. Otherwise use "Disconnect (revoke access)" on connections you no longer need first.',
  },
  // --- Token endpoint (HTTP 200 {"error": ...}) ---------------------------------------------
  OAUTH_INVALID_CODE: {
    message: () => 'Zoho did not accept the authorization code: it has expired, was already used, or the connection was revoked.',
    hint: () => 'Press Connect again. Codes live about a minute; a Self Client code must be pasted right after it is generated.',
  },
  OAUTH_INVALID_CLIENT: {
    message: (c) => (c.dataCentre ? `This client id isn't registered in the ${c.dataCentre} data centre.` : 'Zoho does not know this client id.'),
    hint: (c) =>
      `In the API console, open the client's Settings and enable ${c.dataCentre ? `the ${c.dataCentre} data centre` : 'this data centre'}, or pick the right data centre here. Also check that the client id was copied whole.`,
  },
  OAUTH_INVALID_CLIENT_SECRET: {
    message: (c) => `Zoho did not accept the client secret${inDc(c)}.`,
    hint: () =>
      'Copy the secret again from the API console (Client Secret tab). If the client uses a different secret per data centre, enter the one for this data centre.',
  },
  OAUTH_INVALID_REDIRECT_URI: {
    message: () => 'The redirect URI does not match the one registered for this client in Zoho.',
    hint: () => "Copy the redirect URI shown in this profile's setup panel and paste it, exactly, into the client's Authorized Redirect URIs in the API console.",
  },
  OAUTH_THROTTLED: {
    message: (c) => `Zoho is refusing new tokens for now because too many were requested${c.retryAt ? ` (try again after ${c.retryAt})` : ''}.`,
    hint: () => 'Wait ten minutes before connecting or refreshing again. The app will not retry on its own.',
  },
  OAUTH_ACCESS_DENIED: {
    message: () => 'Zoho refused to issue a code: too many sign-ins for this client in the last ten minutes, or the request was denied.',
    hint: () => 'Wait ten minutes, then press Connect again.',
  },
  OAUTH_MISSING_ORG: {
    message: () => 'Zoho needs to know which organisation this token is for.',
    hint: () => 'Enter the organisation id (soid) for this Self Client and try again.',
  },
  OAUTH_PKCE_MISMATCH: {
    message: () => 'Zoho refused the code because the sign-in\'s security check (PKCE) did not match.',
    hint: () => 'Press Connect again and finish the sign-in in the browser window the app opened.',
  },
  OAUTH_WRONG_CLIENT_TYPE: {
    message: (c) => `This client's type in the API console does not allow this way of connecting${c.zohoCode ? ` (Zoho said "${c.zohoCode}")` : ''}.`,
    hint: () =>
      'Compare the client type shown in the API console with "How the app connects" in this profile: Mobile-based or Server-based for the browser, Self Client for pasted codes, Non-browser for device codes.',
  },
  OAUTH_INVALID_SCOPE: {
    message: () => 'Zoho does not accept one of the scopes this profile asks for.',
    hint: () => 'Edit the profile and check the scopes (they are separated by commas, like ZohoCRM.modules.ALL).',
  },
  OAUTH_INVALID_REQUEST: {
    message: (c) => `Zoho said the request was incomplete${c.zohoMessage && c.zohoMessage !== c.zohoCode ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'Check the client type in this profile against the API console (a Mobile-based client needs PKCE, which the app sends), then connect again.',
  },
  OAUTH_ENVIRONMENT_MISMATCH: {
    message: (c) => `You picked the ${c.picked ?? 'wrong'} org, but this profile is for ${c.expected ?? 'another environment'}. The app did not connect.`,
    hint: (c) =>
      `Connect again and pick the ${c.expected ?? 'right'} org, or change this profile's environment. Nothing from this sign-in was kept, and the app asked Zoho to cancel it.`,
  },
  OAUTH_DATA_CENTRE_MISMATCH: {
    message: (c) =>
      `You signed in to an org in the ${c.picked ?? 'another'} data centre, but this profile is for the ${c.expected ?? 'another'} data centre. The app did not connect.`,
    hint: (c) =>
      `Connect again with a Zoho account whose org is in the ${c.expected ?? 'profile’s'} data centre, or change this profile's data centre (or turn on "multi-DC" for its client). Nothing from this sign-in was kept, and the app asked Zoho to cancel it.`,
  },
  OLD_SIGN_IN_NOT_REVOKED: {
    message: () => 'Connected. But the app could not ask Zoho to cancel this profile’s previous sign-in, so it still works for now.',
    hint: (c) =>
      `It still counts toward Zoho's limit of 20 sign-ins per user for this client${c.zohoMessage ? ` (${c.zohoMessage})` : ''}. The app tries again when you disconnect or reconnect this profile; you can also remove it yourself in your Zoho account under Connected Apps.`,
  },
  OAUTH_NO_REFRESH_TOKEN: {
    message: () => 'Zoho connected but gave no refresh token, so the connection would stop working within an hour.',
    hint: () => 'Reconnect and allow access again; the app will ask Zoho to show the consent screen so a refresh token is issued.',
  },
  OAUTH_UNKNOWN: {
    message: (c) => `Zoho refused the request: ${c.zohoMessage ?? c.zohoCode ?? 'no reason given'}.`,
    hint: () => 'Check the profile details against the API console. Show details to see exactly what Zoho answered.',
  },
  // --- Transport ------------------------------------------------------------------------------
  NETWORK: {
    message: (c) => (c.local ? `Could not reach the Demo org (${c.host ?? 'on this computer'}).` : `Could not reach ${c.host ?? 'the server'}.`),
    hint: (c) =>
      c.local
        ? 'The Demo org runs inside this app, so this is not your internet connection: try again, and if it keeps happening, restart the app. Nothing was changed.'
        : 'Check your internet connection (and proxy or VPN), then try again. Nothing was changed.',
  },
  TIMEOUT: {
    message: (c) => `${c.host ?? 'The server'} did not answer in time.`,
    hint: (c) =>
      c.local ? 'The Demo org runs inside this app: try again, and restart the app if it keeps happening. Nothing was changed.' : 'Try again in a moment. Nothing was changed.',
  },
  BAD_RESPONSE: {
    message: (c) => `${c.host ?? 'The server'} sent an answer the app could not read.`,
    hint: () => 'This is usually a temporary problem at Zoho or a proxy in between. Try again shortly.',
  },
  SERVER_ERROR: {
    message: (c) => `${c.host ?? 'The server'} had an internal problem.`,
    hint: () => 'This is on the server side. Try again in a few minutes.',
  },
  // --- CRM API (§5.5) ------------------------------------------------------------------------
  CRM_INVALID_TOKEN: {
    message: () => 'Zoho no longer accepts this connection (the token expired or was revoked).',
    hint: () => 'Reconnect this profile.',
  },
  CRM_SCOPE_MISMATCH: {
    message: (c) => `The connection is not allowed to do this${c.scope ? `: it needs the scope ${c.scope}` : ''}.`,
    hint: (c) => `Reconnect${c.scope ? ` adding ${c.scope}` : ' with the missing scope'}. Refreshing the token will not help.`,
  },
  CRM_NO_PERMISSION: {
    message: () => "The connected Zoho user's CRM profile or role does not allow this.",
    hint: () => "Ask a CRM administrator to grant the permission to the user's profile, or connect as another user.",
  },
  CRM_FEATURE_NOT_SUPPORTED: {
    message: () => "This organisation's Zoho CRM edition does not include this feature.",
  },
  CRM_INVALID_MODULE: {
    message: () => 'That module does not exist in this organisation (or its API name is spelled differently).',
    hint: () => 'Pick the module from the list, which uses the API names.',
  },
  CRM_INVALID_DATA: {
    message: (c) => `Zoho rejected a value${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'Check the field named in the details and the value sent.',
  },
  CRM_REQUIRED_PARAM_MISSING: {
    message: (c) => `A required parameter is missing${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'List calls need at least one field (the fields parameter).',
  },
  CRM_INVALID_URL: {
    message: () => 'Zoho does not know this API address.',
    hint: () => 'Check the path and the API version (v8).',
  },
  CRM_INVALID_HOST: {
    message: () => 'The call went to a host that Zoho CRM does not serve its API from.',
    hint: () => 'Reconnect the profile so that the API domain from Zoho is used.',
  },
  CRM_PAGINATION_LIMIT: {
    message: () => 'Pages beyond the first 2,000 records need a page token.',
    hint: () => 'Use "Fetch all" or the next-page button, which follow the page token.',
  },
  CRM_TOO_MANY_REQUESTS: {
    message: () => "The organisation has used its API credits for the last 24 hours, or too many calls are running at once.",
    hint: () => 'Wait and try again; run fewer calls at the same time.',
  },
  CRM_LIMIT_EXCEEDED: {
    message: (c) => `A Zoho limit was exceeded${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
  },
  CRM_SYNTAX_ERROR: {
    message: (c) => `The query has a syntax error${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'COQL looks like: select Last_Name, Email from Leads where Last_Name is not null limit 200',
  },
  CRM_ERROR: {
    message: (c) => `Zoho CRM answered with an error${c.zohoCode ? ` (${c.zohoCode})` : ''}${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
  },
  // --- API console (issue 6): refusals made before anything leaves the app ------------------
  CRM_READ_ONLY_PROFILE: {
    message: () => 'This profile is marked read-only, so the app did not send this change to Zoho.',
    hint: () => 'Nothing was sent. To make changes, edit the profile and turn off "Read-only".',
  },
  CRM_WRITE_NOT_CONFIRMED: {
    message: (c) => `This call changes data in a production organisation${c.zohoMessage ? ` (${c.zohoMessage})` : ''} and was not confirmed.`,
    hint: () => 'Nothing was sent. Confirm the organisation name to send it.',
  },
  CRM_SCOPE_NOT_GRANTED: {
    message: (c) => `This connection was not granted ${c.scope ?? 'the scope this call needs'}, so Zoho will refuse the call.`,
    hint: (c) => `Reconnect adding ${c.scope ?? 'the missing scope'}, or send anyway to see Zoho's answer.`,
  },
  CRM_BAD_REQUEST_TEXT: {
    message: (c) => `The request cannot be sent: ${c.zohoMessage ?? 'it is not valid'}.`,
    hint: () => 'Fix the request in the editor and try again.',
  },
  CRM_JOB_NOT_FOUND: {
    message: () => 'Those fetched records are no longer kept (the app keeps the last few fetches only).',
    hint: () => 'Run "Fetch all" again.',
  },
  CRM_INVALID_QUERY: {
    message: (c) => `Zoho could not run the query${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'Check the field and module names; use the API names shown in the field list.',
  },
  CRM_MANDATORY_NOT_FOUND: {
    message: (c) => `A required field is missing${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'Add the required field (named in the details) to the record and send again.',
  },
  CRM_DUPLICATE_DATA: {
    message: (c) => `A record with the same unique value already exists${c.zohoMessage ? `: ${c.zohoMessage}` : ''}.`,
    hint: () => 'Use "Insert or update (upsert)" with that field as the duplicate check, or change the value.',
  },
} satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export function explain(code: ErrorCode, context: ErrorContext = {}, details?: string): AppError {
  const entry: CatalogueEntry = ERROR_CATALOGUE[code];
  const error: AppError = { code, message: entry.message(context) };
  const hint = entry.hint?.(context);
  if (hint) error.hint = hint;
  if (details) error.details = details;
  return error;
}

/**
 * Zoho token-endpoint `error` values (§3.3). The throttle's `error` text is localised
 * ("Access Denied", "拒绝访问", …), so it is recognised by `status: "failure"` instead.
 */
export const ZOHO_OAUTH_ERRORS: Record<string, ErrorCode> = {
  invalid_code: 'OAUTH_INVALID_CODE',
  invalid_client: 'OAUTH_INVALID_CLIENT',
  invalid_client_secret: 'OAUTH_INVALID_CLIENT_SECRET',
  invalid_redirect_uri: 'OAUTH_INVALID_REDIRECT_URI',
  access_denied: 'OAUTH_ACCESS_DENIED',
  missing_org_info: 'OAUTH_MISSING_ORG',
  invalid_token: 'OAUTH_INVALID_CODE',
  // Zoho's name for a wrong code_verifier is UNCONFIRMED (§2.1); the Demo org says this.
  invalid_code_verifier: 'OAUTH_PKCE_MISMATCH',
  unauthorized_client: 'OAUTH_WRONG_CLIENT_TYPE',
  unsupported_grant_type: 'OAUTH_WRONG_CLIENT_TYPE',
  invalid_scope: 'OAUTH_INVALID_SCOPE',
  invalid_request: 'OAUTH_INVALID_REQUEST',
  // Device flow (§4.4): the user pressed Deny; the code ran out.
  expired: 'DEVICE_CODE_EXPIRED',
};

/**
 * Zoho's authorize page shows these screens instead of redirecting (§2.2), so the app only
 * notices that no redirect came (CALLBACK_TIMEOUT). The UI lists them, by the title Zoho
 * shows, so the user can say which one the browser tab shows.
 */
export const ZOHO_AUTHORIZE_PAGE_ERRORS: readonly { title: string; code: ErrorCode }[] = [
  { title: 'Invalid Redirect Uri', code: 'AUTHORIZE_INVALID_REDIRECT_URI' },
  { title: 'Invalid Client', code: 'AUTHORIZE_INVALID_CLIENT' },
  { title: 'Access Denied: Maximum request limit reached', code: 'AUTHORIZE_LIMIT_REACHED' },
];

/** Zoho CRM `code` values (§5.5). */
export const ZOHO_CRM_ERRORS: Record<string, ErrorCode> = {
  INVALID_TOKEN: 'CRM_INVALID_TOKEN',
  AUTHENTICATION_FAILURE: 'CRM_INVALID_TOKEN',
  INVALID_OAUTHTOKEN: 'CRM_INVALID_TOKEN',
  OAUTH_SCOPE_MISMATCH: 'CRM_SCOPE_MISMATCH',
  NO_PERMISSION: 'CRM_NO_PERMISSION',
  FEATURE_NOT_SUPPORTED: 'CRM_FEATURE_NOT_SUPPORTED',
  INVALID_MODULE: 'CRM_INVALID_MODULE',
  INVALID_DATA: 'CRM_INVALID_DATA',
  REQUIRED_PARAM_MISSING: 'CRM_REQUIRED_PARAM_MISSING',
  INVALID_URL_PATTERN: 'CRM_INVALID_URL',
  INVALID_HOST: 'CRM_INVALID_HOST',
  DISCRETE_PAGINATION_LIMIT_EXCEEDED: 'CRM_PAGINATION_LIMIT',
  TOO_MANY_REQUESTS: 'CRM_TOO_MANY_REQUESTS',
  LIMIT_EXCEEDED: 'CRM_LIMIT_EXCEEDED',
  SYNTAX_ERROR: 'CRM_SYNTAX_ERROR',
  INVALID_QUERY: 'CRM_INVALID_QUERY',
  MANDATORY_NOT_FOUND: 'CRM_MANDATORY_NOT_FOUND',
  DUPLICATE_DATA: 'CRM_DUPLICATE_DATA',
};

/** CRM codes after which one refresh-and-retry may help (§5.5); scope and permission errors never refresh. */
export const CRM_REFRESHABLE_CODES: readonly string[] = ['INVALID_TOKEN', 'AUTHENTICATION_FAILURE', 'INVALID_OAUTHTOKEN'];
