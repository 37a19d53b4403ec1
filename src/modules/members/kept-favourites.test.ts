/**
 * « Mes favoris » is kept per session (issue 12 b.6: it read and resolved the list at every view,
 * 2 % of bare Fastify under load): another instance's change to the list, or to a saved thing,
 * shows at once.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { buildTestApp, secondInstance } from '../../../test/support/app';
import { eventually } from '../../../test/support/eventually';
import { createPerson, signInPerson } from '../accounts/test-support';

type Tables = {
  members_favourites: { id: string; account_id: string; kind: string; item_key: string; note: string };
  orientation_fiches: { code: string; label: string };
};

test('« Mes favoris » kept by one instance follows the list and the saved things changed on another', async (t) => {
  const a = await buildTestApp(t);
  const b = await secondInstance(t, a);
  const db = a.database.db.withTables<Tables>();
  const accountId = await createPerson(a.database.db, { email: 'maiwenn@exemple.fr', name: 'Maïwenn' });
  const person = await signInPerson(b.app, 'maiwenn@exemple.fr');
  const page = () => person.get('/mon-compte/favoris');

  const empty = await page();
  assert.equal(empty.statusCode, 200);
  assert.equal(empty.headers['cache-control'], 'no-store');
  assert.equal((await page()).body, empty.body, 'kept: the same page again');

  await db.insertInto('members_favourites').values({ id: randomUUID(), account_id: accountId, kind: 'metier', item_key: 'D1102', note: 'Voir le CAP' }).execute();
  const saved = await eventually(page, (r) => r.body.includes('Voir le CAP'));
  assert.match(saved.body, /Voir le CAP/, 'saved on A: B shows it');
  assert.match(saved.body, /\/orientation\/metiers\/D1102/);

  const { label } = await db.selectFrom('orientation_fiches').select('label').where('code', '=', 'D1102').executeTakeFirstOrThrow();
  assert.ok(saved.body.includes(label), `the job's name « ${label} »`);
  await db.updateTable('orientation_fiches').set({ label: 'Boulanger-pâtissier de Bretagne' }).where('code', '=', 'D1102').execute();
  assert.match((await eventually(page, (r) => r.body.includes('Boulanger-pâtissier de Bretagne'))).body, /Boulanger-pâtissier de Bretagne/, 'renamed on A: B shows the new name');

  await db.deleteFrom('members_favourites').where('account_id', '=', accountId).execute();
  assert.doesNotMatch((await eventually(page, (r) => !r.body.includes('Voir le CAP'))).body, /Voir le CAP/, 'removed on A: gone on B');
});
