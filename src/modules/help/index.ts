import { join } from 'node:path';
import type { GuichetModule } from '../../platform/module';
import { helpRoutes } from './routes';
import { helpPersonalData } from './personal-data';

export { describeWeek, franceServicesHoursToFrench, mediationHoursToFrench, parseOsmHours, tidyText } from './hours';
export type { HelpPlace, HelpPlaceKind, HelpPlacesTable, HelpTables } from './tables';
export { helpPlacesSearchSource } from './search-source';
export { resolveCommune } from './service';
export { communeCentres, nearPoint, type NearPoint, type NearResult } from './near';

/** C7: the places where a person can be helped by someone, near them. */
export const helpModule: GuichetModule = {
  name: 'help',
  plugin: helpRoutes,
  migrationsDir: join(import.meta.dirname, 'migrations'),
  personalData: helpPersonalData,
};
