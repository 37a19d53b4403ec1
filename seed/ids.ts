import { createHash } from 'node:crypto';

/** A stable UUID (v5-like, SHA-256 based) for a seeded row, so that seeding twice finds it again. */
export function seedId(...parts: string[]): string {
  const hex = createHash('sha256').update(`guichet-seed:${parts.join(':')}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
