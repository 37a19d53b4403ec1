import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';

export { countTerritories, ensureTerritories, findCommune, territoryOf, type TenantTerritory } from './store';
export { communeCentres } from './centres';
export type { TerritoryTables } from './tables';

export const territoriesModule: GuichetModule = {
  name: 'territories',
  plugin: async () => {},
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
