import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';

test('healthz says the process is alive and readyz that the database answers', async (t) => {
  const { app, database } = await buildTestApp(t);
  const health = await app.inject('/healthz');
  assert.equal(health.statusCode, 200);
  assert.deepEqual(health.json(), { status: 'ok' });
  const ready = await app.inject('/readyz');
  assert.equal(ready.statusCode, 200);
  assert.equal(ready.json().database, 'ok');
  assert.equal(await database.ping(), true);
});
