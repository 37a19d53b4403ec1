/**
 * The demo trainings (docs/orientation.md, « Formations »): 2,400 generated from the ROME
 * referential at real Breton communes, every one marked as demo data, owned by the Région.
 * Written once, when the table is empty (after the jobs, which they lead to).
 */
import type { Kysely } from 'kysely';
import { demoCommunes, generateDemoTrainings, insertTrainings, trainingsDb, type DemoJob } from '../src/modules/trainings';
import type { PlatformTables } from '../src/platform/db/tables';

export const DEMO_TRAININGS = 2400;

export async function seedTrainings(db: Kysely<PlatformTables>): Promise<boolean> {
  const tdb = trainingsDb(db);
  const any = await tdb.selectFrom('trainings_formations').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const jobs = (await db.withTables<{ orientation_fiches: DemoJob }>().selectFrom('orientation_fiches').select(['code', 'label']).orderBy('code').execute());
  if (!jobs.length) return false;
  const trainings = generateDemoTrainings(jobs, await demoCommunes(db), DEMO_TRAININGS);
  await tdb.transaction().execute((trx) => insertTrainings(trx, 'bretagne', trainings));
  return true;
}
