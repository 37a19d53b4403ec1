import { sql } from 'kysely';
import { DAY, type Purge } from '../../platform/housekeeping/purges';
import type { PersonalDataDeclaration } from '../../platform/personal-data';
import { KEEP_DAYS } from './misses';

/** The searches without result are counted per day and authority, never with who searched. */
export const searchPersonalData: PersonalDataDeclaration = {
  withoutPersonalData: [
    { table: 'search_misses', why: `les mots cherchés sans résultat, comptés par jour, sans savoir qui les a cherchés ; effacés après ${KEEP_DAYS} jours.` },
  ],
};

/** Also when nobody searches in vain for a while (a new miss deletes the old ones too, misses.ts). */
export const searchPurges: Purge[] = [
  {
    id: 'search.misses',
    what: `recherches sans résultat de plus de ${KEEP_DAYS} jours`,
    run: async (db, now) => {
      const limit = new Date(now.getTime() - KEEP_DAYS * DAY).toISOString().slice(0, 10);
      return Number((await sql`delete from search_misses where day < ${limit}::date`.execute(db)).numAffectedRows ?? 0n);
    },
  },
];
