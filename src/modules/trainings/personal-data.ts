import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Each import of trainings names the agent who made it; nothing is kept about the people who read them. */
export const trainingsPersonalData: PersonalDataDeclaration = {
  alsoIn: [{ processing: 'travail-agents', tables: ['trainings_imports'] }],
  withoutPersonalData: [{ table: 'trainings_organismes', why: 'l’adresse, le téléphone et le courriel publics de contact de chaque organisme de formation.' }],
};
