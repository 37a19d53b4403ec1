/**
 * `npx tsx bench/search.ts` (also run by `npm run bench`): the one search's engine over 100,000
 * documents — the real ones of the seed plus generated variations (titles with another commune's
 * name, bodies mixing two real documents, places moved a few km, aids with opening and closing
 * dates) — answering 200 realistic queries: words as people type them, with typos, facets and a
 * commune. p50/p95 in ms of `search()` (no result kept in memory: every query is computed), on
 * PGlite and on PostgreSQL, beside baselines measured in the same run on the same database: a
 * `select 1` round trip and one full-text count of a common word.
 * A report, never a failing test. Target (issue 13, point 11): p95 < 30 ms on both engines.
 *
 *   BENCH_SEARCH_DOCUMENTS=100000   documents in the index
 *   BENCH_SEARCH_QUERIES=200        queries, each measured once after one warm-up pass
 *   TEST_DATABASE_URL=postgres://…  also on PostgreSQL: a fresh database for the run, dropped after
 *   BENCH_SEARCH_KEEP=1             keep the grown databases (.cache/bench-search-pglite, database
 *                                   guichet_bench_search) and reuse them in the next runs: to try
 *                                   a change of the search without growing the index again
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/platform/db/database';
import type { PlatformTables } from '../src/platform/db/tables';
import { search } from '../src/modules/search';
import { nearPoint } from '../src/modules/search/distance';
import { parseFilters } from '../src/modules/search/facets';
import { random, reportRow, timeAll } from './support';

const env = process.env;
const DOCUMENTS = Number(env.BENCH_SEARCH_DOCUMENTS ?? 100_000);
const QUERIES = Number(env.BENCH_SEARCH_QUERIES ?? 200);
const TARGET_P95_MS = 30;

/** Grows the seeded index to `target` documents with variations of the real ones, in SQL. */
async function grow(db: Kysely<PlatformTables>, target: number): Promise<void> {
  const real = Number((await sql<{ n: number }>`select count(*)::int as n from search_documents`.execute(db)).rows[0]!.n);
  const copies = Math.ceil((target - real) / real);
  await sql`create temporary table bench_communes as
    select row_number() over (order by code) as i, name from territory_communes`.execute(db);
  const communes = Number((await sql<{ n: number }>`select count(*)::int as n from bench_communes`.execute(db)).rows[0]!.n);
  await sql`create temporary table bench_real as select row_number() over (order by type, object_id) as i, * from search_documents`.execute(db);
  // Bulk writes go through GIN pending lists (migration 0221 writes them in place, for single publications), merged once after.
  const gin = ['search_documents_search', 'search_documents_title_search', 'search_documents_title_trgm', 'search_words_trgm'];
  for (const index of gin) await sql`alter index ${sql.ref(index)} set (fastupdate = on)`.execute(db);
  // In batches, so that PGlite's memory stays small.
  for (let from = 1; from <= copies; from += 10) {
    const to = Math.min(copies, from + 9);
    await sql`
      insert into search_documents (type, object_id, tenant_id, title, body, url, audiences, themes, territory_codes, departements, epcis, commune_code,
        latitude, longitude, opens_on, closes_on, published_at)
      select d.type, d.object_id || '-v' || g, d.tenant_id,
        d.title || ' – ' || c.name,
        d.body || E'\n' || left(o.body, 300),
        d.url || '?v=' || g, d.audiences, d.themes, d.territory_codes, d.departements, d.epcis, d.commune_code,
        d.latitude + ((g * 7 + d.i) % 21 - 10) * 0.01, d.longitude + ((g * 13 + d.i) % 21 - 10) * 0.01,
        case when d.type = 'aide' and (g + d.i) % 3 = 0 then current_date - ((g + d.i) % 200)::int end,
        case when d.type = 'aide' and (g + d.i) % 4 = 0 then current_date + ((g * 3 + d.i) % 120 - 30)::int end,
        d.published_at - make_interval(days => g)
      from generate_series(${from}::int, ${to}::int) g
      cross join bench_real d
      join bench_communes c on c.i = 1 + (d.i * 31 + g * 17) % ${communes}
      join bench_real o on o.i = 1 + (d.i + g * 7) % ${real}
      where (g - 1) * ${real} + d.i <= ${target - real}`.execute(db);
  }
  await sql`
    insert into search_words (word)
    select distinct w from search_documents cross join lateral regexp_split_to_table(immutable_unaccent(lower(title)), '[^[:alpha:]]+') as w
    where length(w) between 3 and 40
    on conflict do nothing`.execute(db);
  for (const index of gin) {
    await sql`select gin_clean_pending_list(${index}::regclass)`.execute(db);
    await sql`alter index ${sql.ref(index)} set (fastupdate = off)`.execute(db);
  }
  await sql`analyze search_documents`.execute(db);
  await sql`analyze search_words`.execute(db);
}

