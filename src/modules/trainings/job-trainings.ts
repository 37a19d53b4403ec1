/** The trainings of a job sheet (`platform.jobTrainings`, declared by the orientation module). */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { nearPoint } from '../help';
import type { JobTrainingsList, JobTrainingsPort } from '../orientation';
import { financingOf } from './financing';
import { findTrainings } from './search-store';
import { TRAININGS_PATH, trainingsHref } from './service';
import { readTraining, trainingsDb } from './store';
import { TRAININGS_TABLES } from './tables';

const SHOWN = 5;

export function jobTrainingsPort(platformDb: Kysely<PlatformTables>): JobTrainingsPort {
  const db = trainingsDb(platformDb);
  return {
    tables: TRAININGS_TABLES,
    async forJob(code, commune) {
      const near = commune ? await nearPoint(platformDb, commune) : undefined;
      const point = near && 'point' in near ? near.point : undefined;
      // Nearest first when the commune is known (no radius: the whole list, sorted).
      const found = await findTrainings(db, { words: [], rome: code, near: point ? { latitude: point.latitude, longitude: point.longitude, radiusKm: 20_000 } : undefined }, 1, SHOWN);
      const first = found.hits[0] ? await readTraining(db, found.hits[0].formation_id) : undefined;
      const aids = first ? (await financingOf(platformDb, first)).pay.map((a) => ({ href: `/aides/${a.id}`, name: a.name })) : [];
      const list: JobTrainingsList = {
        total: found.total,
        items: found.hits.map((h) => ({
          href: `${TRAININGS_PATH}/${h.formation_id}`, title: h.title, organisme: h.organisme, place: h.commune_name || 'À distance',
          distance: h.distance === null ? null : h.distance < 1 ? 'à moins de 1 km' : `à ${Math.round(h.distance)} km`, start: h.next_start, demo: h.demo,
        })),
        aids,
        listHref: trainingsHref({ metier: code, commune: point ? commune ?? '' : '' }),
      };
      if (near) list.near = 'point' in near ? { label: near.point.label } : { error: near.error, typed: near.typed };
      return list;
    },
  };
}
