/**
 * The eligibility engine (C5 b): an aid's condition tree (docs/aid-format.md) evaluated against
 * partial facts about a person, in three-valued logic (true, false, unknown), with the reason of
 * every node in plain French generated from the rule itself, and the questions that would decide
 * what is still unknown. Pure functions: no database, no clock (today is a parameter).
 *
 * Why not publicodes: see docs/eligibility.md (« Pourquoi un moteur compilé »).
 */
import {
  AUDIENCES,
  CONDITION_SITUATIONS,
  DIPLOMA_LEVELS,
  INCOME_BASES,
  STUDY_LEVELS,
  explainCondition,
  formatAmount,
  type Aid,
  type Audience,
  type Condition,
  type DiplomaLevel,
  type OrganisationCondition,
  type ResidenceCondition,
  type TextCondition,
} from '../aids';
import { formatEuros, nafMatches, nafText } from '../aids';
import { ORGANISATION_TYPES, SITUATIONS } from '../profile';
import { INCOME_PERIOD, isPerAid, textQuestionId, type FactQuestion, type Facts, type Place, type Requester } from './facts';

/** true, false, or undefined when the facts do not decide. */
export type Truth = boolean | undefined;

/** A question that would decide a node: a fact, or a text condition (with its words). */
export interface MissingQuestion {
  id: string;
  /** For a text condition: the condition and whether its answer belongs to this aid only. */
  text?: TextCondition;
  perAid?: boolean;
}

export interface Evaluation {
  type: Condition['type'];
  value: Truth;
  /** Plain French: for a leaf, the person's fact set against the rule; for all/any/not, the rule. */
  text: string;
  /** The rule alone, as on the aid's page (explainCondition). */
  rule: string;
  children?: Evaluation[];
  /** The questions that would decide this node (empty unless value is undefined). */
  missing: MissingQuestion[];
  /** A non-blocking text: counts as met, shown as « À vérifier aussi sur la page officielle ». */
  info?: boolean;
}

export type Status = 'eligible' | 'to_check' | 'not_eligible';

export interface AidResult {
  aid: Aid;
  status: Status;
  /** The whole rule, each node evaluated (« Comment est-ce calculé ? »). */
  tree: Evaluation;
  /** The leaves that decide the outcome, in the order of the rule (informational texts apart). */
  reasons: Evaluation[];
  /** The informational conditions that go with the outcome: « À vérifier aussi sur la page officielle : … ». */
  notes: string[];
  /** The questions still needed (to_check only), without duplicates, in the order of the rule. */
  missing: MissingQuestion[];
  /** The amount in words, where the aid says it. */
  amount?: string | undefined;
}

// ------------------------------------------------------------------ words

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ou ${items[items.length - 1]}`;
}

const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** « de Rennes », « du Relecq-Kerhuon », « d’Auray », « des Fougerêts ». */
export function deName(name: string): string {
  if (/^Le /.test(name)) return `du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÎÔÂH]/i.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** Départements of Bretagne with their article; others are « du département X ». */
const DEPARTEMENT_OF: Record<string, string> = { '22': 'des Côtes-d’Armor', '29': 'du Finistère', '35': 'd’Ille-et-Vilaine', '56': 'du Morbihan' };

function territoryOf(c: ResidenceCondition): string {
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

/** Where the requester is: a person lives somewhere, an organisation is somewhere. */
export function placeText(place: Place, requester?: Requester): string {
  return requester === 'organisation' ? `Votre organisation est à ${place.communeName} (${place.departementName})` : `Vous habitez ${place.communeName} (${place.departementName})`;
}

/** Who an aid of a territory is for, in the requester's words: its inhabitants, or its organisations. */
function territoryPeople(requester: Requester | undefined): string {
  return requester === 'organisation' ? 'organisations' : 'habitants';
}

function ageRange(min?: number, max?: number): string {
  if (min !== undefined && max !== undefined) return min === max ? `aux personnes de ${min} ans` : `aux ${min}–${max} ans`;
  if (min !== undefined) return `aux personnes de ${min} ans ou plus`;
  return `aux personnes de ${max ?? 0} ans ou moins`;
}

const PER = { month: 'par mois', year: 'par an' } as const;
const DIPLOMA_ORDER = Object.keys(DIPLOMA_LEVELS) as DiplomaLevel[];

function situationLabel(value: keyof typeof CONDITION_SITUATIONS): string {
  return lower(CONDITION_SITUATIONS[value]);
}

function count(n: number, word: string): string {
  return n === 0 ? `pas d’${word}` : `${n} ${word}${n > 1 ? 's' : ''}`;
}

// ------------------------------------------------------------------ logic

function and(values: Truth[]): Truth {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === undefined) ? undefined : true;
}

