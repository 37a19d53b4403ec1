import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Each version of an aid, and each import, names the agent who made it. */
export const aidsPersonalData: PersonalDataDeclaration = {
  alsoIn: [{ processing: 'travail-agents', tables: ['aids_versions', 'aids_imports'] }],
};
