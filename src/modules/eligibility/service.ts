/**
 * One evaluation of a situation against every aid: resolve the commune, prefilter on indexed
 * facts, run the engine on each candidate, sort. Used by the questionnaire, the results page,
 * the « Comment est-ce calculé ? » page, the API and the bench.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { Aid } from '../aids';
import { aidRequester, evaluateAid, nextQuestion, type AidResult, type MissingQuestion } from './engine';
import { FACT_QUESTIONS, type Place } from './facts';
import { ageOf, toFacts, type Situation } from './situation';
import { publishedIndexVersion } from './published-index';
import { candidates, resolvePlace } from './store';

export interface Outcome {
  place: Place | undefined;
  age: number | undefined;
  eligible: AidResult[];
  toCheck: AidResult[];
  notEligible: AidResult[];
  /** Every evaluated aid, in the order above. */
  all: AidResult[];
  /** Aids left out because they are for the other kind of requester (people, or organisations). */
  forOthers: number;
}

/** Questions a person is asked first when several decide as many aids: where, then age, then who. */
export const PREFERRED_ORDER: readonly string[] = FACT_QUESTIONS;

const collator = new Intl.Collator('fr');

/**
 * Each candidate's place in the order of names (French collation, ties in the given order): the
 * in-memory index ranks every aid once (published-index.ts), else the names are collated here.
 */
function nameRanks(rows: Array<{ definition: Aid; nameRank?: number }>): Map<Aid, number> {
  const ranks = new Map<Aid, number>();
  if (rows.every((row) => row.nameRank !== undefined)) for (const row of rows) ranks.set(row.definition, row.nameRank!);
  else [...rows].sort((a, b) => collator.compare(a.definition.name, b.definition.name)).forEach((row, i) => ranks.set(row.definition, i));
  return ranks;
}

/**
 * Aids to check whose only open questions belong to the aid itself come first (they are nearly
 * sure), then those with the most conditions already met, then by name.
 */
function sortToCheck(results: AidResult[], rank: (r: AidResult) => number): AidResult[] {
  const keyed = results.map((r) => ({ r, open: r.missing.filter((q) => !q.perAid).length, met: r.reasons.filter((e) => e.value === true).length, name: rank(r) }));
  keyed.sort((a, b) => a.open - b.open || b.met - a.met || a.r.missing.length - b.r.missing.length || a.name - b.name);
  return keyed.map((k) => k.r);
}

export async function evaluateSituation(db: Kysely<PlatformTables>, situation: Situation, today: string): Promise<Outcome> {
  const place = situation.commune ? await resolvePlace(db, situation.commune) : undefined;
  const age = ageOf(situation, today);
  const rows = await candidates(db, place, age);
  const facts = toFacts(situation, place, today);
  // Aids for the other kind of requester are not listed at all (a person does not need 9 lines
  // « réservée aux associations »); « Comment est-ce calculé ? » still explains them one by one.
  const other = facts.requester === 'particulier' ? 'organisation' : 'particulier';
  const forRequester = facts.requester ? rows.filter((row) => aidRequester(row.definition) !== other) : rows;
  const ranks = nameRanks(forRequester);
  const rank = (r: AidResult) => ranks.get(r.aid)!;
  const eligible: AidResult[] = [];
  const toCheck: AidResult[] = [];
  const notEligible: AidResult[] = [];
  for (const row of forRequester) {
    const r = evaluateAid(row.definition, facts, today);
    (r.status === 'eligible' ? eligible : r.status === 'to_check' ? toCheck : notEligible).push(r);
  }
  const byName = (a: AidResult, b: AidResult) => rank(a) - rank(b);
  eligible.sort(byName);
  notEligible.sort(byName);
  const sortedToCheck = sortToCheck(toCheck, rank);
  return { place, age, eligible, toCheck: sortedToCheck, notEligible, all: [...eligible, ...sortedToCheck, ...notEligible], forOthers: rows.length - forRequester.length };
}

/**
 * The same outcome, kept for situations asked again (each page of the questionnaire and of the
 * results evaluates the visitor's situation): an outcome depends only on the situation, the day
 * and the published aids, so it is kept per version of the in-memory index of published aids
 * (none while that index cannot be trusted). Callers must not change the outcome they get.
 */
const MAX_KEPT_OUTCOMES = 1000;
let keptOutcomes: { version: string; byKey: Map<string, Promise<Outcome>> } | undefined;

export async function keptOutcome(db: Kysely<PlatformTables>, situation: Situation, today: string): Promise<Outcome> {
  const version = publishedIndexVersion(db);
  if (version === undefined) return evaluateSituation(db, situation, today);
  if (keptOutcomes?.version !== version || keptOutcomes.byKey.size >= MAX_KEPT_OUTCOMES) keptOutcomes = { version, byKey: new Map() };
  const key = `${today}|${JSON.stringify(situation)}`;
  const byKey = keptOutcomes.byKey;
  let outcome = byKey.get(key);
  if (!outcome) {
    outcome = evaluateSituation(db, situation, today);
    byKey.set(key, outcome);
    outcome.catch(() => byKey.delete(key));
  }
  return outcome;
}

/**
 * The next question of the questionnaire, or undefined when nothing asked could change a result.
 * « Pour qui ? » comes first when `askRequester`: every other question depends on it. The
 * questionnaire asks it until answered (a profile filled in for the person does not tell that
 * they are not acting for their association today); the API when the situation does not tell.
 */
export function nextQuestionFor(outcome: Outcome, skipped: Iterable<string>, askRequester: boolean): MissingQuestion | undefined {
  const skip = new Set(skipped);
  if (askRequester && !skip.has('demandeur')) return { id: 'demandeur' };
  return nextQuestion(outcome.toCheck, skip, PREFERRED_ORDER);
}
