/**
 * Acronyms and everyday words (issue 13, point 3): « rsa » also finds « revenu de solidarité
 * active », « carte grise » also finds « certificat d'immatriculation ». The list lives in
 * `search_synonyms` (platform defaults from migration 0190, extended in the back office) and is
 * kept in memory per database handle until the change feed says the table changed, on this
 * instance or another (platform/db/changes.ts).
 *
 * The query's words are matched against each entry's term (and, for an entry that works both
 * ways, against its equivalents too); a matched span becomes « the words as typed OR each
 * equivalent », every other word stays as it was. Without a match the tsquery is exactly the one
 * of the words alone.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';
import { normaliseWord } from '../../platform/search';
import { otherForms, wordsTsquery } from './word-forms';

export interface SynonymsTable {
  id: string;
  tenant_id: string | null;
  term: string;
  term_key: string;
  equivalents: string[];
  two_way: boolean;
  created_at: Date;
  updated_at: Date;
}

export type SynonymTables = { search_synonyms: SynonymsTable };

/** Articles and prepositions left out when phrases are compared: « caisse allocations familiales » matches « caisse d'allocations familiales ». */
const LINK_WORDS = new Set(['a', 'au', 'aux', 'd', 'de', 'des', 'du', 'en', 'et', 'l', 'la', 'le', 'les', 'pour', 'un', 'une']);
/** At most this many equivalents are added for one matched span. */
const MAX_ALTERNATIVES = 8;

/** The words of a text as the search sees them: lower case, without accents, letters and digits only. */
export function phraseWords(text: string): string[] {
  return normaliseWord(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The form a term is stored and compared under (`term_key`): « Carte grise » → « carte grise ». */
export function termKey(text: string): string {
  return phraseWords(text).join(' ');
}

const matchKey = (words: string[]) => words.filter((w) => !LINK_WORDS.has(w)).join(' ');

export interface SynonymEntry {
  tenantId: string | null;
  term: string;
  equivalents: string[];
  twoWay: boolean;
}

/** For one search: what a span of content words (joined by spaces) may also be, each alternative as words. */
export type SynonymTable = ReadonlyMap<string, string[][]>;

/** Every entry of the platform and of every tenant; `for(tenant)` gives the table a search from that space uses. */
export class SynonymList {
  private readonly tables = new Map<string, SynonymTable>();

  constructor(readonly entries: readonly SynonymEntry[]) {}

  /** The platform's entries, plus the tenant's own when the search is made from its space. */
  for(tenantId: string | undefined): SynonymTable {
    const key = tenantId ?? '';
    let table = this.tables.get(key);
    if (!table) {
      table = buildTable(this.entries.filter((e) => e.tenantId === null || (tenantId !== undefined && e.tenantId === tenantId)));
      this.tables.set(key, table);
    }
    return table;
  }
}

function buildTable(entries: readonly SynonymEntry[]): SynonymTable {
  const table = new Map<string, string[][]>();
  const add = (from: string[], alternatives: string[][]) => {
    const key = matchKey(from);
    if (!key) return;
    const list = table.get(key) ?? [];
    for (const alternative of alternatives) {
      const alternativeKey = matchKey(alternative);
      if (!alternativeKey || alternativeKey === key || list.some((a) => matchKey(a) === alternativeKey)) continue;
      list.push(alternative);
    }
    if (list.length) table.set(key, list);
  };
  for (const entry of entries) {
    const term = phraseWords(entry.term);
    const equivalents = entry.equivalents.map(phraseWords).filter((w) => w.length > 0);
    add(term, equivalents);
    // A one-word term in its other number too (« vélos » as « vélo »): singular and plural find the same.
    if (term.length === 1) for (const form of otherForms(term[0]!)) add([form], equivalents);
    if (entry.twoWay) for (const equivalent of equivalents) add(equivalent, [term, ...equivalents]);
  }
  return table;
}

/** One position of the query: its alternatives, the first being the words as typed. */
export type WordGroup = string[][];

/** Cuts the words into groups: the longest spans that are a term (or a two-way equivalent) get their alternatives. */
export function expandWords(words: readonly string[], table: SynonymTable): WordGroup[] {
  const groups: WordGroup[] = [];
  if (table.size === 0) return words.map((w) => [[w]]);
  let longest = 0;
  for (const key of table.keys()) longest = Math.max(longest, key.split(' ').length);
  // Positions of the content words, so that a span may hold articles in between.
  const content = words.map((w, i) => ({ w, i })).filter((x) => !LINK_WORDS.has(x.w));
  let next = 0; // first word of `words` not yet in a group
  for (let k = 0; k < content.length; ) {
    let matched = 0;
    for (let n = Math.min(longest, content.length - k); n > 0 && !matched; n--) {
      if (table.has(content.slice(k, k + n).map((x) => x.w).join(' '))) matched = n;
    }
    if (!matched) {
      k++;
      continue;
    }
    const start = content[k]!.i;
    const end = content[k + matched - 1]!.i + 1;
    for (let i = next; i < start; i++) groups.push([[words[i]!]]);
    const alternatives = table.get(content.slice(k, k + matched).map((x) => x.w).join(' '))!.slice(0, MAX_ALTERNATIVES);
    groups.push([words.slice(start, end), ...alternatives]);
    next = end;
    k += matched;
  }
  for (let i = next; i < words.length; i++) groups.push([[words[i]!]]);
  return groups;
}

/**
 * The tsquery of the words joined by AND (`all`) or OR, each matched span widened to its
 * equivalents. The words are letters and digits only: nothing the person typed is tsquery syntax.
 */
export function synonymTsquery(words: readonly string[], all: boolean, table: SynonymTable): RawBuilder<unknown> {
  const groups = expandWords(words, table);
  if (groups.every((g) => g.length === 1)) return wordsTsquery([...words], all);
  // Each alternative as the words alone are searched (both numbers, word-forms.ts), its words joined by AND.
  const plain = (alternative: string[]) => wordsTsquery(alternative, true);
  const parts = groups.map((g) => (g.length === 1 ? plain(g[0]!) : sql`(${sql.join(g.map(plain), sql` || `)})`));
  return sql`(${sql.join(parts, all ? sql` && ` : sql` || `)})`;
}

type Db = Kysely<SynonymTables>;

async function load(db: Db): Promise<SynonymList> {
  const rows = await db.selectFrom('search_synonyms').select(['tenant_id', 'term', 'equivalents', 'two_way']).orderBy('term_key').execute();
  return new SynonymList(rows.map((r) => ({ tenantId: r.tenant_id, term: r.term, equivalents: r.equivalents, twoWay: r.two_way })));
}

const kept = new WeakMap<object, { version: string; list: Promise<SynonymList> }>();

/**
 * The list, read once per version of `search_synonyms`: a change made here or on another
 * instance is seen by the next search. Without a live change feed (a transaction, a lost
 * listening connection) it is read every time.
 */
export function synonymsOf(platformDb: object): Promise<SynonymList> {
  const db = platformDb as Db;
  const feed = changeFeedOf(platformDb);
  if (!feed?.live) return load(db);
  const version = feed.version(['search_synonyms']);
  const current = kept.get(platformDb);
  if (current && current.version === version) return current.list;
  const entry = { version, list: load(db) };
  kept.set(platformDb, entry);
  entry.list.catch(() => {
    if (kept.get(platformDb) === entry) kept.delete(platformDb);
  });
  return entry.list;
}
