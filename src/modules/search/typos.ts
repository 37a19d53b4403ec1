/**
 * Typo correction against the dictionary of indexed words (`search_words`), kept in memory: the
 * words and their trigrams are read once and read again only when `search_words` changes on any
 * instance (change feed). While the feed is not live, the same choice is made in SQL (pg_trgm).
 * Candidates are the 8 words of highest trigram similarity (pg_trgm's `%`: ≥ 0.3), the edit
 * distance (a swap of two neighbour letters counts once) picks among them.
 */
import { sql, type Kysely } from 'kysely';
import { changeFeedOf } from '../../platform/db/changes';

const SIMILARITY_THRESHOLD = 0.3;
const CANDIDATES = 8;

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

/** pg_trgm's trigrams of one word: padded with two spaces before and one after, distinct. */
export function trigrams(word: string): string[] {
  const padded = `  ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

class Dictionary {
  readonly known: Set<string>;
  private readonly byTrigram = new Map<string, number[]>();
  private readonly sizes: Uint16Array;

  constructor(private readonly words: string[]) {
    this.known = new Set(words);
    this.sizes = new Uint16Array(words.length);
    words.forEach((word, i) => {
      const grams = trigrams(word);
      this.sizes[i] = grams.length;
      for (const g of grams) {
        let list = this.byTrigram.get(g);
        if (!list) this.byTrigram.set(g, (list = []));
        list.push(i);
      }
    });
  }

  /** The words of highest trigram similarity, as `word % x order by similarity desc, word limit 8`. */
  candidates(word: string): string[] {
    const grams = trigrams(word);
    const shared = new Map<number, number>();
    for (const g of grams) for (const i of this.byTrigram.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    const scored: Array<{ word: string; similarity: number }> = [];
    for (const [i, n] of shared) {
      const similarity = n / (grams.length + this.sizes[i]! - n);
      if (similarity >= SIMILARITY_THRESHOLD) scored.push({ word: this.words[i]!, similarity });
    }
    // Same order as pg_trgm's float4 similarity, then the word (C collation order of the index).
    scored.sort((a, b) => Math.fround(b.similarity) - Math.fround(a.similarity) || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0));
    return scored.slice(0, CANDIDATES).map((s) => s.word);
  }
}

const dictionaries = new WeakMap<object, { version: string; dictionary: Promise<Dictionary> }>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function dictionaryOf(db: Kysely<any>): Promise<Dictionary | undefined> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return undefined;
  const version = feed.version(['search_words']);
  let kept = dictionaries.get(db);
  if (!kept || kept.version !== version) {
    const dictionary = sql<{ word: string }>`select word from search_words`.execute(db).then((r) => new Dictionary(r.rows.map((row) => row.word)));
    kept = { version, dictionary };
    dictionaries.set(db, kept);
    dictionary.catch(() => dictionaries.delete(db));
  }
  return kept.dictionary;
}

function closest(word: string, candidates: string[]): string {
  const best = candidates
    .map((c, rank) => ({ word: c, distance: editDistance(word, c), rank }))
    .sort((a, b) => a.distance - b.distance || a.rank - b.rank)[0];
  return best && best.distance <= (word.length <= 5 ? 1 : 2) ? best.word : word;
}

/** Each word not in the dictionary replaced by the closest indexed word, when one is close enough. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function correctWords(db: Kysely<any>, words: string[]): Promise<string[]> {
  const dictionary = await dictionaryOf(db);
  const out: string[] = [];
  for (const word of words) {
    if (word.length < 3 || /^\p{N}+$/u.test(word)) {
      out.push(word);
    } else if (dictionary) {
      out.push(dictionary.known.has(word) ? word : closest(word, dictionary.candidates(word)));
    } else {
      const known = await sql<{ word: string }>`select word from search_words where word = ${word}`.execute(db);
      if (known.rows.length) {
        out.push(word);
        continue;
      }
      const candidates = await sql<{ word: string }>`
        select word from search_words where word % ${word}
        order by similarity(word, ${word}) desc, word limit ${CANDIDATES}`.execute(db);
      out.push(closest(word, candidates.rows.map((c) => c.word)));
    }
  }
  return out;
}
