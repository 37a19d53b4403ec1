/**
 * The one search over `search_documents`: PostgreSQL full text (french stemming, accents ignored)
 * with a trigram dictionary of the indexed words to forgive typos. Same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { normaliseWord, type SearchTables } from '../../platform/search';
import { synonymsOf, synonymTsquery, type SynonymTable } from './synonyms';

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
}

type Db = Kysely<PlatformTables & SearchTables>;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2]![j - 2]! + 1);
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}

/** Each word not in the dictionary replaced by the closest indexed word, when one is close enough. */
async function correctWords(db: Db, words: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 3 || /^\p{N}+$/u.test(word)) {
      out.push(word);
      continue;
    }
    const known = await db.selectFrom('search_words').select('word').where('word', '=', word).executeTakeFirst();
    if (known) {
      out.push(word);
      continue;
    }
    // Trigrams find the candidates; the edit distance (a swap of two letters counts once) picks among them.
    const candidates = await sql<{ word: string }>`
      select word from search_words where word % ${word}
      order by similarity(word, ${word}) desc, word limit 8`.execute(db);
    const best = candidates.rows
      .map((c, rank) => ({ word: c.word, distance: editDistance(word, c.word), rank }))
      .sort((a, b) => a.distance - b.distance || a.rank - b.rank)[0];
    out.push(best && best.distance <= (word.length <= 5 ? 1 : 2) ? best.word : word);
  }
  return out;
}

/** A tsquery of the words joined by AND (`all`) or OR, acronyms and everyday words widened (synonyms.ts). */
function tsquery(words: string[], all: boolean, synonyms: SynonymTable) {
  return synonymTsquery(words, all, synonyms);
}

async function countMatches(db: Db, query: ReturnType<typeof tsquery>): Promise<number> {
  const row = await sql<{ n: string | number }>`select count(*) as n from search_documents where search @@ ${query}`.execute(db);
  return Number(row.rows[0]?.n ?? 0);
}

async function fetchHits(db: Db, query: ReturnType<typeof tsquery>, text: string, tenantId: string | undefined, offset: number): Promise<SearchHit[]> {
  const local = tenantId ?? '';
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "`;
  const rows = await sql<{
    type: string;
    object_id: string;
    tenant_id: string | null;
    tenant_name: string | null;
    title: string;
    url: string;
    extract: string;
    closes_on: string | null;
    local: boolean;
  }>`
    with q as (select ${query} as query)
    select d.type, d.object_id, d.tenant_id, t.name as tenant_name, d.title, d.url, d.closes_on::text as closes_on,
      (d.tenant_id is not null and d.tenant_id = ${local}) as local,
      ts_headline('french_unaccent', d.body, q.query, ${options}) as extract
    from search_documents d cross join q
    left join platform_tenants t on t.id = d.tenant_id
    where d.search @@ q.query
    order by
      (d.tenant_id is not null and d.tenant_id = ${local}) desc,
      ( ts_rank(d.search, q.query, 1)
        + similarity(immutable_unaccent(lower(d.title)), immutable_unaccent(lower(${text})))
      ) * (case when (d.closes_on is not null and d.closes_on < current_date) or (d.opens_on is not null and d.opens_on > current_date) then 0.5 else 1 end) desc,
      d.published_at desc nulls last, d.title, d.object_id
    limit ${PER_PAGE} offset ${offset}`.execute(db);
  return rows.rows.map((r) => ({
    type: r.type,
    objectId: r.object_id,
    tenantId: r.tenant_id,
    tenantName: r.tenant_name,
    title: r.title,
    url: r.url,
    extract: r.extract,
    closesOn: r.closes_on,
    local: r.local,
  }));
}

/** Searches the index; `page` starts at 1 and a page past the end gives no hits (and the real count). */
export async function search(platformDb: Kysely<PlatformTables>, input: { q: unknown; page: number; tenantId?: string | undefined; /** No typo correction: the words as typed. */ exact?: boolean }): Promise<SearchOutcome> {
  const db = platformDb as unknown as Db;
  const query = cleanQuery(input.q);
  const empty: SearchOutcome = { query, corrected: undefined, someWords: false, total: 0, page: input.page, pages: 0, hits: [] };
  const words = queryWords(query.text);
  if (words.length === 0) return empty;

  const synonyms = (await synonymsOf(platformDb)).for(input.tenantId);
  let searched = words;
  let corrected: string | undefined;
  let someWords = false;
  let total = await countMatches(db, tsquery(searched, true, synonyms));
  if (total === 0 && !input.exact) {
    const fixed = await correctWords(db, words);
    if (fixed.join(' ') !== words.join(' ')) {
      const fixedTotal = await countMatches(db, tsquery(fixed, true, synonyms));
      if (fixedTotal > 0) [searched, corrected, total] = [fixed, fixed.join(' '), fixedTotal];
    }
  }
  if (total === 0 && words.length > 1) {
    const fixed = corrected ? searched : input.exact ? words : await correctWords(db, words);
    total = await countMatches(db, tsquery(fixed, false, synonyms));
    if (total > 0) [searched, someWords] = [fixed, true];
  }
  const pages = Math.ceil(total / PER_PAGE);
  if (total === 0 || input.page > pages) return { ...empty, corrected, someWords, total, pages };
  const hits = await fetchHits(db, tsquery(searched, !someWords, synonyms), searched.join(' '), input.tenantId, (input.page - 1) * PER_PAGE);
  return { query, corrected, someWords, total, page: input.page, pages, hits };
}
