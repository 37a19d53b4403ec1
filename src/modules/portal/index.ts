import type { GuichetModule } from '../../platform/module';
import { portalRoutes } from './routes';

export { datasets, type Dataset } from './sources';

/** The platform's shared pages: accessibility, legal notice, personal data, sources, authorities. */
export const portalModule: GuichetModule = {
  name: 'portal',
  plugin: portalRoutes,
};
