import type { FastifyInstance } from 'fastify';
import type { Purge } from './housekeeping/purges';
import type { DatasetDeclaration } from './open-data';
import type { PersonalDataDeclaration } from './personal-data';
import type { SavedKind } from './saved';

/** A capability of MISSION.md: its routes, and the folder of its migrations if it owns tables. */
export interface GuichetModule {
  name: string;
  plugin: (app: FastifyInstance) => Promise<void>;
  migrationsDir?: string;
  /**
   * What its tables keep about people (`platform/personal-data.ts`): rendered on
   * /donnees-personnelles; a test fails when a table holding personal data is declared nowhere.
   */
  personalData?: PersonalDataDeclaration;
  /** Deletes of what its tables keep past the retention its `personalData` states (platform/housekeeping). */
  purges?: Purge[];
  /**
   * The things of this module people may save (« Mes favoris ») and counsellors may put in a
   * selection (`platform/saved.ts`): jobs, help places, trainings, events.
   */
  savedKinds?: SavedKind[];
  /** The public datasets it produces (`platform/open-data.ts`): catalogued and downloadable on /donnees. */
  datasets?: DatasetDeclaration[];
}
