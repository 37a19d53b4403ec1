import { indexDocument, removeDocument, territoryCode, type AnyDb, type SearchDocument, type SearchSource } from '../../platform/search';
import type { Aid } from './format';
import type { AidStatus } from './tables';

export const AID_DOCUMENT_TYPE = 'aide';

/** The search document of a published aid. */
export function aidDocument(tenantId: string, aid: Aid, publishedAt: Date | null = null): SearchDocument {
  return {
    type: AID_DOCUMENT_TYPE,
    objectId: aid.id,
    tenantId,
    title: aid.name,
    body: [aid.summary, aid.description ?? '', aid.porteur.name].join('\n'),
    url: `/aides/${aid.id}`,
    audiences: [...aid.audiences],
    themes: [...aid.themes],
    territoryCodes: aid.territory.scope === 'local' ? aid.territory.areas.map((a) => territoryCode(a.level, a.code)) : ['FR'],
    opensOn: aid.dates.opening ?? null,
    closesOn: aid.dates.closing ?? null,
    publishedAt,
  };
}

/** Keeps the index in step with an aid's status, inside the transaction that writes the aid. */
export async function indexAid(trx: AnyDb, tenantId: string, status: AidStatus, aid: Aid): Promise<void> {
  if (status === 'published') await indexDocument(trx, aidDocument(tenantId, aid, new Date()));
  else await removeDocument(trx, AID_DOCUMENT_TYPE, aid.id);
}

export const aidsSearchSource: SearchSource = {
  type: AID_DOCUMENT_TYPE,
  label: 'Aide',
  async documentsFor(db) {
    const rows = await (db as AnyDb)
      .selectFrom('aids')
      .select(['tenant_id', 'definition', 'published_at'])
      .where('status', '=', 'published')
      .execute();
    return rows.map((r: { tenant_id: string; definition: Aid | string; published_at: Date | null }) =>
      aidDocument(r.tenant_id, typeof r.definition === 'string' ? (JSON.parse(r.definition) as Aid) : r.definition, r.published_at),
    );
  },
};
