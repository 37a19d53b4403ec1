/**
 * `npx tsx bench/queries.ts [path…]`: the SQL statements one request of each page runs, and the
 * time a request takes in-process (PGlite, or PostgreSQL with GUICHET_TEST_ENGINE=postgres and
 * TEST_DATABASE_URL). A companion to `npm run bench` for finding where a page spends its time.
 * `--signed-in`: asks as the bench's signed-in person (bench/signed-in.ts: a session, an
 * application, the simulator's answers); BENCH_COOKIE sends any other Cookie header.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/config';
import { registerChangeFeed } from '../src/platform/db/changes';
import { freshDatabase } from '../test/support/database';
import { signedInPerson } from './signed-in';

class QueryCounter implements KyselyPlugin {
  statements: string[] = [];
  constructor(private readonly compile: (node: RootOperationNode) => string) {}
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    this.statements.push(this.compile(node));
    return node;
  }
  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}

const args = process.argv.slice(2);
const signedIn = args.includes('--signed-in');
const given = args.filter((a) => a !== '--signed-in');
const paths = given.length ? given : ['/', '/collectivites/brest/', '/collectivites/brest/actualites', '/plan-du-site'];
const database = await freshDatabase();
const counter = new QueryCounter((node) => database.db.getExecutor().compileQuery(node, { queryId: 'count' } as never).sql.replace(/\s+/g, ' ').slice(0, 160));
const counted = { ...database, db: database.db.withPlugin(counter) };
// The counted handle uses the same change feed, so the caches keyed on it work as in production.
registerChangeFeed(counted.db, database.changes);
const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database: counted });
await app.ready();
/** BENCH_COOKIE: the Cookie header to send (e.g. a signed-in person's session). */
const cookie = signedIn ? (await signedInPerson(app, database.db)).cookie : process.env.BENCH_COOKIE;
const headers = cookie ? { cookie } : {};
for (const path of paths) {
  await app.inject({ url: path, headers }); // warm-up
  counter.statements = [];
  const response = await app.inject({ url: path, headers });
  const statements = [...counter.statements];
  const rounds = 50;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await app.inject({ url: path, headers });
  const ms = (performance.now() - started) / rounds;
  console.log(`\n${path}: status ${response.statusCode}, ${statements.length} SQL statements, ${ms.toFixed(1)} ms per request (in-process, one at a time)`);
  const distinct = new Map<string, number>();
  for (const statement of statements) distinct.set(statement, (distinct.get(statement) ?? 0) + 1);
  for (const [statement, times] of distinct) console.log(`  ${times} × ${statement}`);
}
await app.close();
await database.close();
