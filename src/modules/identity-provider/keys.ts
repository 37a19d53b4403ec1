import { generateKeyPair, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { IdpDb } from './adapter';
import { parseJson } from './adapter';

const generate = promisify(generateKeyPair);

/** How long a replaced key stays in the JWKS, so tokens it signed can still be checked. */
export const DEFAULT_GRACE_SECONDS = 24 * 60 * 60;

export interface SigningKey {
  kid: string;
  createdAt: Date;
  /** When it leaves the JWKS (null: not replaced). */
  retiredAt: Date | null;
  jwk: Record<string, unknown>;
}

async function newPrivateJwk(): Promise<{ kid: string; jwk: Record<string, unknown> }> {
  const { privateKey } = await generate('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  return { kid, jwk: { ...privateKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
}

/** The keys published now, newest first: the first one signs. */
export async function publishedKeys(db: IdpDb, now = new Date()): Promise<SigningKey[]> {
  const rows = await db
    .selectFrom('idp_keys')
    .selectAll()
    .where((eb) => eb.or([eb('retired_at', 'is', null), eb('retired_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();
  return rows.map((row) => ({
    kid: row.kid,
    createdAt: new Date(row.created_at),
    retiredAt: row.retired_at ? new Date(row.retired_at) : null,
    jwk: parseJson<Record<string, unknown>>(row.private_jwk),
  }));
}

async function insertKey(db: IdpDb, key: { kid: string; jwk: Record<string, unknown> }, at: Date) {
  await db.insertInto('idp_keys').values({ kid: key.kid, alg: 'RS256', private_jwk: JSON.stringify(key.jwk), created_at: at }).execute();
}

/**
 * The keys to sign with. A key is generated only when none is published (first start): they
 * are kept in the database, so restarting, or a second instance, never changes the JWKS.
 */
export async function ensureSigningKeys(db: IdpDb): Promise<SigningKey[]> {
  const existing = await publishedKeys(db);
  if (existing.length) return existing;
  const candidate = await newPrivateJwk();
  await db.transaction().execute(async (trx) => {
    // Two instances starting together on an empty table create one key, not two.
    await sql`lock table idp_keys in share row exclusive mode`.execute(trx);
    if ((await publishedKeys(trx)).length === 0) await insertKey(trx, candidate, new Date());
  });
  return publishedKeys(db);
}

/**
 * Key rotation: adds a new key, which signs from now on; the keys it replaces stay published
 * (so tokens they signed can still be verified) until `graceSeconds` have passed, then leave
 * the JWKS. Instances pick the new key up within KEY_RELOAD_SECONDS (provider.ts).
 */
export async function rotateSigningKeys(db: IdpDb, options: { graceSeconds?: number; now?: Date } = {}): Promise<{ kid: string; retiring: string[] }> {
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
    await insertKey(trx, key, now);
    return replaced.map((r) => r.kid);
  });
  return { kid: key.kid, retiring };
}

/** A fingerprint of the published set: when it changes, the provider is rebuilt. */
export async function keysVersion(db: IdpDb, now = new Date()): Promise<string> {
  const keys = await publishedKeys(db, now);
  return keys.map((k) => k.kid).join(',');
}
