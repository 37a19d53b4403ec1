import type { AnyDb, SearchDocument, SearchSource } from '../../platform/search';
import type { OnlineService, ProceduresTable } from './tables';

export const PROCEDURE_DOCUMENT_TYPE = 'demarche';

type ProcedureRow = Pick<ProceduresTable, 'id' | 'kind' | 'title' | 'intro' | 'theme' | 'url'> & { online_services: OnlineService[] | string };

function servicesOf(row: { online_services: OnlineService[] | string }): OnlineService[] {
  return typeof row.online_services === 'string' ? (JSON.parse(row.online_services) as OnlineService[]) : row.online_services;
}

/** A sheet or online service: its title, DILA's introduction, its theme; the link goes to the live page. */
function procedureDocument(row: ProcedureRow): SearchDocument {
  return {
    type: PROCEDURE_DOCUMENT_TYPE,
    objectId: row.id,
    tenantId: null,
    title: row.title,
    body: [row.intro, row.theme, ...servicesOf(row).map((s) => s.title)].filter(Boolean).join('\n'),
    url: row.url,
    themes: row.theme ? [row.theme] : [],
  };
}

/**
 * The national procedures come from an open data copy loaded by the seed and `npm run reindex`
 * (no back office publishes them): a full rebuild indexes every row of `procedures`.
 */
export const proceduresSearchSource: SearchSource = {
  type: PROCEDURE_DOCUMENT_TYPE,
  label: 'Démarche nationale',
  // Thousands of national sheets: the objects of the Région and its authorities come first unless a sheet is clearly closer (half weight).
  weight: 0.5,
  async documentsFor(db: AnyDb) {
    const rows = (await db.selectFrom('procedures').select(['id', 'kind', 'title', 'intro', 'theme', 'url', 'online_services']).orderBy('id').execute()) as ProcedureRow[];
    return rows.map(procedureDocument);
  },
};

/** What a result shows beside a procedure: whether it is an online service itself, and the online services of a sheet. */
export interface ProcedureLinks {
  isOnlineService: boolean;
  onlineServices: OnlineService[];
}

/** The links of some procedures, by id (one query for a page of results). */
export async function procedureLinks(db: AnyDb, ids: string[]): Promise<Map<string, ProcedureLinks>> {
  const out = new Map<string, ProcedureLinks>();
  if (ids.length === 0) return out;
  const rows = (await db.selectFrom('procedures').select(['id', 'kind', 'online_services']).where('id', 'in', ids).execute()) as Array<{ id: string; kind: string; online_services: OnlineService[] | string }>;
  for (const row of rows) out.set(row.id, { isOnlineService: /^[A-Z]/.test(row.kind), onlineServices: servicesOf(row) });
  return out;
}
