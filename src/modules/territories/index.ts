import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';

export { countTerritories, ensureTerritories, findCommune } from './store';
export type { TerritoryTables } from './tables';

export const territoriesModule: GuichetModule = {
  name: 'territories',
  plugin: async () => {},
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
