import assert from 'node:assert/strict';
import test from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { createPerson, signInPerson } from '../accounts/test-support';
import { postMultipart, signInWithToken } from '../content/test-support';

test('a counsellor writes a versioned note on a job sheet, restores an old version; other tenants and roles cannot', async (t) => {
  const { app } = await buildTestApp(t);
  const counsellor = await signInAs(app, 'conseiller', 'brest');
  const page = await counsellor.get('/admin/t/brest/orientation/mots/D1102');
  assert.equal(page.statusCode, 200);
  const token = csrfTokenFrom(page.body);
  assert.equal((await counsellor.post('/admin/t/brest/orientation/mots/D1102', { _csrf: token, body: 'Premier mot.\n\nDeux paragraphes.', note: '' })).statusCode, 303);
  assert.equal((await counsellor.post('/admin/t/brest/orientation/mots/D1102', { _csrf: token, body: 'Second mot.', note: 'plus court' })).statusCode, 303);
  let sheet = await new Agent(app).get('/orientation/metiers/D1102');
  assert.match(sheet.body, /Le mot des conseillers · Ville de Brest|Le mot des conseillers · [^<]*Brest/);
  assert.match(sheet.body, /Second mot\./);
  const history = await counsellor.get('/admin/t/brest/orientation/mots/D1102');
  assert.match(history.body, /Version 2/);
  assert.match(history.body, /Restaurer la version 1/);
  assert.equal((await counsellor.post('/admin/t/brest/orientation/mots/D1102/restaurer', { _csrf: token, version: '1' })).statusCode, 303);
  sheet = await new Agent(app).get('/orientation/metiers/D1102');
  assert.match(sheet.body, /Premier mot\./);
  assert.match((await counsellor.get('/admin/t/brest/orientation/mots/D1102')).body, /Restauration de la version 1/);
  // Too long: 422, the text kept.
  const long = await counsellor.post('/admin/t/brest/orientation/mots/D1102', { _csrf: token, body: 'x'.repeat(4001) });
  assert.equal(long.statusCode, 422);
  // Withdrawn with an empty version.
  await counsellor.post('/admin/t/brest/orientation/mots/D1102', { _csrf: token, body: '' });
  assert.doesNotMatch((await new Agent(app).get('/orientation/metiers/D1102')).body, /Le mot des conseillers/);

  // An éditeur of Brest, a conseiller of Quimper: refused.
  const editor = await signInAs(app, 'editeur', 'brest');
  assert.equal((await editor.get('/admin/t/brest/orientation/mots/D1102')).statusCode, 403);
  const other = await signInAs(app, 'conseiller', 'quimper');
  assert.equal((await other.get('/admin/t/brest/orientation/mots/D1102')).statusCode, 403);
  assert.equal((await other.post('/admin/t/brest/orientation/mots/D1102', { _csrf: csrfTokenFrom((await other.get('/admin/t/quimper/orientation/mots')).body), body: 'intrus' })).statusCode, 403);
  assert.match((await other.get('/admin/t/quimper/orientation/mots')).body, /Aucun mot/);
});

