import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';

export type { OrientationTables } from './tables';

/**
 * C6 Orientation, part a: the jobs of France Travail's ROME 4.0 (fiches, appellations,
 * definitions, access, mobility, centres d'intérêt), loaded by the seed and `npm run reindex`
 * from seed/data/rome (seed/orientation.ts).
 */
export const orientationModule: GuichetModule = {
  name: 'orientation',
  plugin: async () => undefined,
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