function or(values: Truth[]): Truth {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v === undefined) ? undefined : false;
}

function merge(lists: MissingQuestion[][]): MissingQuestion[] {
  const seen = new Map<string, MissingQuestion>();
  for (const list of lists) for (const q of list) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}

const fact = (...ids: FactQuestion[]): MissingQuestion[] => ids.map((id) => ({ id }));

function leaf(c: Condition, value: Truth, text: string, missing: MissingQuestion[] = []): Evaluation {
  return { type: c.type, value, text, rule: explainCondition(c).text, missing: value === undefined ? missing : [] };
}

function organisation(c: OrganisationCondition, facts: Facts): Evaluation {
  const org = facts.organisation ?? {};
  const parts: Array<{ value: Truth; missing: FactQuestion; said: string | undefined }> = [];
  if (c.kinds) {
    parts.push({
      value: org.kind === undefined ? undefined : c.kinds.includes(org.kind),
      missing: 'organisation_type',
      said: org.kind === undefined ? undefined : lower(ORGANISATION_TYPES[org.kind]),
    });
  }
  if (c.naf) {
    const naf = org.naf;
    // An activity chosen broader than the condition (an industry, for the bakeries) stays to check: asking again would not tell more.
    parts.push({ value: naf === undefined ? undefined : or(c.naf.map((code) => nafMatches(naf, code))), missing: 'organisation_naf', said: naf ? `activité : ${nafText(naf)}` : undefined });
  }
  if (c.headcount_min !== undefined || c.headcount_max !== undefined) {
    const n = org.headcount;
    parts.push({
      value: n === undefined ? undefined : (c.headcount_min === undefined || n >= c.headcount_min) && (c.headcount_max === undefined || n <= c.headcount_max),
      missing: 'organisation_effectif',
      said: n === undefined ? undefined : count(n, 'salarié'),
    });
  }
  const value = and(parts.map((p) => p.value));
  const said = parts.map((p) => p.said ?? `${p.missing === 'organisation_type' ? 'type' : p.missing === 'organisation_naf' ? 'activité' : 'effectif'} à préciser`);
  const rule = lower(explainCondition(c).text.replace(/^Pour une organisation : /, ''));
  const open = parts.filter((p) => p.value === undefined && p.said === undefined).map((p) => p.missing);
  return leaf(c, value, `Votre organisation : ${said.join(', ')} ; cette aide demande d’${rule}`, fact(...open));
}

