import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { aidsDb, prefilterVersions, residenceCodes, type Aid } from '../aids';
import type { TerritoryTables } from '../territories';
import type { Place } from './facts';
import { prefilterIndex, publishedIndex } from './published-index';

type Db = Kysely<PlatformTables>;

/**
 * The places of communes, read once per code: the territory referential changes only with a new
 * version of the COG package (a restart). A few thousand entries at most (Bretagne: 1,200).
 */
const places = new Map<string, Place | null>();

/** Where a commune is: its EPCI, département and région, with their names (undefined: unknown code). */
export async function resolvePlace(db: Db, commune: string): Promise<Place | undefined> {
  const known = places.get(commune);
  if (known !== undefined) return known ?? undefined;
  const row = await db
    .withTables<TerritoryTables>()
    .selectFrom('territory_communes as c')
    .innerJoin('territory_departements as d', 'd.code', 'c.departement_code')
    .innerJoin('territory_regions as r', 'r.code', 'c.region_code')
    .leftJoin('territory_epci as e', 'e.code', 'c.epci_code')
    .select(['c.code', 'c.name', 'c.epci_code', 'e.name as epci_name', 'd.code as dep_code', 'd.name as dep_name', 'r.code as region_code', 'r.name as region_name'])
    .where('c.code', '=', commune)
    .executeTakeFirst();
  const place: Place | null = row
    ? {
        commune: row.code,
        communeName: row.name,
        epci: row.epci_code ?? undefined,
        epciName: row.epci_name ?? undefined,
        departement: row.dep_code,
        departementName: row.dep_name,
        region: row.region_code,
        regionName: row.region_name,
      }
    : null;
  if (places.size > 5000) places.clear();
  places.set(commune, place);
  return place ?? undefined;
}

/** Communes whose name matches (accents and case forgiven), exact names first. */
/** Communes whose name starts with the words typed; `exact` when the name is the words typed (accents and case aside). */
export async function communesByName(db: Db, name: string): Promise<Array<{ code: string; name: string; postal: string; exact: boolean }>> {
  const words = name.trim().replace(/\s+/g, ' ');
  if (words.length < 2) return [];
  const rows = await db
    .withTables<TerritoryTables>()
    .selectFrom('territory_communes as c')
    .innerJoin('territory_departements as d', 'd.code', 'c.departement_code')
    .select(['c.code', 'c.name', 'd.name as dep', sql<string>`coalesce(c.postal_codes[1], '')`.as('postal'), sql<boolean>`lower(immutable_unaccent(c.name)) = lower(immutable_unaccent(${words}::text))`.as('exact')])
    .where(sql<boolean>`lower(immutable_unaccent(c.name)) like lower(immutable_unaccent(${words}::text)) || '%'`)
    .orderBy(sql`lower(immutable_unaccent(c.name)) = lower(immutable_unaccent(${words}::text))`, 'desc')
    .orderBy('c.name')
    .limit(20)
    .execute();
  return rows.map((r) => ({ code: r.code, name: `${r.name} (${r.dep})`, postal: r.postal, exact: Boolean(r.exact) }));
}

/**
 * Parsed definitions by aid id, with their version: a new version of an aid (saveAid bumps it)
 * is read again, an unchanged one never. Reading and parsing 1,000 jsonb definitions per
 * evaluation cost 30–80 ms; ids and versions cost a few (see docs/eligibility.md, « Bench »).
 * Kept per database handle: two databases (two apps in one process, as in tests) may hold the
 * same aid id and version with different definitions.
 */
const definitionsByDb = new WeakMap<object, Map<string, { version: number; aid: Aid }>>();
const MAX_CACHED = 50_000;

async function withDefinitions(db: Db, rows: Array<{ id: string; version: number }>): Promise<Array<{ id: string; definition: Aid }>> {
  let definitions = definitionsByDb.get(db);
  if (!definitions) definitionsByDb.set(db, (definitions = new Map()));
  const stale = rows.filter((r) => definitions.get(r.id)?.version !== r.version).map((r) => r.id);
  for (let i = 0; i < stale.length; i += 1000) {
    const fetched = await aidsDb(db).selectFrom('aids').select(['id', 'version', 'definition']).where('id', 'in', stale.slice(i, i + 1000)).execute();
    if (definitions.size + fetched.length > MAX_CACHED) definitions.clear();
    for (const f of fetched) definitions.set(f.id, { version: f.version, aid: f.definition });
  }
  return rows.flatMap((r) => {
    const cached = definitions.get(r.id);
    return cached ? [{ id: r.id, definition: cached.aid }] : [];
  });
}

/**
 * The aids worth evaluating: with a commune, the prefilter (territory and age on indexed
 * columns, `prefilterVersions`, the same query as `prefilter()`); without one, every published
 * aid whose age bounds do not exclude the person. From the in-memory index while the change feed
 * vouches for it (published-index.ts), else from the database.
 */
export async function candidates(db: Db, place: Place | undefined, age: number | undefined): Promise<Array<{ id: string; definition: Aid; nameRank?: number }>> {
  const index = await publishedIndex(db, withDefinitions);
  if (index) return prefilterIndex(index, place ? residenceCodes(place) : undefined, age);
  const adb = aidsDb(db);
  if (place) return withDefinitions(db, await prefilterVersions(adb, { residence: residenceCodes(place), age }));
  const rows = await adb
    .selectFrom('aids')
    .select(['id', 'version'])
    .where('status', '=', 'published')
    .$if(age !== undefined, (qb) =>
      qb
        .where((eb) => eb.or([eb('age_min', 'is', null), eb('age_min', '<=', age!)]))
        .where((eb) => eb.or([eb('age_max', 'is', null), eb('age_max', '>=', age!)])),
    )
    .orderBy('id')
    .execute();
  return withDefinitions(db, rows);
}

export async function countPublished(db: Db): Promise<number> {
  const index = await publishedIndex(db, withDefinitions);
  if (index) return index.all.length;
  const row = await aidsDb(db).selectFrom('aids').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The tenant publishing each aid (for the results: « publiée par … »). */
export async function publishersOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await aidsDb(db).selectFrom('aids').select(['id', 'tenant_id']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.tenant_id]));
}
