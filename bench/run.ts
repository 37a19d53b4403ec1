/**
 * `npm run bench`: requests/s and latency of real Guichet pages against a bare Fastify "hello"
 * route measured in the same run, printed as a ratio. A report, never a failing test.
 *
 * Each server runs in its own child process (one core for the server, one for autocannon), so
 * the baseline and the application are measured in the same conditions.
 *
 *   BENCH_DURATION=10        seconds per measurement (after a warm-up)
 *   BENCH_WARMUP=5           seconds of warm-up before each measurement (JIT, caches, pools)
 *   BENCH_CONNECTIONS=100    concurrent connections
 *   BENCH_PATHS=/,/aides,…   pages of the application to measure (default: every public page that
 *                            reads the database, below; the pages of SIGNED_IN_PATHS are requested
 *                            with the cookies of a person signed in during the setup; `{lieu}` is
 *                            the first published help place;
 *                            `answers:/path` is requested signed out, with the simulator's answers
 *                            and the CSRF cookie only; `csrf:/path` signed out with the CSRF cookie
 *                            only (a visitor who has seen a form before); `key:/path` is requested with the API key of
 *                            an application made during the setup, with quotas that never bind)
 *   BENCH_DATABASE_URL=postgres://…       also measure on this PostgreSQL database (migrated and
 *                                         seeded in place: use a scratch database); without it,
 *                                         TEST_DATABASE_URL gives a fresh database cloned for the run
 *   BENCH_CPU_PROF=1         write a V8 CPU profile of each application server to .cache/bench-profiles/
 *
 * A big answer sent as a Buffer (every compressed answer is one) is bound by autocannon, not by
 * the server: a bare Fastify route sending 19 KB as a Buffer makes ~3,800 req/s with autocannon
 * (p99 ~40 ms, the server mostly idle), the same bytes as a string ~24,000, and the same Buffer
 * asked by Node's own http client (100 keep-alive connections) ~20,000 (measured 2026-12-04).
 * So for each page whose answer weighs 16 KB or more, the run also measures bare Fastify sending
 * as many bytes as a Buffer, the same way, and the report prints the page's ratio to that second
 * baseline too.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';

type ServerKind = 'bare' | 'pglite' | 'postgres' | 'bare-sized';

interface Measure {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Bytes read per answer, headers included. */
  bytes: number;
}

/** From this size on, a page is also compared with bare Fastify sending as many bytes. */
const BIG_ANSWER = 16 * 1024;

const env = process.env;
const duration = Number(env.BENCH_DURATION ?? 10);
const warmup = Number(env.BENCH_WARMUP ?? 5);
const connections = Number(env.BENCH_CONNECTIONS ?? 100);
const DEFAULT_PATHS = [
  '/',
  '/collectivites/brest/',
  '/aides',
  '/aides?q=permis',
  '/aides/bretagne-aide-code-permis',
  '/collectivites/brest/aides',
  '/aide-de-proximite?commune=Quimper',
  '/aide-de-proximite/lieux/{lieu}',
  '/glossaire',
  '/orientation/metiers/D1102',
  '/orientation/metiers?q=boulang%C3%A8re',
  '/orientation/formations?commune=Lorient',
  '/orientation/formations/demo-1',
  '/agenda',
  '/agenda?commune=Lorient&distance=20',
  '/recherche?q=permsi+de+condure',
  '/api/v1/recherche?q=velo',
  '/donnees',
  '/donnees/lieux-aide',
  '/donnees/collectivites.csv',
  '/api/v1/donnees',
  '/api/v1/aides',
  'key:/api/v1/aides',
  '/api/v1/aides?par_page=20',
  'key:/api/v1/aides?par_page=20',
  '/signaler/collectivites/brest',
  'csrf:/signaler/collectivites/brest',
  '/aides/simulateur/resultats',
  'answers:/aides/simulateur/resultats',
  '/mes-demarches',
  '/mon-compte/favoris',
  '/mon-compte/mes-donnees',
];
const paths = (env.BENCH_PATHS ? env.BENCH_PATHS.split(',') : DEFAULT_PATHS).filter(Boolean);
/** Pages asked with the signed-in person's cookies (session, and the simulator's answers). */
const SIGNED_IN_PATHS = ['/mes-demarches', '/aides/simulateur/resultats', '/mon-compte/favoris', '/mon-compte/mes-donnees'];
/** `answers:/path`: asked signed out, with the simulator's answers and the CSRF cookie only. */
const ANSWERS = 'answers:';
/** `csrf:/path`: asked signed out, with the CSRF cookie only (a visitor who has seen a form before). */
const CSRF_ONLY = 'csrf:';
/** `key:/path`: asked with an API key (`Authorization: Bearer gk_…`). */
const KEYED = 'key:';
const TARGET_RATIO = 0.2;
const TARGET_P99_MS = 100;