/** Evaluates one node (and its children) of an aid's rule against the facts. */
export function evaluateCondition(c: Condition, facts: Facts, aidId: string): Evaluation {
  switch (c.type) {
    case 'all':
    case 'any': {
      const children = c.conditions.map((child) => evaluateCondition(child, facts, aidId));
      const value = (c.type === 'all' ? and : or)(children.map((e) => e.value));
      const rule = explainCondition({ ...c, conditions: [] } as Condition).text;
      return { type: c.type, value, text: rule, rule, children, missing: value === undefined ? merge(children.filter((e) => e.value === undefined).map((e) => e.missing)) : [] };
    }
    case 'not': {
      const inner = evaluateCondition(c.condition, facts, aidId);
      const value = inner.value === undefined ? undefined : !inner.value;
      let text: string;
      if (c.condition.type === 'residence' && facts.place) text = `${placeText(facts.place, facts.requester)} : cette aide n’est pas pour les ${territoryPeople(facts.requester)} ${territoryOf(c.condition)}`;
      else if (c.condition.type === 'residence') text = `Commune à préciser : cette aide n’est pas pour les ${territoryPeople(facts.requester)} ${territoryOf(c.condition)}`;
      else if (c.condition.type === 'organisation') text = `${inner.text.split(' ; ')[0]} ; cette aide exclut ce cas : ${lower(explainCondition(c.condition).text.replace(/^Pour une organisation : /, ''))}`;
      else text = `Cette aide exclut ce cas : ${lower(explainCondition(c.condition).text).replace(/ :$/, '')}`;
      const rule = explainCondition(c).text;
      return { type: 'not', value, text, rule, children: [inner], missing: value === undefined ? inner.missing : [] };
    }
    case 'age': {
      const range = ageRange(c.min, c.max);
      if (facts.age === undefined) return leaf(c, undefined, `Âge à préciser : cette aide est réservée ${range}`, fact('age'));
      const value = (c.min === undefined || facts.age >= c.min) && (c.max === undefined || facts.age <= c.max);
      return leaf(c, value, `Vous avez ${facts.age} ans : cette aide est réservée ${range}`);
    }
    case 'residence': {
      const who = `cette aide est réservée aux ${territoryPeople(facts.requester)} ${territoryOf(c)}`;
      if (!facts.place) return leaf(c, undefined, `Commune à préciser : ${who}`, fact('commune'));
      const p = facts.place;
      const code = { region: p.region, departement: p.departement, epci: p.epci, commune: p.commune }[c.level];
      return leaf(c, code !== undefined && c.codes.includes(code), `${placeText(p, facts.requester)} : ${who}`);
    }
    case 'situation': {
      const wanted = `cette aide est pour ces situations : ${orList(c.values.map(situationLabel))}`;
      const handicapCounts = c.values.includes('handicap');
      const others = c.values.filter((v) => v !== 'handicap');
      const { situation, handicap } = facts;
      if (situation !== undefined && (others as string[]).includes(situation)) return leaf(c, true, `Vous êtes ${lower(SITUATIONS[situation])} : ${wanted}`);
      if (handicapCounts && handicap === true) return leaf(c, true, `Vous êtes en situation de handicap : ${wanted}`);
      const missing = fact(...(others.length && situation === undefined ? (['situation'] as const) : []), ...(handicapCounts && handicap === undefined ? (['handicap'] as const) : []));
      if (missing.length) return leaf(c, undefined, `Situation à préciser : ${wanted}`, missing);
      const said = others.length ? `Vous êtes ${lower(SITUATIONS[situation!])}` : 'Vous n’êtes pas en situation de handicap';
      return leaf(c, false, `${said}${others.length && handicapCounts ? ', sans handicap' : ''} : ${wanted}`);
    }
    case 'income': {
      const basis = INCOME_BASES[c.basis];
      const limit = `cette aide demande un ${basis} de ${formatEuros(c.max)} ${PER[c.period]} au plus`;
      const own = facts.income?.[c.basis];
      if (own === undefined) return leaf(c, undefined, `${basis.charAt(0).toUpperCase()}${basis.slice(1)} à préciser : ${limit}`, fact(c.basis));
      const natural = INCOME_PERIOD[c.basis];
      const converted = natural === c.period ? own : natural === 'month' ? own * 12 : own / 12;
      const also = natural === c.period ? '' : ` (soit ${formatEuros(Math.round(converted))} ${PER[c.period]})`;
      return leaf(c, converted <= c.max, `Votre ${basis} est de ${formatEuros(own)} ${PER[natural]}${also} : ${limit}`);
    }
    case 'boursier': {
      const who = 'cette aide est réservée aux élèves et étudiants boursiers';
      if (facts.boursier === undefined) return leaf(c, undefined, `Bourse à préciser : ${who}`, fact('boursier'));
      return leaf(c, facts.boursier, facts.boursier ? `Vous êtes boursier ou boursière : ${who}` : `Vous n’êtes pas boursier ou boursière : ${who}`);
    }
    case 'study_level': {
      const wanted = `cette aide est pour les élèves et étudiants en ${orList(c.values.map((v) => STUDY_LEVELS[v]))}`;
      if (facts.studyLevel === undefined) return leaf(c, undefined, `Année d’études à préciser : ${wanted}`, fact('annee_etude'));
      if (facts.studyLevel === 'aucune') return leaf(c, false, `Vous ne faites pas d’études : ${wanted}`);
      return leaf(c, c.values.includes(facts.studyLevel), `Vous êtes en ${STUDY_LEVELS[facts.studyLevel]} : ${wanted}`);
    }
    case 'diploma': {
      const rule = lower(explainCondition(c).text);
      if (facts.diploma === undefined) return leaf(c, undefined, `Diplôme à préciser : cette aide demande d’${rule}`, fact('diplome'));
      const rank = DIPLOMA_ORDER.indexOf(facts.diploma);
      const value = (c.min === undefined || rank >= DIPLOMA_ORDER.indexOf(c.min)) && (c.max === undefined || rank <= DIPLOMA_ORDER.indexOf(c.max));
      return leaf(c, value, `Votre diplôme le plus élevé : ${DIPLOMA_LEVELS[facts.diploma]} ; cette aide demande d’${rule}`);
    }
    case 'household': {
      const min = c.children_min ?? 1;
      const wanted = `cette aide demande au moins ${min} enfant${min > 1 ? 's' : ''} à charge`;
      if (facts.children === undefined) return leaf(c, undefined, `Enfants à charge à préciser : ${wanted}`, fact('enfants'));
      const said = facts.children === 0 ? 'Vous n’avez pas d’enfant à charge' : `Vous avez ${count(facts.children, 'enfant')} à charge`;
      return leaf(c, facts.children >= min, `${said} : ${wanted}`);
    }
    case 'organisation':
      return organisation(c, facts);
    case 'text': {
      if (c.blocking === false) return { ...leaf(c, true, `À vérifier aussi sur la page officielle : ${lower(c.text)}`), info: true };
      const id = textQuestionId(c, aidId);
      const answer = facts.answers?.[id];
      if (answer === true) return leaf(c, true, `Vous avez répondu oui : ${lower(c.text)}`);
      if (answer === false) return leaf(c, false, `Vous avez répondu non : ${lower(c.text)}`);
      return leaf(c, undefined, `À vérifier : ${lower(c.text)}`, [{ id, text: c, perAid: isPerAid(c) }]);
    }
  }
}

