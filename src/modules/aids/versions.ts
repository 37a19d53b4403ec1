/**
 * An aid's history in the back office: its versions, one of them in full, and « Rétablir cette
 * version », which copies an old version into a new one (history is never rewritten).
 */
import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { Aid } from './format';
import { writeAid, type AidsDb } from './store';
import type { AidStatus } from './tables';
import { checkAid, type AidError } from './validate';

export interface AidVersionRow {
  version: number;
  status: AidStatus;
  created_at: Date;
  author: string | null;
  /** The version this one copies, when it was made by « Rétablir cette version ». */
  restored: number | null;
}

/** One page of an aid's versions, latest first; the aid must be the tenant's (checked by the caller). */
export async function aidVersionsPage(db: AidsDb, tenantId: string, aidId: string, page: { offset: number; limit: number }): Promise<AidVersionRow[]> {
  const rows = await db
    .selectFrom('aids_versions')
    .innerJoin('aids', 'aids.id', 'aids_versions.aid_id')
    .leftJoin('platform_accounts', 'platform_accounts.id', 'aids_versions.created_by')
    .select(['aids_versions.version', 'aids_versions.status', 'aids_versions.created_at', 'platform_accounts.display_name as author'])
    .where('aids_versions.aid_id', '=', aidId)
    .where('aids.tenant_id', '=', tenantId)
    .orderBy('aids_versions.version', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const restored = await restoredVersions(db, tenantId, aidId);
  return rows.map((r) => ({ ...r, restored: restored.get(r.version) ?? null }));
}

/** Which version each restoration copied, as the audit trail recorded it (version → restored). */
async function restoredVersions(db: AidsDb, tenantId: string, aidId: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('platform_audit')
    .select('details')
    .where('action', '=', 'aid.restore')
    .where('tenant_id', '=', tenantId)
    .where('target_type', '=', 'aid')
    .where('target_id', '=', aidId)
    .execute();
  const out = new Map<number, number>();
  for (const { details } of rows) {
    if (typeof details.version === 'number' && typeof details.restored === 'number') out.set(details.version, details.restored);
  }
  return out;
}

/** One version of a tenant's aid, with its full definition; undefined for another tenant's aid. */
export async function aidVersionOf(db: AidsDb, tenantId: string, aidId: string, version: number) {
  return db
    .selectFrom('aids_versions')
    .innerJoin('aids', 'aids.id', 'aids_versions.aid_id')
    .leftJoin('platform_accounts', 'platform_accounts.id', 'aids_versions.created_by')
    .select(['aids_versions.version', 'aids_versions.status', 'aids_versions.created_at', 'aids_versions.definition', 'platform_accounts.display_name as author'])
    .where('aids_versions.aid_id', '=', aidId)
    .where('aids_versions.version', '=', version)
    .where('aids.tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export type RestoreOutcome =
  | { ok: true; version: number; status: AidStatus }
  | { ok: false; reason: 'not_found' }
  | { ok: false; reason: 'invalid'; errors: AidError[] };

/**
 * Copies an old version into a new version of the aid, in one transaction with its audit row.
 * The aid keeps its status, as every change made in the back office does: a draft stays a draft
 * (to publish when ready); a published aid shows the restored version at once. An old version
 * that the current format refuses is not restored: the editor is told why.
 */
export async function restoreAidVersion(db: AidsDb, input: { tenantId: string; aidId: string; version: number; actor: Actor }): Promise<RestoreOutcome> {
  return withTransaction(db, async (trx) => {
    const current = await trx.selectFrom('aids').select(['status', 'version']).where('id', '=', input.aidId).where('tenant_id', '=', input.tenantId).forUpdate().executeTakeFirst();
    if (!current) return { ok: false, reason: 'not_found' };
    const old = await trx.selectFrom('aids_versions').select('definition').where('aid_id', '=', input.aidId).where('version', '=', input.version).executeTakeFirst();
    if (!old) return { ok: false, reason: 'not_found' };
    const errors = checkAid(old.definition);
    if (errors.length) return { ok: false, reason: 'invalid', errors };
    const version = current.version + 1;
    await writeAid(trx, { tenantId: input.tenantId, status: current.status, aid: old.definition as Aid, actorId: input.actor.id }, current.version);
    await audit(trx as unknown as Kysely<PlatformTables>, {
      action: 'aid.restore',
      actor: input.actor,
      tenantId: input.tenantId,
      targetType: 'aid',
      targetId: input.aidId,
      details: { title: (old.definition as Aid).name, restored: input.version, version, status: current.status },
    });
    return { ok: true, version, status: current.status };
  });
}
