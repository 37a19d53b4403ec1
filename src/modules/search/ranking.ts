/**
 * Ranking factors beyond text relevance, multiplied into the score of `query.ts`:
 * - each type's `weight` (its SearchSource), e.g. national service-public.fr sheets at 0.8 so that
 *   the Région's and its authorities' own objects come first at equal relevance;
 * - fresh news first: an `actualite` published today counts double, the boost halving every 30 days
 *   (×1.5 at 30 days, ×1.125 at 90 days, nothing left after a year to speak of);
 * - a title that is the query itself (the same stemmed words once stop words are dropped: « Carte
 *   d'identité » for « carte identite ») counts double: « title and exact phrase first ».
 */
import { sql, type RawBuilder } from 'kysely';
import { searchSources } from './sources';

export const FRESH_NEWS_TYPE = 'actualite';
/** The extra weight of news published today (1 = counts double). */
export const FRESH_NEWS_BOOST = 1;
/** Days after which the freshness boost is halved. */
export const FRESH_NEWS_HALF_LIFE_DAYS = 30;

/**
 * The factor for document alias `d` of search_documents, as an SQL expression; `exact` is the
 * stripped vector of the searched words (`strip(to_tsvector('french_unaccent', words))`), compared
 * with the stored title vector (`title_search`, migration 0221) rather than parsing each title again.
 */
export function rankFactor(exact: RawBuilder<unknown>): RawBuilder<number> {
  const weighted = searchSources.filter((s) => s.weight !== undefined && s.weight !== 1);
  const typeWeight = weighted.length
    ? sql`(case ${sql.join(weighted.map((s) => sql`when d.type = ${s.type} then ${s.weight}::double precision`), sql` `)} else 1 end)`
    : sql`1`;
  const age = sql`greatest(extract(epoch from (now() - d.published_at)) / 86400.0, 0)`;
  const fresh = sql`(case when d.type = ${FRESH_NEWS_TYPE} and d.published_at is not null
    then 1 + ${FRESH_NEWS_BOOST}::double precision * power(0.5, (${age} / ${FRESH_NEWS_HALF_LIFE_DAYS}::double precision)::double precision)
    else 1 end)`;
  const exactTitle = sql`(case when strip(d.title_search) = ${exact} then 2 else 1 end)`;
  return sql<number>`(${typeWeight} * ${fresh} * ${exactTitle})`;
}
