import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { saveContent } from './service';
import { contentDb, getItem } from './store';
import { elementCount, PNG, postMultipart, seededItemId, signInWithToken } from './test-support';

const LIST = '/admin/t/brest/contenus';

test('an editor creates, previews, publishes, edits, reads the history of and restores a news item', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'brest');

  const list = await agent.get(LIST);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<title>Pages et actualités – Brest – Guichet<\/title>/);
  assert.match(list.body, /État civil/);
  assert.match(list.body, /Brouillon : horaires d’été de la mairie[\s\S]*?Brouillon<\/span>/);
  assert.match(list.body, /href="\/admin\/t\/brest\/contenus\/nouveau\?type=actualite"/);
  const onlyNews = await agent.get(`${LIST}?type=actualite`);
  assert.doesNotMatch(onlyNews.body.split('<tbody>')[1]!, /État civil/);

  const form = await agent.get(`${LIST}/nouveau?type=actualite`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /enctype="multipart\/form-data"/);
  assert.ok(form.body.indexOf('name="_csrf"') < form.body.indexOf('type="file"'), 'the CSRF field comes before the file');

  const created = await postMultipart(agent, `${LIST}/nouveau?type=actualite`, token, [
    ['title', 'Fête de la musique à Brest'],
    ['slug', ''],
    ['summary', 'Concerts dans les quartiers.'],
    ['body', '## Programme\n\nDes concerts <script>alert(1)</script> partout.'],
    ['image', { filename: 'affiche.png', type: 'image/png', data: PNG }],
    ['image_alt', 'Affiche de la fête'],
    ['tags', 'culture, musique, Culture'],
  ]);
  assert.equal(created.statusCode, 303, created.body.slice(0, 300));
  const itemUrl = String(created.headers.location).replace(/\?.*$/, '');
  assert.match(itemUrl, /^\/admin\/t\/brest\/contenus\/[0-9a-f-]{36}$/);
  const itemId = itemUrl.split('/').pop()!;

  const publicUrl = '/collectivites/brest/actualites/fete-de-la-musique-a-brest';
  const visitor = new Agent(app);
  assert.equal((await visitor.get(publicUrl)).statusCode, 404, 'a draft is not public');

  const preview = await agent.get(`${itemUrl}/apercu`);
  assert.equal(preview.statusCode, 200);
  assert.match(preview.body, /Aperçu – brouillon, non visible du public/);
  assert.match(preview.body, /<meta name="robots" content="noindex"\/>/);
  assert.match(preview.body, /<h3>Programme<\/h3>/, 'headings are shifted under the h1 and its sections');
  assert.doesNotMatch(preview.body, /<script>alert/);
  const image = /<img src="(\/media\/[0-9a-f-]{36})" alt="Affiche de la fête"\/>/.exec(preview.body);
  assert.ok(image, 'the image is shown with its alternative text');
  const media = await visitor.get(image[1]!);
  assert.equal(media.statusCode, 200);
  assert.equal(media.headers['content-type'], 'image/png');

  const published = await agent.post(`${itemUrl}/publier`, { _csrf: token });
  assert.equal(published.statusCode, 303);
  const live = await visitor.get(publicUrl);
  assert.equal(live.statusCode, 200);
  assert.match(live.body, /<title>Fête de la musique à Brest – Brest – Guichet<\/title>/);
  assert.match(live.body, /<a href="\/collectivites\/brest\/actualites\?etiquette=culture">culture<\/a>/);
  assert.doesNotMatch(live.body, /etiquette=Culture/, 'tags are deduplicated');

  const edited = await postMultipart(agent, itemUrl, token, [
    ['title', 'Fête de la musique : le programme'],
    ['slug', 'fete-de-la-musique-a-brest'],
    ['summary', 'Concerts dans les quartiers.'],
    ['body', 'Nouveau texte.'],
    ['image_alt', 'Affiche de la fête'],
    ['tags', 'culture'],
  ]);
  assert.equal(edited.statusCode, 303);
  assert.match((await visitor.get(publicUrl)).body, /<h1>Fête de la musique à Brest<\/h1>/, 'the public still sees the published version');
  assert.match((await agent.get(LIST)).body, /Modifié depuis publication/);
  const editPage = await agent.get(itemUrl);
  assert.match(editPage.body, /value="Fête de la musique : le programme"/);
  assert.match(editPage.body, /src="\/media\/[0-9a-f-]{36}"/, 'the image is kept when none is chosen');

  const history = await agent.get(`${itemUrl}/historique`);
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /Création/);
  assert.match(history.body, /Modification/);
  assert.match(history.body, /Éditeur Brest/);
  assert.match(history.body, /href="\/admin\/t\/brest\/contenus\/[0-9a-f-]{36}\/versions\/1"/);
  const v1 = await agent.get(`${itemUrl}/versions/1`);
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /<h1>Fête de la musique à Brest<\/h1>/);

  const restored = await agent.post(`${itemUrl}/versions/1/restaurer`, { _csrf: csrfTokenFrom(history.body) });
  assert.equal(restored.statusCode, 303);
  const after = await agent.get(`${itemUrl}/historique`);
  assert.match(after.body, /Restauration de la version 1/);
  const latest = await agent.get(`${itemUrl}/apercu`);
  assert.match(latest.body, /<h1>Fête de la musique à Brest<\/h1>/);
  assert.match(latest.body, /Des concerts/);

  // Publishing the restored version, then unpublishing.
  assert.equal((await agent.post(`${itemUrl}/publier`, { _csrf: token })).statusCode, 303);
  assert.match((await visitor.get(publicUrl)).body, /Des concerts/);
  assert.equal((await agent.post(`${itemUrl}/depublier`, { _csrf: token })).statusCode, 303);
  assert.equal((await visitor.get(publicUrl)).statusCode, 404);

  const audits = await database.db
    .selectFrom('platform_audit')
    .select(['action', 'tenant_id', 'target_id', 'actor_label'])
    .where('target_id', '=', itemId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    audits.map((a) => a.action),
    ['content.create', 'content.publish', 'content.update', 'content.restore', 'content.publish', 'content.unpublish'],
  );
  assert.ok(audits.every((a) => a.tenant_id === 'brest' && a.actor_label === 'Éditeur Brest'));
});

