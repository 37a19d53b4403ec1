import type { SavedItem, SavedKind } from '../../platform/saved';
import { JOBS_PATH } from './service';
import { orientationDb } from './store';

const CODE = /^[A-N]\d{4}$/;

/** A job sheet, saved by its code ROME (« D1102 »). */
export const jobSavedKind: SavedKind = {
  tables: ['orientation_fiches'],
  id: 'metier',
  label: 'Métier',
  plural: 'Métiers',
  isKey: (key) => CODE.test(key),
  async resolve(db, keys) {
    const found = new Map<string, SavedItem>();
    if (keys.length === 0) return found;
    const rows = await orientationDb(db).selectFrom('orientation_fiches').select(['code', 'label']).where('code', 'in', keys).execute();
    for (const row of rows) found.set(row.code, { title: row.label, url: `${JOBS_PATH}/${row.code}`, detail: `Fiche métier ROME ${row.code}` });
    return found;
  },
  keyFromPath(path) {
    const match = /^\/orientation\/metiers\/([a-n]\d{4})\/?$/i.exec(path);
    return match ? match[1]!.toUpperCase() : undefined;
  },
};
