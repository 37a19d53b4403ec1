import { join } from 'node:path';
import { aidsDataset } from './dataset';
import { aidsDb } from './store';
import type { GuichetModule } from '../../platform/module';
import { aidsAdminRoutes } from './admin.routes';
import { aidsImportRoutes } from './import.routes';
import { aidsRoutes } from './routes';
import { aidVersionsRoutes } from './versions.routes';
import { aidsPersonalData } from './personal-data';

export * from './format';
export type { AidApplicationsPort } from './application-port';
export { explainCondition, explainEligibility, formatAmount, describeTerritory, type Sentence } from './explain';
export { checkAid, validateAid, isAid, fieldLabel, type AidError, type FormatError } from './validate';
export { formatEuros } from './explain';
export { NAF_FAMILIES, nafActivity, nafListed, nafMatches, nafText, type NafActivity, type NafFamily } from './naf';
export { aidColumns, aidsDb, saveAid, prefilter, prefilterVersions, publishedOnThemes, residenceCodes, territoryCodes, ageBounds, publishedAid, InvalidAidError } from './store';
export type { AidsTables, AidStatus } from './tables';
export { aidsSearchSource } from './search-source';
export { AidId } from './routes';

/** C5 a: the referential of public aids, its public pages and its open export. */
export const aidsModule: GuichetModule = {
  name: 'aids',
  datasets: [aidsDataset],
  plugin: async (app) => {
    app.platform.adminSections.push(
      { path: '/aides', label: 'Aides', description: 'Créer, modifier, prévisualiser, publier et importer les aides de la collectivité.', group: 'aides' },
      { path: '/aides/import', label: 'Importer des aides', description: 'Vérifier puis importer un fichier JSON ou CSV d’aides.', group: 'aides' },
    );
    app.platform.auditTargets.set('aid', async (tenantId, ids) => {
      const rows = await aidsDb(app.platform.db).selectFrom('aids').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', ids).execute();
      return new Map(rows.map((row) => [row.id, `Aide « ${row.name} »`]));
    });
    await app.register(aidsRoutes);
    await app.register(aidsAdminRoutes);
    await app.register(aidsImportRoutes);
    await app.register(aidVersionsRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: aidsPersonalData,
};
