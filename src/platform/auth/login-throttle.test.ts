import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { Redis } from 'ioredis';
import { freshDatabase } from '../../../test/support/database';
import { TooManyRequestsError } from '../http/errors';
import { DatabaseCounterStore, RedisCounterStore, type CounterStore } from './counters';
import { AccountProtectedError, delayAfter, LOGIN_RULES, LoginThrottle } from './login-throttle';

const redisUrl = process.env.TEST_REDIS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function refusal(action: Promise<unknown>): Promise<TooManyRequestsError | undefined> {
  try {
    await action;
    return undefined;
  } catch (error) {
    if (error instanceof TooManyRequestsError) return error;
    throw error;
  }
}

const stores: Array<[string, (t: TestContext) => Promise<CounterStore | undefined>]> = [
  [
    'database',
    async (t) => {
      const database = await freshDatabase();
      t.after(() => database.close());
      return new DatabaseCounterStore(database.db);
    },
  ],
  [
    'Redis',
    async (t) => {
      if (!redisUrl) return undefined;
      const redis = new Redis(redisUrl);
      const prefix = `guichet-test:${randomBytes(6).toString('hex')}:`;
      t.after(async () => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        await redis.quit();
      });
      return new RedisCounterStore(redis, prefix);
    },
  ],
];

test('delays grow 1 s, 2 s, 4 s… after the free failures, up to the cap', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => delayAfter(n, 3, 15 * 60)), [0, 0, 1, 2, 4, 8]);
  assert.equal(delayAfter(40, 3, 15 * 60), 15 * 60);
});

for (const [name, open] of stores) {
  test(`login throttle on the ${name} store: a source waits longer after each failure, other sources are not locked out`, { skip: name === 'Redis' && !redisUrl && 'TEST_REDIS_URL is not set' }, async (t) => {
    const counters = (await open(t))!;
    const throttle = new LoginThrottle(counters);
    const email = 'Camille@Exemple.fr';
    for (let i = 0; i < 2; i++) await throttle.recordFailure(email, '10.0.0.1');
    await throttle.assertAllowed(email, '10.0.0.1');
    await throttle.recordFailure(email, '10.0.0.1');
    const first = await refusal(throttle.assertAllowed('camille@exemple.fr', '10.0.0.1'));
    assert.equal(first?.retryAfterSeconds, 1);
    assert.equal(first?.detail, "Trop d'essais. Réessayez dans 1 seconde.");
    await throttle.assertAllowed(email, '10.0.0.2');
    await sleep(1100);
    await throttle.assertAllowed(email, '10.0.0.1');
    await throttle.recordFailure(email, '10.0.0.1');
    assert.equal((await refusal(throttle.assertAllowed(email, '10.0.0.1')))?.retryAfterSeconds, 2);
    // The right password from that source starts its series again.
    await throttle.recordSuccess(email, '10.0.0.1');
    await throttle.assertAllowed(email, '10.0.0.1');
  });

  test(`login throttle on the ${name} store: a flood on one account from many sources suspends password sign-in to it`, { skip: name === 'Redis' && !redisUrl && 'TEST_REDIS_URL is not set' }, async (t) => {
    const counters = (await open(t))!;
    const throttle = new LoginThrottle(counters, { ...LOGIN_RULES, accountLimit: 6 });
    for (let i = 0; i < 6; i++) await throttle.recordFailure('lou@exemple.fr', `10.0.1.${i}`);
    const protectedAccount = await refusal(throttle.assertAllowed('lou@exemple.fr', '192.168.1.10'));
    assert.ok(protectedAccount instanceof AccountProtectedError);
    assert.ok(protectedAccount.retryAfterSeconds > 0 && protectedAccount.retryAfterSeconds <= LOGIN_RULES.accountWindowSeconds);
    assert.match(protectedAccount.detail, /Recevoir un lien de connexion par courriel/);
    await throttle.assertAllowed('autre@exemple.fr', '192.168.1.10');
    await throttle.liftAccountProtection('LOU@exemple.fr');
    await throttle.assertAllowed('lou@exemple.fr', '192.168.1.10');
  });
}
