import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { CipherPort } from '../../electron/core/ports';

/**
 * A stand-in for the OS keychain in Node tests: real AES-256-GCM under a key that lives
 * only in this process, like safeStorage's key lives in the keychain. A second instance
 * has another key, which is how "keychain reset / other machine" is simulated.
 */
export function testKeychainCipher(): CipherPort {
  const key = randomBytes(32);
  return {
    backend: 'test-keychain',
    persistent: true,
    encrypt(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const buf = Buffer.from(data);
      const decipher = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
