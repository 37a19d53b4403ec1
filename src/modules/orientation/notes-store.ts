/**
 * « Le mot des conseillers » (issue 15 a.2): a tenant's counsellors write a note on a job sheet;
 * every save is a new version (as content_versions): history with who and when, restore copies
 * an old version into a new one. Every query is scoped by tenant.
 */
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { TenantDirectory } from '../../platform/tenancy/directory';
import { orientationDb, type OrientationDb } from './store';

export const NOTE_MAX = 4000;

export interface PublishedNote {
  tenantId: string;
  tenantName: string;
  body: string;
  updatedAt: Date;
}

/** The notes shown on a sheet: every tenant's latest version that is not empty, oldest tenant first. */
export async function publishedNotes(db: OrientationDb, ficheCode: string, tenants: TenantDirectory): Promise<PublishedNote[]> {
  const rows = await db
    .selectFrom('orientation_notes as n')
    .innerJoin('orientation_note_versions as v', (j) => j.onRef('v.tenant_id', '=', 'n.tenant_id').onRef('v.fiche_code', '=', 'n.fiche_code').onRef('v.version', '=', 'n.latest_version'))
    .select(['n.tenant_id', 'v.body', 'v.created_at'])
    .where('n.fiche_code', '=', ficheCode)
    .where('v.body', '<>', '')
    .orderBy('n.tenant_id')
    .execute();
  return rows.flatMap((r) => {
    const tenant = tenants.get(r.tenant_id);
    return tenant ? [{ tenantId: r.tenant_id, tenantName: tenant.name, body: r.body, updatedAt: r.created_at }] : [];
  });
}

export interface NoteVersion {
  version: number;
  body: string;
  author_label: string;
  note: string;
  created_at: Date;
}

/** A tenant's versions of its note on a fiche, newest first. */
export function noteVersions(db: OrientationDb, tenantId: string, ficheCode: string): Promise<NoteVersion[]> {
  return db
    .selectFrom('orientation_note_versions')
    .select(['version', 'body', 'author_label', 'note', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('fiche_code', '=', ficheCode)
    .orderBy('version', 'desc')
    .execute();
}

/** The fiches a tenant wrote a note on, with their label and latest state. */
export function tenantNotes(db: OrientationDb, tenantId: string) {
  return db
    .selectFrom('orientation_notes as n')
    .innerJoin('orientation_note_versions as v', (j) => j.onRef('v.tenant_id', '=', 'n.tenant_id').onRef('v.fiche_code', '=', 'n.fiche_code').onRef('v.version', '=', 'n.latest_version'))
    .leftJoin('orientation_fiches as f', 'f.code', 'n.fiche_code')
    .select(['n.fiche_code', 'f.label', 'v.body', 'v.author_label', 'v.created_at', 'n.latest_version'])
    .where('n.tenant_id', '=', tenantId)
    .orderBy('v.created_at', 'desc')
    .execute();
}

/** Adds the next version of a tenant's note on a fiche (numbered atomically) and audits it, in one transaction. */
export async function saveNote(platformDb: Kysely<PlatformTables>, actor: Actor, tenantId: string, ficheCode: string, body: string, note: string): Promise<number> {
  return withTransaction(platformDb, async (trx) => {
    const db = orientationDb(trx);
    await db.insertInto('orientation_notes').values({ tenant_id: tenantId, fiche_code: ficheCode }).onConflict((c) => c.columns(['tenant_id', 'fiche_code']).doNothing()).execute();
    const bumped = await db
      .updateTable('orientation_notes')
      .set((eb) => ({ latest_version: eb('latest_version', '+', 1), updated_at: sql<Date>`now()` }))
      .where('tenant_id', '=', tenantId)
      .where('fiche_code', '=', ficheCode)
      .returning('latest_version')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('orientation_note_versions')
      .values({ tenant_id: tenantId, fiche_code: ficheCode, version: bumped.latest_version, body, author_id: actor.id, author_label: actor.label, note })
      .execute();
    await audit(trx, {
      action: body ? 'orientation.note_save' : 'orientation.note_withdraw',
      actor,
      tenantId,
      targetType: 'orientation_note',
      targetId: ficheCode,
      details: { version: bumped.latest_version, ...(note ? { note } : {}) },
    });
    return bumped.latest_version;
  });
}
