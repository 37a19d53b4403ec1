import type { FastifyBaseLogger } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from './db/tables';

/** A periodic background job: what it does at `now` (tests pass their own clock). */
export interface PeriodicJob {
  name: string;
  /** How often it runs, across all instances. */
  everyMs: number;
  /** Longest run expected: after this, another instance may take the job back (its runner died). */
  leaseMs?: number;
  run(now: Date): Promise<void>;
}

/**
 * Periodic jobs shared by every instance (migration 0341, table platform_jobs): before running a
 * job, an instance claims its row with one atomic UPDATE that succeeds only if no lease is held
 * and the interval has passed since the last start; so behind a load balancer each job runs once
 * per interval, and a job whose instance died is taken back when its lease ends. A job must be
 * idempotent all the same (a run cut by a crash is run again): what it sends, it records in the
 * same transaction (e.g. the reminders of the members module).
 */
export class PeriodicJobs {
  private readonly jobs = new Map<string, PeriodicJob>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly db: Kysely<PlatformTables>, private readonly options: { log?: FastifyBaseLogger; pollMs?: number } = {}) {}

  /** Registers a job (modules, when they are registered). */
  add(job: PeriodicJob): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} registered twice`);
    this.jobs.set(job.name, job);
  }

  /** Starts looking for due jobs every pollMs (default one minute). */
  start(): void {
    this.stopped = false;
    this.schedule(1_000);
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    while (this.running) await this.running;
  }

  /**
   * Runs a job now if this instance can claim it (the interval is ignored when `force`); returns
   * whether it ran. Tests call it with their own clock.
   */
  async runNow(name: string, now = new Date(), force = true): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`no job ${name}`);
    if (!(await this.claim(job, force))) return false;
    try {
      await job.run(now);
      await this.db.updateTable('platform_jobs').set({ locked_until: null, last_finished_at: sql<Date>`now()`, last_error: null }).where('name', '=', name).execute();
    } catch (error) {
      this.options.log?.error({ err: error, job: name }, 'periodic job failed');
      const reason = error instanceof Error ? error.message : String(error);
      await this.db.updateTable('platform_jobs').set({ locked_until: null, last_error: reason.slice(0, 500) }).where('name', '=', name).execute();
    }
    return true;
  }

  private async claim(job: PeriodicJob, force: boolean): Promise<boolean> {
    await this.db.insertInto('platform_jobs').values({ name: job.name }).onConflict((c) => c.column('name').doNothing()).execute();
    const leaseSeconds = Math.ceil((job.leaseMs ?? 10 * 60_000) / 1000);
    const everySeconds = force ? 0 : Math.floor(job.everyMs / 1000);
    const claimed = await sql<{ name: string }>`
      update platform_jobs set locked_until = now() + make_interval(secs => ${leaseSeconds}), last_started_at = now()
      where name = ${job.name}
        and (locked_until is null or locked_until < now())
        and (last_started_at is null or last_started_at <= now() - make_interval(secs => ${everySeconds}))
      returning name`.execute(this.db);
    return claimed.rows.length === 1;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      for (const job of this.jobs.values()) {
        if (this.stopped) break;
        try {
          await this.runNow(job.name, new Date(), false);
        } catch (error) {
          // The database is away for a moment: the next tick tries again.
          this.options.log?.warn({ err: error, job: job.name }, 'periodic jobs: could not claim');
        }
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.options.pollMs ?? 60_000);
  }
}
