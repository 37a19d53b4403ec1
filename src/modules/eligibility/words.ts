/**
 * The engine's words (engine.ts, compile.ts): lists, names of places with their article, age
 * ranges, periods. Pure functions of the rule or of the person's facts.
 */
import { CONDITION_SITUATIONS, type ResidenceCondition } from '../aids';
import type { Place, Requester } from './facts';

export function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** « de Rennes », « du Relecq-Kerhuon », « d’Auray », « des Fougerêts ». */
export function deName(name: string): string {
  if (/^Le /.test(name)) return `du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÎÔÂH]/i.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** Départements of Bretagne with their article; others are « du département X ». */
const DEPARTEMENT_OF: Record<string, string> = { '22': 'des Côtes-d’Armor', '29': 'du Finistère', '35': 'd’Ille-et-Vilaine', '56': 'du Morbihan' };

export function territoryOf(c: ResidenceCondition): string {
  const names = c.codes.map((code, i) => c.names?.[i] ?? code);
  switch (c.level) {
    case 'region':
      return orList(names.map((n) => deName(n)));
    case 'departement':
      return orList(c.codes.map((code, i) => DEPARTEMENT_OF[code] ?? `du département ${names[i]} (${code})`));
    case 'epci':
      return orList(names.map((n) => deName(n)));
    case 'commune':
      return orList(names.map((n) => deName(n)));
  }
}

/**
 * Where the requester is, made once per place: « Vous habitez Rennes (Ille-et-Vilaine) » for a
 * person, « Votre organisation est à Brest (Finistère) » for an organisation.
 */
const placeTexts = new WeakMap<Place, string>();
const organisationPlaceTexts = new WeakMap<Place, string>();
export function placeText(place: Place, requester?: Requester): string {
  const texts = requester === 'organisation' ? organisationPlaceTexts : placeTexts;
  let text = texts.get(place);
  if (text === undefined) {
    text = requester === 'organisation' ? `Votre organisation est à ${place.communeName} (${place.departementName})` : `Vous habitez ${place.communeName} (${place.departementName})`;
    texts.set(place, text);
  }
  return text;
}

/** Who an aid of a territory is for, in the requester's words: its inhabitants, or its organisations. */
export function territoryPeople(requester: Requester | undefined): string {
  return requester === 'organisation' ? 'organisations' : 'habitants';
}

export function ageRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return min === max ? `aux personnes de ${min} ans` : `aux ${min}–${max} ans`;
  if (min !== undefined) return `aux personnes de ${min} ans ou plus`;
  return `aux personnes de ${max ?? 0} ans ou moins`;
}

export const PER = { month: 'par mois', year: 'par an' } as const;

export function situationLabel(value: keyof typeof CONDITION_SITUATIONS): string {
  return lower(CONDITION_SITUATIONS[value]);
}

export function count(n: number, word: string): string {
  return n === 0 ? `pas d’${word}` : `${n} ${word}${n > 1 ? 's' : ''}`;
}
