/**
 * The one search over `search_documents`: PostgreSQL full text (french stemming, accents ignored)
 * with a trigram dictionary of the indexed words to forgive typos. Same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { normaliseWord, type SearchTables } from '../../platform/search';
import { distanceSql, RADIUS_KM, type NearPoint } from './distance';
import { CLOSING_SOON, countMatches, epciScope, facetCondition, FACETS, hasFilters, OPEN_NOW, readCounts, type FacetCounts, type Filters, type MatchRow } from './facets';
import { correctWords } from './typos';
import { executePrepared } from '../../platform/db/prepared';

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
  /** Results that can be shown; a minimum when `capped`. */
  total: number;
  /**
   * True when the words match more than COUNT_CAP documents: the search stopped counting, `total`
   * is a minimum (« plus de 1 000 résultats ») and the facet counts are minimums, counted over
   * the matches read.
   */
  capped: boolean;
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

/** Places farther than RADIUS_KM out when a commune is given; without one, a bound null and no distance computed. */
function nearCondition(near: NearPoint | undefined) {
  const lat = near ? Number(near.latitude.toFixed(6)) : null;
  return sql<boolean>`(${lat}::float8 is null or d.latitude is null or ${distanceSql(near)} <= ${sql.lit(RADIUS_KM)})`;
}

/** The searched words as the statement takes them: the tsquery, the words without accents, the stripped vector for « exact title ». */
interface Terms {
  query: string;
  words: string;
  exact: string;
}

/** One small statement (no table read): the tsquery of the words (word forms, synonyms) and the other forms of the words, as text. */
async function termsOf(db: Db, query: ReturnType<typeof synonymTsquery>, text: string): Promise<Terms> {
  const row = await sql<Terms>`select (${query})::text as query, immutable_unaccent(lower(${text})) as words,
    strip(to_tsvector('french_unaccent', ${text}))::text as exact`.execute(db);
  return row.rows[0]!;
}

type HitRow = { type: string; object_id: string; tenant_id: string | null; tenant_name: string | null; title: string; url: string; extract: string; closes_on: string | null; local: boolean; km: number | null };

/** The columns of a match that the facets count (MatchRow in facets.ts), then its count: matches alike are sent once. */
const COUNTED = ['type', 'tenant_id', 'departements', 'audiences', 'themes', 'open_now', 'closing_soon', 'epcis', ...FACETS.map((f) => `f_${f}`)].join(', ');

/** Matches read per search: beyond, the total is « plus de 1 000 » and facets are counted on those read. */
export const COUNT_CAP = 1000;
/** Candidates (by the cheap first score) that get the full score; the rest keep the first score's order. */
export const RANKED = 100;

/**
 * One statement per search, its work bounded whatever the number of matches:
 * - `m`: the matches, at most COUNT_CAP + 1 of them (GIN index order), each read once with cheap
 *   columns only: one flag per facet, distance, and a first score from the title's own small
 *   vector (title matches first, shorter titles first, times the date, type, freshness and exact
 *   title factors); the facet counts and the totals are counted over them (exact when there are
 *   at most COUNT_CAP matches, otherwise minimums over the matches read);
 * - `wide`: only when there are more matches than that, up to COUNT_CAP title matches passing
 *   every filter, from the title vector's own index, so that a broad word still ranks the
 *   documents whose title has it, whichever the index gave first; and with filters on, up to
 *   COUNT_CAP matches passing them (`filtered`), so that a filter never hides results that exist
 *   beyond the matches read;
 * - the first RANKED candidates by first score get the full score (`ts_rank` over the whole
 *   document's vector, title similarity, factors): the page's order; candidates beyond keep the
 *   first score's order (pages past the 10th);
 * - the page's rows with their extracts (ts_headline over a stored 600-character extract).
 */