test('a counsellor builds a selection, shares it by link, exports it as CSV, revokes the link; another tenant sees nothing', async (t) => {
  const { app } = await buildTestApp(t);
  const counsellor = await signInAs(app, 'conseiller', 'brest');
  const list = await counsellor.get('/admin/t/brest/selections');
  assert.equal(list.statusCode, 200);
  const token = csrfTokenFrom(list.body);
  assert.equal((await counsellor.post('/admin/t/brest/selections', { _csrf: token, title: '' })).statusCode, 422);
  const created = await counsellor.post('/admin/t/brest/selections', { _csrf: token, title: 'Pâtisserie et boulangerie' });
  assert.equal(created.statusCode, 303);
  const base = String(created.headers.location);
  assert.equal((await counsellor.post(`${base}/ajouter`, { _csrf: token, type: 'metier', cle: 'd1102' })).statusCode, 303);
  assert.equal((await counsellor.post(`${base}/ajouter`, { _csrf: token, type: 'metier', cle: 'https://guichet.example/orientation/metiers/D1103' })).statusCode, 303);
  const bad = await counsellor.post(`${base}/ajouter`, { _csrf: token, type: 'metier', cle: 'Z0000' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /value="Z0000"/);
  const place = await app.platform.db.withTables<{ help_places: { id: string } }>().selectFrom('help_places').select('id').executeTakeFirstOrThrow();
  assert.equal((await counsellor.post(`${base}/ajouter`, { _csrf: token, type: 'lieu', cle: `/aide-de-proximite/lieux/${place.id}` })).statusCode, 303);

  const shared = await counsellor.post(`${base}/partager`, { _csrf: token });
  assert.equal(shared.statusCode, 200);
  const link = /class="share-link">([^<]+)</.exec(shared.body)?.[1];
  assert.ok(link);
  const path = new URL(link!).pathname;
  const visitor = new Agent(app);
  const printable = await visitor.get(path);
  assert.equal(printable.statusCode, 200);
  assert.match(printable.body, /Pâtisserie et boulangerie/);
  assert.match(printable.body, /Boulanger/);
  assert.match(printable.body, /Lieu d’aide/);
  assert.equal((await visitor.get('/selection/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).statusCode, 404);

  const csv = await counsellor.get(`${base}/export.csv`);
  assert.match(String(csv.headers['content-type']), /text\/csv/);
  assert.match(csv.body, /^\ufefftype,titre,adresse,precision,date,lieu\r\n/);
  assert.equal(csv.body.trim().split('\r\n').length, 4);

  // Another tenant's counsellor: nothing of Brest's.
  const other = await signInAs(app, 'conseiller', 'quimper');
  const id = base.split('/').pop()!;
  assert.equal((await other.get(`/admin/t/quimper/selections/${id}`)).statusCode, 404);
  assert.equal((await other.get(`/admin/t/brest/selections/${id}`)).statusCode, 403);
  assert.doesNotMatch((await other.get('/admin/t/quimper/selections')).body, /Pâtisserie et boulangerie/);
  // A lecteur of Brest cannot either.
  assert.equal((await (await signInAs(app, 'lecteur', 'brest')).get(`/admin/t/brest/selections/${id}`)).statusCode, 403);

  // Revoked: the link answers 404.
  assert.equal((await counsellor.post(`${base}/revoquer`, { _csrf: token })).statusCode, 303);
  assert.equal((await visitor.get(path)).statusCode, 404);
  const actions = (await app.platform.db.selectFrom('platform_audit').select('action').where('tenant_id', '=', 'brest').where('action', 'like', 'members.selection%').execute()).map((r) => r.action);
  for (const action of ['members.selection_create', 'members.selection_add', 'members.selection_share', 'members.selection_revoke']) assert.ok(actions.includes(action), action);
});

test('a page reserved to professionals: conseillers of any tenant and the tenant’s agents read it; the public, people and the search never', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent: editor, token } = await signInWithToken(app, 'editeur', 'brest');
  const created = await postMultipart(editor, '/admin/t/brest/contenus/nouveau?type=page', token, [
    ['title', 'Fiche réseau des conseillers'],
    ['slug', 'reseau-conseillers'],
    ['summary', 'Réservé.'],
    ['body', 'Numéros internes du réseau zygomatique.'],
    ['tags', ''],
    ['image_decorative', 'oui'],
    ['pro_only', 'oui'],
  ]);
  assert.equal(created.statusCode, 303);
  const item = String(created.headers.location).split('?')[0]!;
  assert.match((await editor.get(item)).body, /name="pro_only" value="oui" checked/);
  assert.equal((await editor.post(`${item}/publier`, { _csrf: token })).statusCode, 303);

  const path = '/collectivites/brest/pages/reseau-conseillers';
  assert.equal((await new Agent(app).get(path)).statusCode, 404);
  await createPerson(app.platform.db, { email: 'ana@exemple.fr' });
  assert.equal((await (await signInPerson(app, 'ana@exemple.fr')).get(path)).statusCode, 404);
  const other = await signInAs(app, 'conseiller', 'quimper');
  const read = await other.get(path);
  assert.equal(read.statusCode, 200);
  assert.match(read.body, /Page réservée aux professionnels/);
  assert.match(read.body, /zygomatique/);
  assert.equal((await editor.get(path)).statusCode, 200);
  assert.equal((await (await signInAs(app, 'editeur', 'quimper')).get(path)).statusCode, 404);
  const search = await new Agent(app).get('/recherche?q=zygomatique');
  assert.doesNotMatch(search.body, /Fiche réseau des conseillers/);
  assert.doesNotMatch((await new Agent(app).get('/collectivites/brest/')).body, /Fiche réseau des conseillers/);
});
