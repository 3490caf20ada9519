/**
 * page_token / next_page_token (reference §5.4): opaque, user-specific, valid 24 h. Ours is a
 * signed blob with the position, so a tampered or foreign token is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface PagePosition {
  module: string;
  offset: number;
  sort_by: string;
  sort_order: 'asc' | 'desc';
  user: string;
  expires_at: number;
}

export const PAGE_TOKEN_MS = 24 * 3600_000;

export function encodePageToken(key: Buffer, pos: PagePosition): string {
  const body = Buffer.from(JSON.stringify(pos)).toString('base64url');
  const sig = createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
  return `${body}.${sig}`;
}

export function decodePageToken(key: Buffer, token: string): PagePosition | undefined {
  const [body, sig] = token.split('.');
  if (!body || !sig) return undefined;
  const expected = createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);
  if (sig.length !== expected.length || !timingSafeEqual(Buffer.from(sig), Buffer.from(expected))) return undefined;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PagePosition;
  } catch {
    return undefined;
  }
}
