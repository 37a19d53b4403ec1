import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';
import { runPurges, type Purge } from './purges';

/**
 * Runs the purges in every instance, every `intervalMs` (the claim in runPurges makes each purge
 * run once per interval across instances). The first run comes one minute after start, so that a
 * starting instance serves first. Stopped when the app closes.
 */
export class Housekeeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly options: { db: Kysely<PlatformTables>; purges: readonly Purge[]; intervalMs: number; log?: FastifyBaseLogger; firstDelayMs?: number }) {}

  start(): void {
    if (this.options.intervalMs <= 0) return;
    this.schedule(this.options.firstDelayMs ?? 60_000);
  }

  async close(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    this.running = (async () => {
      try {
        const { ran, failed } = await runPurges(this.options.db, this.options.purges, { intervalMs: this.options.intervalMs });
        const deleted = ran.filter((r) => r.deleted > 0).map((r) => `${r.id}: ${r.deleted}`);
        if (deleted.length) this.options.log?.info({ purges: deleted }, 'housekeeping: data past its retention deleted');
        for (const f of failed) this.options.log?.warn({ err: f.error, purge: f.id }, 'housekeeping: a purge failed');
      } catch (error) {
        this.options.log?.warn({ err: error }, 'housekeeping: could not run');
      }
    })();
    await this.running;
    this.running = undefined;
    if (!this.stopped) this.schedule(this.options.intervalMs);
  }
}
