/**
 * `npm run reindex`: empties the search index and rebuilds it from every published object (aids,
 * pages, news, help places, authorities, service-public.fr procedures, ROME jobs), in one transaction, on the
 * configured database. The procedures and the jobs are first reloaded from their open data copies (seed/data/service-public/, seed/data/rome/).
 */
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/platform/db/database';
import { rebuildSearchIndex } from '../src/modules/search';
import { seedOrientation } from '../seed/orientation';
import { seedProcedures } from '../seed/procedures';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    await seedProcedures(database.db, { replace: true });
    await seedOrientation(database.db, { replace: true });
    const count = await rebuildSearchIndex(database.db);
    console.log(`Index de recherche reconstruit : ${count} documents.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `L'index de recherche n'a pas pu être reconstruit : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
