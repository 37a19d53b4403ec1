/**
 * Singular and plural alike. The French Snowball stemmer keeps a final « s » after a, i, o, u
 * (and è) and a final « x » after « eu »: « vélos » gives the lexeme `velos` but « vélo » gives
 * `velo`, « pneus » ≠ « pneu », « jeux » ≠ « jeu ». Accents are not the cause: `french_unaccent`
 * removes them before stemming, on the documents and on the queries alike. So each query word is
 * searched with its other number too: « velos » matches `velos` or `velo`.
 */
import { sql, type RawBuilder } from 'kysely';

/** The other number of a word (without accents, lower case) when the stemmer would keep them apart. */
export function otherForms(word: string): string[] {
  if (word.length < 3 || /\p{N}/u.test(word)) return [];
  if (word.length >= 4 && /[aiou]s$/.test(word)) return [word.slice(0, -1)]; // velos → velo, pneus → pneu
  if (/eux$/.test(word)) return [word.slice(0, -1)]; // jeux → jeu
  if (/(eu|au)$/.test(word)) return [`${word}x`]; // jeu → jeux
  if (/[aiou]$/.test(word)) return [`${word}s`]; // velo → velos
  return [];
}

function wordQuery(word: string): RawBuilder<unknown> {
  return sql`to_tsquery('french_unaccent', ${word})`;
}

/**
 * The tsquery of the words, joined by AND (`all`) or OR; each word OR its other number. The words
 * are letters and digits only (queryWords), so none can be tsquery syntax. A stop word (« vous »)
 * gives an empty query and keeps it empty: its other form (« vou ») is not added.
 */
export function wordsTsquery(words: string[], all: boolean): RawBuilder<unknown> {
  const parts = words.map((word) => {
    const forms = otherForms(word);
    const base = wordQuery(word);
    if (forms.length === 0) return base;
    const others = sql.join(forms.map(wordQuery), sql` || `);
    return sql`(${base} || (case when numnode(${base}) > 0 then ${others} else ''::tsquery end))`;
  });
  return sql`(${sql.join(parts, all ? sql` && ` : sql` || `)})`;
}