const BASE = [
  'permis de conduire', 'aide permis', 'bourse permis vannes', 'france services quimper', 'france services', 'mediation numerique',
  'apa finistere', 'etat civil brest', 'inscription scolaire', 'velo electrique', 'aide achat velo', 'logement etudiant',
  'bourse etudiant', 'transport scolaire', 'carte grise', 'rsa', 'aide au logement', 'garde enfant', 'handicap', 'aide energie',
  'renovation energetique', 'mobilite jeunes', 'stage etranger', 'erasmus', 'service civique', 'formation professionnelle',
  'apprentissage', 'emploi', 'creation entreprise', 'association subvention', 'culture', 'sport licence', 'sante',
  'brest metropole', 'rennes', 'lorient', 'saint brieuc', 'ordinateur', 'numerique', 'demarches en ligne',
];
const TYPO_COMMUNES = ['Quimper', '29000', 'Brest', '35000', 'Lorient', 'Saint-Brieuc', 'Vannes', 'Lannion', 'Morlaix', '56100'];
const FACETS: Array<Record<string, string | string[]>> = [
  { type: 'aide' }, { type: ['aide', 'page'] }, { public: 'jeune' }, { public: ['etudiant', 'famille'] }, { theme: 'mobilite' },
  { dates: 'ouvert' }, { dates: 'bientot' }, { type: 'aide', dates: 'ouvert' }, { autorite: 'bretagne' }, { type: 'lieu-aide' },
];

/** A typo as people make them: two neighbour letters swapped, a letter left out, or one doubled. */
function typo(word: string, r: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  const kind = Math.floor(r() * 3);
  if (kind === 0) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  if (kind === 1) return word.slice(0, i) + word.slice(i + 1);
  return word.slice(0, i) + word[i] + word.slice(i);
}

interface BenchQuery {
  q: string;
  facets: Record<string, string | string[]>;
  commune: string | undefined;
  page: number;
}

function queries(count: number): BenchQuery[] {
  const r = random(13);
  return Array.from({ length: count }, (_, n) => {
    let q = BASE[n % BASE.length]!;
    if (r() < 0.3) q = q.split(' ').map((w) => (r() < 0.6 ? typo(w, r) : w)).join(' ');
    if (r() < 0.15) q = q.toUpperCase();
    return {
      q,
      facets: r() < 0.35 ? FACETS[Math.floor(r() * FACETS.length)]! : {},
      commune: r() < 0.25 ? TYPO_COMMUNES[Math.floor(r() * TYPO_COMMUNES.length)] : undefined,
      page: r() < 0.1 ? 2 : 1,
    };
  });
}

/** BENCH_SEARCH_KEEP: the database grown by a former run, or a new one migrated and seeded at a fixed place (grown then kept). */
async function keptDatabase(engine: 'pglite' | 'postgres'): Promise<{ database: Database; grown: boolean }> {
  const { openDatabase } = await import('../src/platform/db/database');
  const { migrate } = await import('../src/platform/db/migrate');
  const { migrationDirs } = await import('../src/app');
  const { ensureTerritories } = await import('../src/modules/territories');
  const { seedDemo } = await import('../seed/load');
  let database: Database;
  if (engine === 'pglite') {
    const dataDir = new URL('../.cache/bench-search-pglite', import.meta.url).pathname;
    const { existsSync } = await import('node:fs');
    const exists = existsSync(`${dataDir}/PG_VERSION`);
    database = await openDatabase({ dataDir });
    if (exists && (await sql<{ t: string | null }>`select to_regclass('bench_grown')::text as t`.execute(database.db)).rows[0]!.t) return { database, grown: true };
  } else {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: env.TEST_DATABASE_URL });
    await admin.connect();
    const exists = (await admin.query(`select 1 from pg_database where datname = 'guichet_bench_search'`)).rowCount! > 0;
    if (!exists) await admin.query('create database guichet_bench_search');
    await admin.end();
    const url = new URL(env.TEST_DATABASE_URL!);
    url.pathname = '/guichet_bench_search';
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 5 });
    if (exists && (await sql<{ t: string | null }>`select to_regclass('bench_grown')::text as t`.execute(database.db)).rows[0]!.t) return { database, grown: true };
  }
  await migrate(database, migrationDirs);
  await ensureTerritories(database.db);
  await seedDemo(database.db);
  return { database, grown: false };
}

