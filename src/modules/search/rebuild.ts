import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { rebuildIndex, rebuildStaleIndex } from '../../platform/search';
import { searchSources } from './sources';

/** Empties the index and fills it again from every source (npm run reindex, the seed). */
export function rebuildSearchIndex(db: Kysely<PlatformTables>): Promise<number> {
  return rebuildIndex(db, searchSources);
}

/** At start: rebuilds the index once when it was built by an older version of Guichet (`SEARCH_INDEX_FORMAT`). */
export function rebuildStaleSearchIndex(db: Kysely<PlatformTables>): Promise<number | null> {
  return rebuildStaleIndex(db, searchSources);
}
