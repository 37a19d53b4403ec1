/**
 * `npx tsx bench/eligibility.ts` (also run by `npm run bench`): one person's full evaluation
 * (commune → prefilter on indexed columns → engine on every candidate) against 1,000 and 5,000
 * published aids, generated as variations of the 152 real seeded ones (other territories of
 * Bretagne, shifted age bounds and amounts). p50/p95 in ms, on PGlite and on PostgreSQL, beside
 * two baselines measured in the same run: prefilter() alone (the query that reads every
 * candidate's definition), and the engine on one aid.
 * A report, never a failing test. Targets: p95 < 10 ms at 1,000 aids and < 25 ms at 5,000.
 *
 *   BENCH_ELIGIBILITY_ROUNDS=200     evaluations measured per size (after 20 of warm-up)
 *   BENCH_ELIGIBILITY_PG=postgres://postgres@127.0.0.1:5432/test
 *                                    server where a scratch database guichet_bench_eligibility is
 *                                    (re)created; "" skips PostgreSQL (default: TEST_DATABASE_URL,
 *                                    else the URL above)
 */
import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import { demoAids } from '../seed/aids';
import { migrationDirs } from '../src/app';
import { aidColumns, aidsDb, prefilter, residenceCodes, type Aid, type Condition } from '../src/modules/aids';
import { evaluateAid } from '../src/modules/eligibility/engine';
import { todayInFrance } from '../src/modules/eligibility/facts';
import { evaluateSituation } from '../src/modules/eligibility/service';
import { toFacts, type Situation } from '../src/modules/eligibility/situation';
import { resolvePlace } from '../src/modules/eligibility/store';
import { ensureTerritories } from '../src/modules/territories';
import type { TerritoryTables } from '../src/modules/territories';
import { openDatabase, type Database } from '../src/platform/db/database';
import { migrate } from '../src/platform/db/migrate';
import type { PlatformTables } from '../src/platform/db/tables';
import { seedDemo } from '../seed/load';
import { percentile } from './support';

const env = process.env;
const rounds = Number(env.BENCH_ELIGIBILITY_ROUNDS ?? 200);
const pgUrl = env.BENCH_ELIGIBILITY_PG ?? env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = [1000, 5000];
const TARGET_P95_MS: Record<number, number> = { 1000: 10, 5000: 25 };
const today = todayInFrance();

/** The person: a 19-year-old student in Rennes, who answered the usual questions. */
const PERSON: Situation = { age: 19, commune: '35238', situation: 'etudiant', boursier: true, annee_etude: 'licence_2', handicap: false, enfants: 0, quotient_familial: 600 };

async function time(fn: () => Promise<unknown> | unknown): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < 20; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

type Territories = { communes: Array<{ code: string; name: string }>; epci: Array<{ code: string; name: string }>; departements: Array<{ code: string; name: string }> };

async function territories(db: Kysely<PlatformTables>): Promise<Territories> {
  const t = db.withTables<TerritoryTables>();
  return {
    communes: await t.selectFrom('territory_communes').select(['code', 'name']).orderBy('code').execute(),
    epci: await t.selectFrom('territory_epci').select(['code', 'name']).orderBy('code').execute(),
    departements: await t.selectFrom('territory_departements').select(['code', 'name']).orderBy('code').execute(),
  };
}

/** Moves every residence leaf to another territory of the same level; shifts age bounds. */
function vary(c: Condition, i: number, places: Territories): Condition {
  switch (c.type) {
    case 'all':
    case 'any':
      return { ...c, conditions: c.conditions.map((child) => vary(child, i, places)) };
    case 'not':
      return { ...c, condition: vary(c.condition, i, places) };
    case 'age':
      return { type: 'age', ...(c.min !== undefined ? { min: Math.max(0, c.min + (i % 3) - 1) } : {}), ...(c.max !== undefined ? { max: c.max + (i % 3) } : {}) };
    case 'residence': {
      if (c.level === 'region') return c;
      const list = c.level === 'commune' ? places.communes : c.level === 'epci' ? places.epci : places.departements;
      const pick = list[(i * 7919) % list.length]!;
      return { ...c, codes: [pick.code], names: [pick.name] };
    }
    default:
      return c;
  }
}

