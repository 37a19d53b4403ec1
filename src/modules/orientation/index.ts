import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { orientationRoutes } from './routes';

export type { OrientationTables } from './tables';
export { JOB_DOCUMENT_TYPE, jobsSearchSource } from './search-source';
export { jobLabels, type JobEvent, type JobEventsPort } from './events';
export { listDomains, orientationDb, type Domain as JobDomain } from './store';

/**
 * C6 Orientation, part a: the jobs of France Travail's ROME 4.0 (fiches, appellations,
 * definitions, access, mobility, centres d'intérêt), loaded by the seed and `npm run reindex`
 * from seed/data/rome (seed/orientation.ts), browsed at /orientation/metiers and found by the one search.
 */
export const orientationModule: GuichetModule = {
  name: 'orientation',
  plugin: orientationRoutes,
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
