/** Agents' writes: an event created or changed, indexed and journalled in the same transaction. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { reindexEvent } from './search-source';
import { importOf, markImportApplied, sameEvent } from './import';
import { agendaDb, eventsByIds, insertEvent, tenantEvent, updateEvent } from './store';
import type { EventInput } from './tables';

export async function createEvent(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, input: EventInput): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await insertEvent(agendaDb(trx), { id, tenantId, actorId: actor.id, input });
    await reindexEvent(trx, (await tenantEvent(agendaDb(trx), tenantId, id))!);
    await audit(trx, { action: 'agenda.event_created', actor, tenantId, targetType: 'agenda_event', targetId: id });
  });
  return id;
}

/** False when the event is not the tenant's (nothing written). */
export async function changeEvent(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, id: string, input: EventInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    if (!(await updateEvent(agendaDb(trx), tenantId, id, actor.id, input))) return false;
    await reindexEvent(trx, (await tenantEvent(agendaDb(trx), tenantId, id))!);
    await audit(trx, { action: 'agenda.event_changed', actor, tenantId, targetType: 'agenda_event', targetId: id });
    return true;
  });
}

export type ApplyOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; reason: 'missing' | 'applied' | 'errors' };

/**
 * Applies a stored dry run, all or nothing: what exists is read again inside the transaction, every
 * new or changed event is written (and indexed), the import is marked applied; any failure rolls
 * everything back. Unchanged events are not written (no new version).
 */
export async function applyImport(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, importId: string): Promise<ApplyOutcome> {
  const row = await importOf(agendaDb(db), tenantId, importId);
  if (!row) return { ok: false, reason: 'missing' };
  if (row.applied_at) return { ok: false, reason: 'applied' };
  if (!row.items) return { ok: false, reason: 'errors' };
  const items = row.items;
  return db.transaction().execute(async (trx) => {
    const adb = agendaDb(trx);
    if (!(await markImportApplied(trx, tenantId, importId))) return { ok: false, reason: 'applied' } as const;
    const existing = new Map((await eventsByIds(adb, items.map((i) => i.id))).map((e) => [e.id, e]));
    let created = 0;
    let updated = 0;
    for (const { id, external_id, ...input } of items) {
      const before = existing.get(id);
      if (before && sameEvent(before, input)) continue;
      if (!before) {
        await insertEvent(adb, { id, tenantId, actorId: actor.id, input, source: 'openagenda', externalId: external_id });
        created += 1;
      } else if (await updateEvent(adb, tenantId, id, actor.id, input)) updated += 1;
      else throw new Error(`agenda import: ${id} belongs to another tenant`);
      await reindexEvent(trx, (await tenantEvent(adb, tenantId, id))!);
    }
    await audit(trx, { action: 'agenda.import_applied', actor, tenantId, targetType: 'agenda_import', targetId: importId, details: { created, updated } });
    return { ok: true, created, updated, unchanged: items.length - created - updated } as const;
  });
}
