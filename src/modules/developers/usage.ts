import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { developersDb } from './tables';

/** Upper bounds (ms) of the latency buckets; the last one holds everything slower. */
export const LATENCY_BUCKETS_MS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, Infinity];

export function bucketOf(ms: number): number {
  return LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
}

/** The day in UTC, as PostgreSQL's `date`. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/**
 * Counts each keyed request in memory (day, application, operation, status, latency bucket) and
 * adds the counts to `developer_usage` every few seconds and when the instance stops: a request
 * never waits for it, and several instances add up in the same rows.
 */
export class UsageRecorder {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(private readonly db: Kysely<PlatformTables>, private readonly intervalMs = 5000) {}

  record(applicationId: string, operation: string, status: number, ms: number, at = new Date()): void {
    const key = JSON.stringify([dayOf(at), applicationId, operation, status, bucketOf(ms)]);
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Writes what is counted so far (tests call it instead of waiting). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    this.flushing = this.flushing.then(() => this.write(batch)).catch(() => undefined);
    return this.flushing;
  }

  private async write(batch: Map<string, number>): Promise<void> {
    if (batch.size === 0) return;
    const rows = [...batch].map(([key, count]) => {
      const [day, application_id, operation, status, latency_bucket] = JSON.parse(key) as [string, string, string, number, number];
      return { day, application_id, operation, status, latency_bucket, count };
    });
    await developersDb(this.db)
      .insertInto('developer_usage')
      .values(rows)
      .onConflict((oc) => oc.columns(['day', 'application_id', 'operation', 'status', 'latency_bucket']).doUpdateSet({ count: sql`developer_usage.count + excluded.count` }))
      .execute()
      // An application deleted meanwhile: its counts go with it.
      .catch(() => undefined);
  }
}

export interface DayUsage {
  day: string;
  operation: string;
  requests: number;
  errors: number;
  /** The 95th percentile's bucket bound, in ms (`null` beyond the last bound). */
  p95: number | null;
}

/** An application's usage per day and operation over the last `days` days, up to `until`. */
export async function usageOf(db: Kysely<PlatformTables>, applicationIds: readonly string[], days = 30, until = new Date()): Promise<DayUsage[]> {
  if (applicationIds.length === 0) return [];
  const since = dayOf(new Date(until.getTime() - (days - 1) * 86_400_000));
  const rows = await developersDb(db)
    .selectFrom('developer_usage')
    .select(['day', 'operation', 'status', 'latency_bucket', 'count'])
    .where('application_id', 'in', applicationIds)
    .where('day', '>=', since)
    .execute();
  const byKey = new Map<string, { day: string; operation: string; requests: number; errors: number; buckets: number[] }>();
  for (const row of rows) {
    const day = typeof row.day === 'string' ? row.day.slice(0, 10) : dayOf(row.day as unknown as Date);
    const key = `${day} ${row.operation}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { day, operation: row.operation, requests: 0, errors: 0, buckets: LATENCY_BUCKETS_MS.map(() => 0) }));
    entry.requests += row.count;
    if (row.status >= 400) entry.errors += row.count;
    entry.buckets[row.latency_bucket] = (entry.buckets[row.latency_bucket] ?? 0) + row.count;
  }
  return [...byKey.values()]
    .map(({ buckets, ...rest }) => ({ ...rest, p95: percentileBound(buckets, 0.95) }))
    .sort((a, b) => a.day.localeCompare(b.day) || a.operation.localeCompare(b.operation));
}

function percentileBound(buckets: number[], rank: number): number | null {
  const total = buckets.reduce((a, b) => a + b, 0);
  let seen = 0;
  for (const [index, count] of buckets.entries()) {
    seen += count;
    if (seen >= rank * total && count > 0) {
      const bound = LATENCY_BUCKETS_MS[index]!;
      return Number.isFinite(bound) ? bound : null;
    }
  }
  return null;
}
