import type { AuditTargetNamer } from '../../platform/context';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables, Role } from '../../platform/db/tables';

/**
 * Who acted, as the journal names them: an agent of this tenant (with their role today), the
 * platform operator (an administrator of the Région acting on this tenant), a person (an
 * account with no role here: someone applying for an aid, answering an invitation…), an
 * agent of another tenant, or the system (no account).
 */
export type ActorKind = { kind: 'agent'; role: Role } | { kind: 'operator' } | { kind: 'other_agent' } | { kind: 'person' } | { kind: 'system' };

export interface JournalEntry {
  id: string;
  at: Date;
  actorLabel: string;
  actor: ActorKind;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** When the target is an account: whether it is an agent of this tenant (else a person's). */
  targetIsAgent: boolean;
  details: Record<string, unknown>;
}

export const JOURNAL_PAGE_SIZE = 30;

type Db = Kysely<PlatformTables>;

interface Row {
  id: string;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  details: Record<string, unknown> | string;
  actor_role: Role | null;
  actor_operator: boolean | null;
  actor_elsewhere: boolean | null;
  target_agent: boolean | null;
}

function actorOf(row: Row): ActorKind {
  if (!row.actor_id) return { kind: 'system' };
  if (row.actor_role) return { kind: 'agent', role: row.actor_role };
  if (row.actor_operator) return { kind: 'operator' };
  if (row.actor_elsewhere) return { kind: 'other_agent' };
  return { kind: 'person' };
}

function toEntry(row: Row): JournalEntry {
  return {
    id: String(row.id),
    at: new Date(row.at),
    actorLabel: row.actor_label,
    actor: actorOf(row),
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    targetIsAgent: Boolean(row.target_agent),
    details: typeof row.details === 'string' ? (JSON.parse(row.details) as Record<string, unknown>) : row.details,
  };
}

/** The rows of ONE tenant's audit trail, with what the journal needs to name actors and targets. */
function entries(db: Db, tenantId: string, portalId: string) {
  return db
    .selectFrom('platform_audit as a')
    .where('a.tenant_id', '=', tenantId)
    .select(['a.id', 'a.at', 'a.actor_id', 'a.actor_label', 'a.action', 'a.target_type', 'a.target_id', 'a.details'])
    .select([
      sql<Role | null>`(select m.role from platform_memberships m where m.account_id = a.actor_id and m.tenant_id = ${tenantId})`.as('actor_role'),
      sql<boolean>`exists (select 1 from platform_memberships m where m.account_id = a.actor_id and m.tenant_id = ${portalId} and m.role = 'administrateur')`.as('actor_operator'),
      sql<boolean>`exists (select 1 from platform_memberships m where m.account_id = a.actor_id)`.as('actor_elsewhere'),
      sql<boolean>`a.target_type = 'account' and exists (select 1 from platform_memberships m where m.account_id::text = a.target_id and m.tenant_id = ${tenantId})`.as('target_agent'),
    ]);
}

/**
 * Names the targets of rows written before the journal stored a title (their details hold only a
 * slug or an id), from the objects' current titles, through the namers the owning modules register.
 */
export async function nameOldTargets(entries: JournalEntry[], tenantId: string, namers: Map<string, AuditTargetNamer>): Promise<JournalEntry[]> {
  const unnamed = entries.filter((e) => e.targetType && e.targetId && namers.has(e.targetType) && !(typeof e.details.title === 'string' && e.details.title) && !(typeof e.details.label === 'string' && e.details.label));
  const byType = new Map<string, Set<string>>();
  for (const e of unnamed) byType.set(e.targetType!, (byType.get(e.targetType!) ?? new Set()).add(e.targetId!));
  const names = new Map<string, string>();
  for (const [type, ids] of byType) for (const [id, name] of await namers.get(type)!(tenantId, [...ids])) names.set(`${type}:${id}`, name);
  return entries.map((e) => {
    const name = e.targetType && e.targetId ? names.get(`${e.targetType}:${e.targetId}`) : undefined;
    return name && unnamed.includes(e) ? { ...e, details: { ...e.details, title: name } } : e;
  });
}

/** The latest changes of ONE tenant (every query here is scoped by tenant_id). */
/**
 * Rows of the journal that record who came in or read something, not a change: the dashboard's
 * « Dernières modifications » leaves them out (the journal page shows them all).
 */
const NOT_CHANGES = ['auth.%', 'franceconnect.%', 'access.%', 'mfa.verify%', 'mfa.recovery_used', '%.view'];

export async function recentChanges(db: Db, tenantId: string, portalId: string, limit = 8): Promise<JournalEntry[]> {
  let changes = entries(db, tenantId, portalId);
  for (const pattern of NOT_CHANGES) changes = changes.where('a.action', 'not like', pattern);
  const rows = await changes.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
  return rows.map((row) => toEntry(row as Row));
}

export interface JournalQuery {
  action?: string | undefined;
  page: number;
}

export async function journalPage(db: Db, tenantId: string, portalId: string, query: JournalQuery): Promise<{ entries: JournalEntry[]; total: number; pages: number }> {
  let counted = db.selectFrom('platform_audit').where('tenant_id', '=', tenantId);
  if (query.action) counted = counted.where('action', '=', query.action);
  const { total } = await counted.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  let listed = entries(db, tenantId, portalId);
  if (query.action) listed = listed.where('a.action', '=', query.action);
  const rows = await listed
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(JOURNAL_PAGE_SIZE)
    .offset((query.page - 1) * JOURNAL_PAGE_SIZE)
    .execute();
  const count = Number(total);
  return { entries: rows.map((row) => toEntry(row as Row)), total: count, pages: Math.max(1, Math.ceil(count / JOURNAL_PAGE_SIZE)) };
}

/** The actions this tenant's journal holds, for the filter. */
export async function journalActions(db: Db, tenantId: string): Promise<string[]> {
  const rows = await db.selectFrom('platform_audit').select('action').distinct().where('tenant_id', '=', tenantId).orderBy('action').execute();
  return rows.map((r) => r.action);
}
