import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { ContentItem, ContentKind, ContentTables, ContentVersion } from './tables';

/**
 * SQL for the content tables. Every function takes the tenant id and filters on it: a caller
 * holding another tenant's item id finds nothing and changes nothing.
 */
export type ContentDb = Kysely<PlatformTables & ContentTables>;

export function contentDb(db: Kysely<PlatformTables>): ContentDb {
  return db.withTables<ContentTables>();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export type Status = 'brouillon' | 'publie' | 'modifie';

export function statusOf(item: Pick<ContentItem, 'published_version' | 'latest_version'>): Status {
  if (item.published_version == null) return 'brouillon';
  return item.published_version === item.latest_version ? 'publie' : 'modifie';
}

/** An item with the title of its latest version (back office lists). */
export interface ItemSummary {
  id: string;
  kind: ContentKind;
  slug: string;
  title: string;
  latest_version: number;
  published_version: number | null;
  updated_at: Date;
}

export async function listItems(db: ContentDb, tenantId: string, options: { kind?: ContentKind | undefined; offset: number; limit: number }) {
  let query = db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.latest_version').onRef('v.tenant_id', '=', 'i.tenant_id'))
    .where('i.tenant_id', '=', tenantId);
  if (options.kind) query = query.where('i.kind', '=', options.kind);
  const [rows, total] = await Promise.all([
    query
      .select(['i.id', 'i.kind', 'i.slug', 'v.title', 'i.latest_version', 'i.published_version', 'i.updated_at'])
      .orderBy('i.updated_at', 'desc')
      .orderBy('i.id')
      .offset(options.offset)
      .limit(options.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as ItemSummary[], total: Number(total.n) };
}

export function getItem(db: ContentDb, tenantId: string, id: string): Promise<ContentItem | undefined> {
  if (!isUuid(id)) return Promise.resolve(undefined);
  return db.selectFrom('content_items').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
}

export function getVersion(db: ContentDb, tenantId: string, itemId: string, version: number): Promise<ContentVersion | undefined> {
  if (!isUuid(itemId) || !Number.isInteger(version)) return Promise.resolve(undefined);
  return db
    .selectFrom('content_versions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Versions of an item, newest first, a page at a time (an item may have hundreds). */
export function listVersions(db: ContentDb, tenantId: string, itemId: string, options: { offset: number; limit: number }) {
  return db
    .selectFrom('content_versions')
    .select(['version', 'title', 'author_label', 'note', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('item_id', '=', itemId)
    .orderBy('version', 'desc')
    .offset(options.offset)
    .limit(options.limit)
    .execute();
}

export async function slugTaken(db: ContentDb, tenantId: string, kind: ContentKind, slug: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('content_items').select('id').where('tenant_id', '=', tenantId).where('kind', '=', kind).where('slug', '=', slug);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertItem(db: ContentDb, row: { id: string; tenantId: string; kind: ContentKind; slug: string }) {
  await db.insertInto('content_items').values({ id: row.id, tenant_id: row.tenantId, kind: row.kind, slug: row.slug }).execute();
}

export interface VersionInput {
  title: string;
  summary: string;
  body: string;
  image_media_id: string | null;
  image_alt: string | null;
  tags: string[];
}

/** Adds the next version of an item (numbered atomically) and returns its number. */
export async function appendVersion(
  db: ContentDb,
  tenantId: string,
  itemId: string,
  input: VersionInput,
  meta: { authorId: string | null; authorLabel: string; note: string; slug?: string },
): Promise<number> {
  const bumped = await db
    .updateTable('content_items')
    .set((eb) => ({ latest_version: eb('latest_version', '+', 1), updated_at: sql<Date>`now()`, ...(meta.slug ? { slug: meta.slug } : {}) }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .returning('latest_version')
    .executeTakeFirst();
  if (!bumped) throw new Error('content item not found for this tenant');
  await db
    .insertInto('content_versions')
    .values({
      item_id: itemId,
      tenant_id: tenantId,
      version: bumped.latest_version,
      ...input,
      author_id: meta.authorId,
      author_label: meta.authorLabel,
      note: meta.note,
    })
    .execute();
  return bumped.latest_version;
}

export async function setPublished(db: ContentDb, tenantId: string, itemId: string, publish: boolean): Promise<ContentItem | undefined> {
  return db
    .updateTable('content_items')
    .set((eb) =>
      publish
        ? { published_version: eb.ref('latest_version'), published_at: sql<Date>`coalesce(published_at, now())`, updated_at: sql<Date>`now()` }
        : { published_version: null, published_at: null, updated_at: sql<Date>`now()` },
    )
    .where('tenant_id', '=', tenantId)
    .where('id', '=', itemId)
    .returningAll()
    .executeTakeFirst();
}

export async function insertMedia(db: ContentDb, tenantId: string, media: { id: string; contentType: string; bytes: Buffer; sha256: string; createdBy: string | null }) {
  await db
    .insertInto('platform_media')
    .values({ id: media.id, tenant_id: tenantId, content_type: media.contentType, bytes: media.bytes, sha256: media.sha256, created_by: media.createdBy })
    .execute();
}

/** True when the media exists, is an image and belongs to the tenant. */
export async function tenantImageExists(db: ContentDb, tenantId: string, mediaId: string): Promise<boolean> {
  if (!isUuid(mediaId)) return false;
  const row = await db
    .selectFrom('platform_media')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mediaId)
    .where('content_type', 'in', ['image/png', 'image/jpeg', 'image/webp'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The same connection or transaction, typed for platform helpers such as audit(). */
export function platformOf(db: ContentDb): Kysely<PlatformTables> {
  return db as unknown as Kysely<PlatformTables>;
}
