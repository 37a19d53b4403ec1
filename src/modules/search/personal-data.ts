import type { PersonalDataDeclaration } from '../../platform/personal-data';
import { KEEP_DAYS } from './misses';

/** The searches without result are counted per day and authority, never with who searched. */
export const searchPersonalData: PersonalDataDeclaration = {
  withoutPersonalData: [
    { table: 'search_misses', why: `les mots cherchés sans résultat, comptés par jour, sans savoir qui les a cherchés ; effacés après ${KEEP_DAYS} jours.` },
  ],
};
