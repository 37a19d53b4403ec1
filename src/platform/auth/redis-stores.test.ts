import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { Redis } from 'ioredis';
import { RedisCounterStore } from './counters';
import { RedisSessionStore, tokenHash } from './sessions';

const url = process.env.TEST_REDIS_URL;

/** A connection to the test Redis and a key prefix of its own, whose keys are removed at the end. */
function redisForTest(t: TestContext): { redis: Redis; prefix: string } {
  const redis = new Redis(url!);
  const prefix = `guichet-test:${randomBytes(6).toString('hex')}:`;
  t.after(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await redis.quit();
  });
  return { redis, prefix };
}

test('sessions and counters are shared through Redis when REDIS_URL is set', { skip: !url && 'TEST_REDIS_URL is not set' }, async (t) => {
  const { redis, prefix } = redisForTest(t);
  // Two stores on two connections stand for two instances behind a load balancer.
  const other = new Redis(url!);
  t.after(() => other.quit());
  const sessionsA = new RedisSessionStore(redis, 60, `${prefix}s:`);
  const sessionsB = new RedisSessionStore(other, 60, `${prefix}s:`);
  const token = await sessionsA.create({ accountId: '00000000-0000-4000-8000-000000000001', data: { a: 1 }, userAgent: 'test' });
  const seen = await sessionsB.get(token);
  assert.equal(seen?.accountId, '00000000-0000-4000-8000-000000000001');
  assert.deepEqual(seen?.data, { a: 1 });
  assert.equal(await redis.exists(`${prefix}s:${token}`), 0, 'the raw token is never a key');
  assert.equal(await redis.exists(`${prefix}s:${tokenHash(token)}`), 1);
  await sessionsB.destroyAllFor('00000000-0000-4000-8000-000000000001');
  assert.equal(await sessionsA.get(token), null);

  const countersA = new RedisCounterStore(redis, `${prefix}c:`);
  const countersB = new RedisCounterStore(other, `${prefix}c:`);
  await countersA.increment('login:account:x', 60);
  const state = await countersB.increment('login:account:x', 60);
  assert.equal(state.count, 2);
  assert.ok(state.resetInSeconds > 0 && state.resetInSeconds <= 60);
  assert.equal((await countersB.peek('login:account:x')).count, 2);
  await countersA.reset('login:account:x');
  assert.equal((await countersB.peek('login:account:x')).count, 0);
});

test('a Redis counter never exists without its expiry (INCR and PEXPIRE in one atomic step)', { skip: !url && 'TEST_REDIS_URL is not set' }, async (t) => {
  const { redis, prefix } = redisForTest(t);
  const counters = new RedisCounterStore(redis, prefix);
  for (let i = 0; i < 20; i++) {
    // Sent on the same connection right behind the increment: it is answered after the
    // increment's own commands and before anything the client would send once it has their
    // reply (a separate PEXPIRE used to come only then, leaving the key without expiry).
    const incremented = counters.increment(`k${i}`, 60);
    const ttl = redis.pttl(`${prefix}k${i}`);
    const [state, ms] = await Promise.all([incremented, ttl]);
    assert.equal(state.count, 1);
    assert.ok(ms > 0 && ms <= 60_000, `key k${i} has a TTL right after its first increment (got ${ms})`);
  }
  await counters.increment('k0', 60);
  assert.ok((await redis.pttl(`${prefix}k0`)) > 0);
});

test('with REDIS_URL the application keeps its sessions in Redis', { skip: !url && 'TEST_REDIS_URL is not set' }, async (t) => {
  const { buildTestApp, signInAs } = await import('../../../test/support/app');
  const { app, database } = await buildTestApp(t, { REDIS_URL: url! });
  await signInAs(app, 'editeur', 'lorient');
  const rows = await database.db.selectFrom('platform_sessions').select('id_hash').execute();
  assert.equal(rows.length, 0, 'no session row in the database: Redis holds it');
});
