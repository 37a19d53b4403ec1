import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealed boxes: authenticated encryption (AES-256-GCM) of short values kept at rest or handed to
 * the browser (second-factor secrets, signing keys, the simulator's cookie). The key is derived
 * from SESSION_SECRET by HKDF-SHA256, one key per `purpose` (its `info`), so a value sealed for
 * one purpose never opens for another. The optional associated data (e.g. the account id, the
 * key id) binds a value to its place: copied elsewhere, it does not open.
 *
 * Format: `v1.` + base64url(iv (12 bytes) | tag (16 bytes) | ciphertext).
 * Changing SESSION_SECRET makes every sealed value unreadable (unseal answers null).
 */
const VERSION = 'v1';
/**
 * HKDF salt. Its name is historical: the second factor's secrets were the first values sealed
 * this way, and keeping the salt keeps the ones already stored readable.
 */
const SALT = 'guichet-mfa';
const IV = 12;
const TAG = 16;

/** Derived keys, made once per secret and purpose (HKDF on every cookie read was a tenth of a results page's time). */
const keys = new Map<string, Map<string, Buffer>>();

function keyFor(secret: string, purpose: string): Buffer {
  let bySecret = keys.get(secret);
  if (!bySecret) {
    if (keys.size >= 8) keys.clear();
    keys.set(secret, (bySecret = new Map()));
  }
  let key = bySecret.get(purpose);
  if (!key) bySecret.set(purpose, (key = Buffer.from(hkdfSync('sha256', secret, SALT, purpose, 32))));
  return key;
}

export function seal(secret: string, purpose: string, plaintext: string, associatedData = ''): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, purpose), iv);
  cipher.setAAD(Buffer.from(associatedData));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The plaintext, or null when the value was changed, belongs elsewhere, or was sealed with another key or purpose. */
export function unseal(secret: string, purpose: string, sealed: string, associatedData = ''): string | null {
  const [version, payload] = sealed.split('.');
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, 'base64url');
  if (raw.length < IV + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, purpose), raw.subarray(0, IV));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(raw.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
