/**
 * `npx tsx bench/api-gate.ts` (also run by `npm run bench`): what the API gate (issue 16 b.4: the
 * key's check, the quotas and the usage count, src/modules/developers/gate.ts) adds to a request.
 * In one process, on a migrated and seeded database (PGlite, then PostgreSQL when TEST_DATABASE_URL
 * is set): the mean time of a keyed `GET /api/v1/aides?par_page=20` through Fastify's inject, then
 * the mean time of the gate's own work for the same key, called as the gate calls it (find the
 * key's grant, take one request from its four quota windows, record its usage). The report prints
 * the gate's share of the request. A report, never a failing test. Target: < 10 %.
 *
 *   BENCH_GATE_REQUESTS=5000    keyed requests measured (after 500 of warm-up)
 *   BENCH_GATE_CALLS=50000      gate calls measured (after 5,000 of warm-up)
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const env = process.env;
const requests = Number(env.BENCH_GATE_REQUESTS ?? 5000);
const calls = Number(env.BENCH_GATE_CALLS ?? 50_000);
const URL = '/api/v1/aides?par_page=20';
const TARGET = 0.1;

async function meanMicros(times: number, warmup: number, run: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const started = process.hrtime.bigint();
  for (let i = 0; i < times; i++) await run();
  return Number(process.hrtime.bigint() - started) / 1000 / times;
}

async function measure(engine: 'pglite' | 'postgres'): Promise<{ engine: string; request: number; gate: number }> {
  env.GUICHET_TEST_ENGINE = engine;
  const { freshDatabase } = await import('../test/support/database');
  const { buildApp } = await import('../src/app');
  const { loadConfig } = await import('../src/config');
  const { apiManagementOf } = await import('../src/modules/developers');
  const { createApplication, setQuotas } = await import('../src/modules/developers/bench-support');
  const { SCOPE_IDS } = await import('../src/platform/http/api-access');
  const { createPerson } = await import('../src/modules/accounts/test-support');
  const database = await freshDatabase();
  const config = loadConfig({}, { NODE_ENV: 'production', SESSION_SECRET: randomBytes(32).toString('hex'), SECRETS_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`, LOG_LEVEL: 'silent', SMTP_URL: 'smtp://127.0.0.1:2525' });
  const app: FastifyInstance = await buildApp({ config, database });
  try {
    const owner = await createPerson(database.db, { email: `gate-${randomBytes(6).toString('hex')}@exemple.fr`, password: null });
    const { application, key } = await createApplication(database.db, { name: 'Bench', description: '', owner: { accountId: owner }, createdBy: owner, scopes: SCOPE_IDS });
    await setQuotas(database.db, application.id, { perMinute: 1_000_000_000, perDay: 1_000_000_000 });
    const headers = { authorization: `Bearer ${key}`, 'accept-encoding': 'br' };
    const first = await app.inject({ method: 'GET', url: URL, headers });
    if (first.statusCode !== 200) throw new Error(`${URL} answered ${first.statusCode}`);
    const request = await meanMicros(requests, 500, () => app.inject({ method: 'GET', url: URL, headers }));

    const { keys, limiter, usage } = apiManagementOf(app);
    const gate = await meanMicros(calls, 5000, async () => {
      const grant = await keys.grantOf(key);
      if (!grant) throw new Error('the key was refused');
      const subject = `app:${grant.applicationId}`;
      await limiter.take([
        { subject, max: grant.quota.perMinute, window: 'minute' },
        { subject, max: grant.quota.perDay, window: 'day' },
      ]);
      usage.record(grant.applicationId, 'GET /api/v1/aides', 200, 1);
    });
    return { engine: engine === 'pglite' ? 'PGlite' : 'PostgreSQL', request, gate };
  } finally {
    await app.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  console.log(`API gate: ${requests} keyed requests of ${URL}, ${calls} gate calls, in process`);
  const results = [await measure('pglite')];
  if (env.TEST_DATABASE_URL) results.push(await measure('postgres'));
  else console.log('(TEST_DATABASE_URL is not set: PostgreSQL is not measured)');
  console.table(
    results.map((r) => ({
      engine: r.engine,
      'request µs': Math.round(r.request),
      'gate µs': Math.round(r.gate * 10) / 10,
      'gate share': `${((r.gate / r.request) * 100).toFixed(1)} %`,
      [`< ${TARGET * 100} %`]: r.gate / r.request < TARGET ? 'yes' : 'NO',
    })),
  );
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
