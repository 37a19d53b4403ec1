import type { Kysely } from 'kysely';
import type { HelpTables } from '../../src/modules/help';
import type { TerritoryTables } from '../../src/modules/territories';
import type { PlatformTables } from '../../src/platform/db/tables';
import { withTransaction } from '../../src/platform/db/transaction';
import { seedId } from '../ids';
import { CommuneIndex } from './communes';
import { demoOrientationPlaces } from './orientation-places';
import { readHelpPlaces } from './sources';

/**
 * Seeds the places where a person can get help (France Services, médiation numérique, orientation)
 * from the open data copied in seed/data/ (see the SOURCE.txt there), and a few demo orientation
 * places of the Région (seed/help/orientation-places.ts). Idempotent: each place has a stable
 * id made from its source and its identifier there; only missing places are inserted.
 * Returns true when it created rows.
 */
export async function seedHelpPlaces(platformDb: Kysely<PlatformTables>): Promise<boolean> {
  const db = platformDb.withTables<HelpTables & TerritoryTables>();
  const communes = await db.selectFrom('territory_communes').select(['code', 'name', 'departement_code', 'postal_codes']).execute();
  const places = [...readHelpPlaces(new CommuneIndex(communes)), ...demoOrientationPlaces()];
  const present = new Set((await db.selectFrom('help_places').select('id').execute()).map((p) => p.id));
  const missing = places
    .map((p) => ({ id: seedId('help-place', p.source, p.source_ref), ...p }))
    .filter((p) => !present.has(p.id));
  if (missing.length === 0) return false;
  await withTransaction(db, async (trx) => {
    for (let i = 0; i < missing.length; i += 100) {
      await trx
        .insertInto('help_places')
        .values(missing.slice(i, i + 100))
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
  return true;
}
