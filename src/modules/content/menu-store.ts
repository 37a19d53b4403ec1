import type { ContentDb } from './store';
import type { ContentKind } from './tables';

export interface MenuRow {
  id: string;
  position: number;
  label: string;
  target: ContentKind;
  target_item_id: string | null;
  /** The target page's slug and whether it is published (null for the news list). */
  slug: string | null;
  published: boolean;
}

/** A tenant's menu in order, with what each entry points to. */
export async function listMenu(db: ContentDb, tenantId: string): Promise<MenuRow[]> {
  const rows = await db
    .selectFrom('content_menu_entries as m')
    .leftJoin('content_items as i', (join) => join.onRef('i.id', '=', 'm.target_item_id').onRef('i.tenant_id', '=', 'm.tenant_id'))
    .select(['m.id', 'm.position', 'm.label', 'm.target', 'm.target_item_id', 'i.slug', 'i.published_version'])
    .where('m.tenant_id', '=', tenantId)
    .orderBy('m.position')
    .orderBy('m.id')
    .execute();
  return rows.map(({ published_version, ...row }) => ({ ...row, slug: row.slug ?? null, published: row.target === 'news' || published_version != null }));
}

export async function addMenuEntry(db: ContentDb, tenantId: string, entry: { id: string; label: string; target: ContentKind; targetItemId: string | null }) {
  const last = await db
    .selectFrom('content_menu_entries')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  await db
    .insertInto('content_menu_entries')
    .values({ id: entry.id, tenant_id: tenantId, position: Number(last?.max ?? 0) + 1, label: entry.label, target: entry.target, target_item_id: entry.targetItemId })
    .execute();
}

export async function renameMenuEntry(db: ContentDb, tenantId: string, id: string, label: string): Promise<boolean> {
  const result = await db.updateTable('content_menu_entries').set({ label }).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function removeMenuEntry(db: ContentDb, tenantId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('content_menu_entries').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Rewrites the positions 1..n in the given order (ids of the tenant's entries only). */
export async function reorderMenu(db: ContentDb, tenantId: string, orderedIds: string[]) {
  for (const [index, id] of orderedIds.entries()) {
    await db.updateTable('content_menu_entries').set({ position: index + 1 }).where('tenant_id', '=', tenantId).where('id', '=', id).execute();
  }
}
