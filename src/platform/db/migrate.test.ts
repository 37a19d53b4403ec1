import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
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

function migrationsFolder(t: TestContext, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-migrations-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, script] of Object.entries(files)) writeFileSync(join(dir, name), script);
  return dir;
}

test('an unapplied migration numbered below an applied one is refused, naming both', async (t) => {
  const database = await freshDatabase({ prepared: false });
  t.after(() => database.close());
  const dir = migrationsFolder(t, { '0001_first.sql': 'create table first_t (id int);', '0120_later.sql': 'create table later_t (id int);' });
  assert.deepEqual(await migrate(database, [dir]), ['0001_first', '0120_later']);

  writeFileSync(join(dir, '0036_late.sql'), 'create table late_t (id int);');
  writeFileSync(join(dir, '0200_next.sql'), 'create table next_t (id int);');
  await assert.rejects(migrate(database, [dir]), /Migration 0036_late is older than 0120_later, which this database has already applied/);
  const names = (await database.db.selectFrom('platform_migrations').select('name').execute()).map((m) => m.name);
  assert.deepEqual(names.sort(), ['0001_first', '0120_later'], 'nothing ran, not even the later migration');
});

test('a database that already applied an old migration after a newer one still starts and goes on', async (t) => {
  const database = await freshDatabase({ prepared: false });
  t.after(() => database.close());
  // Today's real databases: 0120 applied first, then 0036 when it was added; both are applied.
  const dir = migrationsFolder(t, { '0120_later.sql': 'create table later_t (id int);' });
  await migrate(database, [dir]);
  writeFileSync(join(dir, '0036_late.sql'), 'create table late_t (id int);');
  await database.db.insertInto('platform_migrations').values({ name: '0036_late', checksum: createHash('sha256').update('create table late_t (id int);').digest('hex') }).execute();
  await database.runScript('create table late_t (id int);');
  writeFileSync(join(dir, '0130_next.sql'), 'create table next_t (id int);');
  assert.deepEqual(await migrate(database, [dir]), ['0130_next']);
  assert.deepEqual(await migrate(database, [dir]), []);
});
