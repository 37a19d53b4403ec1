/**
 * Information and orientation places (issue 15 c.6): their kinds on /aide-de-proximite (filter
 * kept in the URL, by distance), the links from /orientation and the job sheet, the search, the
 * authorities' back office (roles, audit, isolation) and the CSV import (dry run, line errors,
 * all or nothing, idempotent).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';

const ADMIN = '/admin/t/bretagne/lieux';
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const places = (html: string) => [...html.matchAll(/<li class="help-place">([\s\S]*?)<\/li>\s*(?=<li class="help-place">|<\/ol>)/g)].map((m) => m[1]!);
const names = (html: string) => places(html).map((p) => /<h3>\s*(?:<a [^>]*>)?([^<]+)</.exec(p)![1]!.trim().replace(/&#x27;|&#39;/g, "'"));

function multipart(token: string, content: string) {
  const boundary = '----guichet-test';
  const payload = [
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${token}\r\n`,
    `--${boundary}\r\nContent-Disposition: form-data; name="fichier"; filename="lieux.csv"\r\nContent-Type: text/csv\r\n\r\n${content}\r\n`,
    `--${boundary}--\r\n`,
  ].join('');
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(agent: Agent, content: string, base = ADMIN) {
  const token = csrfTokenFrom((await agent.get(`${base}/import`)).body);
  return agent.request({ method: 'POST', url: `${base}/import`, ...multipart(token, content) });
}

test('orientation kinds on /aide-de-proximite: filter kept in the URL, by distance, services, hours, demo mark; links from /orientation and the job sheet', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const near = await visitor.get('/aide-de-proximite?commune=Lorient&type=orientation');
  assert.equal(near.statusCode, 200);
  const found = places(near.body);
  assert.ok(found.length >= 1);
  assert.equal(names(near.body)[0], 'Mission locale du Pays de Lorient');
  assert.match(found[0]!, /Mission locale · <strong>Donnée de démonstration<\/strong> · Dans la commune/);
  assert.match(found[0]!, /Horaires :\nDu lundi au vendredi : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30/);
  assert.match(found[0]!, /Services proposés \(4\)[\s\S]*Contrat d’engagement jeune/);
  for (const place of found) assert.doesNotMatch(place, /France Services ·|Médiation numérique ·/, 'orientation places only');
  assert.match(near.body, /<option value="orientation" selected>Tous les lieux d’orientation<\/option>/);
  assert.match(near.body, /<optgroup label="S’orienter : études, métier, emploi">/);

  // One kind, in a département: the real Mission locale of Pontivy (open data) and the demo one.
  const missions = await visitor.get('/aide-de-proximite?departement=56&type=mission_locale');
  assert.deepEqual(names(missions.body).sort(), ['Mission locale Centre Bretagne', 'Mission locale du Pays de Lorient']);
  const pontivy = places(missions.body).find((p) => p.includes('Centre Bretagne'))!;
  assert.match(pontivy, /13 bis RUE SAINT JORY|13 bis rue Saint Jory/i);
  assert.doesNotMatch(pontivy, /démonstration/);
  assert.match(pontivy, /href="tel:\+33297253835"/);
  const maisons = await visitor.get('/aide-de-proximite?departement=29&type=maison_emploi');
  assert.deepEqual(names(maisons.body).sort(), ['Maison de l’emploi de Lesneven', 'Maison de l’emploi de Rosporden']);
  // The département list keeps the filter, and counts only its kinds.
  const start = await visitor.get('/aide-de-proximite?type=orientation');
  assert.match(start.body, /href="\/aide-de-proximite\?departement=35&amp;type=orientation">Ille-et-Vilaine \(35\)<\/a> : 2 lieux/);

  const bad = await visitor.get('/aide-de-proximite?type=cioo');
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="erreur-type"[^>]*>[\s\S]*?Choisissez un type de lieu dans la liste/);

  // Still France Services and médiation numérique as before.
  const fs = await visitor.get('/aide-de-proximite?departement=22&type=france_services');
  for (const place of places(fs.body)) assert.match(place, /France Services ·/);

  assert.match((await visitor.get('/orientation')).body, /<a href="\/aide-de-proximite\?type=orientation">Trouver un lieu d’orientation<\/a>/);
  const sheet = await visitor.get('/orientation/metiers/D1102');
  assert.match(sheet.body, /<form method="get" action="\/aide-de-proximite"[^>]*>\s*<input type="hidden" name="type" value="orientation"\/?>/);
  assert.match(sheet.body, /Trouver un conseiller près de chez moi/);
});

test('search: « mission locale lorient » finds the place, with its kind in the text', async (t) => {
  const { app } = await buildTestApp(t);
  const res = await new Agent(app).get(`/api/v1/recherche?q=${encodeURIComponent('mission locale lorient')}`);
  assert.equal(res.statusCode, 200);
  const body = JSON.parse(res.body) as { resultats: Array<{ type: string; titre: string; url?: string }> };
  const index = body.resultats.findIndex((r) => r.titre === 'Mission locale du Pays de Lorient');
  assert.ok(index >= 0 && index < 3, JSON.stringify(body.resultats.slice(0, 5).map((r) => r.titre)));
  assert.equal(body.resultats[index]!.type, 'lieu-aide');
  const doc = (await sql<{ body: string; url: string; object_id: string }>`select body, url, object_id from search_documents where title = 'Maison de l’emploi de Lesneven'`.execute(app.platform.db)).rows[0]!;
  assert.match(doc.body, /^Maison de l’emploi\n/);
  assert.equal(doc.url, `/aide-de-proximite/lieux/${doc.object_id}`, 'a place found by the search opens its own page');
  const page = await new Agent(app).get(doc.url);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Maison de l’emploi de Lesneven/);
});

test('agents manage their places: French errors keeping the input, create, edit, withdraw, publish; audit; search and page in step; roles and isolation', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const visitor = new Agent(app);
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const list = await editor.get(ADMIN);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /CIO de Rennes/);
  assert.match(list.body, /Démonstration/);
  assert.doesNotMatch(list.body, /Mission locale Centre Bretagne/, 'open-data places are not the Région’s');
  assert.match(list.body, /href="\/admin\/t\/bretagne\/lieux"[^>]*>Lieux d’accueil/);

  const form = `${ADMIN}/nouveau`;
  const wrong = await editor.submit(form, form, { type: 'cio', nom: 'CIO de Vannes', code_postal: '5600', commune: 'Vannes', telephone: '12', site_internet: 'vannes' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /id="erreur-code_postal"[^>]*>[\s\S]*?Un code postal a 5 chiffres/);
  assert.match(wrong.body, /id="erreur-telephone"[^>]*>[\s\S]*?10 chiffres/);
  assert.match(wrong.body, /id="erreur-site_internet"[^>]*>[\s\S]*?https:\/\//);
  assert.match(wrong.body, /value="CIO de Vannes"/, 'what was typed is kept');
  const fields = { type: 'cio', nom: 'CIO de Vannes', adresse: '1 rue de la Paix', code_postal: '56000', commune: 'Vannes', latitude: '47.658', longitude: '-2.760', telephone: '02 97 01 02 03', horaires: 'Du lundi au vendredi : de 9 h à 17 h', services: 'Choisir ses études\nParler de son projet', identifiant: 'cio-vannes', publie: 'oui', demonstration: 'non' };
  assert.equal((await editor.submit(form, form, fields)).statusCode, 303);
  const row = (await sql<{ id: string; tenant_id: string; services: string[]; phone: string }>`select id, tenant_id, services, phone from help_places where name = 'CIO de Vannes'`.execute(db)).rows[0]!;
  assert.equal(row.tenant_id, 'bretagne');
  assert.deepEqual(row.services, ['Choisir ses études', 'Parler de son projet']);
  assert.equal(row.phone, '02 97 01 02 03');
  const publicPage = async () => (await visitor.get('/aide-de-proximite?commune=Vannes&type=cio')).body;
  assert.deepEqual(names(await publicPage()), ['CIO de Vannes']);
  const inSearch = async () => (await sql`select 1 from search_documents where object_id = ${row.id}`.execute(db)).rows.length;
  assert.equal(await inSearch(), 1);
  // The same identifier twice is refused.
  const twice = await editor.submit(form, form, { ...fields, nom: 'Autre' });
  assert.equal(twice.statusCode, 422);
  assert.match(twice.body, /Un autre de vos lieux a déjà cet identifiant/);

  const edit = `${ADMIN}/${row.id}`;
  assert.match((await editor.get(edit)).body, /Choisir ses études\nParler de son projet<\/textarea>/);
  assert.equal((await editor.submit(edit, edit, { ...fields, nom: 'CIO de Vannes (Centre)' })).statusCode, 303);
  assert.deepEqual(names(await publicPage()), ['CIO de Vannes (Centre)']);

  assert.equal((await editor.submit(edit, `${edit}/publication`, { publie: 'non' })).statusCode, 303);
  assert.deepEqual(names(await publicPage()), [], 'a withdrawn place is not shown');
  assert.equal(await inSearch(), 0, 'nor found');
  assert.match((await editor.get(ADMIN)).body, /Retiré/);
  assert.equal((await editor.submit(edit, `${edit}/publication`, { publie: 'oui' })).statusCode, 303);
  assert.equal(await inSearch(), 1);

  const actions = (await sql<{ action: string; tenant_id: string }>`select action, tenant_id from platform_audit where target_type = 'help_place' order by seq`.execute(db)).rows;
  assert.deepEqual(actions.map((a) => a.action), ['help_place.created', 'help_place.updated', 'help_place.unpublished', 'help_place.published']);
  assert.ok(actions.every((a) => a.tenant_id === 'bretagne'));

  // A lecteur reads but does not write.
  const reader = await signInAs(app, 'lecteur', 'bretagne');
  const readerList = await reader.get(ADMIN);
  assert.equal(readerList.statusCode, 200);
  assert.doesNotMatch(readerList.body, /Ajouter un lieu/);
  const readerToken = csrfTokenFrom(readerList.body);
  assert.equal((await reader.post(`${edit}/publication`, { _csrf: readerToken, publie: 'non' })).statusCode, 403);
  assert.equal((await reader.get(edit)).statusCode, 403);

  // Another authority: neither through its own space nor through the Région's.
  const brest = await signInAs(app, 'editeur', 'brest');
  const brestToken = csrfTokenFrom((await brest.get('/admin/t/brest/lieux')).body);
  assert.doesNotMatch((await brest.get('/admin/t/brest/lieux')).body, /CIO de Vannes/);
  assert.equal((await brest.get(`/admin/t/brest/lieux/${row.id}`)).statusCode, 404);
  assert.equal((await brest.post(`/admin/t/brest/lieux/${row.id}`, { _csrf: brestToken, ...fields, nom: 'Pris' })).statusCode, 404);
  assert.equal((await brest.post(`/admin/t/brest/lieux/${row.id}/publication`, { _csrf: brestToken, publie: 'non' })).statusCode, 404);
  assert.equal((await brest.get(edit)).statusCode, 403);
  assert.equal((await brest.post(`${edit}/publication`, { _csrf: brestToken, publie: 'non' })).statusCode, 403);
  // Open data is nobody's: not reachable in any back office.
  const openData = (await sql<{ id: string }>`select id from help_places where tenant_id is null limit 1`.execute(db)).rows[0]!.id;
  assert.equal((await editor.get(`${ADMIN}/${openData}`)).statusCode, 404);
  assert.equal((await sql<{ name: string }>`select name from help_places where id = ${row.id}`.execute(db)).rows[0]!.name, 'CIO de Vannes (Centre)');
});

const HEADER = 'identifiant;type;nom;adresse;code_postal;commune;latitude;longitude;telephone;horaires;services;publie';
const GOOD = [
  HEADER,
  'pij-vannes;information_jeunesse;Point Information Jeunesse de Vannes;2 place de la Libération;56000;Vannes;47.655;-2.756;02 97 11 22 33;Du mardi au samedi : de 13 h 30 à 18 h;Jobs d’été|Études;oui',
  'ml-quimperle;mission_locale;Mission locale du Pays de Quimperlé;;29300;Quimperlé;;;;;;oui',
].join('\n');

test('CSV import: dry run line by line in French, all or nothing, idempotent on the identifier, isolation', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const count = async () => Number((await sql<{ n: string }>`select count(*) as n from help_places where tenant_id = 'bretagne'`.execute(db)).rows[0]!.n);
  const before = await count();
  const editor = await signInAs(app, 'editeur', 'bretagne');

  // A file with errors: each line says why, nothing can be applied.
  const broken = [HEADER, 'a1;cio;CIO A;;56000;Vannes;;;;;;oui', 'a2;cio_x;;;5600;Vannes;48;;abc;;;peut-être', 'a1;cio;CIO A bis;;56000;Vannes;;;;;;oui', 'a3;cio;CIO C;;56000;Rennes;;;;;;oui'].join('\n');
  const checked = await upload(editor, broken);
  assert.equal(checked.statusCode, 303);
  const report = await editor.get(checked.headers.location as string);
  assert.equal(report.statusCode, 200);
  const main = mainOf(report.body);
  assert.match(main, /4 lignes\. 1 lieu à créer, 0 à modifier, 0 inchangé, <strong>3 en erreur<\/strong>/);
  assert.match(main, /<td>3<\/td><td>a2<\/td><td>Erreur : Type de lieu : Type inconnu « cio_x »[^<]*Nom du lieu : Écrivez le nom du lieu\.[^<]*Code postal : Un code postal a 5 chiffres[^<]*Longitude : Donnez la latitude et la longitude, ou aucune des deux\.[^<]*Téléphone : [^<]*Publié : Écrivez « oui » ou « non »\./);
  assert.match(main, /<td>4<\/td><td>a1<\/td><td>Erreur : Identifiant : Cet identifiant est déjà à la ligne 2 du fichier\./);
  assert.match(main, /<td>5<\/td><td>a3<\/td><td>Erreur : Commune : La commune « Rennes » n’a pas le code postal 56000 : Vannes\./);
  assert.match(main, /Rien ne sera importé tant qu’une ligne est en erreur/);
  assert.doesNotMatch(main, /Importer les lieux/);
  const token = csrfTokenFrom(report.body);
  assert.equal((await editor.post(`${checked.headers.location as string}/appliquer`, { _csrf: token })).statusCode, 303);
  assert.equal(await count(), before, 'all or nothing: the good line is not written either');

  // Bad files are refused at once, next to the field.
  const noColumns = await upload(editor, 'id;nom\nx;y');
  assert.equal(noColumns.statusCode, 422);
  assert.match(noColumns.body, /id="erreur-fichier"[^>]*>[\s\S]*?Colonnes manquantes dans la première ligne du CSV : identifiant, type, code_postal, commune/);
  assert.match((await upload(editor, `${HEADER};couleur\n`)).body, /Colonnes inconnues : couleur/);

  // A good file: created, then the same file again changes nothing.
  const first = await upload(editor, GOOD);
  const firstReport = await editor.get(first.headers.location as string);
  assert.match(mainOf(firstReport.body), /2 lieux à créer, 0 à modifier, 0 inchangé, <strong>0 en erreur<\/strong>/);
  assert.equal(await count(), before, 'the dry run writes nothing');
  assert.equal((await editor.post(`${first.headers.location as string}/appliquer`, { _csrf: csrfTokenFrom(firstReport.body) })).statusCode, 303);
  assert.equal(await count(), before + 2);
  const applied = await editor.get(`${first.headers.location as string}?message=importe`);
  assert.match(applied.body, /Import terminé/);
  assert.match(mainOf(applied.body), /2 lieux créés/);
  const pij = (await sql<{ services: string[]; opening_hours: string; commune_code: string; external_id: string }>`select services, opening_hours, commune_code, external_id from help_places where name = 'Point Information Jeunesse de Vannes'`.execute(db)).rows[0]!;
  assert.deepEqual(pij.services, ['Jobs d’été', 'Études']);
  assert.equal(pij.commune_code, '56260');
  assert.equal(pij.external_id, 'pij-vannes');
  assert.deepEqual(names((await new Agent(app).get('/aide-de-proximite?commune=Vannes&type=information_jeunesse')).body), ['Point Information Jeunesse de Vannes']);
  // Applying twice does nothing more.
  assert.equal((await editor.post(`${first.headers.location as string}/appliquer`, { _csrf: csrfTokenFrom(firstReport.body) })).statusCode, 303);
  assert.equal(await count(), before + 2);

  const again = await upload(editor, GOOD);
  const againReport = await editor.get(again.headers.location as string);
  assert.match(mainOf(againReport.body), /0 lieu à créer, 0 à modifier, 2 inchangés/);
  const changed = await upload(editor, GOOD.replace('Jobs d’été|Études', 'Jobs d’été|Études|Logement'));
  const changedReport = await editor.get(changed.headers.location as string);
  assert.match(mainOf(changedReport.body), /0 lieu à créer, 1 à modifier, 1 inchangé/);
  assert.equal((await editor.post(`${changed.headers.location as string}/appliquer`, { _csrf: csrfTokenFrom(changedReport.body) })).statusCode, 303);
  assert.equal(await count(), before + 2, 'updated in place, by its identifier');
  const audits = (await sql<{ action: string }>`select action from platform_audit where target_type = 'help_place_import' order by seq`.execute(db)).rows.map((r) => r.action);
  assert.ok(audits.includes('help_place.import_checked') && audits.filter((a) => a === 'help_place.import_applied').length === 2, audits.join());

  // Another authority neither sees the report nor applies it; its own identifiers are its own.
  const brest = await signInAs(app, 'editeur', 'brest');
  const importId = (first.headers.location as string).split('/').pop()!;
  assert.equal((await brest.get(`/admin/t/brest/lieux/import/${importId}`)).statusCode, 404);
  const brestToken = csrfTokenFrom((await brest.get('/admin/t/brest/lieux/import')).body);
  assert.equal((await brest.post(`/admin/t/brest/lieux/import/${importId}/appliquer`, { _csrf: brestToken })).statusCode, 404);
  const brestRun = await upload(brest, GOOD, '/admin/t/brest/lieux');
  assert.match(mainOf((await brest.get(brestRun.headers.location as string)).body), /2 lieux à créer/, 'the same identifiers are new in Brest');
});
