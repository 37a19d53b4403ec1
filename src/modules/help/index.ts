import { join } from 'node:path';
import { helpPlacesDataset } from './dataset';
import type { GuichetModule } from '../../platform/module';
import { placesAdminRoutes, placesAdminSections } from './admin.routes';
import { placesImportRoutes } from './import.routes';
import { helpRoutes } from './routes';
import { placesApiRoutes } from './api.routes';
import { helpPersonalData } from './personal-data';
import { placeSavedKind } from './saved-kind';

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
    await app.register(helpRoutes);
    await app.register(placesApiRoutes);
    await app.register(placesAdminRoutes);
    await app.register(placesImportRoutes);
  },
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: helpPersonalData,
  savedKinds: [placeSavedKind],
};
