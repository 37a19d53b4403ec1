/**
 * The questionnaire's questions about facts: the words a person reads, and how an answer posted
 * by a form becomes part of the situation (or a French error next to the field).
 */
import { DIPLOMA_LEVELS, nafListed, nafText, STUDY_LEVELS } from '../aids';
import { ORGANISATION_TYPES, SITUATIONS } from '../profile';
import type { FactQuestion } from './facts';
import type { Situation } from './situation';

export interface FactQuestionDefinition {
  /** The question, short (the page's h1 and the legend). */
  label: string;
  hint?: string;
  /** Radio choices, or a text field of this kind. */
  options?: Array<{ value: string; label: string }>;
  input?: 'date' | 'integer' | 'euros' | 'naf';
  /** The short name of the fact in the summary of answers. */
  short: string;
}

const yesNo = [
  { value: 'oui', label: 'Oui' },
  { value: 'non', label: 'Non' },
];
const choices = (record: Record<string, string>) => Object.entries(record).map(([value, label]) => ({ value, label: label.charAt(0).toUpperCase() + label.slice(1) }));

export const QUESTIONS: Record<Exclude<FactQuestion, 'commune'>, FactQuestionDefinition> & { commune: FactQuestionDefinition } = {
  demandeur: {
    label: 'Pour qui cherchez-vous des aides ?',
    hint: 'Une personne peut chercher pour elle et son foyer, ou pour une organisation dont elle s’occupe.',
    options: [
      { value: 'particulier', label: 'Pour moi et mon foyer' },
      { value: 'organisation', label: 'Pour une organisation : association, entreprise, commune…' },
    ],
    short: 'Pour qui',
  },
  commune: { label: 'Dans quelle commune habitez-vous ?', hint: 'Indiquez le code postal ou le nom de la commune, par exemple 35000 ou Rennes.', short: 'Commune' },
  age: { label: 'Quelle est votre date de naissance ?', hint: 'Par exemple 14/07/2006.', input: 'date', short: 'Date de naissance' },
  situation: { label: 'Quelle est votre situation ?', hint: 'Choisissez celle qui vous décrit le mieux aujourd’hui.', options: choices(SITUATIONS), short: 'Situation' },
  handicap: { label: 'Êtes-vous en situation de handicap ?', hint: 'Par exemple avec une reconnaissance de la MDPH.', options: yesNo, short: 'Handicap' },
  boursier: { label: 'Avez-vous une bourse d’études ?', hint: 'Bourse de collège, de lycée ou de l’enseignement supérieur (Crous).', options: yesNo, short: 'Bourse d’études' },
  annee_etude: {
    label: 'En quelle année d’études êtes-vous ?',
    options: [...choices(STUDY_LEVELS), { value: 'aucune', label: 'Je ne fais pas d’études' }],
    short: 'Année d’études',
  },
  diplome: { label: 'Quel est votre diplôme le plus élevé ?', options: choices(DIPLOMA_LEVELS), short: 'Diplôme' },
  enfants: { label: 'Combien d’enfants avez-vous à charge ?', hint: 'Écrivez 0 si vous n’en avez pas.', input: 'integer', short: 'Enfants à charge' },
  quotient_familial: {
    label: 'Quel est votre quotient familial, par mois ?',
    hint: 'Il est écrit sur votre attestation de la CAF ou de la MSA. En euros, par exemple 650.',
    input: 'euros',
    short: 'Quotient familial (par mois)',
  },
  revenu_fiscal_par_part: {
    label: 'Quel est votre revenu fiscal de référence par part, par an ?',
    hint: 'Sur votre avis d’impôt : le revenu fiscal de référence divisé par le nombre de parts. En euros, par exemple 14000.',
    input: 'euros',
    short: 'Revenu fiscal par part (par an)',
  },
  revenu_fiscal: { label: 'Quel est le revenu fiscal de référence de votre foyer, par an ?', hint: 'Il est écrit sur votre avis d’impôt. En euros.', input: 'euros', short: 'Revenu fiscal (par an)' },
  ressources_mensuelles: { label: 'Quelles sont les ressources de votre foyer, par mois ?', hint: 'Salaires, allocations et pensions, en euros.', input: 'euros', short: 'Ressources (par mois)' },
  organisation_type: { label: 'Pour quel type d’organisation faites-vous la demande ?', options: choices(ORGANISATION_TYPES), short: 'Type d’organisation' },
  organisation_naf: { label: 'Quelle est l’activité principale de votre organisation ?', hint: 'Choisissez la plus proche dans la liste.', input: 'naf', short: 'Activité' },
  organisation_effectif: { label: 'Combien de salariés a votre organisation ?', hint: 'Écrivez 0 s’il n’y en a pas.', input: 'integer', short: 'Salariés' },
};