// ---------------------------------------------------------------- child: one server
async function serve(kind: ServerKind): Promise<void> {
  let close: () => Promise<void>;
  let port: number;
  let cookies = { cookie: '', answersOnly: '', csrfOnly: '' };
  /** What `{name}` stands for in the paths (ids known only once the database is seeded). */
  let placeholders: Record<string, string> = {};
  if (kind === 'bare' || kind === 'bare-sized') {
    const { default: Fastify } = await import('fastify');
    const app = Fastify({ logger: false });
    app.get('/', async () => 'hello');
    // As many bytes as a big page's answer, already compressed (random bytes do not compress).
    const bodies = new Map<number, Buffer>();
    app.get<{ Params: { size: string } }>('/octets/:size', async (request, reply) => {
      const size = Number(request.params.size);
      if (!bodies.has(size)) bodies.set(size, randomBytes(size));
      return reply.type('application/json').header('content-encoding', 'br').send(bodies.get(size));
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    close = () => app.close();
  } else {
    const { buildApp } = await import('../src/app');
    const { loadConfig } = await import('../src/config');
    const database = await openBenchDatabase(kind);
    const config = loadConfig({}, { NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), SECRETS_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'silent', SMTP_URL: 'smtp://127.0.0.1:2525', API_ANONYMOUS_PER_MINUTE: 1_000_000_000, API_ANONYMOUS_PER_DAY: 1_000_000_000 });
    const app = await buildApp({ config, database });
    const { signedInPerson } = await import('./signed-in');
    cookies = await signedInPerson(app, database.db);
    const { sql } = await import('kysely');
    const place = (await sql<{ id: string }>`select id from help_places where published order by name limit 1`.execute(database.db)).rows[0];
    if (place) placeholders = { lieu: place.id };
    placeholders.cle = await benchApiKey(database.db);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
    close = async () => {
      await app.close();
      await database.close();
    };
  }
  process.on('message', (message) => {
    if (message === 'stop') void close().finally(() => process.exit(0));
  });
  process.send!({ port, ...cookies, placeholders });
}

/** An application with every scope and quotas that never bind: its key, for the `key:` paths. */
async function benchApiKey(db: import('kysely').Kysely<import('../src/platform/db/tables').PlatformTables>): Promise<string> {
  const { createApplication, setQuotas } = await import('../src/modules/developers/bench-support');
  const { SCOPE_IDS } = await import('../src/platform/http/api-access');
  const { createPerson } = await import('../src/modules/accounts/test-support');
  const owner = await createPerson(db, { email: `bench-${randomBytes(6).toString('hex')}@exemple.fr`, password: null });
  const { application, key } = await createApplication(db, { name: 'Bench', description: '', owner: { accountId: owner }, createdBy: owner, scopes: SCOPE_IDS });
  await setQuotas(db, application.id, { perMinute: 1_000_000_000, perDay: 1_000_000_000 });
  return key;
}

async function openBenchDatabase(kind: 'pglite' | 'postgres') {
  if (kind === 'postgres' && env.BENCH_DATABASE_URL) {
    const { migrationDirs } = await import('../src/app');
    const { ensureTerritories } = await import('../src/modules/territories');
    const { openDatabase } = await import('../src/platform/db/database');
    const { migrate } = await import('../src/platform/db/migrate');
    const { seedDemo } = await import('../seed/load');
    const database = await openDatabase({ databaseUrl: env.BENCH_DATABASE_URL });
    await migrate(database, migrationDirs);
    await ensureTerritories(database.db);
    await seedDemo(database.db);
    return database;
  }
  // A fresh migrated and seeded database, as the tests make them (PGlite in memory, or a
  // PostgreSQL database cloned from a template under TEST_DATABASE_URL and dropped afterwards).
  env.GUICHET_TEST_ENGINE = kind;
  const { freshDatabase } = await import('../test/support/database');
  return freshDatabase();
}

// ---------------------------------------------------------------- parent: measure
function start(kind: ServerKind): Promise<{ child: ChildProcess; origin: string; cookie: string; answersOnly: string; csrfOnly: string; placeholders: Record<string, string> }> {
  const profile = env.BENCH_CPU_PROF && kind !== 'bare' && kind !== 'bare-sized';
  const profileDir = join(import.meta.dirname, '..', '.cache', 'bench-profiles');
  if (profile) mkdirSync(profileDir, { recursive: true });
  const child = fork(import.meta.filename, [`--serve=${kind === 'bare-sized' ? 'bare' : kind}`], {
    execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
    env: { ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, cookie, answersOnly, csrfOnly, placeholders } = message as { port: number; cookie: string; answersOnly: string; csrfOnly: string; placeholders: Record<string, string> };
      resolve({ child, origin: `http://127.0.0.1:${port}`, cookie, answersOnly, csrfOnly, placeholders });
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server stopped before listening (exit ${code})`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send('stop');
  });
}

async function cannon(url: string, seconds: number, cookie: string, apiKey: string): Promise<autocannon.Result> {
  return autocannon({ url, connections, duration: seconds, headers: { 'accept-encoding': 'gzip, br', ...(cookie ? { cookie } : {}), ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) } });
}

async function measure(name: string, url: string, cookie = '', apiKey = ''): Promise<Measure> {
  await cannon(url, warmup, cookie, apiKey);
  const result = await cannon(url, duration, cookie, apiKey);
  return {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytes: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

async function main(): Promise<void> {
  const postgres = Boolean(env.BENCH_DATABASE_URL || env.TEST_DATABASE_URL);
  console.log(`Guichet bench: ${connections} connections, ${duration} s per measure, pages ${paths.join(' ')}`);
  const results: Measure[] = [];
  const kinds: ServerKind[] = ['bare', 'pglite', ...(postgres ? (['postgres'] as const) : [])];
  for (const kind of kinds) {
    const { child, origin, cookie, answersOnly, csrfOnly, placeholders } = await start(kind);
    try {
      for (const path of kind === 'bare' ? ['/'] : paths) {
        const name = kind === 'bare' ? 'bare Fastify "hello"' : `${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} ${path}`;
        process.stdout.write(`measuring ${name}… `);
        const prefix = [ANSWERS, CSRF_ONLY, KEYED].find((p) => path.startsWith(p)) ?? '';
        const filled = path.slice(prefix.length).replace(/\{(\w+)\}/g, (whole, name: string) => placeholders[name] ?? whole);
        const sent = prefix === ANSWERS ? answersOnly : prefix === CSRF_ONLY ? csrfOnly : SIGNED_IN_PATHS.includes(path) ? cookie : '';
        const result = await measure(name, `${origin}${filled}`, sent, prefix === KEYED ? (placeholders.cle ?? '') : '');
        console.log(`${Math.round(result.requestsPerSecond)} req/s`);
        results.push(result);
      }
    } finally {
      await stop(child);
    }
  }
  if (!postgres) console.log('(BENCH_DATABASE_URL and TEST_DATABASE_URL are not set: PostgreSQL is not measured)');
  report(results, await sizedBaselines(results));
}

/** The body size (KB, rounded) of bare Fastify's answer that weighs as much as a big page's answer. */
function sizedKb(page: Measure, hello: Measure): number {
  return Math.max(1, Math.round((page.bytes - hello.bytes) / 1024));
}

/** Bare Fastify sending as many bytes as each big answer: requests/s by size in KB. */
async function sizedBaselines(results: Measure[]): Promise<Map<number, Measure>> {
  const hello = results[0]!;
  const sizes = [...new Set(results.slice(1).filter((r) => r.bytes >= BIG_ANSWER).map((r) => sizedKb(r, hello)))].sort((a, b) => a - b);
  const baselines = new Map<number, Measure>();
  if (sizes.length === 0) return baselines;
  const { child, origin } = await start('bare-sized');
  try {
    for (const kb of sizes) {
      const name = `bare Fastify sending ${kb} KB`;
      process.stdout.write(`measuring ${name}… `);
      const result = await measure(name, `${origin}/octets/${kb * 1024}`);
      console.log(`${Math.round(result.requestsPerSecond)} req/s`);
      baselines.set(kb, result);
    }
  } finally {
    await stop(child);
  }
  return baselines;
}

function report(results: Measure[], sized: Map<number, Measure>): void {
  const hello = results[0]!;
  const baseline = hello.requestsPerSecond;
  const rows = [...results, ...sized.values()].map((r, i) => {
    const ratio = r.requestsPerSecond / baseline;
    const clean = r.p99 < TARGET_P99_MS && r.non2xx === 0 && r.errors === 0;
    const isPage = i > 0 && i < results.length;
    const same = isPage && r.bytes >= BIG_ANSWER ? sized.get(sizedKb(r, hello)) : undefined;
    const sameRatio = same ? r.requestsPerSecond / same.requestsPerSecond : undefined;
    const holds = !isPage ? '' : ratio >= TARGET_RATIO && clean ? 'yes' : sameRatio !== undefined && sameRatio >= TARGET_RATIO && clean ? 'size-bound' : 'NO';
    return {
      measure: r.name,
      'req/s': Math.round(r.requestsPerSecond),
      'p50 ms': r.p50,
      'p99 ms': r.p99,
      KB: Math.round(r.bytes / 102.4) / 10,
      'ratio to bare': i === 0 ? '100 %' : `${(ratio * 100).toFixed(1)} %`,
      'to bare, same KB': sameRatio === undefined ? '' : `${(sameRatio * 100).toFixed(1)} %`,
      'non-2xx': r.non2xx,
      errors: r.errors,
      'targets hold': holds,
    };
  });
  console.log(`\nTargets: ≥ ${TARGET_RATIO * 100} % of bare Fastify's requests/s, p99 < ${TARGET_P99_MS} ms, only 2xx answers.`);
  console.log(`« size-bound »: short of it against "hello", but ≥ ${TARGET_RATIO * 100} % of bare Fastify sending as many bytes (${BIG_ANSWER / 1024} KB or more) as a Buffer: autocannon reading such answers sets the pace, not Guichet.`);
  console.table(rows);
}

const serveArg = process.argv.find((a) => a.startsWith('--serve='));
if (serveArg) {
  serve(serveArg.slice('--serve='.length) as ServerKind).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
