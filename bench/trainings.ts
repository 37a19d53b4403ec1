/**
 * `npx tsx bench/trainings.ts` (also run by `npm run bench`): the trainings search with facets and
 * distance over 50,000 trainings (the demo generator's, fixed seed), as `/orientation/formations`
 * asks it: `searchTrainings()` with a commune (resolved, then a radius), and a job, a level, a
 * modality, a financer, dates or words. p50/p95 in ms on PGlite and PostgreSQL, beside baselines
 * measured in the same run on the same database: `select 1` and a `count(*)` of every action.
 * A report, never a failing test. Target (issue 15 b): p95 < 30 ms on both engines.
 *
 *   BENCH_TRAININGS=50000          trainings in the catalogue
 *   BENCH_TRAININGS_QUERIES=200    queries, each measured once after one warm-up pass
 *   TEST_DATABASE_URL=postgres://… also on PostgreSQL: a fresh database for the run, dropped after
 */
import { sql } from 'kysely';
import type { Database } from '../src/platform/db/database';
import { random, reportRow, timeAll } from './support';
import { demoCommunes, generateDemoTrainings, insertTrainings, searchTrainings, trainingsDb } from '../src/modules/trainings';

const env = process.env;
const TRAININGS = Number(env.BENCH_TRAININGS ?? 50_000);
const QUERIES = Number(env.BENCH_TRAININGS_QUERIES ?? 200);
const TARGET_P95_MS = 30;

const COMMUNES = ['Lorient', 'Rennes', 'Brest', 'Quimper', 'Vannes', 'Saint-Brieuc', 'Saint-Malo', 'Lannion', 'Morlaix', 'Pontivy', 'Fougères', 'Dinan', 'Concarneau', 'Auray', 'Vitré', 'Guingamp', '56100', '35000', '29200', 'Ploërmel'];
const LEVELS = ['4', '5', '6', '7', '1'];
const MODALITIES = ['presentiel', 'mixte', 'distance'];
const FINANCERS = ['region', 'cpf', 'france_travail', 'opco', 'transitions_pro'];
const WORDS = ['cap', 'bts', 'titre', 'agent', 'technicien', 'conduite'];

function queries(jobs: string[], count: number): Array<Record<string, string>> {
  const r = random(15);
  const pick = <T>(items: T[]) => items[Math.floor(r() * items.length)]!;
  return Array.from({ length: count }, () => {
    const q: Record<string, string> = { commune: pick(COMMUNES) };
    if (r() < 0.3) q.rayon = pick(['10', '60']);
    if (r() < 0.4) q.metier = pick(jobs);
    if (r() < 0.3) q.niveau = pick(LEVELS);
    if (r() < 0.25) q.modalite = pick(MODALITIES);
    if (r() < 0.3) q.financement = pick(FINANCERS);
    if (r() < 0.2) [q.du, q.au] = ['2027-03-01', '2027-09-30'];
    if (r() < 0.1) q.q = pick(WORDS);
    if (r() < 0.1) q.page = '2';
    return q;
  });
}

async function benchEngine(engine: 'pglite' | 'postgres'): Promise<Array<Record<string, string | number>>> {
  env.GUICHET_TEST_ENGINE = engine;
  const { freshDatabase } = await import('../test/support/database');
  const database: Database = await freshDatabase();
  const name = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  try {
    const db = database.db;
    const started = performance.now();
    const jobs = (await sql<{ code: string; label: string }>`select code, label from orientation_fiches order by code`.execute(db)).rows;
    const generated = generateDemoTrainings(jobs, await demoCommunes(db), TRAININGS);
    const tdb = trainingsDb(db);
    await sql`delete from trainings_formations`.execute(db);
    for (let i = 0; i < generated.length; i += 5000) await tdb.transaction().execute((trx) => insertTrainings(trx, 'bretagne', generated.slice(i, i + 5000)));
    await sql`analyze trainings_actions`.execute(db);
    await sql`analyze trainings_sessions`.execute(db);
    const actions = Number((await sql<{ n: number }>`select count(*)::int as n from trainings_actions`.execute(db)).rows[0]!.n);
    console.log(`${name}: ${actions} trainings written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const asked = queries([...new Set(generated.slice(0, 2000).flatMap((t) => t.romeCodes))], QUERIES);
    const totals = new Map<Record<string, string>, number>();
    const result = await timeAll(asked, async (q) => {
      const outcome = await searchTrainings(db, q);
      if (Object.keys(outcome.errors).length) throw new Error(`bad query ${JSON.stringify(q)}: ${JSON.stringify(outcome.errors)}`);
      totals.set(q, outcome.found.total);
    });
    const one = await timeAll(Array.from({ length: 50 }, (_, i) => i), () => sql`select 1`.execute(db));
    const count = await timeAll(Array.from({ length: 50 }, (_, i) => i), () => sql`select count(*) from trainings_actions`.execute(db));
    const row = (measure: string, t: { p50: number; p95: number; cpu: number }, target?: number) => ({
      ...reportRow(name, measure, t, target),
      'CPU ms (mean, this process)': Number(t.cpu.toFixed(1)),
    });
    console.log(`${name}: ${[...totals.values()].filter((n) => n > 0).length}/${asked.length} queries found something; the slowest:`);
    for (const { item, ms } of result.slowest) console.log(`  ${ms.toFixed(0)} ms  ${new URLSearchParams(item).toString()} → ${totals.get(item)} results`);
    return [row(`searchTrainings(), ${asked.length} queries`, result, TARGET_P95_MS), row('baseline: select 1', one), row('baseline: count(*) of every action', count)];
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const load = (await import('node:os')).loadavg()[0]!.toFixed(1);
  console.log(`Trainings bench: ${TRAININGS} trainings, ${QUERIES} queries (commune and facets), load average ${load}`);
  const rows = [...(await benchEngine('pglite')), ...(env.TEST_DATABASE_URL ? await benchEngine('postgres') : [])];
  if (!env.TEST_DATABASE_URL) console.log('(TEST_DATABASE_URL is not set: PostgreSQL is not measured)');
  console.log(`\nTarget: p95 < ${TARGET_P95_MS} ms for one trainings search with facets and distance over ${TRAININGS} trainings.`);
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
