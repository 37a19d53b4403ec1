/**
 * Plain French from an aid's structured data: the conditions tree as nested sentences, the
 * amount, the territory. Pure functions, used by the pages, the export and (next) the engine.
 */
import {
  CONDITION_SITUATIONS,
  DIPLOMA_LEVELS,
  INCOME_BASES,
  STUDY_LEVELS,
  type Amount,
  type Condition,
  type ResidenceCondition,
  type Territory,
} from './format';
import { formatEuros, formatNumber } from '../../platform/views/format';
import { nafText } from './naf';

export interface Sentence {
  text: string;
  /** The condition cannot be checked by Guichet: the person is asked. */
  toCheck?: boolean;
  /** Information only (a non-blocking text): to check on the official page, never decides. */
  info?: boolean;
  children?: Sentence[];
}

export { formatEuros };

/** An organisation's kind as a sentence says it (« être une association »), never its stored value. */
const ORGANISATION_KIND_WORDS: Record<string, string> = {
  entreprise: 'une entreprise',
  association: 'une association',
  commune: 'une commune ou une intercommunalité',
  etablissement_public: 'un établissement public',
};

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

function residence(c: ResidenceCondition): string {
  const names = c.codes.map((code, i) => c.names?.[i] ?? code);
  const many = names.length > 1;
  switch (c.level) {
    case 'region':
      return names.length === 1 && c.codes[0] === '53' ? 'Habiter en Bretagne' : `Habiter dans la région ${orList(names)}`;
    case 'departement':
      return many
        ? `Habiter dans l’un de ces départements : ${names.map((n, i) => `${n} (${c.codes[i]})`).join(', ')}`
        : `Habiter dans le département ${names[0]} (${c.codes[0]})`;
    case 'epci':
      return many ? `Habiter dans l’une de ces intercommunalités : ${names.join(', ')}` : `Habiter sur le territoire de ${names[0]}`;
    case 'commune':
      return many ? `Habiter dans l’une de ces communes : ${names.join(', ')}` : `Habiter à ${names[0]}`;
  }
}

/** One condition in plain words, with its parts when it combines others. */
export function explainCondition(c: Condition): Sentence {
  switch (c.type) {
    case 'all':
      return { text: 'Remplir toutes ces conditions :', children: c.conditions.map(explainCondition) };
    case 'any':
      return { text: 'Remplir au moins une de ces conditions :', children: c.conditions.map(explainCondition) };
    case 'not': {
      const inner = explainCondition(c.condition);
      if (!inner.children && c.condition.type === 'residence') return { text: inner.text.replace(/^Habiter/, 'Ne pas habiter') };
      return { text: 'Ne pas être dans ce cas :', children: [inner] };
    }
    case 'age':
      if (c.min !== undefined && c.max !== undefined) return { text: c.min === c.max ? `Avoir ${c.min} ans` : `Avoir entre ${c.min} et ${c.max} ans` };
      if (c.min !== undefined) return { text: `Avoir ${c.min} ans ou plus` };
      return { text: `Avoir ${c.max ?? 0} ans ou moins` };
    case 'residence':
      return { text: residence(c) };
    case 'situation':
      return { text: `Être dans cette situation : ${orList(c.values.map((v) => CONDITION_SITUATIONS[v].toLowerCase()))}` };
    case 'income':
      return { text: `Avoir un ${INCOME_BASES[c.basis]} de ${formatEuros(c.max)} ${c.period === 'month' ? 'par mois' : 'par an'} au plus` };
    case 'boursier':
      return { text: 'Avoir une bourse d’études (être boursier ou boursière)' };
    case 'study_level':
      return { text: `Être en ${orList(c.values.map((v) => STUDY_LEVELS[v]))}` };
    case 'diploma': {
      if (c.min && c.max) return { text: `Avoir un diplôme entre le niveau « ${DIPLOMA_LEVELS[c.min]} » et le niveau « ${DIPLOMA_LEVELS[c.max]} »` };
      if (c.min) return { text: `Avoir au moins le niveau « ${DIPLOMA_LEVELS[c.min]} »` };
      return { text: `Ne pas avoir de diplôme au-delà du niveau « ${DIPLOMA_LEVELS[c.max ?? 'sans']} »` };
    }
    case 'household':
      return { text: (c.children_min ?? 1) <= 1 ? 'Avoir au moins un enfant à charge' : `Avoir au moins ${c.children_min} enfants à charge` };
    case 'organisation': {
      const parts = [
        c.kinds ? `être ${orList(c.kinds.map((k) => ORGANISATION_KIND_WORDS[k] ?? k))}` : '',
        c.naf ? `avoir une activité parmi : ${c.naf.map(nafText).join(' ; ')}` : '',
        c.headcount_min !== undefined ? (c.headcount_min === 1 ? 'avoir au moins un salarié' : `avoir au moins ${c.headcount_min} salariés`) : '',
        c.headcount_max !== undefined ? (c.headcount_max <= 1 ? `avoir au plus ${c.headcount_max} salarié` : `avoir au plus ${c.headcount_max} salariés`) : '',
      ].filter(Boolean);
      return { text: `Pour une organisation : ${parts.join(', ')}` };
    }
    case 'text':
      return c.blocking === false ? { text: c.text, info: true } : { text: c.text, toCheck: true };
  }
}

/** The rule as a list of sentences (the top-level "all" is the list itself). */
export function explainEligibility(c: Condition): Sentence[] {
  return c.type === 'all' ? c.conditions.map(explainCondition) : [explainCondition(c)];
}

const PERIODS = { once: 'une fois', month: 'par mois', year: 'par an', other: '' } as const;

/** "200 € par mois au maximum", "de 100 à 500 €", "20 % …". */
export function formatAmount(amount: Amount): string {
  const figure = (n: number) => (amount.unit === '€' ? formatEuros(n) : `${formatNumber(n)}\u00a0%`);
  let text: string;
  if (amount.value !== undefined) text = figure(amount.value);
  else if (amount.min !== undefined && amount.max !== undefined) text = `de ${figure(amount.min).replace(/ [€%]$/, '')} à ${figure(amount.max)}`;
  else if (amount.max !== undefined) text = `jusqu’à ${figure(amount.max)}`;
  else text = `au moins ${figure(amount.min ?? 0)}`;
  return [text, PERIODS[amount.period], amount.note ?? ''].filter(Boolean).join(' ');
}

export function describeTerritory(territory: Territory): string {
  if (territory.scope === 'national') return 'Toute la France';
  return territory.areas.map((a) => (a.level === 'departement' ? `${a.name} (${a.code})` : a.name)).join(', ');
}
