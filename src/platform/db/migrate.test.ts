import assert from 'node:assert/strict';
import { test } from 'node:test';
import { migrationDirs } from '../../app';
import { freshDatabase } from '../../../test/support/database';
import { migrate } from './migrate';

test('migrations apply from an empty database', async (t) => {
  const database = await freshDatabase({ prepared: false });
  t.after(() => database.close());
  const applied = await migrate(database, migrationDirs);
  assert.ok(applied.length >= 2);
  assert.deepEqual(applied, [...applied].sort());
  assert.deepEqual(await migrate(database, migrationDirs), [], 'a second run applies nothing');
});

test('the migrated database has every platform table', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const names = (await database.db.introspection.getTables()).map((table) => table.name);
  for (const table of ['platform_tenants', 'platform_accounts', 'platform_memberships', 'platform_sessions', 'platform_audit', 'territory_communes']) {
    assert.ok(names.includes(table), `${table} is missing`);
  }
});