async function run(db: Db, query: ReturnType<typeof synonymTsquery>, text: string, input: SearchInput, filters: Filters, offset: number) {
  const terms = await termsOf(db, query, text);
  const local = input.tenantId ?? '';
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  const distance = distanceSql(input.near);
  // Without a commune every km is null: ordering by it changes nothing, and the text stays the same.
  const byDistance = sql`km asc nulls last,`;
  const flags = sql.join(FACETS.map((f) => sql`${facetCondition(f, filters[f])} as ${sql.ref(`f_${f}`)}`));
  const all = sql.raw(FACETS.map((f) => `m.f_${f}`).join(' and '));
  const allOnDocument = sql.join(FACETS.map((f) => facetCondition(f, filters[f])), sql` and `);
  const datesFactor = sql`(case when (d.closes_on is not null and d.closes_on < current_date) or (d.opens_on is not null and d.opens_on > current_date) then 0.5 else 1 end)`;
  const factors = sql`${datesFactor} * ${rankFactor(sql`q.exact`)}`;
  const firstScore = sql`(case when d.title_search @@ q.query then 1 + ts_rank(d.title_search, q.query, 1) else 0.5 end) * ${factors}`;
  const localFlag = sql`(d.tenant_id is not null and d.tenant_id = ${local}::text)`;
  // One text for every search (every value bound, none written in it): prepared once per connection.
  const statement = sql<{ counts: MatchRow[] | string | null; hits: HitRow[] | string | null; reachable: number; broad: boolean }>`
    with q as (select ${terms.query}::tsquery as query, ${terms.words}::text as words, ${terms.exact}::tsvector as exact),
    m as materialized (
      select d.type, d.object_id, d.tenant_id, d.audiences, d.themes, d.departements, d.epcis, d.title, d.published_at,
        ${OPEN_NOW} as open_now, ${CLOSING_SOON} as closing_soon, ${flags},
        ${localFlag} as local, ${distance} as km, ${firstScore} as first_score
      from search_documents d cross join q
      where d.search @@ q.query and ${nearCondition(input.near)}
      limit ${sql.lit(COUNT_CAP + 1)}
    ),
    broad as materialized (select count(*) > ${sql.lit(COUNT_CAP)} as yes from m),
    wide as materialized (
      select d.type, d.object_id, d.title, d.published_at, ${localFlag} as local, ${distance} as km, ${firstScore} as first_score
      from search_documents d cross join q
      where (select yes from broad) and d.title_search @@ q.query and ${nearCondition(input.near)} and ${allOnDocument}
        and (d.type, d.object_id) not in (select m.type, m.object_id from m)
      limit ${sql.lit(COUNT_CAP)}
    ),
    filtered as materialized (
      select d.type, d.object_id, d.title, d.published_at, ${localFlag} as local, ${distance} as km, ${firstScore} as first_score
      from search_documents d cross join q
      where ${hasFilters(filters)}::boolean and (select yes from broad) and d.search @@ q.query and ${nearCondition(input.near)} and ${allOnDocument}
        and (d.type, d.object_id) not in (select m.type, m.object_id from m)
        and (d.type, d.object_id) not in (select wide.type, wide.object_id from wide)
      limit ${sql.lit(COUNT_CAP)}
    ),
    candidates as materialized (
      select m.type, m.object_id, m.title, m.published_at, m.local, m.km, m.first_score from m where ${all}
      union all
      select wide.type, wide.object_id, wide.title, wide.published_at, wide.local, wide.km, wide.first_score from wide
      union all
      select filtered.type, filtered.object_id, filtered.title, filtered.published_at, filtered.local, filtered.km, filtered.first_score from filtered
    ),
    firsts as materialized (
      select c.* from candidates c
      order by local desc, ${byDistance} first_score desc, published_at desc nulls last, title, object_id
      limit ${Math.max(RANKED, offset + PER_PAGE)}::int
    ),
    ranked as materialized (
      select f.type, f.object_id, f.local, f.km, f.published_at, f.title, f.first_rank,
        case when f.first_rank <= ${sql.lit(RANKED)} then (ts_rank(d.search, q.query, 1) + similarity(d.title_norm, q.words)) * ${factors} end as score
      from (
        select f.*, row_number() over (order by local desc, ${byDistance} first_score desc, published_at desc nulls last, title, object_id) as first_rank from firsts f
      ) f cross join q
      join search_documents d on d.type = f.type and d.object_id = f.object_id
    ),
    top as materialized (
      select r.*, row_number() over (order by first_rank > ${sql.lit(RANKED)}, local desc, ${byDistance} score desc nulls last,
        case when first_rank > ${sql.lit(RANKED)} then first_rank end, published_at desc nulls last, title, object_id) as position
      from ranked r
      order by position
      limit ${sql.lit(PER_PAGE)} offset ${offset}::int
    )
    select
      (select json_agg(json_build_array(${sql.raw(COUNTED)}, n)) from (select ${sql.raw(COUNTED)}, count(*)::int as n from m group by ${sql.raw(COUNTED)}) g) as counts,
      (select count(*)::int from candidates) as reachable,
      (select yes from broad) as broad,
      (select json_agg(h) from (
        select top.type, top.object_id, d.tenant_id, t.name as tenant_name, d.title, d.url, d.closes_on::text as closes_on, top.local, top.km,
          ts_headline('french_unaccent', d.extract_source, q.query, ${options}) as extract
        from top cross join q
        join search_documents d on d.type = top.type and d.object_id = top.object_id
        left join platform_tenants t on t.id = d.tenant_id
        order by top.position
      ) h) as hits`;
  const row = (await executePrepared(db, statement)).rows[0]!;
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
  const { counts, matches } = readCounts(countMatches(parse(row.counts), epciScope(filters, input.near?.codes)), filters);
  const capped = row.broad === true;
  // Broad: the results that can be shown (matches read and title matches, under every filter), at most COUNT_CAP.
  const total = capped ? Math.min(Number(row.reachable), COUNT_CAP) : Number(row.reachable);
  return { counts, total, matches, capped, hits };
}

/** Searches the index; `page` starts at 1 and a page past the end gives no hits (and the real count). */
export async function search(platformDb: Kysely<PlatformTables>, input: SearchInput): Promise<SearchOutcome> {
  const db = platformDb as unknown as Db;
  const query = cleanQuery(input.q);
  const filters = input.filters ?? noFilters();
  const empty: SearchOutcome = { query, corrected: undefined, someWords: false, total: 0, capped: false, page: input.page, pages: 0, hits: [], facets: readCounts([], filters).counts };
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
  return { query, corrected, someWords, total: found.total, capped: found.capped, page: input.page, pages, hits: found.hits, facets: found.counts };
}
