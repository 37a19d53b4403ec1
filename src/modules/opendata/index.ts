import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { opendataAdminRoutes } from './admin.routes';
import { authoritiesDataset } from './authorities-dataset';
import { opendataPersonalData, opendataPurges } from './personal-data';
import { opendataRoutes } from './routes';

/**
 * C9 open data (issue 16 c): the catalogue /donnees of every module's declared datasets, their
 * pages and streamed downloads, the DCAT-AP catalogue, the licence each authority chooses and
 * the « Signaler une erreur » reports (docs/open-data.md).
 */
export const opendataModule: GuichetModule = {
  name: 'opendata',
  datasets: [authoritiesDataset],
  personalData: opendataPersonalData,
  purges: opendataPurges,
  migrationsDir: join(import.meta.dirname, 'migrations'),
  plugin: async (app) => {
    app.platform.adminSections.push({ path: '/donnees', label: 'Données ouvertes', description: 'Choisir la licence des données publiées par la collectivité.' });
    await app.register(opendataRoutes);
    await app.register(opendataAdminRoutes);
  },
};
