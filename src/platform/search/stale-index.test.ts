/**
 * A database indexed by an older Guichet gets its index rebuilt once at start (main.ts), so that
 * columns the code computes (départements, EPCI…) are filled without anyone running
 * `npm run reindex`; an index already current is left alone, and instances starting together
 * rebuild it once.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../../../test/support/database';
import { rebuildStaleIndex, SEARCH_INDEX_FORMAT, type AnyDb, type SearchSource } from './index';

const source: SearchSource = {
  type: 'essai',
  label: 'Essai',
  documentsFor: async () => [
    { type: 'essai', objectId: 'quimper', tenantId: null, title: 'Atelier à Quimper', body: 'Un atelier.', url: '/essai/quimper', communeCode: '29232' },
    { type: 'essai', objectId: 'finistere', tenantId: null, title: 'Aide du Finistère', body: 'Une aide.', url: '/essai/finistere', territoryCodes: ['D29'] },
  ],
};

async function documents(db: AnyDb) {
  return (await sql<{ object_id: string; departements: string[] }>`select object_id, departements from search_documents order by object_id`.execute(db)).rows;
}
async function recordedFormat(db: AnyDb) {
  return (await sql<{ format: number }>`select format from search_index_format`.execute(db)).rows.map((r) => r.format);
}

test('an index built by an older version is rebuilt once at start; a current one is left alone', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const db = database.db;

  // The seed built the index and recorded its format: nothing to do.
  assert.deepEqual(await recordedFormat(db), [SEARCH_INDEX_FORMAT]);
  const seeded = (await documents(db)).length;
  assert.ok(seeded > 1000);
  assert.equal(await rebuildStaleIndex(db, [source]), null);
  assert.equal((await documents(db)).length, seeded);

  // Indexed before the format was recorded (before migration 0460): rebuilt, columns computed.
  await sql`delete from search_index_format`.execute(db);
  assert.equal(await rebuildStaleIndex(db, [source]), 2);
  assert.deepEqual(await documents(db), [
    { object_id: 'finistere', departements: ['29'] },
    { object_id: 'quimper', departements: ['29'] },
  ]);
  assert.deepEqual(await recordedFormat(db), [SEARCH_INDEX_FORMAT]);
  assert.equal(await rebuildStaleIndex(db, [source]), null);

  // Built with an older format: rebuilt again.
  await sql`update search_index_format set format = ${SEARCH_INDEX_FORMAT - 1}`.execute(db);
  assert.equal(await rebuildStaleIndex(db, [source]), 2);

  // Two instances starting at once: one rebuilds, the other waits and finds it current.
  await sql`delete from search_index_format`.execute(db);
  const outcomes = await Promise.all([rebuildStaleIndex(db, [source]), rebuildStaleIndex(db, [source])]);
  assert.deepEqual(outcomes.sort(), [2, null]);
});
