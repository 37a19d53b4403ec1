import { jobsApiRoutes } from './api.routes';
import { join } from 'node:path';
import { jobSheetsDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { notesAdminRoutes, notesAdminSections } from './notes.routes';
import { orientationRoutes } from './routes';
import { jobSavedKind } from './saved-kind';
import { orientationDb } from './store';

export type { OrientationTables } from './tables';
export type { JobTrainingsList, JobTrainingsPort } from './trainings-port';
export { JOB_DOCUMENT_TYPE, jobsSearchSource } from './search-source';
export { jobLabels, type JobEvent, type JobEventsPort } from './events';
export { listDomains, orientationDb, type Domain as JobDomain } from './store';

/**
 * C6 Orientation, part a: the jobs of France Travail's ROME 4.0 (fiches, appellations,
 * definitions, access, mobility, centres d'intérêt), loaded by the seed and `npm run reindex`
 * from seed/data/rome (seed/orientation.ts), browsed at /orientation/metiers and found by the one search.
 * A sheet lists the trainings that lead to its job through `platform.jobTrainings` (trainings-port.ts).
 */
export const orientationModule: GuichetModule = {
  name: 'orientation',
  datasets: [jobSheetsDataset],
  plugin: async (app) => {
    app.platform.adminSections.push(...notesAdminSections);
    // A note is named by its job sheet (the target id is the sheet's ROME code).
    app.platform.auditTargets.set('orientation_note', async (_tenantId, ids) => {
      const rows = await orientationDb(app.platform.db).selectFrom('orientation_fiches').select(['code', 'label']).where('code', 'in', ids).execute();
      return new Map(rows.map((row) => [row.code, `Mot sur la fiche « ${row.label} » (${row.code})`]));
    });
    await orientationRoutes(app);
    await app.register(jobsApiRoutes);
    await notesAdminRoutes(app);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  savedKinds: [jobSavedKind],
  personalData: {
    alsoIn: [{ processing: 'travail-agents', tables: ['orientation_note_versions'] }],
  },
};
