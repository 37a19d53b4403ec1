/**
 * The authorities themselves in the one search (« Brest Métropole » finds its space). The tenants
 * are a platform table, so their document lives here: the search module rebuilds it, and the back
 * office reindexes a tenant in the transaction that edits its name, description or contact.
 */
import { indexDocument, type AnyDb, type SearchDocument, type SearchSource } from './index';
import { territoryCode } from './territory';

export const TENANT_DOCUMENT_TYPE = 'collectivite';

interface TenantRow {
  id: string;
  name: string;
  short_name: string;
  description: string;
  kind: 'region' | 'departement' | 'epci' | 'commune';
  cog_code: string;
  contact_address: string;
}

function tenantDocument(t: TenantRow): SearchDocument {
  return {
    type: TENANT_DOCUMENT_TYPE,
    objectId: t.id,
    tenantId: t.id,
    title: t.name,
    body: [t.short_name, t.description, t.contact_address].filter(Boolean).join('\n'),
    url: `/collectivites/${t.id}/`,
    territoryCodes: [territoryCode(t.kind, t.cog_code)],
  };
}

function tenantRows(db: AnyDb) {
  return db.selectFrom('platform_tenants').select(['id', 'name', 'short_name', 'description', 'kind', 'cog_code', 'contact_address']);
}

export const tenantsSearchSource: SearchSource = {
  type: TENANT_DOCUMENT_TYPE,
  label: 'Collectivité',
  // A commune's name alone (« saint-brieuc ») asks for the authority first, before the places and
  // events that carry the same name in a shorter title (« CIO de Saint-Brieuc »).
  weight: 1.3,
  async documentsFor(db: AnyDb) {
    return ((await tenantRows(db).execute()) as TenantRow[]).map(tenantDocument);
  },
};

/** Rewrites a tenant's document from its row; call it in the transaction that changes the row. */
export async function indexTenant(trx: AnyDb, tenantId: string): Promise<void> {
  const row = (await tenantRows(trx).where('id', '=', tenantId).executeTakeFirst()) as TenantRow | undefined;
  if (row) await indexDocument(trx, tenantDocument(row));
}
