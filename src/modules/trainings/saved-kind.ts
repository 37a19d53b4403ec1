import type { SavedItem, SavedKind } from '../../platform/saved';
import { TRAININGS_PATH } from './service';
import { trainingsDb } from './store';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/** A training, saved by its id (« demo-12 »); its organisme as detail. */
export const trainingSavedKind: SavedKind = {
  id: 'formation',
  label: 'Formation',
  plural: 'Formations',
  isKey: (key) => ID.test(key),
  async resolve(db, keys) {
    const found = new Map<string, SavedItem>();
    if (keys.length === 0) return found;
    const rows = await trainingsDb(db)
      .selectFrom('trainings_formations as f')
      .innerJoin('trainings_organismes as o', 'o.id', 'f.organisme_id')
      .select(['f.id', 'f.title', 'o.name as organisme'])
      .where('f.id', 'in', keys)
      .execute();
    for (const row of rows) found.set(row.id, { title: row.title, url: `${TRAININGS_PATH}/${encodeURIComponent(row.id)}`, detail: row.organisme });
    return found;
  },
  keyFromPath(path) {
    const match = /^\/orientation\/formations\/([A-Za-z0-9][A-Za-z0-9._-]{0,79})\/?$/.exec(path);
    return match ? match[1] : undefined;
  },
};
