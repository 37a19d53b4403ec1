import type { Kysely } from 'kysely';
import type { PlatformTables } from './db/tables';
import type { PersonalDataDeclaration } from './personal-data';

async function accountCopy(db: Kysely<PlatformTables>, accountId: string) {
  const account = await db
    .selectFrom('platform_accounts')
    .select(['email', 'display_name', 'created_at', 'last_sign_in_at', 'disabled_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  const memberships = await db
    .selectFrom('platform_memberships')
    .innerJoin('platform_tenants', 'platform_tenants.id', 'platform_memberships.tenant_id')
    .select(['platform_tenants.name as collectivite', 'platform_memberships.role as role', 'platform_memberships.created_at as depuis'])
    .where('platform_memberships.account_id', '=', accountId)
    .orderBy('platform_tenants.name')
    .execute();
  return {
    adresseElectronique: account?.email,
    nom: account?.display_name,
    creeLe: account?.created_at,
    derniereConnexion: account?.last_sign_in_at,
    desactiveLe: account?.disabled_at ?? undefined,
    motDePasse: 'non inclus : Guichet n’en garde qu’une empreinte, qui ne permet pas de le retrouver',
    rolesAgent: memberships,
  };
}

async function sessionsCopy(db: Kysely<PlatformTables>, accountId: string) {
  const rows = await db
    .selectFrom('platform_sessions')
    .select(['user_agent', 'created_at', 'expires_at', 'data'])
    .where('account_id', '=', accountId)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => ({ navigateur: row.user_agent, ouverteLe: row.created_at, expireLe: row.expires_at, moyen: (row.data as { method?: unknown }).method ?? null }));
}

/**
 * What the platform's own tables (platform_*) keep about people. Every duration below is the one
 * the code applies (sessions.ts, counters.ts, mailer.ts); where nothing deletes, it says so.
 */
export const platformPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'compte',
      concerned: 'personnes',
      title: 'Votre compte',
      tables: ['platform_accounts'],
      data: 'votre adresse électronique, le nom que vous avez choisi, une empreinte de votre mot de passe (argon2id : elle ne permet pas de le retrouver), les dates de création, de confirmation de l’adresse et de dernière connexion.',
      purpose: 'vous reconnaître quand vous vous connectez, et vous écrire au sujet de votre compte et de vos démarches.',
      basis: 'mission',
      basisDetail: 'offrir des démarches en ligne aux habitants de la Région',
      kept: 'jusqu’à ce que vous supprimiez votre compte (« Mon compte » › « Supprimer mon compte »), ou 3 ans après votre dernière connexion.',
      enforced: 'la suppression efface tout de suite le compte et tout ce qui y est rattaché (profil, demandes, appareils, liaisons, favoris). Un compte où personne ne s’est connecté depuis 3 ans est supprimé de la même façon ; 30 jours avant, Guichet vous prévient par courriel, et il suffit de vous connecter une fois pour garder votre compte. Les comptes des agents ne sont pas supprimés ainsi : c’est l’administrateur de leur collectivité qui les retire.',
      recipients: 'vous ; l’équipe technique de la Région pour l’assistance.',
    },
    {
      id: 'sessions',
      concerned: 'personnes',
      title: 'Vos connexions (sessions)',
      tables: ['platform_sessions'],
      data: 'une empreinte du jeton de connexion (le jeton lui-même reste dans votre navigateur), votre compte, le nom de votre navigateur, l’heure de connexion.',
      purpose: 'vous garder connecté d’une page à l’autre, et vous montrer les appareils connectés (« Mon compte » › « Sessions »).',
      basis: 'mission',
      kept: '8 heures au plus, ou jusqu’à votre déconnexion.',
      enforced: 'une session finie ne sert plus ; sa ligne est effacée à la déconnexion, sinon dans l’heure qui suit son expiration : les sessions expirées sont effacées chaque heure.',
      recipients: 'vous.',
    },
    {
      id: 'agents',
      concerned: 'agents',
      title: 'Les droits des agents',
      tables: ['platform_memberships'],
      data: 'le compte de l’agent, sa collectivité, son rôle (lecteur, éditeur, instructeur, administrateur), la date d’ajout.',
      purpose: 'donner à chaque agent ce dont il a besoin, et rien de plus.',
      basis: 'mission',
      kept: 'tant que l’agent travaille pour la collectivité.',
      enforced: 'l’administrateur de la collectivité retire l’agent : ses droits sont effacés tout de suite.',
      recipients: 'les administrateurs de la collectivité.',
    },
    {
      id: 'travail-agents',
      concerned: 'agents',
      title: 'Qui a écrit quoi, dans l’espace agent',
      tables: ['platform_media'],
      data: 'l’agent qui a écrit chaque version d’une page, d’une aide, d’un formulaire, qui a déposé une image ou créé une application.',
      purpose: 'savoir qui a publié quoi, et pouvoir revenir à une version précédente.',
      basis: 'mission',
      kept: 'aussi longtemps que le contenu existe.',
      enforced: 'rien ne l’efface automatiquement aujourd’hui : les versions d’un contenu sont gardées avec lui.',
      recipients: 'les agents de la collectivité.',
    },
    {
      id: 'journal',
      concerned: 'visiteurs',
      title: 'Le journal des actions (journal d’audit)',
      tables: ['platform_audit'],
      data: 'qui a fait quoi et quand : connexions, échecs de connexion, consultations de dossiers par les agents, publications, changements de droits, avec l’adresse IP.',
      purpose: 'la sécurité de Guichet, et pouvoir prouver qui a consulté ou modifié vos données.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: '1 an, comme le recommande la CNIL (6 mois à 1 an).',
      enforced: 'les lignes de plus d’un an sont effacées, chaque heure ou chaque jour selon l’installation. Le journal est scellé (chaque ligne est liée à la précédente, pour qu’on ne puisse pas le falsifier) : avant d’effacer, Guichet garde l’empreinte de la dernière ligne effacée, sans aucune donnée personnelle, pour pouvoir toujours vérifier le reste.',
      recipients: 'les administrateurs, chacun pour sa collectivité ; l’équipe technique de la Région.',
    },
    {
      id: 'tentatives',
      concerned: 'visiteurs',
      title: 'La protection contre les tentatives de connexion répétées',
      tables: ['platform_counters'],
      data: 'l’adresse électronique essayée, votre adresse IP, et le nombre d’essais ratés.',
      purpose: 'faire attendre quelqu’un qui essaie de deviner un mot de passe.',
      basis: 'obligation',
      basisDetail: 'sécurité des données, article 32 du RGPD',
      kept: '1 heure (l’attente imposée dure 15 minutes au plus).',
      enforced: 'après 1 heure le compteur ne compte plus. Quand Guichet utilise Redis, il est effacé à ce moment ; dans la base de données, les compteurs qui ne comptent plus sont effacés chaque heure.',
      recipients: 'personne : seul Guichet s’en sert.',
    },
    {
      id: 'courriels',
      concerned: 'personnes',
      title: 'Les courriels en attente d’envoi',
      tables: ['platform_mail_outbox'],
      data: 'votre adresse électronique et le texte du courriel (par exemple un lien de connexion).',
      purpose: 'envoyer les courriels sans vous faire attendre, même si le serveur de courrier est lent.',
      basis: 'mission',
      kept: 'jusqu’à l’envoi, en général quelques secondes ; un courriel qui n’a pas pu partir, 30 jours.',
      enforced: 'le courriel est effacé dès qu’il est parti. Après 10 essais ratés, seuls le destinataire et le sujet restent, pour l’équipe technique ; ils sont effacés 30 jours après le dernier essai.',
      recipients: 'votre fournisseur de messagerie ; l’équipe technique de la Région.',
    },
    {
      id: 'courriels-demo',
      concerned: 'visiteurs',
      title: 'La boîte aux lettres de démonstration',
      tables: ['platform_demo_mails'],
      data: 'les courriels que la démonstration aurait envoyés (destinataire, sujet, texte).',
      purpose: 'montrer les courriels sur /demo/courriels quand Guichet tourne en démonstration. Elle n’existe jamais en production.',
      basis: 'mission',
      kept: '30 jours.',
      enforced: 'les courriels de plus de 30 jours sont effacés chaque heure.',
      recipients: 'toute personne qui utilise la démonstration.',
    },
  ],
  copies: [
    { key: 'compte', tables: ['platform_accounts', 'platform_memberships'], read: accountCopy },
    { key: 'sessions', tables: ['platform_sessions'], read: sessionsCopy },
  ],
  notCopied: [{ table: 'platform_mail_outbox', why: 'un courriel en attente est effacé dès qu’il est parti : vous l’avez reçu dans votre messagerie.' }],
  withoutPersonalData: [
    { table: 'platform_tenants', why: 'l’adresse, le téléphone et le courriel publics de chaque collectivité.' },
  ],
};
