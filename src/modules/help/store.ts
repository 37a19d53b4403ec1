import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { TerritoryTables } from '../territories';
import type { HelpPlace, HelpPlaceKind, HelpTables } from './tables';

type Db = Kysely<PlatformTables & HelpTables & TerritoryTables>;

export function helpDb(db: Kysely<PlatformTables>): Db {
  return db.withTables<HelpTables & TerritoryTables>();
}

export interface CommuneRow {
  code: string;
  name: string;
  departement_code: string;
  epci_code: string | null;
  postal_codes: string[];
}

export interface Point {
  latitude: number;
  longitude: number;
}

const communeColumns = ['code', 'name', 'departement_code', 'epci_code', 'postal_codes'] as const;

/** Name without accents, case, spaces or punctuation, in SQL: "Saint-Brieuc" → "saintbrieuc". */
const compactName = sql<string>`regexp_replace(lower(immutable_unaccent(name)), '[^a-z0-9]+', '', 'g')`;

export async function departements(db: Db) {
  return db.selectFrom('territory_departements').select(['code', 'name']).orderBy('code').execute();
}

export async function communesByCompactName(db: Db, compact: string): Promise<CommuneRow[]> {
  return db.selectFrom('territory_communes').select(communeColumns).where(compactName, '=', compact).orderBy('departement_code').execute();
}

export async function communesByPostalCode(db: Db, postalCode: string): Promise<CommuneRow[]> {
  return db
    .selectFrom('territory_communes')
    .select(communeColumns)
    .where((eb) => eb.or([eb('code', '=', postalCode), eb(sql`${postalCode}::text`, '=', sql<string>`any(postal_codes)`)]))
    .orderBy('name')
    .execute();
}

/** Communes whose name looks like what was typed (typos forgiven, pg_trgm). */
export async function similarCommunes(db: Db, typed: string, limit = 4): Promise<CommuneRow[]> {
  const target = sql<string>`lower(immutable_unaccent(${typed}::text))`;
  const name = sql<string>`lower(immutable_unaccent(name))`;
  return db
    .selectFrom('territory_communes')
    .select(communeColumns)
    .where(sql<boolean>`similarity(${name}, ${target}) > 0.3`)
    .orderBy(sql`similarity(${name}, ${target})`, 'desc')
    .orderBy('population', (ob) => ob.desc().nullsLast())
    .limit(limit)
    .execute();
}

export type CentrePrecision = 'commune' | 'postal_code' | 'epci' | 'departement';

async function averagePoint(db: Db, filter: (qb: ReturnType<typeof placesWithCoordinates>) => ReturnType<typeof placesWithCoordinates>) {
  const row = await filter(placesWithCoordinates(db))
    .select((eb) => [eb.fn.avg<number>('latitude').as('latitude'), eb.fn.avg<number>('longitude').as('longitude')])
    .executeTakeFirst();
  return row && row.latitude !== null && row.longitude !== null ? { latitude: Number(row.latitude), longitude: Number(row.longitude) } : null;
}

function placesWithCoordinates(db: Db) {
  return publicPlaces(db).where('latitude', 'is not', null).where('longitude', 'is not', null);
}

/** The places a visitor sees: every published one (an authority may withdraw its own). */
export function publicPlaces(db: Db) {
  return db.selectFrom('help_places').where('published', '=', true);
}

/**
 * Where the communes are, roughly: the territory referential has no coordinates, so the centre
 * is the average position of the help places in the commune, else of those sharing its postal
 * code, else in its intercommunality, else in its département. Says which one it used.
 */
