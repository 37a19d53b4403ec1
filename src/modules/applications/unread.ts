/**
 * What the person did that no instructeur has seen yet (issue 6, 11): the list of the back office
 * marks « Nouveau » an application no instructeur has opened, and « Réponse de la personne » one
 * where the person acted (message, document, withdrawal) after an instructeur last opened it.
 * Opening the file as an instructeur (or an administrator) marks it read; a lecteur or an
 * éditeur who reads it does not, since they do not handle it.
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { ApplicationsDb } from './store';
import type { ApplicationsTables } from './tables';

export type Unread = 'nouveau' | 'reponse' | 'retrait';

export const UNREAD_LABELS: Record<Unread, string> = {
  nouveau: 'Nouveau',
  reponse: 'Réponse de la personne',
  retrait: 'Retirée par la personne',
};

type Eb = ExpressionBuilder<PlatformTables & ApplicationsTables & { a: ApplicationsTables['applications'] }, 'a'>;

/** The columns a list row needs to tell its marker (selected beside the application `a`). */
export function unreadColumns(eb: Eb) {
  const lastPersonAct = eb
    .selectFrom('application_history as h')
    .whereRef('h.application_id', '=', 'a.id')
    .where('h.actor_kind', '=', 'usager')
    .orderBy('h.created_at', 'desc')
    .limit(1);
  return [
    eb.selectFrom('application_reads as r').select('r.seen_at').whereRef('r.application_id', '=', 'a.id').as('seen_at'),
    lastPersonAct.select('h.created_at').as('person_acted_at'),
    lastPersonAct.select('h.action').as('person_action'),
  ] as const;
}

/** Only the applications with a marker (the filter « À lire »). */
export function onlyUnread(eb: Eb) {
  return eb.or([
    eb.not(eb.exists(eb.selectFrom('application_reads as r').select(sql.lit(1).as('one')).whereRef('r.application_id', '=', 'a.id'))),
    eb.exists(
      eb
        .selectFrom('application_history as h')
        .innerJoin('application_reads as r', 'r.application_id', 'h.application_id')
        .select(sql.lit(1).as('one'))
        .whereRef('h.application_id', '=', 'a.id')
        .where('h.actor_kind', '=', 'usager')
        .whereRef('h.created_at', '>', 'r.seen_at'),
    ),
  ]);
}

const time = (value: Date | string | null | undefined) => (value ? new Date(value).getTime() : undefined);

/** The marker of a row: none when an instructeur has seen everything the person did. */
export function unreadOf(row: { seen_at: Date | string | null; person_acted_at: Date | string | null; person_action: string | null }): Unread | undefined {
  const seen = time(row.seen_at);
  if (seen === undefined) return 'nouveau';
  const acted = time(row.person_acted_at);
  if (acted === undefined || acted <= seen) return undefined;
  return row.person_action === 'retrait' ? 'retrait' : 'reponse';
}

/** An instructeur opened the file: what the person did so far is seen. */
export async function markRead(db: ApplicationsDb, application: { id: string; tenant_id: string }): Promise<void> {
  // The database's clock, as for the history rows it is compared with.
  await db
    .insertInto('application_reads')
    .values({ application_id: application.id, tenant_id: application.tenant_id, seen_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('application_id').doUpdateSet({ seen_at: sql<Date>`now()` }))
    .execute();
}

/** The addresses of the tenant's instructeurs, to tell them the person acted (never the person's data). */
export async function instructeursOf(db: ApplicationsDb, tenantId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as p', 'p.id', 'm.account_id')
    .select('p.email')
    .where('m.tenant_id', '=', tenantId)
    .where('m.role', '=', 'instructeur')
    .where('p.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.email);
}
