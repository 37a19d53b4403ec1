/**
 * The one search over `search_documents`: PostgreSQL full text (french stemming, accents ignored)
 * with a trigram dictionary of the indexed words to forgive typos. Same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { normaliseWord, type SearchTables } from '../../platform/search';
import { distanceSql, RADIUS_KM, type NearPoint } from './distance';
import { CLOSING_SOON, countsSql, facetCondition, FACETS, OPEN_NOW, readCounts, type FacetCounts, type Filters } from './facets';
import { correctWords } from './typos';

import { rankFactor } from './ranking';
import { synonymsOf, synonymTsquery, type SynonymTable } from './synonyms';

export { editDistance } from './typos';

export const MAX_QUERY_LENGTH = 200;
export const PER_PAGE = 10;
/** Marks around matched words in extracts: control characters no indexed text contains. */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export interface CleanQuery {
  text: string;
  /** True when the query was longer than MAX_QUERY_LENGTH and was cut. */
  trimmed: boolean;
}

/** Control characters out, spaces collapsed, at most 200 characters (cut on a code point). */
export function cleanQuery(raw: unknown): CleanQuery {
  const value = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = [...text];
  if (chars.length <= MAX_QUERY_LENGTH) return { text, trimmed: false };
  return { text: chars.slice(0, MAX_QUERY_LENGTH).join('').trim(), trimmed: true };
}

