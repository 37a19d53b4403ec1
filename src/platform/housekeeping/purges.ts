import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';
import type { Mailer } from '../mail/mailer';

/** What a purge may need beyond the database: to write to people before it deletes their data. */
export interface PurgeDeps {
  /** Queues a mail in the outbox (in the purge's transaction when given one). */
  mailer: Pick<Mailer, 'send'>;
  /** The site's address, for the links in those mails. */
  publicUrl: string;
}

/**
 * A purge deletes what a module keeps past the retention it states on /donnees-personnelles
 * (platform/personal-data.ts). Each purge is a short delete, idempotent, safe to run at any time.
 */
export interface Purge {
  /** Stable identifier (« accounts.expired-links »). */
  id: string;
  /** Plain words, for the operator's log and `npm run purge`. */
  what: string;
  /** Deletes and returns how many rows went (`deps` is absent only in tests of other purges). */
  run(db: Kysely<PlatformTables>, now: Date, deps?: PurgeDeps): Promise<number>;
}

export interface PurgeOutcome {
  id: string;
  what: string;
  deleted: number;
}

/** Runs every purge at `now`; one failing purge does not stop the others: its error is returned. */
export async function runPurges(db: Kysely<PlatformTables>, purges: readonly Purge[], now = new Date(), deps?: PurgeDeps): Promise<{ ran: PurgeOutcome[]; failed: Array<{ id: string; error: unknown }> }> {
  const ran: PurgeOutcome[] = [];
  const failed: Array<{ id: string; error: unknown }> = [];
  for (const purge of purges) {
    try {
      ran.push({ id: purge.id, what: purge.what, deleted: await purge.run(db, now, deps) });
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
