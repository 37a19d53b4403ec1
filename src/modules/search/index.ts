import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { searchRoutes } from './routes';

export { search, cleanQuery, MAX_QUERY_LENGTH } from './query';
export { searchSources } from './sources';
export { rebuildSearchIndex } from './rebuild';
export { searchOpenApiPath } from './openapi';

/** C2: the one search over every published object of every authority (issue 13). */
export const searchModule: GuichetModule = {
  name: 'search',
  plugin: async (app) => {
    await app.register(searchRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
};
