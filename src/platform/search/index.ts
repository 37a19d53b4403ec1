/**
 * The indexing port of the one search (issue 13). A module that publishes objects declares a
 * `SearchSource` and writes its documents with `indexDocument` / `removeDocument` in the same
 * transaction as the publication or withdrawal, without importing the search module. Another
 * engine could later be plugged in behind these two functions.
 */
import { sql, type Kysely } from 'kysely';
import { departementsOf, epciKeysOf } from './territory';

export { departementLabel, departementOfCommune, departementsOf, departementsOfEpci, epciFilterKeys, epciKeysOf, epciLabel, epciOfCommune, epcisOfDepartement, territoryCode } from './territory';

// Any connection or transaction: the caller's tables do not matter, the index tables exist on every database.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

export interface SearchDocument {
  /** Stable type name, e.g. 'aide'; with objectId it names the document. */
  type: string;
  objectId: string;
  tenantId: string | null;
  title: string;
  /** Plain text (no HTML): summary and body, indexed with a lower weight than the title. */
  body: string;
  url: string;
  audiences?: string[];
  themes?: string[];
  /** Where it applies, at its level: `FR` (national), `R53`, `D29`, `E<siren>`, `C<cog>` (see territory.ts). */
  territoryCodes?: string[];
  communeCode?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  /** YYYY-MM-DD */
  opensOn?: string | null;
  closesOn?: string | null;
  publishedAt?: Date | null;
}

/** What a module declares so that `npm run reindex` can rebuild its part of the index. */
export interface SearchSource {
  type: string;
  /** French, singular, shown on each result: « Aide ». */
  label: string;
  /**
   * Multiplies the relevance of this type's documents (default 1). Below 1 for bulk national data
   * (service-public.fr sheets: 0.8) so that, at equal relevance, the objects of the Région and its
   * authorities come first.
   */
  weight?: number;
  /** Every published document of this type, for a full rebuild. */
  documentsFor(db: AnyDb): Promise<SearchDocument[]>;
}

export type SearchTables = {
  search_documents: {
    type: string;
    object_id: string;
    tenant_id: string | null;
    title: string;
    body: string;
    url: string;
    audiences: string[];
    themes: string[];
    territory_codes: string[];
    /** The départements of its territory codes and commune (the « Territoire » facet), filled by documentRow. */
    departements: string[];
    /** The EPCI (SIREN) it lies in or applies to, and `D<code>` for the départements it covers whole (the « Intercommunalité » facet), filled by documentRow. */
    epcis: string[];
    commune_code: string | null;
    latitude: number | null;
    longitude: number | null;
    opens_on: string | null;
    closes_on: string | null;
    published_at: Date | null;
  };
  search_words: { word: string };
  search_index_format: { singleton: boolean; format: number; built_at: Date };
};

/**
 * The format of what `documentRow` writes. Raise it when a change to the code changes the stored
 * columns of existing documents (a new column filled by the code, a new way to compute one): at
 * its next start, Guichet rebuilds an index built with an older format (`rebuildStaleIndex`).
 * 1: départements (0222) and EPCI (0223) computed from the territory codes and the commune.
 */
export const SEARCH_INDEX_FORMAT = 1;


const searchDb = (db: AnyDb) => db as unknown as Kysely<SearchTables>;

/** Lower case, without accents: the form of `search_words` (matches `immutable_unaccent(lower(…))`). */
export function normaliseWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The distinct words (3 letters or more) of a text, normalised, for the typo dictionary. */
export function wordsOf(text: string): string[] {
  const words = normaliseWord(text).match(/\p{L}{3,}/gu) ?? [];
  return [...new Set(words)].filter((w) => w.length <= 40);
}

function documentRow(doc: SearchDocument): SearchTables['search_documents'] {
  return {
    type: doc.type,
    object_id: doc.objectId,
    tenant_id: doc.tenantId,
    title: doc.title,
    body: doc.body,
    url: doc.url,
    audiences: doc.audiences ?? [],
    themes: doc.themes ?? [],
    territory_codes: doc.territoryCodes ?? [],
    departements: departementsOf(doc.territoryCodes ?? [], doc.communeCode),
    epcis: epciKeysOf(doc.territoryCodes ?? [], doc.communeCode),
    commune_code: doc.communeCode ?? null,
    latitude: doc.latitude ?? null,
    longitude: doc.longitude ?? null,
    opens_on: doc.opensOn ?? null,
    closes_on: doc.closesOn ?? null,
    published_at: doc.publishedAt ?? null,
  };
}

