import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrationDirs } from '../src/app';
import { countTerritories, ensureTerritories } from '../src/modules/territories';
import { migrate } from '../src/platform/db/migrate';
import { freshDatabase } from '../test/support/database';
import { seedDemo } from './load';
import { demoTenants } from './tenants';

async function rowCounts(db: Parameters<typeof seedDemo>[0]) {
  const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by tablename`.execute(db);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(tablename)}`.execute(db);
    counts[tablename] = result.rows[0]!.n;
  }
  return counts;
}

test('a second start migrates nothing and seeds nothing: every table keeps the same rows', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const before = await rowCounts(database.db);
  assert.deepEqual(await migrate(database, migrationDirs), []);
  assert.equal(await ensureTerritories(database.db), false);
  const second = await seedDemo(database.db);
  assert.equal(second.created, false);
  assert.deepEqual(await rowCounts(database.db), before);
  assert.equal(before.platform_tenants, demoTenants.length);
});

test('the territory referential holds the whole of Bretagne', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const counts = await countTerritories(database.db);
  assert.equal(counts.regions, 1);
  assert.equal(counts.departements, 4);
  assert.equal(counts.communes, 1202);
  assert.ok(counts.epci >= 59, `expected the ~60 EPCI of Bretagne, got ${counts.epci}`);
});

test('every demo tenant is tied to its official territory', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const { territoryOf } = await import('../src/modules/territories');
  const expected: Record<string, [string, number | 'many']> = {
    bretagne: ['Bretagne', 1202],
    finistere: ['Finistère', 'many'],
    'rennes-metropole': ['Rennes Métropole', 43],
    'brest-metropole': ['Brest Métropole', 8],
    brest: ['Brest', 1],
    'saint-brieuc': ['Saint-Brieuc', 1],
  };
  for (const tenant of demoTenants) {
    const territory = await territoryOf(database.db, tenant.kind, tenant.cog_code);
    assert.ok(territory, `${tenant.id}: ${tenant.cog_code} is not in the referential`);
    assert.ok(territory.communeCodes.length >= 1);
    const check = expected[tenant.id];
    if (check) {
      assert.equal(territory.name, check[0]);
      if (check[1] !== 'many') assert.equal(territory.communeCodes.length, check[1], tenant.id);
    }
  }
});
