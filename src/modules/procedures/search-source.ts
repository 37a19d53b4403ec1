import type { AnyDb, SearchDocument, SearchSource } from '../../platform/search';
import type { OnlineService, ProceduresTable } from './tables';

export const PROCEDURE_DOCUMENT_TYPE = 'demarche';
/** Cerfa forms and letter models: a type of their own, so that they rank below the sheets that explain the procedure. */
export const FORM_DOCUMENT_TYPE = 'formulaire';
const FORM_KINDS = ['Formulaire', 'Modèle de document'];

/** Whether a search hit is one of service-public.fr's (a sheet, an online service, a form). */
export function isProcedureType(type: string): boolean {
  return type === PROCEDURE_DOCUMENT_TYPE || type === FORM_DOCUMENT_TYPE;
}

type ProcedureRow = Pick<ProceduresTable, 'id' | 'kind' | 'title' | 'intro' | 'theme' | 'url'> & { online_services: OnlineService[] | string };

function servicesOf(row: { online_services: OnlineService[] | string }): OnlineService[] {
  return typeof row.online_services === 'string' ? (JSON.parse(row.online_services) as OnlineService[]) : row.online_services;
}

/** A sheet or online service: its title, DILA's introduction, its theme; the link goes to the live page. */
function procedureDocument(row: ProcedureRow): SearchDocument {
  return {
    type: FORM_KINDS.includes(row.kind) ? FORM_DOCUMENT_TYPE : PROCEDURE_DOCUMENT_TYPE,
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
async function procedureDocuments(db: AnyDb, forms: boolean): Promise<SearchDocument[]> {
  const rows = (await db
    .selectFrom('procedures')
    .select(['id', 'kind', 'title', 'intro', 'theme', 'url', 'online_services'])
    .where('kind', forms ? 'in' : 'not in', FORM_KINDS)
    .orderBy('id')
    .execute()) as ProcedureRow[];
  return rows.map(procedureDocument);
}

export const proceduresSearchSource: SearchSource = {
  type: PROCEDURE_DOCUMENT_TYPE,
  label: 'Démarche nationale',
  // Thousands of national sheets: the objects of the Région and its authorities come first unless a sheet is clearly closer (half weight).
  weight: 0.5,
  documentsFor: (db: AnyDb) => procedureDocuments(db, false),
};

export const formsSearchSource: SearchSource = {
  type: FORM_DOCUMENT_TYPE,
  label: 'Formulaire',
  // About 2,000 national forms, some for one overseas territory: found by their number or title, below the sheets.
  weight: 0.35,
  documentsFor: (db: AnyDb) => procedureDocuments(db, true),
};

/** What a result shows beside a procedure: whether it is an online service itself, and the online services of a sheet. */
export interface ProcedureLinks {
  /** « fiche », « Téléservice », « Formulaire », « Modèle de document »… as DILA names it. */
  kind: string;
  isOnlineService: boolean;
  onlineServices: OnlineService[];
}

/** The links of some procedures, by id (one query for a page of results). */
export async function procedureLinks(db: AnyDb, ids: string[]): Promise<Map<string, ProcedureLinks>> {
  const out = new Map<string, ProcedureLinks>();
  if (ids.length === 0) return out;
  const rows = (await db.selectFrom('procedures').select(['id', 'kind', 'online_services']).where('id', 'in', ids).execute()) as Array<{ id: string; kind: string; online_services: OnlineService[] | string }>;
  for (const row of rows) out.set(row.id, { kind: row.kind, isOnlineService: /^[A-Z]/.test(row.kind), onlineServices: servicesOf(row) });
  return out;
}
