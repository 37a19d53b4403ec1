/**
 * Issue 13, points 2 and 5: the national procedures of service-public.fr, loaded from the open
 * data copy (seed/data/service-public), found by the one search, shown as links to the live pages
 * (never as current law) with their online service, and credited on /sources.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { readProcedures, seedProcedures } from '../../../seed/procedures';
import { Agent, buildTestApp } from '../../../test/support/app';
import { rebuildSearchIndex } from '../search';

type Api = {
  resultats: Array<{ type: string; libelleType: string; id: string; titre: string; url: string; avertissement?: string; servicesEnLigne?: Array<{ titre: string; type: string; url: string }> }>;
};

const count = async (db: Parameters<typeof rebuildSearchIndex>[0], table: string, where = sql`true`) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0]!.n);

test('the seed loads every sheet and online service from the copy, and the index holds each one as « Démarche nationale » or « Formulaire »', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const rows = readProcedures();
  assert.ok(rows.length > 4_500, `${rows.length} procedures`);
  assert.ok(!rows.some((r) => r.title.startsWith('*') || r.kind === 'thème'), 'no draft or theme page');
  assert.equal(new Set(rows.map((r) => r.id)).size, rows.length, 'a sheet of two audiences is kept once');
  assert.equal(await count(db, 'procedures'), rows.length);
  const forms = rows.filter((r) => r.kind === 'Formulaire' || r.kind === 'Modèle de document').length;
  assert.ok(forms > 2_000, `${forms} forms and letter models`);
  assert.equal(await count(db, 'search_documents', sql`type = 'demarche'`), rows.length - forms);
  assert.equal(await count(db, 'search_documents', sql`type = 'formulaire'`), forms);
  assert.ok(!rows.some((r) => r.title === 'Demande de RSA (Mayotte)'), 'a form for one overseas territory is left out');

  const sheet = rows.find((r) => r.id === 'N358')!;
  assert.equal(sheet.url, 'https://www.service-public.fr/particuliers/vosdroits/N358');
  assert.deepEqual(sheet.online_services.map((s) => s.id), ['R45668']);

  // Already loaded: the seed writes nothing; npm run reindex reloads them and rebuilds the same index.
  assert.equal(await seedProcedures(db), false);
  const documents = await count(db, 'search_documents');
  await sql`delete from procedures where id = 'N358'`.execute(db);
  assert.equal(await seedProcedures(db, { replace: true }), true);
  assert.equal(await rebuildSearchIndex(db), documents);
  assert.equal(await count(db, 'procedures'), rows.length);
});

test('« carte d’identité » finds the service-public.fr sheet: a link to the live page, said to be a 2020 copy, and the online service', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const page = await agent.get(`/recherche?q=${encodeURIComponent("carte d'identité")}`);
  assert.equal(page.statusCode, 200);
  const hit = /<li class="search-hit">(?:(?!<\/li>)[\s\S])*?vosdroits\/N358"[\s\S]*?<\/li>/.exec(page.body)?.[0];
  assert.ok(hit, 'the sheet N358 is on the first page');
  assert.match(hit, /Démarche nationale/);
  assert.match(hit, /<a href="https:\/\/www\.service-public\.fr\/particuliers\/vosdroits\/N358">Carte d(&#39;|&#x27;|')identité<\/a>/);
  assert.match(hit, /Fiche de service-public\.fr — le lien ouvre la version à jour/);
  assert.match(hit, /notre copie date de 2020/);
  assert.match(hit, /<a href="https:\/\/passeport\.ants\.gouv\.fr[^"]*">Faire la démarche en ligne : Pré-demande de carte d(&#39;|&#x27;|')identité/);

  const api = JSON.parse((await agent.get(`/api/v1/recherche?q=${encodeURIComponent('carte identite')}`)).body) as Api;
  const result = api.resultats.find((r) => r.id === 'N358');
  assert.ok(result);
  assert.equal(result.libelleType, 'Démarche nationale');
  assert.equal(result.url, 'https://www.service-public.fr/particuliers/vosdroits/N358');
  assert.match(result.avertissement ?? '', /version à jour/);
  assert.deepEqual(result.servicesEnLigne?.map((s) => s.titre), ["Pré-demande de carte d'identité"]);

  // An online service found itself says so, with no further link.
  const service = (JSON.parse((await agent.get(`/api/v1/recherche?q=${encodeURIComponent('pré-demande carte identité')}`)).body) as Api).resultats.find((r) => r.id === 'R45668');
  assert.ok(service);
  const servicePage = await agent.get(`/recherche?q=${encodeURIComponent('pré-demande carte identité')}&page=${1}`);
  assert.match(servicePage.body, /Service en ligne référencé par service-public\.fr/);
});

test('a Cerfa form is found by its number or its title, said to be a form, and linked to the live page', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const form = readProcedures().find((r) => r.id === 'R52224')!;
  assert.equal(form.kind, 'Formulaire');
  assert.match(form.intro, /^Formulaire Cerfa n° 13997\*01\./);
  for (const q of ['cerfa 13997', '13997', 'formulaire permis provisoire chien dangereux']) {
    const api = JSON.parse((await agent.get(`/api/v1/recherche?q=${encodeURIComponent(q)}`)).body) as Api;
    assert.equal(api.resultats[0]?.id, 'R52224', `${q}: ${api.resultats.slice(0, 3).map((r) => r.titre).join(' | ')}`);
  }
  const page = await agent.get(`/recherche?q=${encodeURIComponent('cerfa 13997')}`);
  const hit = /<li class="search-hit">(?:(?!<\/li>)[\s\S])*?cerfa_13997\.do"[\s\S]*?<\/li>/.exec(page.body)?.[0];
  assert.ok(hit, 'the form is on the first page');
  assert.match(hit, /Formulaire référencé par service-public\.fr — le lien ouvre la version à jour/);
  // A letter model says what it is too.
  const letter = JSON.parse((await agent.get(`/api/v1/recherche?q=${encodeURIComponent('relèvement plafond paiement carte bancaire')}`)).body) as Api;
  assert.equal(letter.resultats[0]?.id, 'R1872');
  assert.match((await agent.get(`/recherche?q=${encodeURIComponent('relèvement plafond paiement carte bancaire')}`)).body, /Modèle de lettre référencé par service-public\.fr/);
});

test('/sources credits DILA – service-public.fr with the date of the copy and its caveat', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await new Agent(app).get('/sources');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /id="service-public">Fiches « Vos droits et démarches » et services en ligne de service-public\.fr/);
  assert.match(page.body, /Direction de l’information légale et administrative \(DILA\) – service-public\.fr/);
  assert.match(page.body, /fin 2020/);
  assert.match(page.body, /version à jour sur service-public\.fr/);
});
