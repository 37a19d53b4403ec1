import type { AnyDb, SearchDocument, SearchSource } from '../../platform/search';
import { LEVELS } from './model';
import { TRAININGS_PATH } from './service';
import { trainingsDb } from './store';

export const TRAINING_DOCUMENT_TYPE = 'formation';

/** Every training (its first place) as a search document: title, organisme and place. */
async function trainingDocuments(anyDb: AnyDb): Promise<SearchDocument[]> {
  const db = trainingsDb(anyDb);
  const rows = await db
    .selectFrom('trainings_formations as f')
    .innerJoin('trainings_organismes as o', 'o.id', 'f.organisme_id')
    .leftJoin('trainings_actions as a', (j) => j.onRef('a.formation_id', '=', 'f.id').on('a.position', '=', 0))
    .select(['f.id', 'f.tenant_id', 'f.title', 'f.objective', 'f.exit_level', 'f.entry_level', 'o.name as organisme', 'a.commune_name', 'a.commune_code', 'a.latitude', 'a.longitude'])
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    type: TRAINING_DOCUMENT_TYPE,
    objectId: r.id,
    tenantId: r.tenant_id,
    title: r.title,
    body: [r.objective, r.organisme, r.commune_name ?? '', LEVELS[r.exit_level ?? r.entry_level] ?? ''].filter(Boolean).join('\n'),
    url: `${TRAININGS_PATH}/${r.id}`,
    themes: ['formation'],
    territoryCodes: r.commune_code ? [`C${r.commune_code}`] : ['R53'],
    communeCode: r.commune_code,
    latitude: r.latitude,
    longitude: r.longitude,
  }));
}

export const trainingsSearchSource: SearchSource = {
  type: TRAINING_DOCUMENT_TYPE,
  label: 'Formation',
  // Thousands of trainings named after jobs: below the jobs themselves (0.25), so that an aid query
  // (« aide formation ») finds the aids first and a job's name its sheet before its trainings.
  weight: 0.2,
  documentsFor: trainingDocuments,
};
