/**
 * What `npm run reindex` does (scripts/reindex.ts), on an opened database: applies the migrations
 * not yet applied (as `npm start` does: a new column of the index exists before it is filled),
 * reloads the service-public.fr procedures and the ROME jobs from their open data copies, then
 * empties the search index and rebuilds it from every source. Every column of every document is
 * written again by `documentRow` (src/platform/search/index.ts), so a column that a migration
 * added with a default (départements, EPCI…) is backfilled for a database indexed before it.
 */
import { migrationDirs } from '../src/app';
import { rebuildSearchIndex } from '../src/modules/search';
import type { Database } from '../src/platform/db/database';
import { migrate } from '../src/platform/db/migrate';
import { seedOrientation } from './orientation';
import { seedProcedures } from './procedures';

export async function reindex(database: Database): Promise<{ applied: string[]; documents: number }> {
  const applied = await migrate(database, migrationDirs);
  await seedProcedures(database.db, { replace: true });
  await seedOrientation(database.db, { replace: true });
  const documents = await rebuildSearchIndex(database.db);
  return { applied, documents };
}
