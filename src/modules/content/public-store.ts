import { sql } from 'kysely';
import type { ContentDb, VersionInput } from './store';
import type { ContentKind } from './tables';

/** What the public sees of an item: its published version only. Drafts never come out of here. */
export interface PublishedContent extends VersionInput {
  id: string;
  tenant_id: string;
  kind: ContentKind;
  slug: string;
  version: number;
  published_at: Date;
  updated_at: Date;
}

function published(db: ContentDb) {
  return db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) =>
      join.onRef('v.item_id', '=', 'i.id').onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.version', '=', 'i.published_version'),
    )
    .where('i.published_version', 'is not', null)
    .where('i.pro_only', '=', false);
}

/** A published page reserved to orientation professionals (never through `published`). */
export async function publishedProPage(db: ContentDb, tenantId: string, slug: string): Promise<PublishedContent | undefined> {
  const row = await db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.tenant_id', '=', 'i.tenant_id').onRef('v.version', '=', 'i.published_version'))
    .select([...summaryColumns, 'v.body', 'v.image_media_id', 'v.image_alt'])
    .where('i.published_version', 'is not', null)
    .where('i.pro_only', '=', true)
    .where('i.tenant_id', '=', tenantId)
    .where('i.kind', '=', 'page')
    .where('i.slug', '=', slug)
    .executeTakeFirst();
  return row as PublishedContent | undefined;
}

const summaryColumns = ['i.id', 'i.tenant_id', 'i.kind', 'i.slug', 'v.version', 'i.published_at', 'v.created_at as updated_at', 'v.title', 'v.summary', 'v.tags'] as const;

export async function publishedBySlug(db: ContentDb, tenantId: string, kind: ContentKind, slug: string): Promise<PublishedContent | undefined> {
  const row = await published(db)
    .select([...summaryColumns, 'v.body', 'v.image_media_id', 'v.image_alt'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.kind', '=', kind)
    .where('i.slug', '=', slug)
    .executeTakeFirst();
  return row as PublishedContent | undefined;
}

export type PublishedSummary = Omit<PublishedContent, 'body' | 'image_media_id' | 'image_alt'>;

export async function publishedList(db: ContentDb, tenantId: string, kind: ContentKind, options: { tag?: string | undefined; offset: number; limit: number }) {
  let query = published(db).where('i.tenant_id', '=', tenantId).where('i.kind', '=', kind);
  if (options.tag) query = query.where(sql<boolean>`v.tags @> array[${options.tag}]::text[]`);
  const ordered = query.select(summaryColumns);
  const [rows, total] = await Promise.all([
    (kind === 'news' ? ordered.orderBy('i.published_at', 'desc') : ordered.orderBy(sql`immutable_unaccent(lower(v.title))`))
      .orderBy('i.id').offset(options.offset).limit(options.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as PublishedSummary[], total: Number(total.n) };
}

/**
 * The latest published news of every tenant (the regional portal's home). A news item several
 * authorities published in the same words (the same advice from two départements) is listed
 * once, as its latest publication.
 */
export async function latestNewsAllTenants(db: ContentDb, limit: number): Promise<PublishedSummary[]> {
  const rows = (await published(db).select(summaryColumns).where('i.kind', '=', 'news').orderBy('i.published_at', 'desc').orderBy('i.id').limit(limit * 4).execute()) as PublishedSummary[];
  const seen = new Set<string>();
  const kept: PublishedSummary[] = [];
  for (const row of rows) {
    const key = `${row.title}|${row.summary}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(row);
    if (kept.length === limit) break;
  }
  return kept;
}

/** Tags used by a tenant's published news, most used first. */
export async function publishedTags(db: ContentDb, tenantId: string, limit = 20): Promise<string[]> {
  const rows = await sql<{ tag: string }>`
    select t.tag, count(*) as n
    from content_items i
    join content_versions v on v.item_id = i.id and v.tenant_id = i.tenant_id and v.version = i.published_version
    cross join lateral unnest(v.tags) as t(tag)
    where i.tenant_id = ${tenantId} and i.kind = 'news' and i.published_version is not null
    group by t.tag order by count(*) desc, t.tag limit ${limit}`.execute(db);
  return rows.rows.map((r) => r.tag);
}

/** The latest published news of every tenant carrying this tag (« orientation » on /orientation), newest first. */
export async function latestNewsTagged(db: ContentDb, tag: string, limit: number): Promise<PublishedSummary[]> {
  return (await published(db)
    .select(summaryColumns)
    .where('i.kind', '=', 'news')
    .where(sql<boolean>`v.tags @> array[${tag}]::text[]`)
    .orderBy('i.published_at', 'desc')
    .orderBy('i.id')
    .limit(limit)
    .execute()) as PublishedSummary[];
}
