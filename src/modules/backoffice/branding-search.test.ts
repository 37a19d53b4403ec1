/**
 * Issue 13, point 8: the one search finds an authority by its name and presentation, kept in step
 * with the back office's « Identité » form in the same transaction as the edit.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, signInAs } from '../../../test/support/app';

const PAGE = '/admin/t/brest/identite';
const edited = {
  name: 'Brest, cité du Ponant',
  short_name: 'Brest',
  description: 'Port du bout du monde, phares et escales.',
  contact_address: '2 rue Frézier, 29200 Brest',
  contact_phone: '02 98 00 80 80',
  contact_email: 'contact@brest.example',
};

type Api = { total: number; resultats: Array<{ type: string; id: string; titre: string }> };

test('editing a tenant’s name and presentation reindexes its « Collectivité » document at once; a refused edit changes nothing', async (t) => {
  const { app, database } = await buildTestApp(t);
  const visitor = new Agent(app);
  const find = async (q: string) => JSON.parse((await visitor.get(`/api/v1/recherche?q=${encodeURIComponent(q)}&exact=1`)).body) as Api;
  const tenantHit = (body: Api) => body.resultats.find((r) => r.type === 'collectivite' && r.id === 'brest');
  assert.equal(tenantHit(await find('ponant escales')), undefined, 'the new words are not indexed before the edit');

  const admin = await signInAs(app, 'administrateur', 'brest');
  const initial = /name="accent_initial" value="(#[0-9a-f]{6})"/.exec((await admin.get(PAGE)).body)![1]!;
  const accent = { accent_color: initial, accent_initial: initial, accent_picker: initial, picker_initial: initial };

  const refused = await admin.submit(PAGE, PAGE, { ...edited, name: '', ...accent });
  assert.equal(refused.statusCode, 422);
  assert.equal(tenantHit(await find('ponant escales')), undefined);

  const saved = await admin.submit(PAGE, PAGE, { ...edited, ...accent });
  assert.equal(saved.statusCode, 303);
  const hit = tenantHit(await find('ponant escales'));
  assert.equal(hit?.titre, 'Brest, cité du Ponant');
  const row = await database.db.selectFrom('search_documents' as never).select(['title', 'body'] as never).where('type' as never, '=', 'collectivite' as never).where('object_id' as never, '=', 'brest' as never).executeTakeFirstOrThrow() as { title: string; body: string };
  assert.equal(row.title, edited.name);
  assert.match(row.body, /phares et escales/);
});
