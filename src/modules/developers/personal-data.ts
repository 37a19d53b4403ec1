import { sql } from 'kysely';
import type { Purge } from '../../platform/housekeeping/purges';
import type { PersonalDataDeclaration } from '../../platform/personal-data';
import { developersDb } from './tables';

/** Usage counts per day are kept this long (a year and a month: one year compared with the last). */
export const USAGE_DAYS = 400;
/** A revoked or expired key's fingerprint is kept this long (to tell a client why it is refused), then deleted. */
export const DEAD_KEY_DAYS = 90;

export const developersPersonalData: PersonalDataDeclaration = {
  processings: [
    {
      id: 'applications-api',
      concerned: 'personnes',
      title: 'Vos applications de l’API (espace développeurs)',
      tables: ['developer_applications', 'developer_keys', 'developer_quotas', 'developer_usage'],
      data: 'Le nom et la description de vos applications, leurs portées et quotas, l’empreinte de leurs clés (jamais la clé), le nombre de requêtes par jour, opération, statut et tranche de temps de réponse (ni adresse IP ni contenu des requêtes).',
      purpose: 'Donner accès à l’API, en limiter l’usage équitablement, vous montrer votre utilisation et permettre à l’opérateur de suspendre une application abusive.',
      basis: 'mission',
      basisDetail: 'la mise à disposition des données publiques (code des relations entre le public et l’administration, article L. 300-4)',
      kept: `Les applications tant que vous (ou la collectivité) les gardez, et supprimées avec votre compte ; les comptes d’utilisation ${USAGE_DAYS} jours ; l’empreinte d’une clé révoquée ou expirée ${DEAD_KEY_DAYS} jours.`,
      enforced: 'La suppression du compte supprime ses applications, leurs clés et leur utilisation ; une tâche automatique efface chaque jour les comptes d’utilisation et les clés au-delà de ces durées.',
      recipients: 'Vous, les administrateurs de la collectivité propriétaire, et l’opérateur de la plateforme (un administrateur de la Région).',
    },
  ],
  copies: [
    {
      key: 'applications_api',
      tables: ['developer_applications', 'developer_quotas', 'developer_usage'],
      async read(db, accountId) {
        const ddb = developersDb(db);
        const applications = await ddb.selectFrom('developer_applications').select(['id', 'name', 'description', 'scopes', 'per_minute', 'per_day', 'suspended_at', 'created_at']).where('owner_account_id', '=', accountId).execute();
        const ids = applications.map((a) => a.id);
        const usage = ids.length ? await ddb.selectFrom('developer_usage').select(['application_id', 'day', 'operation', 'status']).select((eb) => eb.fn.sum<number>('count').as('requetes')).where('application_id', 'in', ids).groupBy(['application_id', 'day', 'operation', 'status']).execute() : [];
        const quotas = ids.length ? await ddb.selectFrom('developer_quotas').selectAll().where('application_id', 'in', ids).execute() : [];
        return applications.map((a) => ({
          nom: a.name,
          description: a.description,
          portees: a.scopes,
          quotas: { par_minute: a.per_minute, par_jour: a.per_day, par_portee: quotas.filter((q) => q.application_id === a.id).map((q) => ({ portee: q.scope, par_minute: q.per_minute, par_jour: q.per_day })) },
          suspendue_le: a.suspended_at,
          creee_le: a.created_at,
          utilisation: usage.filter((u) => u.application_id === a.id).map((u) => ({ jour: u.day, operation: u.operation, statut: u.status, requetes: Number(u.requetes) })),
        }));
      },
    },
  ],
  notCopied: [{ table: 'developer_keys', why: 'Les clés ne sont gardées que sous forme d’empreinte, qui ne sert à rien hors de Guichet ; leurs préfixes sont visibles dans « Mes applications ».' }],
};

export const developersPurges: Purge[] = [
  {
    id: 'developers.usage',
    what: `comptes d’utilisation de l’API de plus de ${USAGE_DAYS} jours`,
    async run(db, now) {
      const limit = new Date(now.getTime() - USAGE_DAYS * 86_400_000).toISOString().slice(0, 10);
      const result = await sql`delete from developer_usage where day < ${limit}::date`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },
  },
  {
    id: 'developers.dead-keys',
    what: `empreintes des clés révoquées ou expirées depuis plus de ${DEAD_KEY_DAYS} jours`,
    async run(db, now) {
      const limit = new Date(now.getTime() - DEAD_KEY_DAYS * 86_400_000);
      const result = await sql`delete from developer_keys where coalesce(revoked_at, expires_at) < ${limit}`.execute(db);
      return Number(result.numAffectedRows ?? 0n);
    },
  },
];
