import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { aidsRoutes } from './routes';

export * from './format';
export { explainCondition, explainEligibility, formatAmount, describeTerritory, type Sentence } from './explain';
export { aidsDb, saveAid, prefilter, prefilterVersions, residenceCodes, territoryCodes, ageBounds, publishedAid, InvalidAidError } from './store';
export type { AidsTables, AidStatus } from './tables';

/** C5 a: the referential of public aids, its public pages and its open export. */
export const aidsModule: GuichetModule = {
  name: 'aids',
  plugin: aidsRoutes,
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
