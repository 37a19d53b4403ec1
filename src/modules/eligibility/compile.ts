/**
 * An aid's rule compiled once into closures (engine.ts evaluates them for each person): every
 * word that depends only on the rule (its explanation, the territory's name with its article,
 * the age range, the amount, a text condition's question id and its SHA-256) is made when the
 * rule is compiled, not for every person and every aid. A compiled node gives exactly the
 * evaluation the rule would give read directly (docs/eligibility.md, « The engine »).
 */
import { DIPLOMA_LEVELS, INCOME_BASES, STUDY_LEVELS, explainCondition, formatEuros, nafMatches, nafText, type Condition, type DiplomaLevel, type OrganisationCondition } from '../aids';
import { ORGANISATION_TYPES, SITUATIONS } from '../profile';
import { NO_QUESTION, and, merge, or, type Evaluation, type MissingQuestion, type Truth } from './evaluation';
import { INCOME_PERIOD, isPerAid, textQuestionId, type FactQuestion, type Facts } from './facts';
import { PER, ageRange, count, lower, orList, placeText, situationLabel, territoryOf, territoryPeople } from './words';

/** A node of a rule, compiled: the facts → the node evaluated. */
export type CompiledCondition = (facts: Facts) => Evaluation;

/** The question lists of facts, made once: [{ id: 'age' }], … */
const factLists = new Map<string, MissingQuestion[]>();
function fact(...ids: FactQuestion[]): MissingQuestion[] {
  const key = ids.join(',');
  let list = factLists.get(key);
  if (!list) factLists.set(key, (list = Object.freeze(ids.map((id) => Object.freeze({ id }))) as MissingQuestion[]));
  return list;
}

/** The person's amounts in words: the same few numbers are written for every aid. */
const euros = new Map<number, string>();
function eurosOf(value: number): string {
  let text = euros.get(value);
  if (text === undefined) {
    if (euros.size > 2000) euros.clear();
    euros.set(value, (text = formatEuros(value)));
  }
  return text;
}

const DIPLOMA_ORDER = Object.keys(DIPLOMA_LEVELS) as DiplomaLevel[];

/** A leaf's evaluation builder: its rule's words made once. */
function leafOf(c: Condition): (value: Truth, text: string, missing?: MissingQuestion[]) => Evaluation {
  const type = c.type;
  const rule = explainCondition(c).text;
  return (value, text, missing = NO_QUESTION) => ({ type, value, text, rule, missing: value === undefined ? missing : NO_QUESTION });
}

function organisation(c: OrganisationCondition): CompiledCondition {
  const leaf = leafOf(c);
  const rule = lower(explainCondition(c).text.replace(/^Pour une organisation : /, ''));
  return (facts) => {
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
    const open = parts.filter((p) => p.value === undefined && p.said === undefined).map((p) => p.missing);
    return leaf(value, `Votre organisation : ${said.join(', ')} ; cette aide demande d’${rule}`, fact(...open));
  };
}

function composite(c: Condition & { type: 'all' | 'any' }, aidId: string): CompiledCondition {
  const kids = c.conditions.map((child) => compileCondition(child, aidId));
  const type = c.type;
  const all = type === 'all';
  const rule = explainCondition({ ...c, conditions: [] }).text;
  return (facts) => {
    const children: Evaluation[] = new Array<Evaluation>(kids.length);
    let someFalse = false;
    let someTrue = false;
    let someUnknown = false;
    for (let i = 0; i < kids.length; i++) {
      const e = kids[i]!(facts);
      children[i] = e;
      if (e.value === false) someFalse = true;
      else if (e.value === true) someTrue = true;
      else someUnknown = true;
    }
    const value: Truth = all ? (someFalse ? false : someUnknown ? undefined : true) : someTrue ? true : someUnknown ? undefined : false;
    let missing = NO_QUESTION;
    if (value === undefined) {
      const lists: MissingQuestion[][] = [];
      for (const e of children) if (e.value === undefined) lists.push(e.missing);
      missing = merge(lists);
    }
    return { type, value, text: rule, rule, children, missing };
  };
}