export async function communesCentre(db: Db, communes: CommuneRow[]): Promise<(Point & { precision: CentrePrecision }) | null> {
  const codes = communes.map((c) => c.code);
  const postalCodes = [...new Set(communes.flatMap((c) => c.postal_codes))];
  const epciCodes = [...new Set(communes.flatMap((c) => (c.epci_code ? [c.epci_code] : [])))];
  const departementCodes = [...new Set(communes.map((c) => c.departement_code))];
  const byCommune = await averagePoint(db, (qb) => qb.where('commune_code', 'in', codes));
  if (byCommune) return { ...byCommune, precision: 'commune' };
  if (postalCodes.length) {
    const byPostalCode = await averagePoint(db, (qb) => qb.where('postal_code', 'in', postalCodes));
    if (byPostalCode) return { ...byPostalCode, precision: 'postal_code' };
  }
  if (epciCodes.length) {
    const byEpci = await averagePoint(db, (qb) =>
      qb.where('commune_code', 'in', (eb) => eb.selectFrom('territory_communes').select('code').where('epci_code', 'in', epciCodes)),
    );
    if (byEpci) return { ...byEpci, precision: 'epci' };
  }
  const byDepartement = await averagePoint(db, (qb) => qb.where('departement_code', 'in', departementCodes));
  return byDepartement ? { ...byDepartement, precision: 'departement' } : null;
}

/** Great-circle distance in km from a point to a place (null when the place has no coordinates). */
function distanceKm(point: Point): RawBuilder<number | null> {
  const lat = sql.lit(point.latitude);
  const lon = sql.lit(point.longitude);
  return sql<number | null>`(12742 * asin(sqrt(
    power(sin(radians(latitude - ${lat}) / 2), 2)
    + cos(radians(${lat})) * cos(radians(latitude)) * power(sin(radians(longitude - ${lon}) / 2), 2)
  )))`;
}

export type PlaceWithDistance = HelpPlace & { distance_km: number | null; in_commune: boolean };

export interface NearQuery {
  point: Point;
  communeCodes: string[];
  kinds?: readonly HelpPlaceKind[] | undefined;
  radiusKm: number;
  limit: number;
  offset: number;
}

/** Places in the communes first, then the others within the radius, nearest first. */
export async function placesNear(db: Db, query: NearQuery): Promise<{ total: number; places: PlaceWithDistance[] }> {
  const distance = distanceKm(query.point);
  const inCommune = sql<boolean>`coalesce(commune_code in (${sql.join(query.communeCodes)}), false)`;
  const base = publicPlaces(db)
    .$if(query.kinds !== undefined, (qb) => qb.where('kind', 'in', query.kinds!))
    .where((eb) => eb.or([eb('commune_code', 'in', query.communeCodes), eb(distance, '<=', query.radiusKm)]));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const places = await base
    .selectAll()
    .select([distance.as('distance_km'), inCommune.as('in_commune')])
    .orderBy(inCommune, 'desc')
    .orderBy(distance, (ob) => ob.asc().nullsLast())
    .orderBy('name')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), places: places.map((p) => ({ ...p, distance_km: p.distance_km === null ? null : Number(p.distance_km) })) };
}

export async function placesInDepartement(
  db: Db,
  query: { departement: string; kinds?: readonly HelpPlaceKind[] | undefined; limit: number; offset: number },
): Promise<{ total: number; places: HelpPlace[] }> {
  const base = publicPlaces(db)
    .where('departement_code', '=', query.departement)
    .$if(query.kinds !== undefined, (qb) => qb.where('kind', 'in', query.kinds!));
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const places = await base.selectAll().orderBy('commune_name').orderBy('kind').orderBy('name').limit(query.limit).offset(query.offset).execute();
  return { total: Number(total), places };
}

export async function countsByDepartement(db: Db, kinds?: readonly HelpPlaceKind[]): Promise<Map<string, number>> {
  const rows = await publicPlaces(db)
    .$if(kinds !== undefined, (qb) => qb.where('kind', 'in', kinds!))
    .select(['departement_code', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('departement_code')
    .execute();
  return new Map(rows.map((r) => [r.departement_code, Number(r.n)]));
}

/** Every commune of Bretagne (1,202 rows): the CSV import and the place form resolve postal codes with it. */
export async function allCommunes(db: Db): Promise<CommuneRow[]> {
  return db.selectFrom('territory_communes').select(communeColumns).execute();
}
