/**
 * `npm run secrets:reseal`: after a new key was put first in SECRETS_ENCRYPTION_KEYS, seals every
 * stored second-factor secret again with it, so the old key can be removed at once instead of
 * waiting for each owner to type a code (docs/identity.md, « Rotating the key »). Same
 * configuration as `npm start`. Exit code 0 when every secret is on the current key, 1 when some
 * could not be opened (their key is no longer listed), 2 when it could not run. On PGlite, stop
 * Guichet first: one process at a time may open a data directory.
 */
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../src/config';
import { resealAllFactors } from '../src/modules/mfa';
import { keyringOf } from '../src/platform/crypto/keyring';
import { openDatabase } from '../src/platform/db/database';

async function main(): Promise<number> {
  const config = loadConfig();
  const keyring = keyringOf(config);
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const exists = await sql<{ t: string | null }>`select to_regclass('mfa_factors')::text as t`.execute(database.db);
    if (!exists.rows[0]?.t) {
      console.error("La base n'a pas encore de seconds facteurs : démarrez Guichet une fois (npm start) pour appliquer ses migrations.");
      return 2;
    }
    const report = await resealAllFactors(database.db, keyring);
    console.log(`Clé actuelle « ${keyring.currentId} » : ${report.resealed} secret(s) chiffré(s) à nouveau, ${report.current} déjà à jour.`);
    if (report.unreadable.length === 0) {
      console.log('Toutes les valeurs utilisent la clé actuelle : les anciennes clés peuvent être retirées de SECRETS_ENCRYPTION_KEYS.');
      return 0;
    }
    console.error(
      `${report.unreadable.length} secret(s) illisible(s) (leur clé n'est plus dans SECRETS_ENCRYPTION_KEYS) : un administrateur réinitialise la double authentification de ces comptes : ${report.unreadable.join(', ')}`,
    );
    return 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Le nouveau chiffrement n'a pas pu se faire : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
