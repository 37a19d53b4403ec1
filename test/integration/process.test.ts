import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { test } from 'node:test';
import { freshProcessEnv, startGuichet as start } from '../support/process';

test('npm start migrates, seeds once, serves, and stops cleanly on SIGTERM; a second start changes nothing', { timeout: 300_000 }, async (t) => {
  const env = await freshProcessEnv(t, 'start');

  const first = await start(env);
  // A failed check must not leave the server running (it would hold the test process open).
  t.after(() => first.stop('SIGKILL'));
  const log = first.logs.join('');
  assert.match(log, /demo data created/);
  assert.match(log, /admin\.bretagne@demo\.guichet\.bzh/, 'the logs name the demo accounts');
  const ready = await fetch(`http://127.0.0.1:${env.PORT}/readyz`);
  assert.equal(ready.status, 200);
  assert.equal(await first.stop('SIGTERM'), 0, 'a clean exit after SIGTERM');
  assert.match(first.logs.join(''), /stopping: finishing requests in progress/);

  const second = await start(env);
  t.after(() => second.stop('SIGKILL'));
  assert.match(second.logs.join(''), /demo data already present/);
  assert.match(second.logs.join(''), /"migrationsApplied":0/);
  // A browser's pre-opened socket that never sends a request does not hold the stop for ever:
  // after the drain delay it is closed, and the exit is still clean.
  const silent = createConnection(Number(env.PORT), '127.0.0.1');
  await new Promise<void>((resolve) => silent.once('connect', () => resolve()));
  const stopping = Date.now();
  assert.equal(await second.stop('SIGTERM'), 0);
  assert.ok(Date.now() - stopping < 25_000, `stopped in ${Date.now() - stopping} ms`);
  assert.match(second.logs.join(''), /connections still open after 10 s: closing them/);
  silent.destroy();
});
