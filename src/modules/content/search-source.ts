import { indexDocument, removeDocument, territoryCode, type AnyDb, type SearchDocument, type SearchSource } from '../../platform/search';
import type { ContentKind } from './tables';

const TYPES: Record<ContentKind, string> = { page: 'page', news: 'actualite' };
const PATHS: Record<ContentKind, string> = { page: 'pages', news: 'actualites' };

interface PublishedRow {
  id: string;
  tenant_id: string;
  kind: ContentKind;
  slug: string;
  published_at: Date | null;
  title: string;
  summary: string;
  body: string;
  tenant_kind: 'region' | 'departement' | 'epci' | 'commune';
  tenant_cog_code: string;
}

/** Markdown to plain words for the index: marks, links' addresses and images go. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#*_>`|~-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function contentDocument(row: PublishedRow): SearchDocument {
  return {
    type: TYPES[row.kind],
    objectId: row.id,
    tenantId: row.tenant_id,
    title: row.title,
    body: `${row.summary}\n${plainText(row.body)}`,
    url: `/collectivites/${row.tenant_id}/${PATHS[row.kind]}/${row.slug}`,
    publishedAt: row.published_at,
    // The publishing tenant's territory: a commune's page lies in its commune (its EPCI, its département), a Région's in each of its départements.
    territoryCodes: [territoryCode(row.tenant_kind, row.tenant_cog_code)],
  };
}

function publishedRows(db: AnyDb) {
  return db
    .selectFrom('content_items as i')
    .innerJoin('content_versions as v', (join) => join.onRef('v.item_id', '=', 'i.id').onRef('v.version', '=', 'i.published_version'))
    .innerJoin('platform_tenants as t', 't.id', 'i.tenant_id')
    .select(['i.id', 'i.tenant_id', 'i.kind', 'i.slug', 'i.published_at', 'v.title', 'v.summary', 'v.body', 't.kind as tenant_kind', 't.cog_code as tenant_cog_code'])
    .where('i.published_version', 'is not', null)
    .where('i.pro_only', '=', false);
}

/** Keeps the index in step with an item's publication, inside the transaction that publishes or withdraws it. */
export async function indexContentItem(trx: AnyDb, item: { id: string; kind: ContentKind; published_version: number | null }): Promise<void> {
  if (item.published_version === null) {
    await removeDocument(trx, TYPES[item.kind], item.id);
    return;
  }
  const row = (await publishedRows(trx).where('i.id', '=', item.id).executeTakeFirst()) as PublishedRow | undefined;
  // A page reserved to professionals is never in the public search.
  if (row) await indexDocument(trx, contentDocument(row));
  else await removeDocument(trx, TYPES[item.kind], item.id);
}

export const contentPagesSearchSource: SearchSource = {
  type: TYPES.page,
  label: 'Page',
  async documentsFor(db) {
    const rows = (await publishedRows(db).where('i.kind', '=', 'page').execute()) as PublishedRow[];
    return rows.map(contentDocument);
  },
};

export const contentNewsSearchSource: SearchSource = {
  type: TYPES.news,
  label: 'Actualité',
  async documentsFor(db) {
    const rows = (await publishedRows(db).where('i.kind', '=', 'news').execute()) as PublishedRow[];
    return rows.map(contentDocument);
  },
};
