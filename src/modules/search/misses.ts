/**
 * Searches that found nothing (issue 13, point 6), counted so that agents see what people look
 * for and do not find. Only normalised words are kept (lower case, without accents, letters and
 * digits, long digit runs such as phone numbers dropped, at most 8 words and 100 characters),
 * with the day (UTC) and the tenant the search was made from: no person, no address, no cookie,
 * never the query as typed.
 *
 * The search page does not wait: counts gather in memory and are added to the database by one
 * upsert per (day, tenant, words) every few seconds (and when the app closes, and before the
 * back-office page reads them). Bounded: at most MAX_PENDING keys in memory and
 * MAX_ROWS_PER_DAY distinct rows per tenant and day; beyond, the searches are counted under
 * words = '' (« autres recherches »). Rows older than KEEP_DAYS are removed.
 */
import { sql, type Kysely } from 'kysely';
import { normaliseWord } from '../../platform/search';

export type MissTables = {
  search_misses: { day: string; tenant_id: string; words: string; count: number };
};

export const MAX_ROWS_PER_DAY = 500;
export const MAX_PENDING = 1000;
export const KEEP_DAYS = 371;
const MAX_WORDS = 8;
const MAX_LENGTH = 100;
const FLUSH_MS = 5000;
/** The words of the searches beyond the caps. */
export const OTHER_SEARCHES = '';

/** What is kept of a query: « Carte Grise 0612345678 ! » → « carte grise ». */
export function missWords(text: string): string {
  const words = (normaliseWord(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !/^\p{N}{6,}$/u.test(w) && w.length <= 40).slice(0, MAX_WORDS);
  let out = '';
  for (const word of words) {
    const next = out ? `${out} ${word}` : word;
    if (next.length > MAX_LENGTH) break;
    out = next;
  }
  return out;
}

type Db = Kysely<MissTables>;

interface Pending {
  day: string;
  tenantId: string;
  words: string;
  count: number;
}

const today = () => new Date().toISOString().slice(0, 10);

export class MissRecorder {
  private pending = new Map<string, Pending>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private lastPurge = '';

  constructor(
    private readonly db: Db,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Counts one search without results; returns at once. */
  record(tenantId: string, text: string): void {
    let words = missWords(text);
    if (!words) return;
    const day = today();
    let key = `${day}\u0000${tenantId}\u0000${words}`;
    if (!this.pending.has(key) && this.pending.size >= MAX_PENDING) {
      words = OTHER_SEARCHES;
      key = `${day}\u0000${tenantId}\u0000`;
    }
    const entry = this.pending.get(key);
    if (entry) entry.count++;
    else this.pending.set(key, { day, tenantId, words, count: 1 });
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flush().catch(this.onError);
      }, FLUSH_MS);
      this.timer.unref();
    }
  }

  /** Writes what is pending; concurrent calls wait for each other. */
  flush(): Promise<void> {
    const run = this.flushing.then(() => this.write());
    this.flushing = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async write(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    await this.db.transaction().execute(async (trx) => {
      for (const p of batch) {
        // A new row only while the tenant's day has fewer than MAX_ROWS_PER_DAY; else « autres recherches ».
        await sql`
          insert into search_misses (day, tenant_id, words, count)
          select ${p.day}::date, ${p.tenantId}, case
              when ${p.words} = ${OTHER_SEARCHES}
                or exists (select 1 from search_misses where day = ${p.day}::date and tenant_id = ${p.tenantId} and words = ${p.words})
                or (select count(*) from search_misses where day = ${p.day}::date and tenant_id = ${p.tenantId}) < ${MAX_ROWS_PER_DAY}
              then ${p.words} else ${OTHER_SEARCHES} end,
            ${p.count}
          where exists (select 1 from platform_tenants where id = ${p.tenantId})
          on conflict (day, tenant_id, words) do update set count = search_misses.count + excluded.count`.execute(trx);
      }
      const day = today();
      if (this.lastPurge !== day) {
        await sql`delete from search_misses where day < current_date - ${KEEP_DAYS}::integer`.execute(trx);
        this.lastPurge = day;
      }
    });
  }
}

const recorders = new WeakMap<object, MissRecorder>();

/** The recorder of a database handle (one per app). */
export function missRecorderOf(platformDb: object, onError: (error: unknown) => void = () => undefined): MissRecorder {
  let recorder = recorders.get(platformDb);
  if (!recorder) recorders.set(platformDb, (recorder = new MissRecorder(platformDb as Db, onError)));
  return recorder;
}

export interface WeeklyMiss {
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  tenantId: string;
  tenantName: string;
  words: string;
  count: number;
}

export interface WeekSummary {
  week: string;
  /** Searches without results that week. */
  total: number;
  /** The most frequent words, at most `top`. */
  rows: WeeklyMiss[];
}

/**
 * Weekly counts of the last `weeks` weeks, most recent first: one tenant's, or the whole
 * platform's (tenantId undefined), each week's `top` most frequent words.
 */
export async function weeklyMisses(platformDb: object, tenantId: string | undefined, weeks = 8, top = 30): Promise<WeekSummary[]> {
  const db = platformDb as Db;
  const only = tenantId === undefined ? sql`true` : sql`m.tenant_id = ${tenantId}`;
  const rows = await sql<{ week: string; tenant_id: string; tenant_name: string; words: string; n: number | string; total: number | string; rank: number | string }>`
    with weekly as (
      select date_trunc('week', m.day)::date as week, m.tenant_id, m.words, sum(m.count) as n
      from search_misses m
      where ${only} and m.day >= date_trunc('week', current_date)::date - ${(weeks - 1) * 7}::integer
      group by 1, 2, 3
    ), ranked as (
      select w.*, row_number() over (partition by w.week order by w.n desc, w.words, w.tenant_id) as rank,
        sum(w.n) over (partition by w.week) as total
      from weekly w
    )
    select r.week::text as week, r.tenant_id, t.name as tenant_name, r.words, r.n, r.total, r.rank
    from ranked r join platform_tenants t on t.id = r.tenant_id
    where r.rank <= ${top}
    order by r.week desc, r.rank`.execute(db);
  const out: WeekSummary[] = [];
  for (const r of rows.rows) {
    let week = out[out.length - 1];
    if (!week || week.week !== r.week) out.push((week = { week: r.week, total: Number(r.total), rows: [] }));
    week.rows.push({ week: r.week, tenantId: r.tenant_id, tenantName: r.tenant_name, words: r.words, count: Number(r.n) });
  }
  return out;
}
