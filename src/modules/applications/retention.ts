/**
 * How long an authority keeps an application sent to it (/donnees-personnelles, « Vos demandes
 * d'aide »): as long as it is open; once closed, 10 years after a grant (the aid paid may be
 * checked or claimed back for that long), 5 years after any other end (refused, closed without
 * follow-up, withdrawn). Then the hourly housekeeping deletes it with its documents, steps,
 * messages and agents' notes, and writes one audit row per application in its authority's journal.
 *
 * An application closes when it reaches one of these statuses: its closing date is the decision's
 * (`decided_at`), else the step that moved it there, else its last change. Drafts are not touched
 * here: they go with the account (migration 0364).
 */
import { sql, type Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import type { Purge } from '../../platform/housekeeping/purges';
import type { ApplicationStatus } from './tables';

export const KEPT_YEARS_AFTER_GRANT = 10;
export const KEPT_YEARS_OTHERWISE = 5;
const GRANTED: ApplicationStatus = 'accepte';
const OTHER_ENDS: readonly ApplicationStatus[] = ['refuse', 'classe_sans_suite', 'retire'];
/** At most this many per run: the next hour takes the rest. */
const BATCH = 500;
const ACTOR = 'Guichet (durée de conservation des demandes)';

function yearsBefore(date: Date, years: number): Date {
  const d = new Date(date);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

const closedAt = sql<Date>`coalesce(a.decided_at,
  (select max(h.created_at) from application_history h where h.application_id = a.id and h.to_status = a.status),
  a.updated_at)`;

interface Expired {
  id: string;
  tenant_id: string;
  reference: string | null;
  status: ApplicationStatus;
  closed_at: Date;
}

/** Deletes the applications closed for longer than their retention at `now`; returns how many. */
export async function deleteExpiredApplications(db: Kysely<PlatformTables>, now: Date): Promise<number> {
  const grantLimit = yearsBefore(now, KEPT_YEARS_AFTER_GRANT);
  const otherLimit = yearsBefore(now, KEPT_YEARS_OTHERWISE);
  return db.transaction().execute(async (trx) => {
    const expired = await sql<Expired>`
      select a.id, a.tenant_id, a.reference, a.status, ${closedAt} as closed_at
        from applications a
       where (a.status = ${GRANTED} and ${closedAt} < ${grantLimit})
          or (a.status in (${sql.join(OTHER_ENDS)}) and ${closedAt} < ${otherLimit})
       order by closed_at
       limit ${BATCH}
         for update of a skip locked`.execute(trx);
    if (expired.rows.length === 0) return 0;
    const ids = expired.rows.map((row) => row.id);
    // Documents, steps, messages and notes follow by their foreign keys; the reads have none.
    await sql`delete from applications where id in (${sql.join(ids)})`.execute(trx);
    await sql`delete from application_reads where application_id in (${sql.join(ids)})`.execute(trx);
    for (const row of expired.rows) {
      await audit(trx, {
        action: 'applications.retention_deleted',
        actorLabel: ACTOR,
        tenantId: row.tenant_id,
        targetType: 'application',
        targetId: row.id,
        details: { reference: row.reference, status: row.status, closedAt: new Date(row.closed_at).toISOString() },
      });
    }
    return ids.length;
  });
}

export const applicationsPurges: Purge[] = [
  {
    id: 'applications.retention',
    what: `demandes closes depuis ${KEPT_YEARS_AFTER_GRANT} ans (aide accordée) ou ${KEPT_YEARS_OTHERWISE} ans (refusée, classée sans suite ou retirée)`,
    run: (db, now) => deleteExpiredApplications(db, now),
  },
];
