/**
 * « Mes données » is kept per session and compressed (bench: 8–15 % of bare Fastify, the page
 * rendered and sent uncompressed at every view): what it shows — the person's name in the header,
 * the menu — changed on another instance shows at once; a closed session gets nothing kept; a
 * view is not journaled (nothing of the person's data is read; the download is).
 */
import assert from 'node:assert/strict';
import { brotliDecompressSync } from 'node:zlib';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, secondInstance } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { createPerson, signInPerson } from './test-support';

test('« Mes données » kept by one instance follows the name and the menu changed on another', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const db = a.database.db;
  const accountId = await createPerson(db, { email: 'nolwenn@exemple.fr', name: 'Nolwenn' });
  const person = await signInPerson(b.app, 'nolwenn@exemple.fr');
  const page = () => person.get('/mon-compte/mes-donnees');

  const first = await page();
  assert.equal(first.statusCode, 200);
  assert.match(first.body, /Mon compte<span class="visually-hidden"> \(Nolwenn\)/);
  assert.doesNotMatch(first.body, /name="_csrf"/, 'no form: it may be compressed');
  const kept = await page();
  assert.equal(kept.body, first.body, 'kept: the same page again');
  const compressed = await person.get('/mon-compte/mes-donnees', { 'accept-encoding': 'br' });
  assert.equal(compressed.headers['content-encoding'], 'br');
  assert.equal(compressed.headers.vary, 'accept-encoding');
  assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), first.body);

  await sql`update platform_accounts set display_name = 'Nolwenn Le Goff' where id = ${accountId}`.execute(db);
  const renamed = await eventually(page, (r) => r.body.includes('Nolwenn Le Goff'));
  assert.match(renamed.body, /\(Nolwenn Le Goff\)/, 'renamed on A: B shows the new name');
  const renamedCompressed = await person.get('/mon-compte/mes-donnees', { 'accept-encoding': 'br' });
  assert.match(brotliDecompressSync(renamedCompressed.rawPayload).toString(), /\(Nolwenn Le Goff\)/, 'and compressed too');

  const menu = await sql`update content_menu_entries set label = 'Cars et trains' where id = (select id from content_menu_entries where tenant_id = 'bretagne' order by position limit 1)`.execute(db);
  assert.equal(Number(menu.numAffectedRows), 1);
  assert.match((await eventually(page, (r) => r.body.includes('Cars et trains'))).body, />Cars et trains</, 'menu changed on A: B shows it');

  await sql`delete from platform_sessions where account_id = ${accountId}`.execute(db);
  const closed = await eventually(page, (r) => r.statusCode !== 200);
  assert.equal(closed.statusCode, 303, 'session closed on A: B sends to the sign-in');

  const journal = await sql<{ count: string }>`select count(*) as count from platform_audit where action like 'personal_data%' and target_id = ${accountId}`.execute(db);
  assert.equal(Number(journal.rows[0]!.count), 0, 'looking at the page is not journaled');
});
