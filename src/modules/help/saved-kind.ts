import { KIND_LABELS } from './kinds';
import type { SavedItem, SavedKind } from '../../platform/saved';
import { helpDb } from './store';
import { PLACE_PATH } from './views/place-page';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A help place (France Services, médiation numérique), saved by its id. */
export const placeSavedKind: SavedKind = {
  tables: ['help_places'],
  id: 'lieu',
  label: 'Lieu d’aide',
  plural: 'Lieux d’aide',
  isKey: (key) => UUID.test(key),
  async resolve(db, keys) {
    const found = new Map<string, SavedItem>();
    if (keys.length === 0) return found;
    const rows = await helpDb(db)
      .selectFrom('help_places')
      .select(['id', 'name', 'kind', 'address', 'postal_code', 'commune_name'])
      .where('id', 'in', keys)
      .where('published', '=', true)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        title: row.name,
        url: `${PLACE_PATH}/${row.id}`,
        detail: `${KIND_LABELS[row.kind]} · ${row.commune_name}`,
        place: [row.address, `${row.postal_code} ${row.commune_name}`.trim()].filter(Boolean).join(', '),
      });
    }
    return found;
  },
  keyFromPath(path) {
    const match = /^\/aide-de-proximite\/lieux\/([0-9a-f-]{36})\/?$/.exec(path);
    return match && UUID.test(match[1]!) ? match[1] : undefined;
  },
};
