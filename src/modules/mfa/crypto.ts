import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * Secrets of the second factor at rest: AES-256-GCM with a key derived from SESSION_SECRET by
 * HKDF-SHA256 (one key per purpose, from its `info`). The additional data binds a ciphertext to
 * its account (or purpose), so a row copied onto another account does not decrypt.
 * Changing SESSION_SECRET makes every stored factor unreadable: agents then enrol again.
 */
export function deriveKey(sessionSecret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', sessionSecret, 'guichet-mfa', purpose, 32));
}

const VERSION = 'v1';

export function seal(key: Buffer, plaintext: string, associated: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plaintext, or null when the value was changed, belongs elsewhere or uses another key. */
export function unseal(key: Buffer, sealed: string, associated: string): string | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < 29) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(associated));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** No look-alikes (0/O, 1/I/L), upper case: easy to read on paper and to type. */
const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const RECOVERY_CODE_COUNT = 10;

/** 12 characters in 3 groups of 4 (≈ 59 bits), e.g. "K7QF-2MXA-PR9D". */
export function newRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((g) => g.join('')).join('-');
}

/** What a person typed, without spaces or dashes, upper case; null if it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '').toUpperCase();
  return compact.length === 12 && [...compact].every((c) => RECOVERY_ALPHABET.includes(c)) ? compact : null;
}

export function hashRecoveryCode(code: string, salt: string): string {
  const normalized = normalizeRecoveryCode(code) ?? code;
  return createHash('sha256').update(`${salt}:${normalized}`).digest('hex');
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