/** A question's words for this situation: an organisation is asked where it is, not where it lives. */
export function factLabel(id: FactQuestion, s: Situation): string {
  if (id === 'commune' && s.demandeur === 'organisation') return 'Dans quelle commune se trouve votre organisation ?';
  return QUESTIONS[id].label;
}

/** Whether the situation already answers a fact question. */
export function isAnswered(s: Situation, id: FactQuestion): boolean {
  switch (id) {
    case 'age':
      return s.age !== undefined || s.date_naissance !== undefined;
    case 'organisation_type':
      return s.organisation?.type !== undefined;
    case 'organisation_naf':
      return s.organisation?.naf !== undefined;
    case 'organisation_effectif':
      return s.organisation?.effectif !== undefined;
    default:
      return s[id] !== undefined;
  }
}

/** The current answer, as the form shows it. */
export function currentValue(s: Situation, id: FactQuestion): string {
  switch (id) {
    case 'age':
      return s.date_naissance ?? '';
    case 'handicap':
    case 'boursier':
      return s[id] === undefined ? '' : s[id] ? 'oui' : 'non';
    case 'organisation_type':
      return s.organisation?.type ?? '';
    case 'organisation_naf':
      return s.organisation?.naf ?? '';
    case 'organisation_effectif':
      return s.organisation?.effectif === undefined ? '' : String(s.organisation.effectif);
    default: {
      const v = s[id];
      return v === undefined ? '' : String(v);
    }
  }
}

/** The answer in words, for the summary (« 19 ans », « Oui »…). */
export function answerText(s: Situation, id: FactQuestion, communeName?: string): string {
  const value = currentValue(s, id);
  const def = QUESTIONS[id];
  if (id === 'commune') return communeName ?? s.commune ?? '';
  if (id === 'organisation_naf' && value) return `${nafText(value).charAt(0).toUpperCase()}${nafText(value).slice(1)}`;
  if (id === 'age') return s.date_naissance ? s.date_naissance.split('-').reverse().join('/') : s.age !== undefined ? `${s.age} ans` : '';
  if (def.options) return def.options.find((o) => o.value === value)?.label ?? value;
  if (def.input === 'euros') return `${value} €`;
  return value;
}

export type ParsedAnswer = { ok: true; situation: Situation } | { ok: false; error: string };

function parseDate(value: string): string | undefined {
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return undefined;
  const text = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? text : undefined;
}

/** Reads the posted answer to a fact question (not the commune: the routes resolve it). */
export function parseAnswer(id: Exclude<FactQuestion, 'commune'>, raw: string, s: Situation, today: string): ParsedAnswer {
  const value = raw.trim();
  const def = QUESTIONS[id];
  const next: Situation = { ...s, organisation: s.organisation ? { ...s.organisation } : undefined };
  if (next.organisation === undefined) delete next.organisation;
  if (def.options) {
    if (!def.options.some((o) => o.value === value)) return { ok: false, error: 'Choisissez une réponse dans la liste.' };
    if (id === 'handicap' || id === 'boursier') next[id] = value === 'oui';
    else if (id === 'organisation_type') next.organisation = { ...next.organisation, type: value as never };
    else (next as Record<string, unknown>)[id] = value;
    return { ok: true, situation: next };
  }
  if (id === 'age') {
    if (!value) return { ok: false, error: 'Indiquez votre date de naissance, par exemple 14/07/2006.' };
    const date = parseDate(value);
    if (!date) return { ok: false, error: 'Cette date n’est pas valide : écrivez-la comme 14/07/2006.' };
    if (date > today) return { ok: false, error: 'Cette date est dans le futur.' };
    if (Number(today.slice(0, 4)) - Number(date.slice(0, 4)) > 130) return { ok: false, error: 'Cette date est trop ancienne.' };
    next.date_naissance = date;
    delete next.age;
    return { ok: true, situation: next };
  }
  if (id === 'organisation_naf') {
    const activity = nafListed(value);
    if (!activity) return { ok: false, error: 'Choisissez l’activité de votre organisation dans la liste.' };
    next.organisation = { ...next.organisation, naf: activity.code };
    return { ok: true, situation: next };
  }
  const number = value.replace(/\s/g, '').replace(',', '.').replace(/€$/, '');
  if (!number) return { ok: false, error: 'Indiquez un nombre.' };
  if (def.input === 'integer') {
    if (!/^\d{1,6}$/.test(number)) return { ok: false, error: 'Indiquez un nombre entier, par exemple 2.' };
    const n = Number(number);
    if (id === 'enfants') {
      if (n > 30) return { ok: false, error: 'Ce nombre semble trop grand.' };
      next.enfants = n;
    } else next.organisation = { ...next.organisation, effectif: n };
    return { ok: true, situation: next };
  }
  if (!/^\d{1,9}(?:\.\d{1,2})?$/.test(number)) return { ok: false, error: 'Indiquez un montant en euros, par exemple 650.' };
  (next as Record<string, unknown>)[id] = Number(number);
  return { ok: true, situation: next };
}