test('every field of the editor is checked, with the French message next to it and the input kept', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'brest');
  const url = `${LIST}/nouveau?type=page`;
  const countItems = async () => Number((await database.db.selectFrom('content_items' as never).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const before = await countItems();

  const cases: Array<{ fields: Array<[string, string | { filename: string; type: string; data: Buffer }]>; field: string; message: RegExp; kept?: RegExp }> = [
    { fields: [['title', '   '], ['body', 'Texte gardé']], field: 'title', message: /Saisissez un titre\./, kept: /Texte gardé/ },
    { fields: [['title', 'x'.repeat(201)]], field: 'title', message: /200 caractères au plus/ },
    { fields: [['title', 'Bonne page'], ['slug', 'Pas Bon!']], field: 'slug', message: /lettres minuscules sans accent/, kept: /value="pas bon!"/ },
    { fields: [['title', 'Bonne page'], ['slug', '-debut']], field: 'slug', message: /lettres minuscules sans accent/ },
    { fields: [['title', 'État civil']], field: 'slug', message: /Cette adresse est déjà utilisée par une page/, kept: /value="etat-civil"/ },
    { fields: [['title', 'Autre'], ['slug', 'associations']], field: 'slug', message: /déjà utilisée/ },
    { fields: [['title', 'Bonne page'], ['summary', 'r'.repeat(301)]], field: 'summary', message: /300 caractères au plus/ },
    { fields: [['title', 'Bonne page'], ['tags', 'a,b,c,d,e,f,g,h,i,j,k']], field: 'tags', message: /10 étiquettes au plus/, kept: /value="a,b,c,d,e,f,g,h,i,j,k"/ },
    { fields: [['title', 'Bonne page'], ['image', { filename: 'photo.png', type: 'image/png', data: PNG }]], field: 'image_alt', message: /Décrivez l(&#39;|')image/ },
    { fields: [['title', 'Bonne page'], ['image', { filename: 'photo.png', type: 'image/png', data: Buffer.from('MZ ce n’est pas une image') }], ['image_alt', 'Photo']], field: 'image', message: /n(&#39;|')est pas une image PNG, JPEG ou WebP/ },
    {
      fields: [['title', 'Bonne page'], ['image', { filename: 'grande.png', type: 'image/png', data: Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]) }], ['image_alt', 'Photo']],
      field: 'image',
      message: /2 Mo au plus/,
    },
  ];
  for (const { fields, field, message, kept } of cases) {
    const response = await postMultipart(agent, url, token, fields);
    assert.equal(response.statusCode, 422, `${field}: ${response.statusCode}`);
    assert.match(response.body, new RegExp(`id="erreur-${field}"`), field);
    assert.match(response.body, message, field);
    assert.match(response.body, new RegExp(`href="#champ-${field}"`), `${field} in the error summary`);
    assert.match(response.body, /<title>Erreur – /);
    if (kept) assert.match(response.body, kept, `${field}: input kept`);
  }
  assert.equal(await countItems(), before, 'nothing was created');

  // A valid image sent with a wrong field is kept: the person does not choose it again.
  const first = await postMultipart(agent, url, token, [['title', ''], ['image', { filename: 'photo.png', type: 'image/png', data: PNG }], ['image_alt', 'Une photo']]);
  const pending = /name="image_pending" value="([0-9a-f-]{36})"/.exec(first.body);
  assert.ok(pending);
  const second = await postMultipart(agent, url, token, [['title', 'Avec image'], ['image_pending', pending[1]!], ['image_alt', 'Une photo']]);
  assert.equal(second.statusCode, 303);
  const preview = await agent.get(`${String(second.headers.location).replace(/\?.*$/, '')}/apercu`);
  assert.match(preview.body, new RegExp(`<img src="/media/${pending[1]}" alt="Une photo"/>`));

  // A decorative image needs no description; an empty alt is stored.
  const decorative = await postMultipart(agent, url, token, [['title', 'Décor'], ['image', { filename: 'a.png', type: 'image/png', data: PNG }], ['image_decorative', 'oui']]);
  assert.equal(decorative.statusCode, 303);
  const decoPreview = await agent.get(`${String(decorative.headers.location).replace(/\?.*$/, '')}/apercu`);
  assert.match(decoPreview.body, /<img src="\/media\/[0-9a-f-]{36}" alt(="")?\/>/);
});

test('a reader sees the contents but every write route refuses them', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'lecteur', 'brest');
  const list = await agent.get(LIST);
  assert.equal(list.statusCode, 200);
  assert.doesNotMatch(list.body, /Créer une page/);
  const id = seededItemId('brest', 'page', 'etat-civil');
  assert.equal((await agent.get(`${LIST}/${id}/historique`)).statusCode, 200);
  assert.equal((await agent.get(`${LIST}/${id}/apercu`)).statusCode, 200);
  for (const url of [`${LIST}/nouveau?type=page`, `${LIST}/${id}`, '/admin/t/brest/menu']) {
    const response = await agent.get(url);
    assert.equal(response.statusCode, 403, url);
  }
  const posts: Array<[string, Record<string, string>]> = [
    [`${LIST}/nouveau?type=page`, { title: 'Pirate' }],
    [`${LIST}/${id}`, { title: 'Pirate' }],
    [`${LIST}/${id}/publier`, {}],
    [`${LIST}/${id}/depublier`, {}],
    [`${LIST}/${id}/versions/1/restaurer`, {}],
    ['/admin/t/brest/menu', { op: 'add', label: 'Pirate', target: 'actualites' }],
  ];
  for (const [url, fields] of posts) {
    const response = await agent.post(url, { _csrf: token, ...fields });
    assert.equal(response.statusCode, 403, url);
    assert.match(response.body, /Votre rôle dans cette collectivité ne permet pas cette action/, url);
  }
  const changes = await database.db.selectFrom('platform_audit').select('action').where('action', 'like', 'content.%').execute();
  assert.equal(changes.length, 0);
});

