import type { Kysely, Transaction } from 'kysely';

export type AfterCommit = (effect: () => void | Promise<void>) => void;

/**
 * Runs `work` in one transaction; effects registered with `afterCommit` (mail, indexing, cache
 * invalidation) run only once the transaction has committed, and never if it rolled back.
 */
export async function withTransaction<DB, T>(
  db: Kysely<DB>,
  work: (trx: Transaction<DB>, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const effects: Array<() => void | Promise<void>> = [];
  const result = await db.transaction().execute((trx) => work(trx, (effect) => effects.push(effect)));
  for (const effect of effects) await effect();
  return result;
}
