import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const redisUrl = process.env.TEST_REDIS_URL;

for (const store of ['memory', 'Redis'] as const) {
  test(`a rate-limited route's 429 says the real wait in Retry-After and in French (${store} store)`, { skip: store === 'Redis' && !redisUrl && 'TEST_REDIS_URL is not set' }, async (t) => {
    const { app } = await buildTestApp(t, store === 'Redis' ? { REDIS_URL: redisUrl! } : {}, (built) => {
      // A route of the test's own with a short window: the plugin and the error pages are Guichet's.
      built.get(`/essai-limite-${process.pid}`, { config: { rateLimit: { max: 2, timeWindow: 3000 } } }, async () => ({ ok: true }));
    });
    const hit = () => app.inject({ method: 'GET', url: `/essai-limite-${process.pid}`, headers: { accept: 'application/json' } });
    assert.equal((await hit()).statusCode, 200);
    assert.equal((await hit()).statusCode, 200);
    const limited = await hit();
    const told = Date.now();
    assert.equal(limited.statusCode, 429);
    const wait = Number(limited.headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 3, `Retry-After ${limited.headers['retry-after']} is within the 3 s window, not a fixed minute`);
    assert.match(limited.json<{ detail: string }>().detail, new RegExp(`réessayer dans ${wait} seconde`));
    await sleep(told + 500 - Date.now());
    assert.equal((await hit()).statusCode, 429, 'just before the wait ends: still refused');
    await sleep(told + wait * 1000 + 150 - Date.now());
    assert.equal((await hit()).statusCode, 200, 'just after: served');
  });
}
