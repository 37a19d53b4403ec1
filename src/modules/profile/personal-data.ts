import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { ProfileTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

const SOURCES: Record<string, string> = { franceconnect: 'FranceConnect', declared: 'vous' };

async function profileCopy(db: Kysely<PlatformTables>, accountId: string) {
  const rows = await db.withTables<ProfileTables>().selectFrom('profile_fields').select(['field', 'value', 'source', 'received_at']).where('account_id', '=', accountId).orderBy('field').execute();
  return Object.fromEntries(rows.map((row) => [row.field, { valeur: row.value, source: SOURCES[row.source] ?? row.source, le: row.received_at }]));
}


/** The person's profile (profile_fields), each field with where it came from. */
export const profilePersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'profil',
      concerned: 'personnes',
      title: 'Votre profil',
      tables: ['profile_fields'],
      data: 'ce que vous choisissez de remplir : nom, prénoms, date et lieu de naissance, adresse, téléphone, situation, foyer, organisme ; pour chaque donnée, sa source (FranceConnect ou vous) et sa date.',
      purpose: 'remplir à votre place les formulaires de demande, et trouver les aides pour vous. Rien n’est repris dans une demande sans votre accord.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous effaciez la donnée (« Mon compte » › « Mon profil ») ou votre compte.',
      enforced: 'l’effacement est immédiat.',
      recipients: 'vous ; les agents qui instruisent une demande, seulement pour ce que vous y avez mis.',
    },
  ],
  copies: [{ key: 'profil', tables: ['profile_fields'], read: profileCopy }],
};
