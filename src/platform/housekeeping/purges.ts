import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

/**
 * A purge deletes what a module keeps past the retention it states on /donnees-personnelles
 * (platform/personal-data.ts). Each purge is a short delete, idempotent, safe to run at any time.
 */
export interface Purge {
  /** Stable identifier (« accounts.expired-links »). */
  id: string;
  /** Plain words, for the operator's log and `npm run purge`. */
  what: string;
  /** Deletes and returns how many rows went. */
  run(db: Kysely<PlatformTables>, now: Date): Promise<number>;
}

export interface PurgeOutcome {
  id: string;
  what: string;
  deleted: number;
}

/**
 * Claims the purge for this run: true for exactly one caller per interval, across instances (the
 * row is written only if it is absent or older than the interval).
 */
async function claim(db: Kysely<PlatformTables>, id: string, now: Date, intervalMs: number): Promise<boolean> {
  const before = new Date(now.getTime() - intervalMs);
  const claimed = await sql<{ purge: string }>`
    insert into platform_housekeeping (purge, last_run_at) values (${id}, ${now})
    on conflict (purge) do update set last_run_at = excluded.last_run_at
      where platform_housekeeping.last_run_at <= ${before}
    returning purge`.execute(db);
  return claimed.rows.length === 1;
}

/**
 * Runs every purge not run (by any instance) within the interval; `intervalMs` 0 runs them all
 * now (`npm run purge`). One failing purge does not stop the others: its error is returned.
 */
export async function runPurges(
  db: Kysely<PlatformTables>,
  purges: readonly Purge[],
  options: { now?: Date; intervalMs: number },
): Promise<{ ran: PurgeOutcome[]; failed: Array<{ id: string; error: unknown }> }> {
  const now = options.now ?? new Date();
  const ran: PurgeOutcome[] = [];
  const failed: Array<{ id: string; error: unknown }> = [];
  for (const purge of purges) {
    try {
      if (!(await claim(db, purge.id, now, options.intervalMs))) continue;
      const deleted = await purge.run(db, now);
      await sql`update platform_housekeeping set last_deleted = ${deleted} where purge = ${purge.id}`.execute(db);
      ran.push({ id: purge.id, what: purge.what, deleted });
    } catch (error) {
      failed.push({ id: purge.id, error });
    }
  }
  return { ran, failed };
}

/** Deletes the rows of `table` whose `column` is before `limit`; returns how many. */
export async function deleteBefore(db: Kysely<PlatformTables>, table: string, column: string, limit: Date, extra = sql``): Promise<number> {
  const result = await sql`delete from ${sql.table(table)} where ${sql.ref(column)} < ${limit} ${extra}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
