/**
 * Quotas (issue 16 b.4): per application and per scope, per minute and per day, RateLimit-* and
 * X-RateLimit-* headers, 429 with a true Retry-After; anonymous access at a lower rate; one quota
 * shared by two instances (same PostgreSQL, and Redis when TEST_REDIS_URL is set); blocks
 * reserved by several limiters never let more than the limit through.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { buildTestApp, secondInstance } from '../../../test/support/app';
import { freshDatabase } from '../../../test/support/database';
import { DatabaseCounterStore } from '../../platform/auth/counters';
import { loggerOptions } from '../../platform/http/logging';
import { createPerson } from '../accounts/test-support';
import { QuotaLimiter } from './limiter';
import { createApplication, setQuotas } from './store';

const keyed = (app: FastifyInstance, key: string, url = '/api/v1/aides') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });

function secondsToUtcMidnight(): number {
  const now = Date.now();
  return Math.ceil((Math.floor(now / 86_400_000 + 1) * 86_400_000 - now) / 1000);
}

test('an application’s quota per day and a scope’s quota: headers, then 429 with Retry-After', async (t) => {
  const { app, database } = await buildTestApp(t);
  const owner = await createPerson(database.db, { email: 'quota@exemple.fr' });
  const { application, key } = await createApplication(database.db, { name: 'Quota', description: '', owner: { accountId: owner }, createdBy: owner, scopes: ['aides:lecture', 'donnees:lecture'] });
  await setQuotas(database.db, application.id, { perMinute: 1000, perDay: 5 }, new Map([['donnees:lecture', { perMinute: 1000, perDay: 2 }]]));

  const first = await keyed(app, key);
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['ratelimit-limit'], '5');
  assert.equal(first.headers['ratelimit-remaining'], '4');
  assert.equal(first.headers['x-ratelimit-limit'], '5');
  assert.equal(first.headers['x-ratelimit-remaining'], '4');
  assert.ok(Math.abs(Number(first.headers['ratelimit-reset']) - secondsToUtcMidnight()) <= 2, 'the day’s window ends at midnight UTC');

  // The scope's own quota binds first.
  assert.equal((await keyed(app, key, '/api/v1/donnees')).statusCode, 200);
  const scopeLast = await keyed(app, key, '/api/v1/donnees');
  assert.equal(scopeLast.statusCode, 200);
  assert.equal(scopeLast.headers['ratelimit-remaining'], '0');
  const scopeRefused = await keyed(app, key, '/api/v1/donnees');
  assert.equal(scopeRefused.statusCode, 429);
  assert.equal((await keyed(app, key)).statusCode, 200, 'other scopes go on under the application’s quota');

  // Five counted so far against the application: the next one is refused until midnight UTC.
  const refused = await keyed(app, key);
  assert.equal(refused.statusCode, 429);
  assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
  assert.equal(refused.json().title, 'Quota dépassé');
  const retryAfter = Number(refused.headers['retry-after']);
  assert.ok(Math.abs(retryAfter - secondsToUtcMidnight()) <= 2, `Retry-After ${retryAfter} is the time left until the window closes`);
  assert.equal(refused.headers['ratelimit-remaining'], '0');
});

test('anonymous access keeps working at its own lower rate; a key is not limited by it', async (t) => {
  const { app, database } = await buildTestApp(t, { API_ANONYMOUS_PER_DAY: 3 });
  for (let i = 0; i < 3; i += 1) {
    const response = await app.inject({ method: 'GET', url: '/api/v1/aides' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['ratelimit-limit'], '3');
  }
  const refused = await app.inject({ method: 'GET', url: '/api/v1/aides' });
  assert.equal(refused.statusCode, 429);
  assert.match(refused.json().detail, /clé d’API/);
  assert.ok(Number(refused.headers['retry-after']) > 0);
  // The document stays open to all.
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).statusCode, 200);
  const owner = await createPerson(database.db, { email: 'anon@exemple.fr' });
  const { key } = await createApplication(database.db, { name: 'Clé', description: '', owner: { accountId: owner }, createdBy: owner, scopes: ['aides:lecture'] });
  assert.equal((await keyed(app, key)).statusCode, 200);
});

test('two instances share one quota (same PostgreSQL; Redis when TEST_REDIS_URL is set)', async (t) => {
  const redis = process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {};
  const first = await buildTestApp(t, redis);
  const second = await secondInstance(t, first, redis);
  const owner = await createPerson(first.database.db, { email: 'deux@exemple.fr' });
  const { application, key } = await createApplication(first.database.db, { name: 'Deux', description: '', owner: { accountId: owner }, createdBy: owner, scopes: ['aides:lecture'] });
  await setQuotas(first.database.db, application.id, { perMinute: 10_000, perDay: 6 });
  const statuses = [];
  for (let i = 0; i < 8; i += 1) statuses.push((await keyed(i % 2 === 0 ? first.app : second.app, key)).statusCode);
  assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 429, 429]);
});

test('limiters reserving blocks of a large quota never let more than the quota through', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const store = new DatabaseCounterStore(database.db);
  const limiters = [new QuotaLimiter(store), new QuotaLimiter(store), new QuotaLimiter(store)];
  const now = Date.UTC(2026, 0, 1, 12);
  let allowed = 0;
  for (let i = 0; i < 700; i += 1) {
    const outcome = await limiters[i % 3]!.take([{ subject: 'app:blocs', max: 500, window: 'day' }], now);
    if (outcome.allowed) allowed += 1;
  }
  // Blocks of 5: at most one unspent block per limiter is lost.
  assert.ok(allowed <= 500 && allowed >= 500 - 2 * 5, `${allowed} let through`);
  const next = await limiters[0]!.take([{ subject: 'app:blocs', max: 500, window: 'day' }], now + 86_400_000);
  assert.equal(next.allowed, true, 'a new day opens a new window');
});

test('100 requests at once on a spent block reserve one block, not 100; past the limit nothing is asked again', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const store = new DatabaseCounterStore(database.db);
  const limiter = new QuotaLimiter(store);
  const now = Date.UTC(2026, 0, 1, 12);
  const counted = async (subject: string) => (await store.peek(`api:${subject}:minute:${Math.floor(now / 60_000)}`)).count;

  // A quota of 1,000,000 a minute: blocks of 100. 100 requests together take one block.
  const outcomes = await Promise.all(Array.from({ length: 100 }, () => limiter.take([{ subject: 'app:foule', max: 1_000_000, window: 'minute' }], now)));
  assert.ok(outcomes.every((o) => o.allowed));
  assert.equal(await counted('app:foule'), 100, 'one block of 100 reserved');
  // The 101st to the 250th, together: one more block at a time, two more in all.
  await Promise.all(Array.from({ length: 150 }, () => limiter.take([{ subject: 'app:foule', max: 1_000_000, window: 'minute' }], now)));
  assert.equal(await counted('app:foule'), 300);

  // A quota of 3 (blocks of 1): 10 requests together, 3 let through, the counter stops being asked.
  const small = await Promise.all(Array.from({ length: 10 }, () => limiter.take([{ subject: 'app:petit', max: 3, window: 'minute' }], now)));
  assert.equal(small.filter((o) => o.allowed).length, 3);
  assert.equal(await counted('app:petit'), 4, 'three granted, then one reservation found the limit reached');
  assert.equal((await limiter.take([{ subject: 'app:petit', max: 3, window: 'minute' }], now)).allowed, false);
  assert.equal(await counted('app:petit'), 4);
});

test('keys never appear in the logs', async (t) => {
  const database = await freshDatabase();
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } });
  const config = loadConfig({}, { NODE_ENV: 'test' });
  const app = await buildApp({ config, database, logger: loggerOptions('info', { stream }) });
  await app.ready();
  t.after(async () => {
    await app.close();
    await database.close();
  });
  const owner = await createPerson(database.db, { email: 'logs@exemple.fr' });
  const { key } = await createApplication(database.db, { name: 'Logs', description: '', owner: { accountId: owner }, createdBy: owner, scopes: ['aides:lecture'] });
  assert.equal((await keyed(app, key)).statusCode, 200);
  await app.inject({ method: 'GET', url: '/api/v1/aides', headers: { 'x-api-key': key } });
  await app.inject({ method: 'GET', url: `/api/v1/aides?cle=${key}&format=json` });
  await app.inject({ method: 'GET', url: '/api/v1/aides', headers: { authorization: 'Bearer gk_mauvaise_cle_123' } });
  const log = lines.join('');
  assert.match(log, /\/api\/v1\/aides/, 'requests are logged');
  assert.match(log, /cle=\[masqué\]/);
  assert.ok(!log.includes(key), 'the key is nowhere in the logs');
  assert.ok(!log.includes(key.slice(3)), 'nor its secret part');
  assert.ok(!log.includes('mauvaise_cle_123'));
});
