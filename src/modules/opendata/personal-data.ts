import { sql } from 'kysely';
import type { Purge } from '../../platform/housekeeping/purges';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

/** A closed report's e-mail address is kept this long (to answer a follow-up), then erased. */
export const REPORT_EMAIL_DAYS = 30;

/** « Signaler une erreur » keeps the reporter's e-mail only when given, to send the answer. */
export const opendataPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'signalements-donnees',
      concerned: 'visiteurs',
      title: 'Vos signalements d’erreur dans les données',
      tables: ['opendata_reports'],
      data: 'Ce que vous signalez et, si vous la donnez, votre adresse électronique.',
      purpose: 'Corriger les données publiques et vous répondre.',
      basis: 'mission',
      basisDetail: 'l’ouverture et la qualité des données publiques (code des relations entre le public et l’administration, article L. 312-1)',
      kept: `Le signalement est gardé ; votre adresse électronique est effacée ${REPORT_EMAIL_DAYS} jours après la réponse.`,
      enforced: 'Une tâche automatique efface chaque jour les adresses des signalements clos depuis plus longtemps.',
      recipients: 'Les agents de la collectivité qui produit la donnée.',
    },
  ],
  alsoIn: [{ processing: 'travail-agents', tables: ['opendata_licences'] }],
};

export const opendataPurges: Purge[] = [
  {
    id: 'opendata.report-emails',
    what: `adresses des signalements clos depuis plus de ${REPORT_EMAIL_DAYS} jours`,
    async run(db, now) {
      const limit = new Date(now.getTime() - REPORT_EMAIL_DAYS * 86_400_000);
      const result = await sql`update opendata_reports set email = null where email is not null and closed_at < ${limit}`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },
  },
];
