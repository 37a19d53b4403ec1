import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Each version of a page or a news item names its author (an agent). */
export const contentPersonalData: PersonalDataDeclaration = {
  alsoIn: [{ processing: 'travail-agents', tables: ['content_versions'] }],
};
