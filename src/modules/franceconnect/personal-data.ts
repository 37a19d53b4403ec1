import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { FranceConnectTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

async function linkCopy(db: Kysely<PlatformTables>, accountId: string) {
  const link = await db.withTables<FranceConnectTables>().selectFrom('franceconnect_links').select(['sub', 'linked_at', 'last_seen_at']).where('account_id', '=', accountId).executeTakeFirst();
  return link ? { identifiantFranceConnect: link.sub, lieLe: link.linked_at, derniereConnexion: link.last_seen_at } : null;
}


/** The link between a Guichet account and a FranceConnect identity, and sign-ins in progress. */
export const franceConnectPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'franceconnect',
      concerned: 'personnes',
      title: 'Votre liaison avec FranceConnect',
      tables: ['franceconnect_links', 'franceconnect_flows', 'franceconnect_standin_store'],
      data: 'l’identifiant que FranceConnect donne à Guichet pour vous (il ne sert qu’ici), les dates de liaison et de dernière connexion ; pendant une connexion, quelques minutes, de quoi vérifier la réponse de FranceConnect.',
      purpose: 'vous connecter avec FranceConnect, et reprendre votre identité certifiée dans votre profil.',
      basis: 'consentement',
      kept: 'jusqu’à ce que vous retiriez la liaison (« Mon compte » › « FranceConnect ») ou supprimiez votre compte ; une connexion en cours, quelques minutes.',
      enforced: 'la liaison est effacée tout de suite ; les connexions commencées et expirées sont effacées chaque heure.',
      recipients: 'vous ; FranceConnect (l’État) pendant la connexion.',
    },
  ],
  copies: [{ key: 'franceConnect', tables: ['franceconnect_links'], read: linkCopy }],
  notCopied: [
    { table: 'franceconnect_flows', why: 'une connexion en cours ne dure que quelques minutes.' },
    { table: 'franceconnect_standin_store', why: 'ce sont les données de la démonstration de FranceConnect, pas celles de Guichet.' },
  ],
};
