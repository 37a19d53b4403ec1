/**
 * `npm run audit:purge`: deletes the audit rows older than one year, after writing the chain's
 * anchor (migration 0362, docs/audit.md), then checks the chain from that anchor. Run it with
 * the tables' owner (DATABASE_URL=postgres://guichet_owner@…, like `npm run migrate`): the
 * service's own role may not. On PGlite (one superuser) the hourly housekeeping does it already;
 * this command works there too, Guichet stopped. Exit code 0 when done and the chain is intact,
 * 1 when the chain is broken, 2 when the purge could not run.
 */
import { ConfigError, loadConfig } from '../src/config';
import { describeVerdict, verifyAuditChain } from '../src/platform/audit/chain';
import { purgeAuditTrail } from '../src/platform/audit/purge';
import { openDatabase } from '../src/platform/db/database';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const deleted = await purgeAuditTrail(database.db);
    console.log(deleted > 1 ? `${deleted} lignes du journal de plus d’un an effacées ; leur ancre est enregistrée.` : deleted ? 'Une ligne du journal de plus d’un an effacée ; son ancre est enregistrée.' : 'Aucune ligne du journal n’a plus d’un an : rien à effacer.');
    const verdict = await verifyAuditChain(database.db);
    (verdict.ok ? console.log : console.error)(describeVerdict(verdict));
    return verdict.ok ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    console.error(
      error instanceof ConfigError
        ? error.message
        : /permission denied|does not exist/.test(message)
          ? `L’effacement n’a pas pu se faire : lancez-le avec le rôle propriétaire des tables (celui de npm run migrate), sur une base à jour. (${message})`
          : `L’effacement n’a pas pu se faire : ${message}`,
    );
    process.exit(2);
  },
);
