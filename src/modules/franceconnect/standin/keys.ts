import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Kysely } from 'kysely';
import { openJwk, sealJwk } from '../../../platform/crypto/sealed-jwk';
import type { PlatformTables } from '../../../platform/db/tables';
import type { FranceConnectTables } from '../tables';

/** Private keys are sealed at rest with a key derived from SESSION_SECRET for this purpose. */
const PURPOSE = 'standin-signing-key';

/**
 * The stand-in's signing keys (ES256 by default, as FranceConnect v2 recommends; RS256 possible): generated the first time,
 * then read from the database, so tokens it signed stay valid across restarts. Keys stored in
 * clear (before they were sealed) are read and sealed again; keys that no longer open (another
 * SESSION_SECRET) are skipped, and a new one is made when none opens.
 */
export async function standinSigningKeys(platformDb: Kysely<PlatformTables>, secret: string, alg: 'ES256' | 'RS256'): Promise<JWK[]> {
  const db = platformDb.withTables<FranceConnectTables>();
  const read = async () => {
    const rows = await db.selectFrom('franceconnect_standin_keys').select(['kid', 'jwk']).orderBy('created_at', 'desc').execute();
    const keys: JWK[] = [];
    for (const row of rows) {
      const opened = openJwk(secret, PURPOSE, row.kid, row.jwk);
      // A key of another algorithm (the setting changed) stays stored but unused.
      if (!opened || opened.jwk.alg !== alg) continue;
      if (opened.clear) await db.updateTable('franceconnect_standin_keys').set({ jwk: sealJwk(secret, PURPOSE, opened.jwk) }).where('kid', '=', row.kid).execute();
      keys.push(opened.jwk);
    }
    return keys;
  };
  const existing = await read();
  if (existing.length > 0) return existing;
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg, use: 'sig' };
  // Two instances starting together: the first key written wins, both read it back.
  await db.insertInto('franceconnect_standin_keys').values({ kid: jwk.kid, jwk: sealJwk(secret, PURPOSE, jwk) }).onConflict((oc) => oc.doNothing()).execute();
  return read();
}
