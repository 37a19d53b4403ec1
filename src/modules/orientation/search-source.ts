import type { AnyDb, SearchDocument, SearchSource } from '../../platform/search';
import { orientationDb } from './store';

export const JOB_DOCUMENT_TYPE = 'metier';

/**
 * Every fiche of ROME 4.0 as a search document: its label as title; its appellations (the
 * feminine and masculine names) and its definition as body. Loaded by the seed and `npm run
 * reindex` (no back office publishes them), so only the full rebuild indexes them.
 */
async function jobDocuments(anyDb: AnyDb): Promise<SearchDocument[]> {
  const db = orientationDb(anyDb);
  const [fiches, appellations, texts] = await Promise.all([
    db.selectFrom('orientation_fiches').select(['code', 'label']).orderBy('code').execute(),
    db.selectFrom('orientation_appellations').select(['fiche_code', 'long_label']).orderBy('fiche_code').orderBy('long_label').execute(),
    db.selectFrom('orientation_texts').select(['fiche_code', 'text']).where('kind', '=', 'definition').orderBy('fiche_code').orderBy('position').execute(),
  ]);
  const names = new Map<string, string[]>();
  for (const a of appellations) names.set(a.fiche_code, [...(names.get(a.fiche_code) ?? []), a.long_label]);
  const definitions = new Map<string, string[]>();
  for (const t of texts) definitions.set(t.fiche_code, [...(definitions.get(t.fiche_code) ?? []), t.text]);
  return fiches.map((f) => ({
    type: JOB_DOCUMENT_TYPE,
    objectId: f.code,
    tenantId: null,
    title: f.label,
    body: [...(names.get(f.code) ?? []).filter((n) => n !== f.label), ...(definitions.get(f.code) ?? [])].join('\n'),
    url: `/orientation/metiers/${f.code}`,
  }));
}

export const jobsSearchSource: SearchSource = {
  type: JOB_DOCUMENT_TYPE,
  label: 'Métier',
  // 1,584 national job sheets, found by a job's name: like the forms, well below the aids and pages
  // (« garde enfant » asks for the childcare aid, not the sheet « Garde d'enfant », whose title is the query: 0.5 and 0.35 were not enough).
  weight: 0.25,
  documentsFor: jobDocuments,
};
