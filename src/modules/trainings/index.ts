import { join } from 'node:path';
import { trainingsDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { trainingsImportRoutes } from './import.routes';
import { jobTrainingsPort } from './job-trainings';
import { trainingsPersonalData } from './personal-data';
import { trainingsRoutes } from './routes';
import { trainingSavedKind } from './saved-kind';

export type { TrainingsTables } from './tables';
export type { Training } from './model';
export type { LikelyAid, LikelyAidsPort } from './likely-port';
export { DEMO_MENTION } from './model';
export { demoCommunes, generateDemoTrainings, DEMO_SEED, type DemoCommune, type DemoJob } from './demo';
export { insertTrainings, trainingsDb, countTrainings } from './store';
export { parseLheo, toLheo } from './lheo';
export { searchTrainings } from './service';
export { TRAINING_DOCUMENT_TYPE, trainingsSearchSource } from './search-source';

/**
 * C6 Orientation, part b: trainings on the model of LHEO 2.3 (the Carif-Oref's format), their
 * search at /orientation/formations, their pages with costs and financing, the LHEO import in the
 * back office, the JSON and LHEO exports; the job sheets list them through `platform.jobTrainings`.
 */
export const trainingsModule: GuichetModule = {
  name: 'trainings',
  datasets: [trainingsDataset],
  plugin: async (app) => {
    app.platform.jobTrainings = jobTrainingsPort(app.platform.db);
    app.platform.adminSections.push({ path: '/formations/import', label: 'Importer des formations', description: 'Vérifier puis importer un fichier LHEO (XML) de formations.', group: 'orientation' });
    await app.register(trainingsRoutes);
    await app.register(trainingsImportRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: trainingsPersonalData,
  savedKinds: [trainingSavedKind],
};
