/**
 * An authority's name inside a French sentence: « la Région Bretagne va examiner… », « le
 * Département du Finistère », « l’Agglomération… », but « Brest métropole » or « Rennes » alone.
 * The article follows the name's first word (the kind of body it names); a name that starts with
 * a place has none.
 */
const FEMININE = new Set(['région', 'ville', 'commune', 'communauté', 'métropole', 'collectivité', 'mairie', 'préfecture', 'caisse', 'mission', 'maison']);
const MASCULINE = new Set(['département', 'conseil', 'syndicat', 'pays', 'centre', 'service', 'pôle', 'point', 'ministère']);
const ELIDED = new Set(['agglomération', 'eurométropole', 'établissement', 'office', 'agence', 'état']);

/** The article that goes before the name (« la », « le », « l’ » or nothing). */
export function articleOf(name: string): '' | 'la ' | 'le ' | 'l’' {
  const first = (name.trim().split(/[\s'’-]/)[0] ?? '').toLocaleLowerCase('fr');
  if (ELIDED.has(first)) return 'l’';
  if (FEMININE.has(first)) return 'la ';
  if (MASCULINE.has(first)) return 'le ';
  return '';
}

/** « la Région Bretagne », « le Département du Finistère », « Brest métropole ». */
export function withArticle(name: string): string {
  return `${articleOf(name)}${name}`;
}

/** The same at the start of a sentence: « La Région Bretagne », « Brest métropole ». */
export function sentenceSubject(name: string): string {
  const phrase = withArticle(name);
  return phrase.charAt(0).toLocaleUpperCase('fr') + phrase.slice(1);
}