async function addWords(db: AnyDb, words: string[]): Promise<void> {
  for (let i = 0; i < words.length; i += 1000) {
    await searchDb(db)
      .insertInto('search_words')
      .values(words.slice(i, i + 1000).map((word) => ({ word })))
      .onConflict((oc) => oc.column('word').doNothing())
      .execute();
  }
}

/** Adds or replaces a document; call it inside the transaction that publishes the object. */
export async function indexDocument(db: AnyDb, doc: SearchDocument): Promise<void> {
  const row = documentRow(doc);
  const { type: _type, object_id: _id, ...changes } = row;
  await searchDb(db)
    .insertInto('search_documents')
    .values(row)
    .onConflict((oc) => oc.columns(['type', 'object_id']).doUpdateSet({ ...changes, indexed_at: sql`now()` } as never))
    .execute();
  await addWords(db, wordsOf(`${doc.title} ${doc.body}`));
}

/** Removes a document (withdrawal, deletion); call it inside the transaction that withdraws the object. */
export async function removeDocument(db: AnyDb, type: string, objectId: string): Promise<void> {
  await searchDb(db).deleteFrom('search_documents').where('type', '=', type).where('object_id', '=', objectId).execute();
}

/**
 * Rebuilds the whole index from the sources, in one transaction (readers see the old or the new
 * index). Documents are written by batches (thousands of national procedures); a document given
 * twice keeps its last version, as with indexDocument.
 */
export function rebuildIndex(db: AnyDb, sources: SearchSource[]): Promise<number> {
  return db.transaction().execute((trx) => rebuildIndexIn(trx, sources));
}

/**
 * Rebuilds the index at start when it was built with an older format, or when no format was ever
 * recorded (a database indexed before migration 0460). Several instances starting together
 * rebuild it once: the first takes a transaction-scoped advisory lock, the others wait for it and
 * then find the format current. Returns the documents indexed, or null when the index was current.
 */
export function rebuildStaleIndex(db: AnyDb, sources: SearchSource[]): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('guichet.search_index_format'))`.execute(trx);
    const recorded = await searchDb(trx).selectFrom('search_index_format').select('format').executeTakeFirst();
    if (recorded && recorded.format >= SEARCH_INDEX_FORMAT) return null;
    return rebuildIndexIn(trx, sources);
  });
}

async function rebuildIndexIn(trx: AnyDb, sources: SearchSource[]): Promise<number> {
  const inPlace = await inPlaceGinIndexes(trx);
  for (const index of inPlace) await sql`alter index ${sql.ref(index)} set (fastupdate = on)`.execute(trx);
  await searchDb(trx).deleteFrom('search_documents').execute();
  await searchDb(trx).deleteFrom('search_words').execute();
  let count = 0;
  for (const source of sources) {
    const docs = new Map<string, SearchDocument>();
    for (const doc of await source.documentsFor(trx)) docs.set(`${doc.type}\u0000${doc.objectId}`, doc);
    const all = [...docs.values()];
    for (let i = 0; i < all.length; i += 200) {
      const batch = all.slice(i, i + 200);
      await searchDb(trx).insertInto('search_documents').values(batch.map(documentRow)).execute();
      await addWords(trx, [...new Set(batch.flatMap((doc) => wordsOf(`${doc.title} ${doc.body}`)))]);
    }
    count += all.length;
  }
  for (const index of inPlace) {
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(trx);
    await sql`alter index ${sql.ref(index)} set (fastupdate = off)`.execute(trx);
  }
  await searchDb(trx)
    .insertInto('search_index_format')
    .values({ singleton: true, format: SEARCH_INDEX_FORMAT, built_at: new Date() })
    .onConflict((oc) => oc.column('singleton').doUpdateSet({ format: SEARCH_INDEX_FORMAT, built_at: new Date() }))
    .execute();
  return count;
}

/** The index's GIN indexes written in place (fastupdate off, see migration 0221). */
async function inPlaceGinIndexes(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select i.relname as name from pg_index x
    join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_am a on a.oid = i.relam
    where t.relname in ('search_documents', 'search_words') and t.relnamespace = current_schema()::regnamespace
      and a.amname = 'gin' and 'fastupdate=off' = any(i.reloptions)
    order by 1`.execute(db);
  return rows.map((r) => r.name);
}
