import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { opendataAdminRoutes } from './admin.routes';
import { authoritiesDataset } from './authorities-dataset';
import { opendataPersonalData, opendataPurges } from './personal-data';
import { reportAdminRoutes } from './reports-admin.routes';
import { reportRoutes } from './reports.routes';
import { opendataRoutes } from './routes';
import { opendataDb } from './tables';

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
    app.platform.adminSections.push(
      { path: '/donnees', label: 'Données ouvertes', description: 'Choisir la licence des données publiées par la collectivité.', group: 'reglages' },
      { path: '/signalements', label: 'Erreurs signalées', description: 'Traiter les erreurs que le public signale dans les données de la collectivité.', group: 'contenus' },
    );
    const { platform } = app;
    platform.auditTargets.set('dataset', async (_tenantId, ids) => new Map(ids.map((id) => [id, `Jeu de données « ${platform.datasets.find((d) => d.id === id)?.title ?? id} »`])));
    platform.auditTargets.set('data_report', async (tenantId, ids) => {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await opendataDb(platform.db).selectFrom('opendata_reports').select(['id', 'object_title']).where('tenant_id', '=', tenantId).where('id', 'in', uuids).execute();
      return new Map(rows.map((r) => [r.id, `Signalement sur « ${r.object_title} »`]));
    });
    await app.register(opendataRoutes);
    await app.register(opendataAdminRoutes);
    await app.register(reportRoutes);
    await app.register(reportAdminRoutes);
  },
};
