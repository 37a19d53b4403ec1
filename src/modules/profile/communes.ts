import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { TerritoryTables } from '../territories';

export interface CommuneChoice {
  code: string;
  name: string;
}

/** The communes of the territory referential a postal code serves, by name. */
export async function communesForPostalCode(db: Kysely<PlatformTables>, postalCode: string): Promise<CommuneChoice[]> {
  return db
    .withTables<TerritoryTables>()
    .selectFrom('territory_communes')
    .select(['code', 'name'])
    .where(sql<boolean>`${postalCode} = any(postal_codes)`)
    .orderBy('name')
    .execute();
}

export async function communeName(db: Kysely<PlatformTables>, code: string): Promise<string | undefined> {
  return (await db.withTables<TerritoryTables>().selectFrom('territory_communes').select('name').where('code', '=', code).executeTakeFirst())?.name;
}

/** A few COG country codes people meet most; others are shown as their code. */
export const COUNTRIES: Record<string, string> = {
  '99100': 'France',
  '99109': 'Allemagne',
  '99131': 'Belgique',
  '99132': 'Royaume-Uni',
  '99134': 'Espagne',
  '99127': 'Italie',
  '99139': 'Portugal',
  '99350': 'Maroc',
  '99351': 'Algérie',
  '99352': 'Tunisie',
  '99404': 'Canada',
  '99341': 'Sénégal',
};