/** The leaves that decide a node's value (a `not` counts as one leaf: its text says it all). */
export function decisive(e: Evaluation): Evaluation[] {
  if (!e.children || e.type === 'not') return [e];
  if (e.type === 'all') return (e.value === false ? e.children.filter((c) => c.value === false) : e.children).flatMap(decisive);
  if (e.value === true) return decisive(e.children.find((c) => c.value === true)!);
  return (e.value === false ? e.children : e.children.filter((c) => c.value === undefined)).flatMap(decisive);
}

/** The informational texts that go with a node's outcome: those of every `all` on the way, and of the branch that holds an `any`. */
export function notesOf(e: Evaluation): string[] {
  if (e.info) return [e.rule];
  if (e.type === 'all' && e.children) return e.children.flatMap(notesOf);
  if (e.type === 'any' && e.children && e.value === true) return notesOf(e.children.find((c) => c.value === true)!);
  return [];
}

const ORGANISATION_AUDIENCES: readonly Audience[] = ['entreprise', 'association', 'commune'];

/** Who an aid is for, from its audiences: only organisations, only people, or both (undefined). */
export function aidRequester(aid: Aid): Requester | undefined {
  const forOrganisations = aid.audiences.filter((a) => ORGANISATION_AUDIENCES.includes(a));
  if (forOrganisations.length === 0) return 'particulier';
  return forOrganisations.length === aid.audiences.length ? 'organisation' : undefined;
}

/**
 * The check that an aid is for the kind of requester asking, when it is not plainly met: an aid
 * for organisations asked by a person (or by someone who has not said), an aid for people asked
 * for an organisation. A person who has not said is taken as asking for themselves: most do.
 */
