import { sql } from 'kysely';
import { mayPurgeAuditTrail, purgeAuditTrail } from '../audit/purge';
import { DAY, deleteBefore, type Purge } from './purges';

/** The platform's own tables past their stated retention (platform-personal-data.ts says the same). */
export const platformPurges: Purge[] = [
  { id: 'platform.sessions', what: 'sessions expirées', run: (db, now) => deleteBefore(db, 'platform_sessions', 'expires_at', now) },
  { id: 'platform.counters', what: 'compteurs de tentatives qui ne comptent plus', run: (db, now) => deleteBefore(db, 'platform_counters', 'reset_at', now) },
  {
    id: 'platform.failed-mails',
    what: 'courriels qui n’ont pas pu partir, 30 jours après le dernier essai',
    run: (db, now) => deleteBefore(db, 'platform_mail_outbox', 'failed_at', new Date(now.getTime() - 30 * DAY), sql`and failed_at is not null`),
  },
  {
    id: 'platform.audit',
    what: 'lignes du journal d’audit de plus d’un an (la chaîne garde une ancre)',
    // Only where this connection may (PGlite, or the service running as the tables' owner); else the
    // operator runs `npm run audit:purge` as the owner. One year by the database's clock, not `now`.
    run: async (db) => ((await mayPurgeAuditTrail(db)) ? purgeAuditTrail(db) : 0),
  },
  { id: 'platform.demo-mails', what: 'courriels de la démonstration de plus de 30 jours', run: (db, now) => deleteBefore(db, 'platform_demo_mails', 'received_at', new Date(now.getTime() - 30 * DAY)) },
];
