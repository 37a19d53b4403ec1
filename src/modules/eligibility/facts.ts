/**
 * What the engine knows about a person (or an organisation): partial facts. Every fact may be
 * missing; the engine then says which question would decide. Pure data, no I/O.
 */
import { createHash } from 'node:crypto';
import type { DiplomaLevel, IncomeBasis, StudyLevel, TextCondition } from '../aids';
import type { OrganisationType, Situation } from '../profile';

/** Where the person lives, resolved from the commune's COG code by the territory referential. */
export interface Place {
  commune: string;
  communeName: string;
  epci?: string | undefined;
  epciName?: string | undefined;
  departement: string;
  departementName: string;
  region: string;
  regionName: string;
}

/** An answer to a `text` condition: yes, no, or « je ne sais pas » (null: stays to check). */
export type TextAnswer = boolean | null;

/** Who the aids are searched for: the person (and their household), or an organisation they act for. */
export type Requester = 'particulier' | 'organisation';

export interface Facts {
  /** Undefined: not said, and nothing in the situation tells (see requesterOf). */
  requester?: Requester | undefined;
  age?: number | undefined;
  place?: Place | undefined;
  situation?: Situation | undefined;
  handicap?: boolean | undefined;
  /** Dependent children of the household. */
  children?: number | undefined;
  adults?: number | undefined;
  /**
   * Incomes by basis, each in its natural period: quotient familial and ressources per month,
   * revenu fiscal (par part) per year.
   */
  income?: Partial<Record<IncomeBasis, number>> | undefined;
  boursier?: boolean | undefined;
  /** « aucune »: not studying. */
  studyLevel?: StudyLevel | 'aucune' | undefined;
  diploma?: DiplomaLevel | undefined;
  organisation?: { kind?: OrganisationType | undefined; naf?: string | undefined; headcount?: number | undefined } | undefined;
  /** Answers to `text` conditions, by question id (see textQuestionId). */
  answers?: Record<string, TextAnswer> | undefined;
}

/** The natural period of each income basis (the question asks it this way). */
export const INCOME_PERIOD: Record<IncomeBasis, 'month' | 'year'> = {
  quotient_familial: 'month',
  ressources_mensuelles: 'month',
  revenu_fiscal: 'year',
  revenu_fiscal_par_part: 'year',
};

/** Questions about facts: their stable ids (also the API's field names where one exists). */
export const FACT_QUESTIONS = [
  'demandeur',
  'commune',
  'age',
  'situation',
  'handicap',
  'boursier',
  'annee_etude',
  'diplome',
  'enfants',
  'quotient_familial',
  'revenu_fiscal_par_part',
  'revenu_fiscal',
  'ressources_mensuelles',
  'organisation_type',
  'organisation_naf',
  'organisation_effectif',
] as const;
export type FactQuestion = (typeof FACT_QUESTIONS)[number];

export function isFactQuestion(id: string): id is FactQuestion {
  return (FACT_QUESTIONS as readonly string[]).includes(id);
}

/**
 * Origins of `text` conditions whose meaning belongs to one aid (« les autres conditions de la page
 * officielle », « le vélo que vous voulez acheter », « covoiturez-vous sur ce territoire »…): their
 * answer is kept per aid. Every other text condition is a fact about the person, asked once and
 * shared by every aid with the same wording. A text condition without an origin is per aid.
 */
export const PER_AID_ORIGINS = [
  'aides-jeunes:conditions',
  'aides-jeunes:openfisca',
  'aides-jeunes:incitations-covoiturage',
  'aides-jeunes:fsl',
  'aides-jeunes:apa',
  'aides-velo:velo',
];

export function isPerAid(c: TextCondition): boolean {
  return !c.origin || PER_AID_ORIGINS.includes(c.origin);
}

/** The id of a text condition's question: `t-` + 10 hex (per aid: the aid id is in the hash). */
export function textQuestionId(c: TextCondition, aidId: string): string {
  const key = `${isPerAid(c) ? aidId : ''}|${c.origin ?? ''}|${c.text}|${c.question ?? ''}`;
  return `t-${createHash('sha256').update(key).digest('hex').slice(0, 10)}`;
}

/** Age in whole years on a day (ISO dates, no time zone games). */
export function ageOn(birthdate: string, today: string): number {
  const [by, bm, bd] = birthdate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** Today's date in France (the age of a person changes at midnight in Paris). */
/** Made once: building an Intl.DateTimeFormat costs more than a whole evaluation of one aid. */
const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export function todayInFrance(now = new Date()): string {
  return PARIS_DAY.format(now);
}
