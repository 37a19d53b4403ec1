/**
 * The eligibility engine (C5 b): an aid's condition tree (docs/aid-format.md) evaluated against
 * partial facts about a person, in three-valued logic (true, false, unknown), with the reason of
 * every node in plain French generated from the rule itself, and the questions that would decide
 * what is still unknown. Pure functions: no database, no clock (today is a parameter).
 *
 * Why not publicodes: see docs/eligibility.md (« Pourquoi un moteur compilé »).
 */
import { AUDIENCES, formatAmount, type Aid, type Audience, type Condition } from '../aids';
import { compileCondition, type CompiledCondition } from './compile';
import { NO_QUESTION, and, merge, type AidResult, type Evaluation, type MissingQuestion, type Status } from './evaluation';
import type { Facts, Requester } from './facts';
import { lower, orList } from './words';

export type { AidResult, Evaluation, MissingQuestion, Status, Truth } from './evaluation';

/** Evaluates one node (and its children) of an aid's rule against the facts. */
export function evaluateCondition(c: Condition, facts: Facts, aidId: string): Evaluation {
  return compileCondition(c, aidId)(facts);
}

/** The leaves that decide a node's value (a `not` counts as one leaf: its text says it all). */
export function decisive(e: Evaluation, into: Evaluation[] = []): Evaluation[] {
  const children = e.children;
  if (!children || e.type === 'not') into.push(e);
  else if (e.type === 'all') {
    for (const c of children) if (e.value !== false || c.value === false) decisive(c, into);
  } else if (e.value === true) decisive(children.find((c) => c.value === true)!, into);
  else for (const c of children) if (e.value === false || c.value === undefined) decisive(c, into);
  return into;
}

/** The informational texts that go with a node's outcome: those of every `all` on the way, and of the branch that holds an `any`. */
export function notesOf(e: Evaluation, into: string[] = []): string[] {
  if (e.info) into.push(e.rule);
  else if (e.type === 'all' && e.children) for (const c of e.children) notesOf(c, into);
  else if (e.type === 'any' && e.children && e.value === true) notesOf(e.children.find((c) => c.value === true)!, into);
  return into;
}

const ORGANISATION_AUDIENCES: readonly Audience[] = ['entreprise', 'association', 'commune'];

/** Who an aid is for, from its audiences: only organisations, only people, or both (undefined). */
export function aidRequester(aid: Aid): Requester | undefined {
  const forOrganisations = aid.audiences.filter((a) => ORGANISATION_AUDIENCES.includes(a));
  if (forOrganisations.length === 0) return 'particulier';
  return forOrganisations.length === aid.audiences.length ? 'organisation' : undefined;
}

type RequesterCheck = (requester: Requester | undefined) => Evaluation | undefined;

/**
 * The check that an aid is for the kind of requester asking, when it is not plainly met: an aid
 * for organisations asked by a person (or by someone who has not said), an aid for people asked
 * for an organisation. A person who has not said is taken as asking for themselves: most do.
 */
function requesterCheck(aid: Aid): RequesterCheck {
  const target = aidRequester(aid);
  if (!target) return () => undefined;
  const audiences = aid.audiences.map((a) => lower(AUDIENCES[a]));
  const rule = target === 'organisation' ? `Être une organisation : ${orList(audiences)}` : 'Être un particulier (cette aide n’est pas pour les organisations)';
  const forWhom = target === 'organisation' ? `cette aide est pour les organisations (${orList(audiences)})` : 'cette aide est pour les particuliers';
  const unsaid = `Pour vous-même ou pour une organisation ? ${forWhom.charAt(0).toUpperCase()}${forWhom.slice(1)}`;
  const demandeur = Object.freeze([Object.freeze({ id: 'demandeur' })]) as MissingQuestion[];
  return (requester) => {
    if (requester === target || (requester === undefined && target === 'particulier')) return undefined;
    if (requester === undefined) return { type: 'organisation', value: undefined, text: unsaid, rule, missing: demandeur };
    const said = requester === 'organisation' ? 'Vous cherchez des aides pour une organisation' : 'Vous cherchez des aides pour vous-même';
    return { type: 'organisation', value: false, text: `${said} : ${forWhom}`, rule, missing: NO_QUESTION };
  };
}

/** An aid compiled once: its rule, its requester check, its amount and closing date in words. */
interface CompiledAid {
  /** What it was compiled from: an aid object given other parts since is compiled again. */
  from: Pick<Aid, 'id' | 'eligibility' | 'audiences' | 'dates' | 'amount'>;
  tree: CompiledCondition;
  forWhom: RequesterCheck;
  amount: string | undefined;
  closing: { day: string; text: string } | undefined;
}

/**
 * Compiled aids by their definition object. The definitions held in memory (published-index.ts,
 * store.ts) are one object per aid version, never changed: each is compiled once.
 */
const compiled = new WeakMap<Aid, CompiledAid>();

function compiledAid(aid: Aid): CompiledAid {
  const kept = compiled.get(aid);
  const from = kept?.from;
  if (kept && from!.eligibility === aid.eligibility && from!.id === aid.id && from!.audiences === aid.audiences && from!.dates === aid.dates && from!.amount === aid.amount) return kept;
  const closing = !aid.dates.permanent && aid.dates.closing ? { day: aid.dates.closing, text: `Les demandes sont closes depuis le ${aid.dates.closing.split('-').reverse().join('/')}` } : undefined;
  const made: CompiledAid = {
    from: { id: aid.id, eligibility: aid.eligibility, audiences: aid.audiences, dates: aid.dates, amount: aid.amount },
    tree: compileCondition(aid.eligibility, aid.id),
    forWhom: requesterCheck(aid),
    amount: aid.amount ? formatAmount(aid.amount) : undefined,
    closing,
  };
  compiled.set(aid, made);
  return made;
}

const ALL = 'Remplir toutes ces conditions :';
const STATUS: Record<'true' | 'false' | 'undefined', Status> = { true: 'eligible', false: 'not_eligible', undefined: 'to_check' };

/** An aid against the facts: status, reasons, missing questions, amount. `today` is ISO. */
export function evaluateAid(aid: Aid, facts: Facts, today: string): AidResult {
  const c = compiledAid(aid);
  let tree = c.tree(facts);
  const forWhom = c.forWhom(facts.requester);
  if (forWhom) {
    const value = and([forWhom.value, tree.value]);
    tree = { type: 'all', value, text: ALL, rule: ALL, children: [forWhom, tree], missing: value === undefined ? merge([forWhom.missing, tree.missing]) : NO_QUESTION };
  }
  if (c.closing && c.closing.day < today) {
    const closed: Evaluation = { type: 'text', value: false, text: c.closing.text, rule: 'Faire la demande avant la date de clôture', missing: NO_QUESTION };
    tree = { type: 'all', value: false, text: ALL, rule: ALL, children: [closed, tree], missing: NO_QUESTION };
  }
  const status = STATUS[String(tree.value) as 'true' | 'false' | 'undefined'];
  const reasons = decisive(tree);
  return {
    aid,
    status,
    tree,
    reasons: reasons.some((e) => e.info) ? reasons.filter((e) => !e.info) : reasons,
    notes: status === 'not_eligible' ? [] : notesOf(tree),
    missing: status === 'to_check' ? tree.missing : [],
    amount: c.amount,
  };
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
