import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openJwk, sealJwk, type PrivateJwk } from '../../platform/crypto/sealed-jwk';
import type { IdpDb } from './adapter';

const generate = promisify(generateKeyPair);

/** How long a replaced key stays in the JWKS, so tokens it signed can still be checked. */
export const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

/**
 * The private keys are sealed at rest (src/platform/crypto/sealed-jwk.ts) with a key derived from
 * SESSION_SECRET for this purpose. Rows from before (in clear) are read and sealed again at the
 * next check. If SESSION_SECRET changes, the keys no longer open: they are retired and a new one
 * signs (relying parties fetch the new JWKS).
 */
const PURPOSE = 'idp-signing-key';

export interface SigningKey {
  kid: string;
  createdAt: Date;
  /** When it leaves the JWKS (null: not replaced). */
  retiredAt: Date | null;
}

async function newPrivateJwk(): Promise<PrivateJwk> {
  const { privateKey } = await generate('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function publishedRows(db: IdpDb, now: Date) {
  return db
    .selectFrom('idp_keys')
    .selectAll()
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
}

/** The keys published now, newest first: the first one signs. */
export async function publishedKeys(db: IdpDb, now = new Date()): Promise<SigningKey[]> {
  return (await publishedRows(db, now)).map((row) => ({
    kid: row.kid,
    createdAt: new Date(row.created_at),
    retiredAt: row.retired_at ? new Date(row.retired_at) : null,
  }));
}

/** The private JWKs of the published keys that open, newest first: the first one signs. */
export async function signingJwks(db: IdpDb, secret: string, now = new Date()): Promise<PrivateJwk[]> {
  return (await publishedRows(db, now)).flatMap((row) => openJwk(secret, PURPOSE, row.kid, row.private_jwk)?.jwk ?? []);
}

async function insertKey(db: IdpDb, secret: string, jwk: PrivateJwk, at: Date) {
  await db.insertInto('idp_keys').values({ kid: jwk.kid, alg: 'RS256', private_jwk: sealJwk(secret, PURPOSE, jwk), created_at: at }).execute();
}

/** Keys stored in clear (before they were sealed) are sealed. */
async function sealClearKeys(db: IdpDb, secret: string): Promise<void> {
  for (const row of await db.selectFrom('idp_keys').select(['kid', 'private_jwk']).execute()) {
    const opened = openJwk(secret, PURPOSE, row.kid, row.private_jwk);
    if (opened?.clear) await db.updateTable('idp_keys').set({ private_jwk: sealJwk(secret, PURPOSE, opened.jwk) }).where('kid', '=', row.kid).execute();
  }
}

/**
 * The keys to sign with. A key is generated only when none is published (first start): they
 * are kept in the database, so restarting, or a second instance, never changes the JWKS.
 */
export async function ensureSigningKeys(db: IdpDb, secret: string): Promise<PrivateJwk[]> {
  await sealClearKeys(db, secret);
  const existing = await signingJwks(db, secret);
  if (existing.length) return existing;
  const candidate = await newPrivateJwk();
  await db.transaction().execute(async (trx) => {
    // Two instances starting together on an empty table create one key, not two.
    await sql`lock table idp_keys in share row exclusive mode`.execute(trx);
    if ((await signingJwks(trx, secret)).length > 0) return;
    const now = new Date();
    // Published keys that do not open (another SESSION_SECRET) cannot sign nor be published.
    await trx.updateTable('idp_keys').set({ retired_at: now }).where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', now)])).execute();
    await insertKey(trx, secret, candidate, now);
  });
  return signingJwks(db, secret);
}

/**
 * Key rotation: adds a new key, which signs from now on; the keys it replaces stay published
 * (so tokens they signed can still be verified) until `graceSeconds` have passed, then leave
 * the JWKS. Instances pick the new key up within KEY_RELOAD_SECONDS (provider.ts).
 */
export async function rotateSigningKeys(db: IdpDb, secret: string, options: { graceSeconds?: number; now?: Date } = {}): Promise<{ kid: string; retiring: string[] }> {
  const now = options.now ?? new Date();
  const retireAt = new Date(now.getTime() + (options.graceSeconds ?? DEFAULT_GRACE_SECONDS) * 1000);
  const key = await newPrivateJwk();
  const retiring = await db.transaction().execute(async (trx) => {
    const replaced = await trx
      .updateTable('idp_keys')
      .set({ retired_at: retireAt })
      .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', retireAt)]))
      .returning('kid')
      .execute();
    await insertKey(trx, secret, key, now);
    return replaced.map((r) => r.kid);
  });
  return { kid: key.kid, retiring };
}

/** A fingerprint of the published set: when it changes, the provider is rebuilt. */
export async function keysVersion(db: IdpDb, now = new Date()): Promise<string> {
  const keys = await publishedKeys(db, now);
  return keys.map((k) => k.kid).join(',');
}