function negation(c: Condition & { type: 'not' }, aidId: string): CompiledCondition {
  const inner = compileCondition(c.condition, aidId);
  const rule = explainCondition(c).text;
  const ic = c.condition;
  let textOf: (facts: Facts, inner: Evaluation) => string;
  if (ic.type === 'residence') {
    const territory = territoryOf(ic);
    textOf = (facts) => {
      const tail = ` : cette aide n’est pas pour les ${territoryPeople(facts.requester)} ${territory}`;
      return facts.place ? `${placeText(facts.place, facts.requester)}${tail}` : `Commune à préciser${tail}`;
    };
  } else if (ic.type === 'organisation') {
    const tail = ` ; cette aide exclut ce cas : ${lower(explainCondition(ic).text.replace(/^Pour une organisation : /, ''))}`;
    textOf = (_facts, e) => `${e.text.split(' ; ')[0]}${tail}`;
  } else {
    const text = `Cette aide exclut ce cas : ${lower(explainCondition(ic).text).replace(/ :$/, '')}`;
    textOf = () => text;
  }
  return (facts) => {
    const e = inner(facts);
    const value = e.value === undefined ? undefined : !e.value;
    return { type: 'not', value, text: textOf(facts, e), rule, children: [e], missing: value === undefined ? e.missing : NO_QUESTION };
  };
}