function requesterCheck(aid: Aid, facts: Facts): Evaluation | undefined {
  const target = aidRequester(aid);
  const requester = facts.requester;
  if (!target || requester === target || (requester === undefined && target === 'particulier')) return undefined;
  const audiences = aid.audiences.map((a) => lower(AUDIENCES[a]));
  const rule = target === 'organisation' ? `Être une organisation : ${orList(audiences)}` : 'Être un particulier (cette aide n’est pas pour les organisations)';
  const forWhom = target === 'organisation' ? `cette aide est pour les organisations (${orList(audiences)})` : 'cette aide est pour les particuliers';
  if (requester === undefined) return { type: 'organisation', value: undefined, text: `Pour vous-même ou pour une organisation ? ${forWhom.charAt(0).toUpperCase()}${forWhom.slice(1)}`, rule, missing: fact('demandeur') };
  const said = requester === 'organisation' ? 'Vous cherchez des aides pour une organisation' : 'Vous cherchez des aides pour vous-même';
  return { type: 'organisation', value: false, text: `${said} : ${forWhom}`, rule, missing: [] };
}

const STATUS: Record<'true' | 'false' | 'undefined', Status> = { true: 'eligible', false: 'not_eligible', undefined: 'to_check' };

/** An aid against the facts: status, reasons, missing questions, amount. `today` is ISO. */
export function evaluateAid(aid: Aid, facts: Facts, today: string): AidResult {
  let tree = evaluateCondition(aid.eligibility, facts, aid.id);
  const forWhom = requesterCheck(aid, facts);
  if (forWhom) {
    const value = and([forWhom.value, tree.value]);
    tree = { type: 'all', value, text: 'Remplir toutes ces conditions :', rule: 'Remplir toutes ces conditions :', children: [forWhom, tree], missing: value === undefined ? merge([forWhom.missing, tree.missing]) : [] };
  }
  if (!aid.dates.permanent && aid.dates.closing && aid.dates.closing < today) {
    const closed: Evaluation = { type: 'text', value: false, text: `Les demandes sont closes depuis le ${aid.dates.closing.split('-').reverse().join('/')}`, rule: 'Faire la demande avant la date de clôture', missing: [] };
    tree = { type: 'all', value: false, text: 'Remplir toutes ces conditions :', rule: 'Remplir toutes ces conditions :', children: [closed, tree], missing: [] };
  }
  const status = STATUS[String(tree.value) as 'true' | 'false' | 'undefined'];
  return { aid, status, tree, reasons: decisive(tree).filter((e) => !e.info), notes: status === 'not_eligible' ? [] : notesOf(tree), missing: status === 'to_check' ? tree.missing : [], amount: aid.amount ? formatAmount(aid.amount) : undefined };
}

/** A reason as one line with its mark: ✓ met, ✗ not met, ? to check. */
export function sentence(e: Pick<Evaluation, 'text' | 'value'>): string {
  return `${e.text} ${e.value === true ? '✓' : e.value === false ? '✗' : '?'}`;
}

/**
 * The next question worth asking: among the questions that would decide undecided aids, the one
 * that appears in the most of them (ties: the order of `preferred`, then the id). Questions
 * already answered « je ne sais pas » (`skip`) and those that belong to one aid are left out.
 */
export function nextQuestion(results: AidResult[], skip: ReadonlySet<string>, preferred: readonly string[]): MissingQuestion | undefined {
  const counts = new Map<string, { q: MissingQuestion; n: number }>();
  for (const r of results) {
    if (r.status !== 'to_check') continue;
    for (const q of r.missing) {
      if (q.perAid || skip.has(q.id)) continue;
      const entry = counts.get(q.id);
      if (entry) entry.n++;
      else counts.set(q.id, { q, n: 1 });
    }
  }
  const rank = (id: string) => {
    const i = preferred.indexOf(id);
    return i === -1 ? preferred.length : i;
  };
  return [...counts.values()].sort((a, b) => b.n - a.n || rank(a.q.id) - rank(b.q.id) || (a.q.id < b.q.id ? -1 : 1))[0]?.q;
}
