import { join } from 'node:path';
import { helpPlacesDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { placesAdminRoutes, placesAdminSections } from './admin.routes';
import { placesImportRoutes } from './import.routes';
import { helpRoutes } from './routes';
import { placesApiRoutes } from './api.routes';
import { helpPersonalData } from './personal-data';
import { placeSavedKind } from './saved-kind';
import { helpDb } from './store';

export { describeWeek, franceServicesHoursToFrench, mediationHoursToFrench, parseOsmHours, tidyText } from './hours';
export type { HelpPlace, HelpPlaceKind, HelpPlacesTable, HelpTables } from './tables';
export { helpPlacesSearchSource } from './search-source';
export { KIND_LABELS, ORIENTATION_KINDS, ORIENTATION_TYPE } from './kinds';
export { OrientationPlacesForm, orientationPlacesHref } from './views/orientation-link';
export { resolveCommune } from './service';
export { communeCentres, nearPoint, type NearPoint, type NearResult } from './near';

/** C7: the places where a person can be helped by someone, near them. */
export const helpModule: GuichetModule = {
  name: 'help',
  datasets: [helpPlacesDataset],
  plugin: async (app) => {
    app.platform.adminSections.push(...placesAdminSections);
    app.platform.auditTargets.set('help_place', async (tenantId, ids) => {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
      if (uuids.length === 0) return new Map();
      const rows = await helpDb(app.platform.db).selectFrom('help_places').select(['id', 'name']).where('tenant_id', '=', tenantId).where('id', 'in', uuids).execute();
      return new Map(rows.map((row) => [row.id, `Lieu « ${row.name} »`]));
    });
    await app.register(helpRoutes);
    await app.register(placesApiRoutes);
    await app.register(placesAdminRoutes);
    await app.register(placesImportRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: helpPersonalData,
  savedKinds: [placeSavedKind],
};
