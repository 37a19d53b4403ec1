import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** The places where someone helps are public: their contact is the place's, not a person's. Each import names the agent who made it. */
export const helpPersonalData: PersonalDataDeclaration = {
  withoutPersonalData: [{ table: 'help_places', why: 'l’adresse, le téléphone et le courriel publics de chaque lieu d’aide, tirés de données ouvertes ou publiés par une collectivité.' }],
  alsoIn: [{ processing: 'travail-agents', tables: ['help_place_imports'] }],
};
