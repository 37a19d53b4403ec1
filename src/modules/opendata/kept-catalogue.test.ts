/**
 * The catalogue keeps each dataset's counts and dates between requests (/donnees would otherwise
 * count every table on every visit), and forgets them as soon as a table they come from changes —
 * here through raw SQL, so only the table's trigger can tell (as a write by another instance).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';

test('a dataset’s line count follows its table, even when another writer changes it', async (t) => {
  const { app } = await buildTestApp(t);
  const lines = async (slug: string) => (await app.inject({ url: `/api/v1/donnees/${slug}` })).json<{ lignes: number }>().lignes;
  /** The count once the change's notification has arrived (it comes after the commit). */
  const before = await lines('aides--brest');
  assert.ok(before > 1, `${before} aids`);
  assert.equal(await lines('aides--brest'), before, 'asked again: the same');
  await sql`update aids set status = 'draft' where id = (select id from aids where tenant_id = 'brest' and status = 'published' order by id limit 1)`.execute(app.platform.db);
  assert.equal(await eventually(() => lines('aides--brest'), (seen) => seen === before - 1), before - 1);

  const misses = await lines('recherches-sans-resultat');
  await sql`insert into search_misses (day, tenant_id, words, count) values (current_date, 'quimper', 'zzqx kept catalogue', 1000)`.execute(app.platform.db);
  assert.equal(await eventually(() => lines('recherches-sans-resultat'), (seen) => seen === misses + 1), misses + 1);
});
