/**
 * What the engine returns (engine.ts, compile.ts): an evaluated node of an aid's rule, an aid's
 * result, and the three-valued logic they are made with.
 */
import type { Aid, Condition, TextCondition } from '../aids';

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
  /**
   * The questions that would decide this node (empty unless value is undefined). Shared between
   * evaluations (a leaf's questions are made once per rule): read it, never change it.
   */
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

/** No question: one frozen list shared by every decided node. */
export const NO_QUESTION = Object.freeze([]) as unknown as MissingQuestion[];

export function and(values: Truth[]): Truth {
  if (values.some((v) => v === false)) return false;
  return values.some((v) => v === undefined) ? undefined : true;
}

export function or(values: Truth[]): Truth {
  if (values.some((v) => v === true)) return true;
  return values.some((v) => v === undefined) ? undefined : false;
}

/** The questions of several nodes, each once, in order (a single list is returned as it is: lists are never changed). */
export function merge(lists: MissingQuestion[][]): MissingQuestion[] {
  if (lists.length === 1) return lists[0]!;
  const seen = new Map<string, MissingQuestion>();
  for (const list of lists) for (const q of list) if (!seen.has(q.id)) seen.set(q.id, q);
  return [...seen.values()];
}
