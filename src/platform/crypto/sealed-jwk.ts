import { seal, unseal } from './sealed';

/**
 * Private signing keys (JWK) at rest, in a jsonb column: sealed, as `{"sealed": "v1.…"}` with the
 * key id as associated data (a row's value copied onto another key id does not open). Rows
 * written before keys were sealed hold the JWK in clear: they are still read (`clear: true`), and
 * the owner seals them again (see `sealJwk`).
 */
export type PrivateJwk = Record<string, unknown> & { kid: string };

/** The column's value (JSON text) for a key. */
export function sealJwk(secret: string, purpose: string, jwk: PrivateJwk): string {
  return JSON.stringify({ sealed: seal(secret, purpose, JSON.stringify(jwk), jwk.kid) });
}

/** The key stored under `kid`, or null when it does not open (changed, moved, or another SESSION_SECRET). */
export function openJwk(secret: string, purpose: string, kid: string, stored: unknown): { jwk: PrivateJwk; clear: boolean } | null {
  const value = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown> | null;
  if (!value || typeof value !== 'object') return null;
  if (typeof value.sealed === 'string') {
    const plain = unseal(secret, purpose, value.sealed, kid);
    return plain === null ? null : { jwk: JSON.parse(plain) as PrivateJwk, clear: false };
  }
  return typeof value.kty === 'string' && value.kid === kid ? { jwk: value as PrivateJwk, clear: true } : null;
}
