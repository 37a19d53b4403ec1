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

/** Writes one audit row; pass the transaction so the row commits with the change it records. */
export async function audit(db: Kysely<PlatformTables>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('platform_audit')
    .values({
      action: entry.action,
      actor_id: entry.actor?.id ?? entry.actorId ?? null,
      actor_label: entry.actor?.label ?? entry.actorLabel ?? '',
      tenant_id: entry.tenantId ?? null,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      ip: entry.actor?.ip ?? entry.ip ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}
