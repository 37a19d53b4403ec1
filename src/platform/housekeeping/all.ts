import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';
import type { PeriodicJob } from '../jobs';
import type { GuichetModule } from '../module';
import { platformPurges } from './platform-purges';
import { runPurges, type Purge, type PurgeDeps } from './purges';

/** The platform's purges, then every module's, in registration order. */
export function allPurges(modules: readonly GuichetModule[]): Purge[] {
  return [...platformPurges, ...modules.flatMap((m) => m.purges ?? [])];
}

export const HOUSEKEEPING_JOB = 'housekeeping';

/**
 * The purges as one periodic job: the job's claim (platform/jobs.ts) makes one instance run them
 * per interval. A purge that fails is logged and the others still run.
 */
export function housekeepingJob(db: Kysely<PlatformTables>, purges: readonly Purge[], everyMs: number, deps: PurgeDeps, log?: FastifyBaseLogger): PeriodicJob {
  return {
    name: HOUSEKEEPING_JOB,
    everyMs,
    run: async (now) => {
      const { ran, failed } = await runPurges(db, purges, now, deps);
      const deleted = ran.filter((r) => r.deleted > 0).map((r) => `${r.id}: ${r.deleted}`);
      if (deleted.length) log?.info({ purges: deleted }, 'housekeeping: data past its retention deleted');
      for (const f of failed) log?.warn({ err: f.error, purge: f.id }, 'housekeeping: a purge failed');
    },
  };
}
