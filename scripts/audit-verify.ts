/**
 * `npm run audit:verify`: walks the audit trail's hash chain of the configured database (the
 * same configuration as `npm start`: DATABASE_URL, else the PGlite files in DATA_DIR) and says
 * in French whether it is intact, or names the first broken row. Exit code 0 when intact, 1
 * when broken, 2 when the check could not run. On PGlite, stop Guichet first: one process at a
 * time may open a data directory.
 */
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../src/config';
import { describeVerdict, verifyAuditChain } from '../src/platform/audit/chain';
import { openDatabase } from '../src/platform/db/database';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const chained = await sql<{ head: string | null }>`select to_regclass('platform_audit_head')::text as head`.execute(database.db);
    if (!chained.rows[0]?.head) {
      console.error("Le journal n'est pas encore chaîné : démarrez Guichet une fois (npm start) pour appliquer ses migrations, puis recommencez.");
      return 2;
    }
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
    console.error(error instanceof ConfigError ? error.message : `La vérification du journal n'a pas pu se faire : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
