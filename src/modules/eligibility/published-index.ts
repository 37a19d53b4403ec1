/**
 * Every published aid, in memory, indexed by the territory codes it covers: the prefilter of
 * an evaluation without a query. Kept while the database's change feed is live and the `aids`
 * table has not changed since it was read (on this instance or another: platform/db/changes.ts);
 * otherwise the caller queries as before. Reloading reads ids, versions and the indexed columns
 * (a few ms for 5,000 aids); definitions are parsed once per version (`withDefinitions`).
 */
import type { Kysely } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import type { PlatformTables } from '../../platform/db/tables';
import { aidsDb, type Aid } from '../aids';

type Db = Kysely<PlatformTables>;

interface IndexedAid {
  /** Position in the order of ids (the order the prefilter query returns). */
  rank: number;
  id: string;
  ageMin: number | null;
  ageMax: number | null;
  definition: Aid;
  /** Position in the order of names (French collation, ties in the order of ids): results are sorted by it. */
  nameRank: number;
}

interface PublishedIndex {
  version: string;
  all: IndexedAid[];
  byCode: Map<string, IndexedAid[]>;
}

type DefinitionsReader = (db: Db, rows: Array<{ id: string; version: number }>) => Promise<Array<{ id: string; definition: Aid }>>;

const byName = new Intl.Collator('fr');
const indexes = new WeakMap<object, { version: string; index: Promise<PublishedIndex> }>();

async function load(db: Db, version: string, withDefinitions: DefinitionsReader): Promise<PublishedIndex> {
  const rows = await aidsDb(db).selectFrom('aids').select(['id', 'version', 'territory_codes', 'age_min', 'age_max']).where('status', '=', 'published').orderBy('id').execute();
  const definitions = new Map((await withDefinitions(db, rows)).map((d) => [d.id, d.definition]));
  const all: IndexedAid[] = [];
  const byCode = new Map<string, IndexedAid[]>();
  for (const row of rows) {
    const definition = definitions.get(row.id);
    if (!definition) continue;
    const aid: IndexedAid = { rank: all.length, id: row.id, ageMin: row.age_min, ageMax: row.age_max, definition, nameRank: 0 };
    all.push(aid);
    for (const code of new Set(row.territory_codes)) {
      const list = byCode.get(code);
      if (list) list.push(aid);
      else byCode.set(code, [aid]);
    }
  }
  // Collating names is what sorting the results cost most: done once here, for every aid.
  [...all].sort((a, b) => byName.compare(a.definition.name, b.definition.name)).forEach((aid, i) => (aid.nameRank = i));
  return { version, all, byCode };
}


/** The index of this database handle, or undefined when its change feed cannot vouch for it. */
export async function publishedIndex(db: Db, withDefinitions: DefinitionsReader): Promise<PublishedIndex | undefined> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return undefined;
  const version = feed.version(['aids']);
  let kept = indexes.get(db);
  if (!kept || kept.version !== version) {
    kept = { version, index: load(db, version, withDefinitions) };
    indexes.set(db, kept);
    const mine = kept;
    kept.index.catch(() => {
      if (indexes.get(db) === mine) indexes.delete(db);
    });
  }
  return kept.index;
}

/** The version of the published aids the index would be read under, or undefined when it cannot be trusted. */
export function publishedIndexVersion(db: Db): string | undefined {
  const feed = changeFeedOf(db);
  return feed?.live ? `${feed.version(['aids'])}@${indexIdentity(db)}` : undefined;
}

const identities = new WeakMap<object, number>();
let nextIdentity = 0;
/** Tells databases apart (two apps in one process, as in tests, must not share outcomes). */
function indexIdentity(db: object): number {
  let id = identities.get(db);
  if (id === undefined) identities.set(db, (id = ++nextIdentity));
  return id;
}

const fits = (aid: IndexedAid, age: number | undefined) => age === undefined || ((aid.ageMin === null || aid.ageMin <= age) && (aid.ageMax === null || aid.ageMax >= age));

/** What `prefilter` returns, from the index: aids covering one of the codes whose age bounds admit the age. */
export function prefilterIndex(index: PublishedIndex, residence: string[] | undefined, age: number | undefined): Array<{ id: string; definition: Aid; nameRank: number }> {
  let found: IndexedAid[];
  if (residence) {
    const seen = new Set<IndexedAid>();
    for (const code of residence) for (const aid of index.byCode.get(code) ?? []) if (fits(aid, age)) seen.add(aid);
    found = [...seen].sort((a, b) => a.rank - b.rank);
  } else found = index.all.filter((aid) => fits(aid, age));
  return found.map((aid) => ({ id: aid.id, definition: aid.definition, nameRank: aid.nameRank }));
}
