/**
 * « Mes favoris » (issue 15 d.9): a signed-in person saves things of any saved kind
 * (platform/saved.ts) with a private note. Every query is scoped by the person's account; every
 * change and every reading of the list is in the audit trail.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { audit, type Actor } from '../../platform/audit/audit';
import type { PlatformTables } from '../../platform/db/tables';
import { resolveSaved, savedId, type SavedItem, type SavedKinds } from '../../platform/saved';
import { membersDb } from './tables';

export const NOTE_MAX = 1000;
/** A person keeps at most this many favourites (a list, not a database). */
export const FAVOURITES_MAX = 500;

export interface Favourite {
  id: string;
  kind: string;
  key: string;
  note: string;
  createdAt: Date;
  /** What the kind says of it now; undefined when it no longer exists. */
  item: SavedItem | undefined;
}

export async function listFavourites(db: Kysely<PlatformTables>, kinds: SavedKinds, accountId: string): Promise<Favourite[]> {
  return withItems(db, kinds, await favouriteRows(db, accountId));
}

export interface FavouriteRow {
  id: string;
  kind: string;
  item_key: string;
  note: string;
  created_at: Date;
}

/** The person's favourites as stored, newest first (kept per account by « Mes favoris »). */
export function favouriteRows(db: Kysely<PlatformTables>, accountId: string): Promise<FavouriteRow[]> {
  return membersDb(db)
    .selectFrom('members_favourites')
    .select(['id', 'kind', 'item_key', 'note', 'created_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
}

/** Each favourite with what its kind says of it now. */
export async function withItems(db: Kysely<PlatformTables>, kinds: SavedKinds, rows: readonly FavouriteRow[]): Promise<Favourite[]> {
  const items = await resolveSaved(db, kinds, rows.map((r) => ({ kind: r.kind, key: r.item_key })));
  return rows.map((r) => ({ id: r.id, kind: r.kind, key: r.item_key, note: r.note, createdAt: r.created_at, item: items.get(savedId(r.kind, r.item_key)) }));
}

export async function savedKeys(db: Kysely<PlatformTables>, accountId: string, kind: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await membersDb(db).selectFrom('members_favourites').select('item_key').where('account_id', '=', accountId).where('kind', '=', kind).where('item_key', 'in', keys).execute();
  return new Set(rows.map((r) => r.item_key));
}

export type SaveOutcome = { ok: true; title: string } | { ok: false; reason: 'unknown' | 'full' };

/** Saves a thing (once: saving it again changes nothing). */
export async function saveFavourite(db: Kysely<PlatformTables>, kinds: SavedKinds, actor: Actor, kind: string, key: string): Promise<SaveOutcome> {
  const savedKind = kinds.get(kind);
  if (!savedKind || !savedKind.isKey(key)) return { ok: false, reason: 'unknown' };
  const item = (await savedKind.resolve(db, [key])).get(key);
  if (!item) return { ok: false, reason: 'unknown' };
  const mdb = membersDb(db);
  const count = await mdb.selectFrom('members_favourites').select(sql<number>`count(*)::int`.as('n')).where('account_id', '=', actor.id).executeTakeFirstOrThrow();
  if (count.n >= FAVOURITES_MAX) return { ok: false, reason: 'full' };
  const inserted = await mdb
    .insertInto('members_favourites')
    .values({ id: randomUUID(), account_id: actor.id, kind, item_key: key })
    .onConflict((c) => c.columns(['account_id', 'kind', 'item_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) await audit(db, { action: 'members.favourite_add', actor, targetType: 'account', targetId: actor.id, details: { kind, key } });
  return { ok: true, title: item.title };
}

/** Changes the private note of one of the person's favourites; false if it is not theirs. */
export async function setFavouriteNote(db: Kysely<PlatformTables>, actor: Actor, id: string, note: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const updated = await membersDb(db)
    .updateTable('members_favourites')
    .set({ note, updated_at: new Date() })
    .where('id', '=', id)
    .where('account_id', '=', actor.id)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return false;
  await audit(db, { action: 'members.favourite_note', actor, targetType: 'account', targetId: actor.id, details: { favourite: id } });
  return true;
}

/** Removes one favourite, or all of them (`id` null); returns how many went. */
export async function removeFavourites(db: Kysely<PlatformTables>, actor: Actor, id: string | null): Promise<number> {
  if (id !== null && !isUuid(id)) return 0;
  let query = membersDb(db).deleteFrom('members_favourites').where('account_id', '=', actor.id);
  if (id !== null) query = query.where('id', '=', id);
  const removed = Number((await query.executeTakeFirst()).numDeletedRows);
  if (removed > 0) await audit(db, { action: id ? 'members.favourite_remove' : 'members.favourites_clear', actor, targetType: 'account', targetId: actor.id, details: { removed } });
  return removed;
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value);
}
