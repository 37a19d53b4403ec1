/**
 * A counsellor's selections (issue 15 d.10): a named list of things of any saved kind, built in
 * the back office of the counsellor's tenant, shared with a person by an unguessable link (32
 * random bytes; only their SHA-256 is kept), revocable, exported as CSV. Every query is scoped by
 * tenant; every change is audited in the tenant's journal.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { resolveSaved, savedId, type SavedItem, type SavedKinds } from '../../platform/saved';
import { isUuid } from './favourites';
import { membersDb } from './tables';

export const SELECTION_ITEMS_MAX = 100;

export interface SelectionItem {
  kind: string;
  key: string;
  item: SavedItem | undefined;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function listSelections(db: Kysely<PlatformTables>, tenantId: string) {
  return membersDb(db)
    .selectFrom('members_selections as s')
    .select(['s.id', 's.title', 's.created_by_label', 's.updated_at', 's.shared_at', sql<number>`(select count(*)::int from members_selection_items i where i.selection_id = s.id and i.tenant_id = s.tenant_id)`.as('count')])
    .where('s.tenant_id', '=', tenantId)
    .orderBy('s.updated_at', 'desc')
    .execute();
}

export function getSelection(db: Kysely<PlatformTables>, tenantId: string, id: string) {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return membersDb(db).selectFrom('members_selections').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function sharedSelection(db: Kysely<PlatformTables>, token: string) {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return Promise.resolve(undefined);
  return membersDb(db).selectFrom('members_selections').selectAll().where('share_token_hash', '=', tokenHash(token)).executeTakeFirst();
}

export async function selectionItems(db: Kysely<PlatformTables>, kinds: SavedKinds, tenantId: string, selectionId: string): Promise<SelectionItem[]> {
  const rows = await membersDb(db).selectFrom('members_selection_items').select(['kind', 'item_key']).where('tenant_id', '=', tenantId).where('selection_id', '=', selectionId).orderBy('position').execute();
  const items = await resolveSaved(db, kinds, rows.map((r) => ({ kind: r.kind, key: r.item_key })));
  return rows.map((r) => ({ kind: r.kind, key: r.item_key, item: items.get(savedId(r.kind, r.item_key)) }));
}

export async function createSelection(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, title: string): Promise<string> {
  const id = randomUUID();
  await membersDb(db).insertInto('members_selections').values({ id, tenant_id: tenantId, title, created_by: actor.id, created_by_label: actor.label }).execute();
  await audit(db, { action: 'members.selection_create', actor, tenantId, targetType: 'selection', targetId: id, details: { title } });
  return id;
}

export type AddOutcome = { ok: true } | { ok: false; error: string };

/** Adds a thing named by its key or by the address of its page; the kind says whether it exists. */
export async function addToSelection(db: Kysely<PlatformTables>, kinds: SavedKinds, actor: Actor, tenantId: string, selectionId: string, kindId: string, typed: string): Promise<AddOutcome> {
  const kind = kinds.get(kindId);
  if (!kind) return { ok: false, error: 'Choisissez le type de ce que vous ajoutez.' };
  let key = typed.trim();
  if (key.includes('/')) {
    let path = key;
    try {
      path = new URL(key, 'http://guichet.invalid').pathname;
    } catch {
      // kept as typed
    }
    key = kind.keyFromPath?.(path) ?? '';
  } else if (!kind.isKey(key)) key = key.toUpperCase();
  if (!key || !kind.isKey(key) || !(await kind.resolve(db, [key])).has(key)) {
    return { ok: false, error: `Aucun ${kind.label.toLowerCase()} ne correspond : collez l’adresse de sa page sur Guichet${kind.id === 'metier' ? ' ou son code ROME (par exemple D1102)' : ''}.` };
  }
  const mdb = membersDb(db);
  const count = await mdb.selectFrom('members_selection_items').select(sql<number>`count(*)::int`.as('n')).where('tenant_id', '=', tenantId).where('selection_id', '=', selectionId).executeTakeFirstOrThrow();
  if (count.n >= SELECTION_ITEMS_MAX) return { ok: false, error: 'Une sélection compte 100 éléments au plus.' };
  await mdb
    .insertInto('members_selection_items')
    .values({ tenant_id: tenantId, selection_id: selectionId, kind: kind.id, item_key: key, position: count.n + 1 })
    .onConflict((c) => c.columns(['selection_id', 'kind', 'item_key']).doNothing())
    .execute();
  await touch(db, tenantId, selectionId);
  await audit(db, { action: 'members.selection_add', actor, tenantId, targetType: 'selection', targetId: selectionId, details: { kind: kind.id, key } });
  return { ok: true };
}

export async function removeFromSelection(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, selectionId: string, kind: string, key: string): Promise<void> {
  await membersDb(db).deleteFrom('members_selection_items').where('tenant_id', '=', tenantId).where('selection_id', '=', selectionId).where('kind', '=', kind).where('item_key', '=', key).execute();
  await touch(db, tenantId, selectionId);
  await audit(db, { action: 'members.selection_remove', actor, tenantId, targetType: 'selection', targetId: selectionId, details: { kind, key } });
}

/** A new share link (the previous one stops working); the token is returned once, never stored. */
export async function shareSelection(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, selectionId: string): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await membersDb(db).updateTable('members_selections').set({ share_token_hash: tokenHash(token), shared_at: new Date(), updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', selectionId).execute();
  await audit(db, { action: 'members.selection_share', actor, tenantId, targetType: 'selection', targetId: selectionId });
  return token;
}

export async function revokeSelection(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, selectionId: string): Promise<void> {
  await membersDb(db).updateTable('members_selections').set({ share_token_hash: null, shared_at: null, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', selectionId).execute();
  await audit(db, { action: 'members.selection_revoke', actor, tenantId, targetType: 'selection', targetId: selectionId });
}

export async function deleteSelection(db: Kysely<PlatformTables>, actor: Actor, tenantId: string, selectionId: string): Promise<void> {
  await membersDb(db).deleteFrom('members_selections').where('tenant_id', '=', tenantId).where('id', '=', selectionId).execute();
  await audit(db, { action: 'members.selection_delete', actor, tenantId, targetType: 'selection', targetId: selectionId });
}

async function touch(db: Kysely<PlatformTables>, tenantId: string, selectionId: string): Promise<void> {
  await membersDb(db).updateTable('members_selections').set({ updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', selectionId).execute();
}
