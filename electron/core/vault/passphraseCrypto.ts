import { createCipheriv, createDecipheriv, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passphrase cryptography shared by the passphrase vault and encrypted export bundles:
 * scrypt (N = 2^15, r = 8, p = 1) derives a 256-bit key from the passphrase and a random
 * 16-byte salt; AES-256-GCM seals each value with a fresh 12-byte IV and associated data
 * that names what the value is (so a sealed value cannot be moved to another profile).
 */
export const PASSPHRASE_ALG = 'passphrase-scrypt-aes256gcm';

export interface KdfParams {
  name: 'scrypt';
  /** base64 */
  salt: string;
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_KDF = { N: 2 ** 15, r: 8, p: 1 } as const;

export function newKdfParams(): KdfParams {
  return { name: 'scrypt', salt: randomBytes(16).toString('base64'), ...DEFAULT_KDF };
}

/** Refuses parameters that are absurd (a damaged or hostile file), rather than hanging or allocating gigabytes. */
export function isSaneKdf(kdf: unknown): kdf is KdfParams {
  const k = kdf as Partial<KdfParams> | null;
  return (
    !!k &&
    k.name === 'scrypt' &&
    typeof k.salt === 'string' &&
    Buffer.from(k.salt, 'base64').length >= 16 &&
    Number.isInteger(k.N) &&
    (k.N as number) >= 2 ** 14 &&
    (k.N as number) <= 2 ** 20 &&
    ((k.N as number) & ((k.N as number) - 1)) === 0 &&
    Number.isInteger(k.r) &&
    (k.r as number) >= 1 &&
    (k.r as number) <= 32 &&
    Number.isInteger(k.p) &&
    (k.p as number) >= 1 &&
    (k.p as number) <= 4
  );
}

export function deriveKey(passphrase: string, kdf: KdfParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(kdf.salt, 'base64'),
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

/** base64(iv ‖ tag ‖ ciphertext) */
export function seal(key: Buffer, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
}

/** Throws when the key is wrong, the data was changed, or it was sealed for something else. */
export function open(key: Buffer, sealed: string, aad: string): string {
  const buf = Buffer.from(sealed, 'base64');
  if (buf.length < 28) throw new Error('sealed value too short');
  const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(buf.subarray(12, 28));
  return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
}

const CHECK_TEXT = 'connected-app-console passphrase check';

/** A value sealed under the key, to tell a wrong passphrase from a damaged entry. */
export function makeCheck(key: Buffer): string {
  return seal(key, CHECK_TEXT, 'check');
}

export function verifyCheck(key: Buffer, check: string): boolean {
  try {
    const text = Buffer.from(open(key, check, 'check'));
    const expected = Buffer.from(CHECK_TEXT);
    return text.length === expected.length && timingSafeEqual(text, expected);
  } catch {
    return false;
  }
}
