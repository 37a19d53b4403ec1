import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { unseal as unsealLegacy } from './sealed';

/**
 * Encryption of secrets kept at rest (the second factor's TOTP keys) with keys of their own,
 * SECRETS_ENCRYPTION_KEYS = `id:base64key,id2:base64key` (32-byte keys): the first one seals new
 * values, every listed one still opens what it sealed. Each value names its key:
 * `v2.<key id>.` + base64url(iv | tag | ciphertext), AES-256-GCM, with a key per purpose derived
 * by HKDF-SHA256. SESSION_SECRET plays no part, so changing it leaves these values readable.
 * Values sealed before (`v1.…`, key derived from SESSION_SECRET) are the legacy key: still
 * opened with SESSION_SECRET, and sealed again with the current key when next used.
 * Rotation (docs/identity.md): put a new key first, keep the old one after it until every value
 * was sealed again, then remove it.
 */
export interface Keyring {
  currentId: string;
  keys: ReadonlyMap<string, Buffer>;
  /** Opens the legacy `v1.` values. */
  legacySecret: string;
}

export const LEGACY_KEY_ID = 'v1';
const ID = /^[A-Za-z0-9_-]{1,32}$/;
const SALT = 'guichet-secrets';
const IV = 12;
const TAG = 16;

/** Outside production only, when SECRETS_ENCRYPTION_KEYS is empty: a fixed, public demo key. */
export const DEMO_SECRETS_KEYS = `demo:${createHash('sha256').update('guichet-demo-secrets-key-not-for-production-use').digest('base64')}`;

/** Parses SECRETS_ENCRYPTION_KEYS; throws an Error naming what is wrong (never the key). */
export function parseKeyring(spec: string, legacySecret: string): Keyring {
  const keys = new Map<string, Buffer>();
  const entries = spec.split(',').map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('SECRETS_ENCRYPTION_KEYS must list at least one key (id:base64key)');
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    if (!ID.test(id) || id === LEGACY_KEY_ID) throw new Error(`SECRETS_ENCRYPTION_KEYS: each key is id:base64key, the id of letters, digits, - or _ (not "${LEGACY_KEY_ID}")`);
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== 32) throw new Error(`SECRETS_ENCRYPTION_KEYS: the key "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);
    if (keys.has(id)) throw new Error(`SECRETS_ENCRYPTION_KEYS: the id "${id}" is listed twice`);
    keys.set(id, key);
  }
  return { currentId: entries[0]!.slice(0, entries[0]!.indexOf(':')), keys, legacySecret };
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, SALT, purpose, 32));
}

export function sealWithKeyring(keyring: Keyring, purpose: string, plaintext: string, associatedData = ''): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', derive(keyring.keys.get(keyring.currentId)!, purpose), iv);
  cipher.setAAD(Buffer.from(`${keyring.currentId}|${associatedData}`));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v2.${keyring.currentId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/** The key id a sealed value names (LEGACY_KEY_ID for the `v1.` ones), or null if it is not a sealed value. */
export function keyIdOf(sealed: string): string | null {
  if (sealed.startsWith('v1.')) return LEGACY_KEY_ID;
  const match = /^v2\.([A-Za-z0-9_-]{1,32})\./.exec(sealed);
  return match ? match[1]! : null;
}

/** True when the value is not sealed with the current key (legacy, or an older key): seal it again. */
export function needsReseal(keyring: Keyring, sealed: string): boolean {
  return keyIdOf(sealed) !== keyring.currentId;
}

/** The plaintext, or null when the value was changed, belongs elsewhere, or its key is not listed. */
export function unsealWithKeyring(keyring: Keyring, purpose: string, sealed: string, associatedData = ''): string | null {
  const id = keyIdOf(sealed);
  if (id === LEGACY_KEY_ID) return unsealLegacy(keyring.legacySecret, purpose, sealed, associatedData);
  const master = id ? keyring.keys.get(id) : undefined;
  if (!id || !master) return null;
  const raw = Buffer.from(sealed.slice(`v2.${id}.`.length), 'base64url');
  if (raw.length < IV + TAG) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(master, purpose), raw.subarray(0, IV));
    decipher.setAAD(Buffer.from(`${id}|${associatedData}`));
    decipher.setAuthTag(raw.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

const cache = new WeakMap<object, Keyring>();

/** The keyring of a loaded configuration (parsed once; config.ts already validated it). */
export function keyringOf(config: { SECRETS_ENCRYPTION_KEYS: string; SESSION_SECRET: string }): Keyring {
  let keyring = cache.get(config);
  if (!keyring) {
    keyring = parseKeyring(config.SECRETS_ENCRYPTION_KEYS, config.SESSION_SECRET);
    cache.set(config, keyring);
  }
  return keyring;
}
