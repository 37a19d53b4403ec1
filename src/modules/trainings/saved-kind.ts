import { sql } from 'kysely';
import type { SavedItem, SavedKind } from '../../platform/saved';
import { parisToday } from '../../platform/views/format';
import { TRAININGS_PATH } from './service';
import { trainingsDb } from './store';

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

/**
 * A training, saved by its id (« demo-12 »); its organisme as detail. Dated by its next session
 * (the first start from `now`'s day in Paris on, a suspended session aside): the members module's
 * reminder mails the person two days before it, and again before each later session. A session
 * has a day, not an hour: the date is that day at 00:00 UTC, shown as a day (`dateOnly`).
 */
export const trainingSavedKind: SavedKind = {
  tables: ['trainings_formations', 'trainings_organismes', 'trainings_actions', 'trainings_sessions'],
  id: 'formation',
  label: 'Formation',
  plural: 'Formations',
  dated: true,
  isKey: (key) => ID.test(key),
  async resolve(db, keys, now = new Date()) {
    const found = new Map<string, SavedItem>();
    if (keys.length === 0) return found;
    const today = parisToday(now);
    const rows = await trainingsDb(db)
      .selectFrom('trainings_formations as f')
      .innerJoin('trainings_organismes as o', 'o.id', 'f.organisme_id')
      .leftJoinLateral(
        (eb) =>
          eb
            .selectFrom('trainings_sessions as s')
            .innerJoin('trainings_actions as a', 'a.id', 's.action_id')
            .select([sql<string>`to_char(s.start_on, 'YYYY-MM-DD')`.as('start'), 'a.commune_name', 'a.address_line'])
            .whereRef('a.formation_id', '=', 'f.id')
            .where('s.start_on', '>=', today)
            .where('s.state', '<>', 'suspendu')
            .orderBy('s.start_on')
            .orderBy('s.id')
            .limit(1)
            .as('next'),
        (join) => join.onTrue(),
      )
      .select(['f.id', 'f.title', 'o.name as organisme', 'next.start', 'next.commune_name', 'next.address_line'])
      .where('f.id', 'in', keys)
      .execute();
    for (const row of rows) {
      found.set(row.id, {
        title: row.title,
        url: `${TRAININGS_PATH}/${encodeURIComponent(row.id)}`,
        detail: row.organisme,
        ...(row.start ? { date: new Date(`${row.start}T00:00:00Z`), dateOnly: true, place: [row.address_line, row.commune_name].filter(Boolean).join(', ') } : {}),
      });
    }
    return found;
  },
  keyFromPath(path) {
    const match = /^\/orientation\/formations\/([A-Za-z0-9][A-Za-z0-9._-]{0,79})\/?$/.exec(path);
    return match ? match[1] : undefined;
  },
};
