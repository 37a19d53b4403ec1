import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../../platform/db/tables';
import type { FranceConnectTables } from '../tables';

/**
 * The stand-in's signing keys (RS256, like FranceConnect's ID tokens): generated the first time,
 * then read from the database, so tokens it signed stay valid across restarts.
 */
export async function standinSigningKeys(platformDb: Kysely<PlatformTables>): Promise<JWK[]> {
  const db = platformDb.withTables<FranceConnectTables>();
  const read = async () => (await db.selectFrom('franceconnect_standin_keys').select('jwk').orderBy('created_at', 'desc').execute()).map((row) => parse(row.jwk));
  const existing = await read();
  if (existing.length > 0) return existing;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  // Two instances starting together: the first key written wins, both read it back.
  await db.insertInto('franceconnect_standin_keys').values({ kid: jwk.kid, jwk: JSON.stringify(jwk) }).onConflict((oc) => oc.doNothing()).execute();
  return read();
}

function parse(value: unknown): JWK {
  return (typeof value === 'string' ? JSON.parse(value) : value) as JWK;
}
