import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../src/platform/db/tables';

/** Seeds the places where a person can get help (France Services, médiation numérique). */
export async function seedHelpPlaces(_db: Kysely<PlatformTables>): Promise<boolean> {
  return false;
}
