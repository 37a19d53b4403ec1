import type { SavedItem, SavedKind } from '../../platform/saved';
import { agendaDb } from './store';
import { KINDS } from './vocabulary';

const ID = /^[\w-]{1,80}$/;

/**
 * An event, saved by its id. Dated: the members module's reminder mails the person two days before
 * its start. Only published public events resolve (a withdrawn one is « gone » in the favourites).
 */
export const eventSavedKind: SavedKind = {
  tables: ['agenda_events'],
  id: 'evenement',
  label: 'Événement',
  plural: 'Événements',
  dated: true,
  isKey: (key) => ID.test(key),
  async resolve(db, keys) {
    const found = new Map<string, SavedItem>();
    if (keys.length === 0) return found;
    const rows = await agendaDb(db)
      .selectFrom('agenda_events')
      .select(['id', 'title', 'kind', 'starts_at', 'place_name', 'commune_name'])
      .where('id', 'in', keys)
      .where('published', '=', true)
      .where('pro_only', '=', false)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        title: row.title,
        url: `/agenda/${encodeURIComponent(row.id)}`,
        detail: KINDS[row.kind],
        date: new Date(row.starts_at),
        place: [row.place_name, row.commune_name].filter(Boolean).join(', '),
      });
    }
    return found;
  },
  keyFromPath(path) {
    const match = /^\/agenda\/([\w-]{1,80})\/?$/.exec(path);
    return match ? match[1] : undefined;
  },
};
