/** Facts about the app itself that both sides need. */
export const APP_NAME = 'Connected App Console';
/** Our URL scheme: Zoho redirects to `${APP_SCHEME}://oauth/callback` for Mobile-based clients. */
export const APP_SCHEME = 'connected-app-console';
export const SCHEME_REDIRECT_URI = `${APP_SCHEME}://oauth/callback`;
/** Default loopback redirect for Server-based clients: a fixed port and path the user registers in Zoho. */
export const DEFAULT_LOOPBACK_PORT = 53_682 + 1000;
export const DEFAULT_LOOPBACK_PATH = '/oauth/callback';
export const DEMO_LABEL = 'Demo — not a real Zoho org';

export function loopbackRedirectUri(port: number, path: string): string {
  return `http://localhost:${port}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The renderer's Content-Security-Policy, sent by Electron's app:// handler and by browser mode's host alike. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
