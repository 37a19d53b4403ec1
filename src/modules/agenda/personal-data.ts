import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** Each event and each import names the agent who wrote it. */
export const agendaPersonalData: PersonalDataDeclaration = {
  alsoIn: [{ processing: 'travail-agents', tables: ['agenda_events', 'agenda_imports'] }],
};