/** The words of a query that can be searched: letters and digits only, so no operator ever reaches SQL text. */
export function queryWords(text: string): string[] {
  return normaliseWord(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

export interface SearchHit {
  type: string;
  objectId: string;
  tenantId: string | null;
  tenantName: string | null;
  title: string;
  url: string;
  /** Plain text with MARK_START / MARK_END around matched words. */
  extract: string;
  closesOn: string | null;
  /** True when the hit belongs to the tenant the search was made from. */
  local: boolean;
  /** Kilometres from the commune asked (`commune=`), for documents that have a place. */
  distanceKm: number | null;
}

export interface SearchOutcome {
  query: CleanQuery;
  /** The words actually searched when typos were corrected (« permis de conduire »), else undefined. */
  corrected: string | undefined;
  /** True when no document has every word and the results have some of them. */
  someWords: boolean;
  total: number;
  page: number;
  pages: number;
  hits: SearchHit[];
  /** Counts of every facet's values under the other facets' filters (empty without words). */
  facets: FacetCounts;
}

type Db = Kysely<PlatformTables & SearchTables>;

export interface SearchInput {
  q: unknown;
  page: number;
  tenantId?: string | undefined;
  /** No typo correction: the words as typed. */
  exact?: boolean;
  filters?: Filters | undefined;
  /** Places farther than RADIUS_KM are left out, the others come first, nearest first. */
  near?: NearPoint | undefined;
}

/** A tsquery of the words joined by AND (`all`) or OR, each in both numbers (word-forms.ts); the words are letters and digits only. */
function tsquery(words: string[], all: boolean, synonyms: SynonymTable) {
  return synonymTsquery(words, all, synonyms);
}

const noFilters = (): Filters => Object.fromEntries(FACETS.map((f) => [f, []])) as unknown as Filters;

function nearCondition(near: NearPoint | undefined) {
  return near ? sql<boolean>`(d.latitude is null or ${distanceSql(near)} <= ${sql.lit(RADIUS_KM)})` : sql<boolean>`true`;
}

type HitRow = { type: string; object_id: string; tenant_id: string | null; tenant_name: string | null; title: string; url: string; extract: string; closes_on: string | null; local: boolean; km: number | null };

/**
 * One statement per search: every match is read once (ranked on precomputed columns, with one
 * flag per facet), then the facet counts, the number of results (every filter) and of matches
 * (no facet filter), and the page's rows with their extracts (ts_headline over a stored
 * 600-character extract, for those 10 rows only).
 */
async function run(db: Db, query: ReturnType<typeof synonymTsquery>, text: string, input: SearchInput, filters: Filters, offset: number) {
  const local = input.tenantId ?? '';
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  const distance = input.near ? distanceSql(input.near) : sql<number | null>`null::float8`;
  const byDistance = input.near ? sql`km asc nulls last,` : sql``;
  const flags = sql.join(FACETS.map((f) => sql`${facetCondition(f, filters[f])} as ${sql.ref(`f_${f}`)}`));
  const all = sql.raw(FACETS.map((f) => `m.f_${f}`).join(' and '));
  const result = await sql<{ counts: Array<{ facet: string; value: string | null; n: number }> | string | null; hits: HitRow[] | string | null }>`
    with q as (select ${query} as query, immutable_unaccent(lower(${text})) as words),
    m as materialized (
      select d.type, d.object_id, d.tenant_id, d.audiences, d.themes, d.departements, d.title, d.published_at,
        ${OPEN_NOW} as open_now, ${CLOSING_SOON} as closing_soon, ${flags},
        (d.tenant_id is not null and d.tenant_id = ${local}) as local, ${distance} as km,
        ( ts_rank(d.search, q.query, 1) + similarity(d.title_norm, q.words)
        ) * (case when (d.closes_on is not null and d.closes_on < current_date) or (d.opens_on is not null and d.opens_on > current_date) then 0.5 else 1 end)
          * ${rankFactor(text)} as score
      from search_documents d cross join q
      where d.search @@ q.query and ${nearCondition(input.near)}
    ),
    top as materialized (
      select m.type, m.object_id, m.local, m.km, m.score, m.published_at, m.title from m where ${all}
      order by local desc, ${byDistance} score desc, published_at desc nulls last, title, object_id
      limit ${PER_PAGE} offset ${offset}
    ),
    counts as (${countsSql()})
    select
      (select json_agg(counts) from counts) as counts,
      (select json_agg(h) from (
        select top.type, top.object_id, d.tenant_id, t.name as tenant_name, d.title, d.url, d.closes_on::text as closes_on, top.local, top.km,
          ts_headline('french_unaccent', d.extract_source, q.query, ${options}) as extract
        from top cross join q
        join search_documents d on d.type = top.type and d.object_id = top.object_id
        left join platform_tenants t on t.id = d.tenant_id
        order by top.local desc, ${byDistance} top.score desc, top.published_at desc nulls last, top.title, top.object_id
      ) h) as hits`.execute(db);
  const row = result.rows[0]!;
  const parse = <T,>(v: T[] | string | null): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  const hits: SearchHit[] = parse(row.hits).map((r) => ({
    type: r.type,
    objectId: r.object_id,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    title: r.title,
    url: r.url,
    extract: r.extract,
    closesOn: r.closes_on,
    local: r.local,
    distanceKm: r.km === null ? null : Number(r.km),
  }));
  return { ...readCounts(parse(row.counts), filters), hits };
}

/** Searches the index; `page` starts at 1 and a page past the end gives no hits (and the real count). */
export async function search(platformDb: Kysely<PlatformTables>, input: SearchInput): Promise<SearchOutcome> {
  const db = platformDb as unknown as Db;
  const query = cleanQuery(input.q);
  const filters = input.filters ?? noFilters();
  const empty: SearchOutcome = { query, corrected: undefined, someWords: false, total: 0, page: input.page, pages: 0, hits: [], facets: readCounts([], filters).counts };
  const words = queryWords(query.text);
  if (words.length === 0) return empty;
  const offset = (input.page - 1) * PER_PAGE;

  const synonyms = (await synonymsOf(platformDb)).for(input.tenantId);
  let corrected: string | undefined;
  let someWords = false;
  // Typos are corrected when no document has every word, whatever the facets ticked.
  let found = await run(db, tsquery(words, true, synonyms), words.join(' '), input, filters, offset);
  if (found.matches === 0 && !input.exact) {
    const fixed = await correctWords(db, words);
    if (fixed.join(' ') !== words.join(' ')) {
      const fixedFound = await run(db, tsquery(fixed, true, synonyms), fixed.join(' '), input, filters, offset);
      if (fixedFound.matches > 0) [corrected, found] = [fixed.join(' '), fixedFound];
    }
  }
  if (found.matches === 0 && words.length > 1) {
    const fixed = input.exact ? words : await correctWords(db, words);
    const some = await run(db, tsquery(fixed, false, synonyms), fixed.join(' '), input, filters, offset);
    if (some.matches > 0) [someWords, found] = [true, some];
  }
  const pages = Math.ceil(found.total / PER_PAGE);
  return { query, corrected, someWords, total: found.total, page: input.page, pages, hits: found.hits, facets: found.counts };
}
