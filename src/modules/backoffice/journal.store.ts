import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';

export interface JournalEntry {
  id: string;
  at: Date;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export const JOURNAL_PAGE_SIZE = 30;

type Db = Kysely<PlatformTables>;

function toEntry(row: {
  id: string;
  at: Date;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown> | string;
}): JournalEntry {
  return {
    id: String(row.id),
    at: new Date(row.at),
    actorLabel: row.actor_label,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
  };
}

const columns = ['id', 'at', 'actor_label', 'action', 'target_type', 'target_id', 'details'] as const;

/** The latest changes of ONE tenant (every query here is scoped by tenant_id). */
export async function recentChanges(db: Db, tenantId: string, limit = 8): Promise<JournalEntry[]> {
  const rows = await db
    .selectFrom('platform_audit')
    .select(columns)
    .where('tenant_id', '=', tenantId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toEntry);
}

export interface JournalQuery {
  action?: string | undefined;
  page: number;
}

export async function journalPage(db: Db, tenantId: string, query: JournalQuery): Promise<{ entries: JournalEntry[]; total: number; pages: number }> {
  let base = db.selectFrom('platform_audit').where('tenant_id', '=', tenantId);
  if (query.action) base = base.where('action', '=', query.action);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select(columns)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(JOURNAL_PAGE_SIZE)
    .offset((query.page - 1) * JOURNAL_PAGE_SIZE)
    .execute();
  const count = Number(total);
  return { entries: rows.map(toEntry), total: count, pages: Math.max(1, Math.ceil(count / JOURNAL_PAGE_SIZE)) };
}

/** The actions this tenant's journal holds, for the filter. */
export async function journalActions(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('platform_audit').select('action').distinct().where('tenant_id', '=', tenantId).orderBy('action').execute();
  return rows.map((r) => r.action);
}
