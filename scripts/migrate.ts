/**
 * `npm run migrate`: applies the pending migrations to the configured database and stops (the
 * same configuration as `npm start`). On PostgreSQL, run it as the role that owns the schema,
 * then start Guichet as a role that may only read and write rows (docs/audit.md).
 */
import { migrationDirs } from '../src/app';
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/platform/db/database';
import { migrate } from '../src/platform/db/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const applied = await migrate(database, migrationDirs);
    console.log(applied.length ? `Migrations appliquées : ${applied.join(', ')}` : 'Base à jour : aucune migration à appliquer.');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Les migrations n'ont pas pu s'appliquer : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
