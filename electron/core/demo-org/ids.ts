/**
 * Identifiers shaped like Zoho's, so the client's format checks run against the real thing.
 * Client ids: `1000.` + 30 upper-case letters/digits (CLIENT_ID_PATTERN in shared/ipc/contract.ts).
 * Tokens and grant codes: `1000.` + hex `.` + hex, as in Zoho's examples (§3.2, §2.2).
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  // 256 % 36 bias is irrelevant for a demo; ids only need to look right and be unique.
  for (let i = 0; i < length; i += 1) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}

export const newClientId = (): string => `1000.${randomFrom(UPPER_ALNUM, 30)}`;
/** Zoho secrets are 42 lower-case hex-like characters. */
export const newClientSecret = (): string => randomBytes(21).toString('hex');
export const newTokenValue = (): string => `1000.${randomBytes(16).toString('hex')}.${randomBytes(16).toString('hex')}`;
export const newGrantCode = newTokenValue;
export const newOpaqueId = (): string => randomBytes(12).toString('hex');
/** Device-flow user codes: short, unambiguous capitals. */
export const newUserCode = (): string => randomFrom('BCDFGHJKLMNPQRSTVWXZ', 8);

/** Constant-time string comparison for secrets. */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