async function benchEngine(engine: 'pglite' | 'postgres'): Promise<Array<Record<string, string | number>>> {
  env.GUICHET_TEST_ENGINE = engine;
  const { freshDatabase } = await import('../test/support/database');
  const kept = env.BENCH_SEARCH_KEEP ? await keptDatabase(engine) : undefined;
  const database: Database = kept ? kept.database : await freshDatabase();
  const name = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';
  try {
    const db = database.db;
    const started = performance.now();
    if (kept?.grown) {
      const { migrate } = await import('../src/platform/db/migrate');
      const { migrationDirs } = await import('../src/app');
      await migrate(database, migrationDirs);
    } else {
      await grow(db, DOCUMENTS);
      if (kept) await sql`create table bench_grown (at timestamptz default now())`.execute(db);
    }
    const documents = Number((await sql<{ n: number }>`select count(*)::int as n from search_documents`.execute(db)).rows[0]!.n);
    console.log(`${name}: ${documents} documents ${kept?.grown ? 'kept from a former run' : 'indexed'} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const asked = queries(QUERIES);
    const resolved = await Promise.all(asked.map(async (a) => ({ ...a, near: await nearPoint(db, a.commune) })));
    let found = 0;
    const matched = new Map<string, number>();
    const result = await timeAll(resolved, async (a) => {
      const near = a.near && 'point' in a.near ? a.near.point : undefined;
      const outcome = await search(db, { q: a.q, page: a.page, filters: parseFilters(a.facets), near });
      if (outcome.total > 0) found++;
      matched.set(a.q + JSON.stringify(a.facets) + (a.commune ?? ''), outcome.total);
    });
    // The same statement planned at each run, as before it was prepared: measured in this run, same database and load.
    const { lastPrepared } = await import('../src/platform/db/prepared');
    lastPrepared.enabled = false;
    const unprepared = await timeAll(resolved, async (a) => {
      const near = a.near && 'point' in a.near ? a.near.point : undefined;
      await search(db, { q: a.q, page: a.page, filters: parseFilters(a.facets), near });
    });
    lastPrepared.enabled = true;
    const one = await timeAll(Array.from({ length: 50 }, (_, i) => i), () => sql`select 1`.execute(db));
    const count = await timeAll(Array.from({ length: 50 }, (_, i) => i), () => sql`select count(*) from search_documents where search @@ websearch_to_tsquery('french_unaccent', 'aide')`.execute(db));
    const row = (measure: string, t: { p50: number; p95: number }, target?: boolean) => reportRow(name, measure, t, target ? TARGET_P95_MS : undefined);
    console.log(`${name}: ${found / 2}/${resolved.length} queries found something; the slowest:`);
    for (const { item, ms } of result.slowest) {
      console.log(`  ${ms.toFixed(0)} ms  « ${item.q} » ${JSON.stringify(item.facets)} ${item.commune ?? ''} → ${matched.get(item.q + JSON.stringify(item.facets) + (item.commune ?? ''))} results`);
    }
    return [
      row(`search(), ${resolved.length} queries`, result, true),
      row('same, statement planned at each run', unprepared),
      row('baseline: select 1', one),
      row('baseline: count of « aide » (GIN)', count),
    ];
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const os = await import('node:os');
  console.log(`Search bench: ${DOCUMENTS} documents, ${QUERIES} queries (typos, facets, communes), load average ${os.loadavg()[0]!.toFixed(1)}`);
  const rows = [...(await benchEngine('pglite')), ...(env.TEST_DATABASE_URL ? await benchEngine('postgres') : [])];
  if (!env.TEST_DATABASE_URL) console.log('(TEST_DATABASE_URL is not set: PostgreSQL is not measured)');
  console.log(`\nTarget: p95 < ${TARGET_P95_MS} ms for one search over ${DOCUMENTS} documents.`);
  console.table(rows);
  console.log(`Load average at the end: ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
