import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

/**
 * Deletes the audit rows older than one year through platform_audit_purge (migration 0362),
 * which anchors the chain first. `before` defaults to one year ago; the database refuses a later
 * date. Only the tables' owner or a superuser may run it (docs/audit.md).
 */
export async function purgeAuditTrail(db: Kysely<PlatformTables>, before?: Date): Promise<number> {
  const result = await sql<{ deleted: string }>`
    select ${before ? sql`platform_audit_purge(${before})` : sql`platform_audit_purge()`}::text as deleted`.execute(db);
  return Number(result.rows[0]?.deleted ?? 0);
}

/**
 * Whether this connection may purge: true on PGlite (one superuser) and for the tables' owner;
 * false for an application role set up with least privilege, whose operator runs
 * `npm run audit:purge` as the owner instead.
 */
export async function mayPurgeAuditTrail(db: Kysely<PlatformTables>): Promise<boolean> {
  const result = await sql<{ may: boolean | null }>`
    select case when to_regprocedure('platform_audit_purge(timestamptz)') is null then false
                else has_function_privilege('platform_audit_purge(timestamptz)', 'execute') end as may`.execute(db);
  return result.rows[0]?.may === true;
}
