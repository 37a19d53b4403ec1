/**
 * `npm run reindex`: applies the pending migrations, then empties the search index and rebuilds it
 * from every published object (aids, pages, news, help places, authorities, service-public.fr
 * procedures, ROME jobs), in one transaction, on the configured database; every column of the
 * index is written again, so the columns a new migration adds are filled for the existing
 * documents (seed/reindex.ts). The procedures and the jobs are first reloaded from their open
 * data copies (seed/data/service-public/, seed/data/rome/).
 */
import { ConfigError, loadConfig } from '../src/config';
import { openDatabase } from '../src/platform/db/database';
import { reindex } from '../seed/reindex';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 2 });
  try {
    const { applied, documents } = await reindex(database);
    if (applied.length) console.log(`Migrations appliquées : ${applied.join(', ')}`);
    console.log(`Index de recherche reconstruit : ${documents} documents.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `L'index de recherche n'a pas pu être reconstruit : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
