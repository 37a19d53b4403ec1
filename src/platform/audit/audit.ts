import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

/** Who did something, as the audit trail records it. */
export interface Actor {
  id: string;
  label: string;
  ip: string | null;
}

export interface AuditEntry {
  action: string;
  /** Shorthand for actorId, actorLabel and ip. */
  actor?: Actor;
  actorId?: string | null;
  actorLabel?: string;
  tenantId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** Never passwords, tokens or personal data beyond identifiers. */
  details?: Record<string, unknown>;
}

/** Sign-ins, sign-outs, second-factor and FranceConnect events: about an account, not a tenant's data. */
const ACCOUNT_EVENTS = /^(?:auth|mfa|franceconnect)\./;

/**
 * Writes one audit row; pass the transaction so the row commits with the change it records.
 * The trigger of migration 0130 chains it (docs/audit.md): rows are never changed afterwards.
 *
 * An account event written without a tenant is filed under the actor's tenant when the actor
 * is an agent of exactly one (so that its journal shows its agents' sign-ins and second-factor
 * events); an agent of several tenants gets them listed in `details.tenants`, a person neither.
 */
export async function audit(db: Kysely<PlatformTables>, entry: AuditEntry): Promise<void> {
  const actorId = entry.actor?.id ?? entry.actorId ?? null;
  let tenantId = entry.tenantId ?? null;
  let details = entry.details ?? {};
  if (entry.tenantId === undefined && actorId && ACCOUNT_EVENTS.test(entry.action)) {
    const tenants = await tenantsOf(db, actorId);
    if (tenants.length === 1) tenantId = tenants[0]!;
    else if (tenants.length > 1) details = { ...details, tenants };
  }
  await db
    .insertInto('platform_audit')
    .values({
      action: entry.action,
      actor_id: actorId,
      actor_label: entry.actor?.label ?? entry.actorLabel ?? '',
      tenant_id: tenantId,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.actor?.ip ?? entry.ip ?? null,
      details: JSON.stringify(details),
    })
    .execute();
}

async function tenantsOf(db: Kysely<PlatformTables>, accountId: string): Promise<string[]> {
  const rows = await db.selectFrom('platform_memberships').select('tenant_id').where('account_id', '=', accountId).orderBy('tenant_id').execute();
  return rows.map((row) => row.tenant_id);
}