function variation(base: Aid, i: number, places: Territories): Aid {
  const eligibility = vary(base.eligibility, i, places);
  const areas: Array<{ level: 'region' | 'departement' | 'epci' | 'commune'; code: string; name: string }> = [];
  const collect = (c: Condition) => {
    if (c.type === 'residence' && areas.length === 0) c.codes.forEach((code, k) => areas.push({ level: c.level, code, name: c.names?.[k] ?? code }));
    if (c.type === 'all') c.conditions.forEach(collect);
  };
  collect(eligibility);
  const territory = base.territory.scope === 'national' || areas.length === 0 ? base.territory : { scope: 'local' as const, areas };
  const amount = base.amount ? { ...base.amount, ...(base.amount.max !== undefined ? { max: base.amount.max + (i % 5) * 10 } : {}) } : undefined;
  return { ...base, id: `${base.id}-v${i}`.slice(0, 120), name: `${base.name} (variante ${i})`, territory, eligibility, ...(amount ? { amount } : {}) };
}

/** Adds published variations until the database holds `total` published aids. */
async function fillTo(db: Kysely<PlatformTables>, total: number, places: Territories): Promise<void> {
  const adb = aidsDb(db);
  const current = Number((await adb.selectFrom('aids').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'published').executeTakeFirstOrThrow()).n);
  const bases = demoAids();
  const rows = [];
  for (let i = current; i < total; i++) {
    const { aid: base, tenantId } = bases[i % bases.length]!;
    const aid = variation(base, i, places);
    rows.push({ id: aid.id, tenant_id: tenantId, status: 'published' as const, ...aidColumns(aid), published_at: new Date() });
  }
  for (let i = 0; i < rows.length; i += 250) await adb.insertInto('aids').values(rows.slice(i, i + 250)).execute();
  await sql`analyze aids`.execute(db);
}

interface Row {
  engine: string;
  aids: number;
  candidates: number;
  'full p50 ms': string;
  'full p95 ms': string;
  'prefilter p95 ms': string;
  'one aid p95 ms': string;
  'full / prefilter': string;
  'target p95 (10 ms at 1,000, 25 at 5,000)': string;
}

async function measure(engine: string, database: Database): Promise<Row[]> {
  const { db } = database;
  const places = await territories(db);
  const rows: Row[] = [];
  for (const size of SIZES) {
    process.stdout.write(`${engine}: ${size} aids… `);
    await fillTo(db, size, places);
    const place = (await resolvePlace(db, PERSON.commune!))!;
    const candidates = await prefilter(aidsDb(db), { residence: residenceCodes(place), age: PERSON.age });
    const facts = toFacts(PERSON, place, today);
    const one = candidates.find((c) => c.id === 'bretagne-aide-code-permis') ?? candidates[0]!;
    const full = await time(() => evaluateSituation(db, PERSON, today));
    const query = await time(() => prefilter(aidsDb(db), { residence: residenceCodes(place), age: PERSON.age }));
    const single = await time(() => evaluateAid(one.definition, facts, today));
    console.log(`p95 ${full.p95.toFixed(1)} ms`);
    rows.push({
      engine,
      aids: size,
      candidates: candidates.length,
      'full p50 ms': full.p50.toFixed(2),
      'full p95 ms': full.p95.toFixed(2),
      'prefilter p95 ms': query.p95.toFixed(2),
      'one aid p95 ms': single.p95.toFixed(3),
      'full / prefilter': `${(full.p95 / query.p95).toFixed(2)} ×`,
      'target p95 (10 ms at 1,000, 25 at 5,000)': full.p95 < TARGET_P95_MS[size]! ? 'yes' : 'NO',
    });
  }
  return rows;
}

async function prepare(database: Database): Promise<void> {
  await migrate(database, migrationDirs);
  await ensureTerritories(database.db);
  await seedDemo(database.db);
}

async function withPostgres<T>(fn: (database: Database) => Promise<T>): Promise<T | undefined> {
  if (!pgUrl) return undefined;
  const name = 'guichet_bench_eligibility';
  const admin = new pg.Client({ connectionString: pgUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL is not reachable at ${pgUrl} (${(error as Error).message}): not measured`);
    return undefined;
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await prepare(database);
    return await fn(database);
  } finally {
    await database.close();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  console.log(`\nEligibility bench: a 19-year-old student in Rennes against ${SIZES.join(' and ')} published aids, ${rounds} evaluations each`);
  const rows: Row[] = [];
  const pglite = await openDatabase({ dataDir: 'memory://' });
  try {
    await prepare(pglite);
    rows.push(...(await measure('PGlite', pglite)));
  } finally {
    await pglite.close();
  }
  rows.push(...((await withPostgres((database) => measure('PostgreSQL', database))) ?? []));
  console.log('\nfull = commune + prefilter() + engine on every candidate (what the results page and the API run); baselines: the prefilter query alone, the engine on one aid.');
  console.table(rows);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
