/**
 * Facets of the one search (issue 13, point 4): type of object, authority, territory (the
 * départements of the objects that have a territory or a place), audience, theme and dates, combinable and kept in the URL (`type=aide&type=page&public=jeune&dates=ouvert…`).
 * Values of one facet are joined by OR, facets by AND; each facet's counts are those of the
 * results filtered by every other facet, so a person sees what ticking one more box would give.
 */
import { sql, type RawBuilder } from 'kysely';
import { departementOfCommune, departementsOfEpci, epciFilterKeys, epcisOfDepartement } from '../../platform/search';

export const FACETS = ['type', 'autorite', 'territoire', 'epci', 'public', 'theme', 'dates'] as const;
export type Facet = (typeof FACETS)[number];
export type Filters = Record<Facet, string[]>;

export const FACET_LABELS: Record<Facet, string> = {
  type: 'Type',
  autorite: 'Collectivité',
  territoire: 'Territoire',
  epci: 'Intercommunalité',
  public: 'Public',
  theme: 'Thème',
  dates: 'Dates',
};

export const DATE_LABELS: Record<string, string> = {
  ouvert: 'Ouvert aujourd’hui',
  bientot: 'Se termine dans les 30 jours',
};

const VALUE = /^[\p{L}\p{N}_-]{1,60}$/u;

/** The filters of a query string: repeated parameters, harmless values only (others are dropped), at most 30 per facet. */
export function parseFilters(query: Record<string, unknown>): Filters {
  const filters = {} as Filters;
  for (const facet of FACETS) {
    const raw = query[facet];
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v): v is string => typeof v === 'string' && VALUE.test(v));
    filters[facet] = [...new Set(list)].slice(0, 30).sort();
  }
  filters.dates = filters.dates.filter((d) => d in DATE_LABELS);
  return filters;
}

export function hasFilters(filters: Filters): boolean {
  return FACETS.some((f) => filters[f].length > 0);
}

/** A stable text of the filters, for cache keys and links. */
export function filtersKey(filters: Filters): string {
  return FACETS.map((f) => `${f}=${filters[f].join(',')}`).join('&');
}

/** One bound parameter: the array itself. */
const array = (values: string[]) => sql`${values}::text[]`;

/** An object with a period (the aids, later events): open today when the period contains today. */
export const OPEN_NOW = sql<boolean>`((d.type = 'aide' or d.opens_on is not null or d.closes_on is not null)
  and (d.opens_on is null or d.opens_on <= current_date) and (d.closes_on is null or d.closes_on >= current_date))`;
export const CLOSING_SOON = sql<boolean>`(d.closes_on is not null and d.closes_on >= current_date and d.closes_on <= current_date + 30)`;

/**
 * True when the document `d` passes the facet's filter (true when nothing is ticked). The values
 * are one bound array, ticked or not, so that the statement's text is the same for every search
 * (query.ts prepares it once per connection).
 */
export function facetCondition(facet: Facet, values: string[]): RawBuilder<boolean> {
  const list = facet === 'epci' ? [...new Set(values.flatMap(epciFilterKeys))].sort() : values;
  const a = array(list);
  const none = sql`cardinality(${a}) = 0`;
  switch (facet) {
    case 'type':
      return sql<boolean>`(${none} or d.type = any(${a}))`;
    case 'autorite':
      return sql<boolean>`(${none} or d.tenant_id = any(${a}))`;
    case 'territoire':
      return sql<boolean>`(${none} or d.departements && ${a})`;
    case 'epci':
      return sql<boolean>`(${none} or d.epcis && ${a})`;
    case 'public':
      return sql<boolean>`(${none} or d.audiences && ${a})`;
    case 'theme':
      return sql<boolean>`(${none} or d.themes && ${a})`;
    case 'dates':
      return sql<boolean>`(${none} or ('ouvert' = any(${a}) and ${OPEN_NOW}) or ('bientot' = any(${a}) and ${CLOSING_SOON}))`;
  }
}

export interface FacetValue {
  value: string;
  count: number;
  selected: boolean;
}
export type FacetCounts = Record<Facet, FacetValue[]>;

/**
 * Matches alike as the search statement returns them for counting (`json_build_array` in
 * query.ts): type, authority, départements, audiences, themes, open today, closing soon, EPCI
 * keys, whether they pass each facet's filter (in the order of FACETS), then how many they are.
 */