/** Compiles one node (and its children) of an aid's rule; `aidId` names the aid's own questions. */
export function compileCondition(c: Condition, aidId: string): CompiledCondition {
  switch (c.type) {
    case 'all':
    case 'any':
      return composite(c, aidId);
    case 'not':
      return negation(c, aidId);
    case 'age': {
      const leaf = leafOf(c);
      const range = ageRange(c.min, c.max);
      const unknown = `Âge à préciser : cette aide est réservée ${range}`;
      const tail = ` ans : cette aide est réservée ${range}`;
      const { min, max } = c;
      return (facts) => {
        const age = facts.age;
        if (age === undefined) return leaf(undefined, unknown, fact('age'));
        return leaf((min === undefined || age >= min) && (max === undefined || age <= max), `Vous avez ${age}${tail}`);
      };
    }
    case 'residence': {
      const leaf = leafOf(c);
      const territory = territoryOf(c);
      const tails = { person: ` : cette aide est réservée aux habitants ${territory}`, organisation: ` : cette aide est réservée aux organisations ${territory}` };
      const { level, codes } = c;
      return (facts) => {
        const tail = facts.requester === 'organisation' ? tails.organisation : tails.person;
        const p = facts.place;
        if (!p) return leaf(undefined, `Commune à préciser${tail}`, fact('commune'));
        const code = level === 'region' ? p.region : level === 'departement' ? p.departement : level === 'epci' ? p.epci : p.commune;
        return leaf(code !== undefined && codes.includes(code), `${placeText(p, facts.requester)}${tail}`);
      };
    }
    case 'situation': {
      const leaf = leafOf(c);
      const wanted = `cette aide est pour ces situations : ${orList(c.values.map(situationLabel))}`;
      const handicapCounts = c.values.includes('handicap');
      const others: string[] = c.values.filter((v) => v !== 'handicap');
      const withHandicap = `Vous êtes en situation de handicap : ${wanted}`;
      const unknown = `Situation à préciser : ${wanted}`;
      const noHandicap = `Vous n’êtes pas en situation de handicap : ${wanted}`;
      const tail = `${others.length && handicapCounts ? ', sans handicap' : ''} : ${wanted}`;
      return (facts) => {
        const { situation, handicap } = facts;
        if (situation !== undefined && others.includes(situation)) return leaf(true, `Vous êtes ${lower(SITUATIONS[situation])} : ${wanted}`);
        if (handicapCounts && handicap === true) return leaf(true, withHandicap);
        const askSituation = others.length > 0 && situation === undefined;
        const askHandicap = handicapCounts && handicap === undefined;
        if (askSituation || askHandicap) return leaf(undefined, unknown, askSituation && askHandicap ? fact('situation', 'handicap') : askSituation ? fact('situation') : fact('handicap'));
        return leaf(false, others.length ? `Vous êtes ${lower(SITUATIONS[situation!])}${tail}` : noHandicap);
      };
    }
    case 'income': {
      const leaf = leafOf(c);
      const basis = INCOME_BASES[c.basis];
      const limit = `cette aide demande un ${basis} de ${formatEuros(c.max)} ${PER[c.period]} au plus`;
      const unknown = `${basis.charAt(0).toUpperCase()}${basis.slice(1)} à préciser : ${limit}`;
      const natural = INCOME_PERIOD[c.basis];
      const { basis: key, period, max } = c;
      return (facts) => {
        const own = facts.income?.[key];
        if (own === undefined) return leaf(undefined, unknown, fact(key));
        const converted = natural === period ? own : natural === 'month' ? own * 12 : own / 12;
        const also = natural === period ? '' : ` (soit ${eurosOf(Math.round(converted))} ${PER[period]})`;
        return leaf(converted <= max, `Votre ${basis} est de ${eurosOf(own)} ${PER[natural]}${also} : ${limit}`);
      };
    }
    case 'boursier': {
      const leaf = leafOf(c);
      const who = 'cette aide est réservée aux élèves et étudiants boursiers';
      return (facts) => {
        if (facts.boursier === undefined) return leaf(undefined, `Bourse à préciser : ${who}`, fact('boursier'));
        return leaf(facts.boursier, facts.boursier ? `Vous êtes boursier ou boursière : ${who}` : `Vous n’êtes pas boursier ou boursière : ${who}`);
      };
    }
    case 'study_level': {
      const leaf = leafOf(c);
      const wanted = `cette aide est pour les élèves et étudiants en ${orList(c.values.map((v) => STUDY_LEVELS[v]))}`;
      const unknown = `Année d’études à préciser : ${wanted}`;
      const none = `Vous ne faites pas d’études : ${wanted}`;
      const values: string[] = c.values;
      return (facts) => {
        const level = facts.studyLevel;
        if (level === undefined) return leaf(undefined, unknown, fact('annee_etude'));
        if (level === 'aucune') return leaf(false, none);
        return leaf(values.includes(level), `Vous êtes en ${STUDY_LEVELS[level]} : ${wanted}`);
      };
    }
    case 'diploma': {
      const leaf = leafOf(c);
      const rule = lower(explainCondition(c).text);
      const unknown = `Diplôme à préciser : cette aide demande d’${rule}`;
      const min = c.min === undefined ? undefined : DIPLOMA_ORDER.indexOf(c.min);
      const max = c.max === undefined ? undefined : DIPLOMA_ORDER.indexOf(c.max);
      return (facts) => {
        if (facts.diploma === undefined) return leaf(undefined, unknown, fact('diplome'));
        const rank = DIPLOMA_ORDER.indexOf(facts.diploma);
        return leaf((min === undefined || rank >= min) && (max === undefined || rank <= max), `Votre diplôme le plus élevé : ${DIPLOMA_LEVELS[facts.diploma]} ; cette aide demande d’${rule}`);
      };
    }
    case 'household': {
      const leaf = leafOf(c);
      const min = c.children_min ?? 1;
      const wanted = `cette aide demande au moins ${min} enfant${min > 1 ? 's' : ''} à charge`;
      return (facts) => {
        if (facts.children === undefined) return leaf(undefined, `Enfants à charge à préciser : ${wanted}`, fact('enfants'));
        const said = facts.children === 0 ? 'Vous n’avez pas d’enfant à charge' : `Vous avez ${count(facts.children, 'enfant')} à charge`;
        return leaf(facts.children >= min, `${said} : ${wanted}`);
      };
    }
    case 'organisation':
      return organisation(c);
    case 'text': {
      const leaf = leafOf(c);
      if (c.blocking === false) {
        const text = `À vérifier aussi sur la page officielle : ${lower(c.text)}`;
        return () => ({ ...leaf(true, text), info: true });
      }
      const id = textQuestionId(c, aidId);
      const own = [{ id, text: c, perAid: isPerAid(c) }];
      const yes = `Vous avez répondu oui : ${lower(c.text)}`;
      const no = `Vous avez répondu non : ${lower(c.text)}`;
      const unknown = `À vérifier : ${lower(c.text)}`;
      return (facts) => {
        const answer = facts.answers?.[id];
        if (answer === true) return leaf(true, yes);
        if (answer === false) return leaf(false, no);
        return leaf(undefined, unknown, own);
      };
    }
  }
}
