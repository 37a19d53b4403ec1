import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { IdpTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

async function consentsCopy(db: Kysely<PlatformTables>, accountId: string) {
  const rows = await db
    .withTables<IdpTables>()
    .selectFrom('idp_consents')
    .innerJoin('idp_clients', 'idp_clients.id', 'idp_consents.client_id')
    .select(['idp_clients.name as name', 'idp_consents.scopes as scopes', 'idp_consents.granted_at as granted_at'])
    .where('idp_consents.account_id', '=', accountId)
    .orderBy('idp_consents.granted_at')
    .execute();
  return rows.map((row) => ({ application: row.name, donneesAcceptees: row.scopes, autoriseeLe: row.granted_at }));
}


/** Guichet as an OpenID provider: the consents given, and the provider's codes and tokens. */
export const identityProviderPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'applications-autorisees',
      concerned: 'personnes',
      title: 'Les applications que vous avez autorisées',
      tables: ['idp_consents', 'idp_payloads'],
      data: 'quelle application d’une collectivité peut vous connecter avec votre compte Guichet, et quelles données vous avez accepté de lui donner ; les codes et jetons de connexion en cours.',
      purpose: 'vous connecter aux services en ligne des collectivités avec le même compte.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous retiriez l’autorisation (« Mon compte » › « Applications autorisées ») ; les codes et jetons, jusqu’à leur expiration.',
      enforced: 'le retrait est immédiat ; les codes et jetons expirés sont effacés chaque heure.',
      recipients:
        'l’application autorisée, pour les seules données que vous avez acceptées : votre identité, votre profil (« Voir votre profil ») ou vos démarches auprès de la collectivité qui propose l’application (« Voir vos démarches et leur avancement ») ; chaque lecture est inscrite au journal de Guichet.',
    },
  ],
  copies: [{ key: 'applicationsAutorisees', tables: ['idp_consents'], read: consentsCopy }],
  notCopied: [{ table: 'idp_payloads', why: 'les codes et jetons de connexion ne servent que quelques minutes ou quelques heures, et sont secrets.' }],
  alsoIn: [{ processing: 'travail-agents', tables: ['idp_clients'] }],
};