test('a form posted without its CSRF token, or with a wrong one, is refused', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent } = await signInWithToken(app, 'editeur', 'brest');
  const id = seededItemId('brest', 'page', 'etat-civil');
  const noToken = await agent.post(`${LIST}/${id}/depublier`, {});
  assert.equal(noToken.statusCode, 403);
  assert.match(noToken.body, /Formulaire expiré/);
  const wrong = await postMultipart(agent, `${LIST}/nouveau?type=page`, 'pas-le-bon-jeton', [['title', 'Sans jeton']]);
  assert.equal(wrong.statusCode, 403);
  assert.equal((await new Agent(app).get('/collectivites/brest/pages/etat-civil')).statusCode, 200, 'still published');
});

test('an editor arranges the menu: add, rename, move, remove, with checked input', async (t) => {
  const { app, database } = await buildTestApp(t);
  const { agent, token } = await signInWithToken(app, 'editeur', 'brest');
  const visitor = new Agent(app);
  const page = await agent.get('/admin/t/brest/menu');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<title>Menu – Brest – Guichet<\/title>/);

  const empty = await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'add', label: '', target: 'actualites' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /id="erreur-label"/);
  const badTarget = await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'add', label: 'Lycées', target: seededItemId('bretagne', 'page', 'lycees') });
  assert.equal(badTarget.statusCode, 422);
  assert.match(badTarget.body, /Choisissez la page/);
  assert.match(badTarget.body, /value="Lycées"/);

  const associations = seededItemId('brest', 'page', 'associations');
  assert.equal((await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'add', label: 'Vie associative', target: associations })).statusCode, 303);
  let home = await visitor.get('/collectivites/brest/');
  assert.match(home.body, /<li><a href="\/collectivites\/brest\/actualites">Actualités<\/a><\/li><li><a href="\/collectivites\/brest\/pages\/associations">Vie associative<\/a><\/li>/);

  const entries = await database.db
    .selectFrom('content_menu_entries' as never)
    .select(['id' as never, 'label' as never])
    .where('tenant_id' as never, '=', 'brest' as never)
    .orderBy('position' as never)
    .execute() as Array<{ id: string; label: string }>;
  const added = entries.find((e) => e.label === 'Vie associative')!;
  assert.equal((await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'up', entry: added.id })).statusCode, 303);
  home = await visitor.get('/collectivites/brest/');
  assert.match(home.body, /Vie associative<\/a><\/li><li><a href="\/collectivites\/brest\/actualites">Actualités/);

  const renameEmpty = await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'rename', entry: added.id, [`label-${added.id}`]: '' });
  assert.equal(renameEmpty.statusCode, 422);
  assert.match(renameEmpty.body, new RegExp(`id="erreur-label-${added.id}"`));
  assert.equal((await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'rename', entry: added.id, [`label-${added.id}`]: 'Associations' })).statusCode, 303);
  assert.match((await visitor.get('/collectivites/brest/')).body, />Associations<\/a><\/li><li><a href="\/collectivites\/brest\/actualites">/);

  assert.equal((await agent.post('/admin/t/brest/menu', { _csrf: token, op: 'remove', entry: added.id })).statusCode, 303);
  assert.doesNotMatch((await visitor.get('/collectivites/brest/')).body, /pages\/associations">Associations<\/a><\/li><li><a href="\/collectivites\/brest\/actualites/);
  const audits = await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'menu.update').where('tenant_id', '=', 'brest').execute();
  assert.equal(audits.length, 4);
});

test('a long history is paginated and every page stays small', async (t) => {
  const { app, database } = await buildTestApp(t);
  const actor = { id: '00000000-0000-4000-8000-000000000002', label: 'Test', ip: null };
  const first = await saveContent(database.db, actor, 'brest', { kind: 'page' }, { title: 'Souvent modifiée' });
  assert.ok(first.ok);
  const item = (await getItem(contentDb(database.db), 'brest', first.itemId))!;
  for (let i = 2; i <= 25; i++) assert.ok((await saveContent(database.db, actor, 'brest', { kind: 'page', item }, { title: `Souvent modifiée ${i}` })).ok);
  const { agent } = await signInWithToken(app, 'editeur', 'brest');
  const history = await agent.get(`${LIST}/${first.itemId}/historique`);
  assert.match(history.body, /25 versions, page 1 sur 2/);
  assert.equal((history.body.match(/<tr>/g) ?? []).length, 21);
  assert.ok(elementCount(history.body) < 500, `${elementCount(history.body)} elements`);
  const second = await agent.get(`${LIST}/${first.itemId}/historique?page=2`);
  assert.match(second.body, /Création/);
});