export type MatchRow = [string, string | null, string[], string[], string[], boolean, boolean, string[], ...Array<boolean | number>];

/**
 * The EPCI whose counts are given: those of the départements ticked, of the commune searched near
 * (`communeCodes`) and of the EPCI ticked. Without any of them the « Intercommunalité » facet is
 * not counted (a région's object would count in each of its 61 EPCI for nothing shown).
 */
export function epciScope(filters: Filters, communeCodes: string[] = []): Set<string> {
  const departements = new Set([...filters.territoire, ...communeCodes.map(departementOfCommune), ...filters.epci.flatMap(departementsOfEpci)]);
  return new Set([...departements].flatMap(epcisOfDepartement));
}

/**
 * Counts, over the matches read (at most COUNT_CAP + 1 of them, query.ts), each facet's values
 * under the other facets' filters; plus `total` (every filter) and `matches` (no filter). In
 * JavaScript: the same counts in SQL were eight scans of the matches and most of the statement's
 * planning time on PGlite. Rows: facet, value, n (as `readCounts` reads them).
 */
export function countMatches(rows: MatchRow[], scope: Set<string> = new Set()): Array<{ facet: string; value: string | null; n: number }> {
  const tallies = new Map<string, number>();
  // `D29` in a document's EPCI keys: every EPCI of the scope in that département.
  const whole = new Map<string, string[]>();
  const epcisOf = (keys: string[]): Set<string> => {
    const out = new Set<string>();
    for (const key of keys) {
      if (!key.startsWith('D')) {
        if (scope.has(key)) out.add(key);
        continue;
      }
      let list = whole.get(key);
      if (!list) whole.set(key, (list = epcisOfDepartement(key.slice(1)).filter((e) => scope.has(e))));
      for (const e of list) out.add(e);
    }
    return out;
  };
  let weight = 1;
  const add = (facet: string, value: string | null) => {
    const key = `${facet}\u0000${value ?? ''}`;
    tallies.set(key, (tallies.get(key) ?? 0) + weight);
  };
  for (const row of rows) {
    const [type, tenantId, departements, audiences, themes, openNow, closingSoon, epcis] = row;
    const passes = FACETS.map((_, i) => row[8 + i] === true);
    weight = Number(row[8 + FACETS.length] ?? 1);
    const others = (facet: Facet) => passes.every((ok, i) => ok || FACETS[i] === facet);
    if (others('type')) add('type', type);
    if (others('autorite') && tenantId !== null) add('autorite', tenantId);
    if (others('territoire')) for (const value of new Set(departements)) add('territoire', value);
    if (scope.size > 0 && others('epci')) for (const value of epcisOf(epcis)) add('epci', value);
    if (others('public')) for (const value of new Set(audiences)) add('public', value);
    if (others('theme')) for (const value of new Set(themes)) add('theme', value);
    if (others('dates') && openNow) add('dates', 'ouvert');
    if (others('dates') && closingSoon) add('dates', 'bientot');
    if (passes.every(Boolean)) add('total', null);
    add('matches', null);
  }
  return [...tallies].map(([key, n]) => {
    const [facet, value] = key.split('\u0000') as [string, string];
    return { facet, value: facet === 'total' || facet === 'matches' ? null : value, n };
  });
}

/** Rows of `countMatches` → counts per facet (selected values always listed, most frequent first). */
export function readCounts(rows: Array<{ facet: string; value: string | null; n: number }>, filters: Filters): { counts: FacetCounts; total: number; matches: number } {
  const counts = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as FacetCounts;
  let total = 0;
  let matches = 0;
  for (const row of rows) {
    const n = Number(row.n);
    if (row.facet === 'total') total = n;
    else if (row.facet === 'matches') matches = n;
    else if (row.value !== null && (n > 0 || filters[row.facet as Facet].includes(row.value))) {
      counts[row.facet as Facet].push({ value: row.value, count: n, selected: filters[row.facet as Facet].includes(row.value) });
    }
  }
  for (const facet of FACETS) {
    for (const value of filters[facet]) if (!counts[facet].some((c) => c.value === value)) counts[facet].push({ value, count: 0, selected: true });
    const order = Object.keys(DATE_LABELS);
    counts[facet].sort((a, b) => (facet === 'dates' ? order.indexOf(a.value) - order.indexOf(b.value) : b.count - a.count || a.value.localeCompare(b.value)));
  }
  return { counts, total, matches };
}
