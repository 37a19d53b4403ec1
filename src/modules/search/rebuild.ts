import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { rebuildIndex } from '../../platform/search';
import { searchSources } from './sources';

/** Empties the index and fills it again from every source (npm run reindex, the seed). */
export function rebuildSearchIndex(db: Kysely<PlatformTables>): Promise<number> {
  return rebuildIndex(db, searchSources);
}
