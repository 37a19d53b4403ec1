import { sql, type RawBuilder } from 'kysely';
import type { DatasetRow } from './open-data';

/**
 * `and (k1, k2…) > (v1, v2…)` for a keyset page after `after` (nothing for the first page): the
 * columns must be the page's `order by`, unique together, and named in the row as in `keys`.
 */
export function afterRow(after: DatasetRow | undefined, columns: ReadonlyArray<[column: string, rowField: string]>): RawBuilder<unknown> {
  if (!after) return sql``;
  const refs = sql.join(columns.map(([column]) => sql.ref(column)));
  const values = sql.join(columns.map(([, field]) => {
    const value = after[field];
    return value === null || value === undefined ? sql`null` : sql`${value}`;
  }));
  return sql`and (${refs}) > (${values})`;
}

/** Producer stats grouped by a tenant column, from a raw select of (producer, count, last). */
export interface ProducerStatsRow {
  producer: string | null;
  count: number | string;
  last: Date | string | null;
  start?: Date | string | null;
  end?: Date | string | null;
}

export function producerStats(rows: readonly ProducerStatsRow[]) {
  const date = (v: Date | string | null | undefined) => (v === null || v === undefined ? null : new Date(v));
  return rows.map((r) => {
    const start = date(r.start);
    const end = date(r.end);
    return { producer: r.producer, count: Number(r.count), lastModified: date(r.last), temporal: start && end ? { start, end } : undefined };
  });
}
