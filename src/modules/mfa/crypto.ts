import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

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
