import { join } from 'node:path';
import { searchMissesDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { searchAdminRoutes, searchAdminSections } from './admin.routes';
import { searchRoutes } from './routes';
import { missesApiRoutes } from './misses.routes';
import { searchPersonalData } from './personal-data';

export { search, cleanQuery, MAX_QUERY_LENGTH } from './query';
export { searchSources } from './sources';
export { rebuildSearchIndex, rebuildStaleSearchIndex } from './rebuild';

/** C2: the one search over every published object of every authority (issue 13). */
export const searchModule: GuichetModule = {
  name: 'search',
  datasets: [searchMissesDataset],
  plugin: async (app) => {
    app.platform.adminSections.push(...searchAdminSections);
    await app.register(searchRoutes);
    await app.register(missesApiRoutes);
    await app.register(searchAdminRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: searchPersonalData,
};
