/**
 * `npm run reindex` on a database indexed before a migration added columns to the index: every
 * column that has a default (what `alter table … add column … default` leaves in the existing
 * rows) is reset, then reindex gives back exactly the documents of a fresh index. Generic: a
 * column added later is covered without changing this test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../test/support/database';
import { reindex } from './reindex';

test('npm run reindex backfills every column a migration added to the index (départements, EPCI…)', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const db = database.db;
  const columns = (
    await sql<{ name: string; defaulted: boolean }>`
      select column_name as name, column_default is not null as defaulted from information_schema.columns
      where table_name = 'search_documents' and table_schema = current_schema() and is_generated = 'NEVER' and column_name <> 'indexed_at'
      order by ordinal_position`.execute(db)
  ).rows;
  const defaulted = columns.filter((c) => c.defaulted).map((c) => c.name);
  for (const column of ['departements', 'epcis', 'territory_codes']) assert.ok(defaulted.includes(column), `${column} has a default`);
  const snapshot = async () =>
    (await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c.name)))} from search_documents order by type, object_id`.execute(db)).rows.map((row) => JSON.stringify(row));
  const fresh = await snapshot();
  assert.ok(fresh.length > 1000, `${fresh.length} documents`);
  assert.ok(fresh.some((row) => row.includes('"departements":["29"]')) && fresh.some((row) => row.includes('"epcis":["242900314"]')), 'the seed fills the territory columns');

  // A database indexed before those columns existed: each one holds its default. One update for
  // them all: each update writes every row again (its search vectors and index entries too).
  await sql`update search_documents set ${sql.join(defaulted.map((column) => sql`${sql.ref(column)} = default`))}`.execute(db);
  assert.notDeepEqual(await snapshot(), fresh);

  const { applied, documents } = await reindex(database);
  assert.deepEqual(applied, []);
  assert.equal(documents, fresh.length);
  const after = await snapshot();
  const differ = after.filter((row, i) => row !== fresh[i]);
  assert.deepEqual(differ.slice(0, 3), [], `${differ.length} documents differ from a fresh index`);
});
