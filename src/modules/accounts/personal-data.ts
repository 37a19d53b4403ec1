import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { AccountsTables } from './tables';
import type { PersonalDataDeclaration } from '../../platform/personal-data';

async function devicesCopy(db: Kysely<PlatformTables>, accountId: string) {
  const rows = await db.withTables<AccountsTables>().selectFrom('account_known_devices').select(['first_seen_at', 'last_seen_at']).where('account_id', '=', accountId).orderBy('last_seen_at', 'desc').execute();
  return rows.map((row) => ({ vuLaPremiereFois: row.first_seen_at, vuLaDerniereFois: row.last_seen_at }));
}

const PURPOSES: Record<string, string> = { confirm: 'confirmer votre adresse', reset: 'changer de mot de passe', email_change: 'changer d’adresse', sign_in: 'se connecter par un lien' };

async function linksCopy(db: Kysely<PlatformTables>, accountId: string) {
  const rows = await db.withTables<AccountsTables>().selectFrom('account_tokens').select(['purpose', 'new_email', 'created_at', 'expires_at', 'used_at']).where('account_id', '=', accountId).orderBy('created_at', 'desc').execute();
  return rows.map((row) => ({ pour: PURPOSES[row.purpose] ?? row.purpose, nouvelleAdresse: row.new_email ?? undefined, envoyeLe: row.created_at, expireLe: row.expires_at, utiliseLe: row.used_at }));
}


/** What the accounts module keeps (durations: store.ts, TOKEN_LIFETIME_SECONDS and the purges). */
export const accountsPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'liens-courriel',
      concerned: 'personnes',
      title: 'Les liens envoyés par courriel',
      tables: ['account_tokens'],
      data: 'une empreinte du lien (le lien lui-même n’est que dans votre courriel), votre compte, et la nouvelle adresse quand vous en changez.',
      purpose: 'confirmer votre adresse, vous connecter par un lien, changer d’adresse ou de mot de passe.',
      basis: 'mission',
      kept: 'le lien marche 15 minutes (connexion), 1 heure (mot de passe), 24 heures (nouvelle adresse) ou 48 heures (confirmation) ; il est gardé encore 7 jours après.',
      enforced: 'les liens expirés depuis plus de 7 jours sont effacés chaque heure, et chaque fois qu’un nouveau lien est créé.',
      recipients: 'vous.',
    },
    {
      id: 'appareils',
      concerned: 'personnes',
      title: 'Les appareils déjà utilisés',
      tables: ['account_known_devices'],
      data: 'une empreinte du type d’appareil (navigateur, système, ordinateur ou téléphone), la première et la dernière fois qu’il a servi.',
      purpose: 'vous prévenir par courriel quand quelqu’un se connecte à votre compte depuis un appareil nouveau.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: 'jusqu’à la suppression de votre compte.',
      enforced: 'effacés avec le compte ; rien d’autre ne les efface aujourd’hui.',
      recipients: 'personne : seul Guichet s’en sert.',
    },
  ],
  copies: [
    { key: 'appareils', tables: ['account_known_devices'], read: devicesCopy },
    { key: 'liensCourriel', tables: ['account_tokens'], read: linksCopy },
  ],
  notCopied: [
    { table: 'account_sso_codes', why: 'un code de passage d’un site de Guichet à un autre ne vit qu’une minute.' },
    { table: 'account_inactivity_notices', why: 'seulement la date du courriel qui vous prévient que votre compte inutilisé depuis bientôt 3 ans va être supprimé, et la date prévue (elle est dans ce courriel).' },
  ],
  alsoIn: [
    { processing: 'sessions', tables: ['account_sso_codes'] },
    { processing: 'compte', tables: ['account_inactivity_notices'] },
  ],
};
