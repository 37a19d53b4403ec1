/**
 * Issue 15 a: the jobs of ROME 4.0 loaded from the copy in seed/data/rome, browsed by interest and
 * by domain, found by any appellation (feminine or masculine, without accents), a sheet per job
 * with its texts, appellations, marks and mobility links, indexed by the one search as « Métier ».
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { readRome, seedOrientation } from '../../../seed/orientation';
import { Agent, buildTestApp } from '../../../test/support/app';
import { rebuildSearchIndex } from '../search';

const count = async (db: Parameters<typeof rebuildSearchIndex>[0], table: string, where = sql`true`) =>
  Number((await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(db)).rows[0]!.n);

/** The codes of the job sheets a list page links to, in order. */
const listed = (body: string) => [...body.matchAll(/<li><a href="\/orientation\/metiers\/([A-N]\d{4})">/g)].map((m) => m[1]!);

test('the seed loads every fiche, appellation, text, mobility and interest from the copy, and the index holds each fiche as « Métier »', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const data = readRome();
  assert.equal(data.fiches.length, 1_584);
  assert.equal(data.appellations.length, 13_120);
  assert.equal(data.interests.length, 30);
  assert.equal(data.domains.length, 110);
  assert.ok(!data.texts.some((x) => x.text.includes("''")), 'the doubled apostrophes of the export are undone');
  assert.equal(await count(db, 'orientation_fiches'), 1_584);
  assert.equal(await count(db, 'orientation_appellations'), 13_120);
  assert.equal(await count(db, 'orientation_texts'), data.texts.length);
  assert.equal(await count(db, 'orientation_mobilities'), data.mobilities.length);
  assert.equal(await count(db, 'orientation_interest_fiches'), data.interestFiches.length);
  assert.equal(await count(db, 'search_documents', sql`type = 'metier'`), 1_584);
  const doc = (await sql<{ title: string; body: string; url: string }>`select title, body, url from search_documents where type = 'metier' and object_id = 'D1102'`.execute(db)).rows[0]!;
  assert.equal(doc.title, 'Boulanger / Boulangère');
  assert.equal(doc.url, '/orientation/metiers/D1102');
  assert.match(doc.body, /Boulanger-pâtissier \/ Boulangère-pâtissière/);
  assert.match(doc.body, /produits de boulangerie et de viennoiserie/);

  // Already loaded: the seed writes nothing; npm run reindex reloads them and rebuilds the same index.
  assert.equal(await seedOrientation(db), false);
  const documents = await count(db, 'search_documents');
  await sql`delete from orientation_interest_fiches where fiche_code = 'D1102'`.execute(db);
  assert.equal(await seedOrientation(db, { replace: true }), true);
  assert.equal(await count(db, 'orientation_interest_fiches'), data.interestFiches.length);
  assert.equal(await rebuildSearchIndex(db), documents);
});

test('a job is found by any of its appellations, feminine or masculine, with or without accents or capitals', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  for (const q of ['boulangère', 'boulanger', 'BOULANGERE', 'Boulangere']) {
    const page = await agent.get(`/orientation/metiers?q=${encodeURIComponent(q)}`);
    assert.equal(page.statusCode, 200, q);
    assert.equal(listed(page.body)[0], 'D1102', `${q}: ${listed(page.body).slice(0, 3).join(', ')}`);
  }
  // A synonym names the sheet it belongs to: « chauffeuse de machines agricoles » is A1101's.
  const synonym = await agent.get(`/orientation/metiers?q=${encodeURIComponent('chauffeuse machines agricoles')}`);
  assert.deepEqual(listed(synonym.body), ['A1101']);
  assert.match(synonym.body, /aussi appelé Chauffeur \/ Chauffeuse de machines agricoles/);
  const none = await agent.get('/orientation/metiers?q=zzqx');
  assert.match(none.body, /Aucun métier trouvé/);
  assert.deepEqual(listed(none.body), []);
});

test('by interest and by domain: the lists are paginated and keep their filters', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const home = await agent.get('/orientation/metiers');
  assert.match(home.body, /<a href="\/orientation\/metiers\?interet=1">J(&#39;|')ai envie de créer, construire, rénover<\/a>/);
  assert.match(home.body, /<a href="\/orientation\/metiers\?domaine=D">Commerce, Vente et Grande distribution<\/a>/);

  const interest = await agent.get('/orientation/metiers?interet=1');
  const expected = readRome().interestFiches.filter((i) => i.interest_code === 1).length;
  assert.match(interest.body, new RegExp(`${expected} métiers trouvés pour « J(&#39;|')ai envie de créer, construire, rénover »`));
  assert.equal(listed(interest.body).length, 20);
  assert.match(interest.body, /href="\/orientation\/metiers\?interet=1&amp;page=2" rel="next"/);
  const second = await agent.get('/orientation/metiers?interet=1&page=2');
  assert.equal(listed(second.body).length, 20);
  assert.ok(!listed(second.body).some((c) => listed(interest.body).includes(c)), 'the second page follows the first');

  const grand = await agent.get('/orientation/metiers?domaine=D');
  assert.match(grand.body, /<a href="\/orientation\/metiers\?domaine=D11">Commerce alimentaire et métiers de bouche<\/a>/);
  const domain = await agent.get('/orientation/metiers?domaine=d11&q=boulang');
  assert.ok(listed(domain.body).includes('D1102'));
  assert.ok(listed(domain.body).every((c) => c.startsWith('D1')));
  // A page beyond the last one shows the last one.
  assert.equal((await agent.get('/orientation/metiers?domaine=D11&page=999')).statusCode, 200);
});

test('bad filters get a French message next to their field', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const cases: Array<[string, string, RegExp]> = [
    ['domaine=Z99', 'domaine', /Ce domaine n’existe pas/],
    ['interet=abc', 'interet', /Ce centre d’intérêt n’existe pas/],
    ['interet=99', 'interet', /Ce centre d’intérêt n’existe pas/],
    [`q=${encodeURIComponent("'")}`, 'q', /au moins deux lettres/],
    [`q=${'a'.repeat(101)}`, 'q', /100 caractères au plus/],
  ];
  for (const [query, field, message] of cases) {
    const page = await agent.get(`/orientation/metiers?${query}`);
    assert.equal(page.statusCode, 422, query);
    const error = new RegExp(`<p class="field__error" id="erreur-${field}"><span class="visually-hidden">Erreur : </span>([^<]*)</p>`).exec(page.body);
    assert.ok(error, `${query}: the message is next to the field`);
    assert.match(error[1]!, message);
    assert.match(page.body, new RegExp(`id="champ-${field}"[^>]*aria-invalid="true"`));
    assert.deepEqual(listed(page.body), []);
  }
});

test('a job sheet: definition, access, appellations, marks, mobility links, the way to a counsellor, the credit', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const page = await agent.get('/orientation/metiers/D1102');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1[^>]*>Boulanger \/ Boulangère<\/h1>/);
  assert.match(page.body, /<p>Le Boulanger, artisan essentiel de notre quotidien, transforme et valorise les matières premières pour régaler nos papilles\.<\/p>/);
  assert.match(page.body, /<li>Prépare et réalise des produits de boulangerie et de viennoiserie selon les règles d(&#39;|')hygiène et de sécurité alimentaires\.<\/li>/);
  assert.match(page.body, /Cet emploi est accessible avec un CAP Boulanger/);
  assert.match(page.body, /<li>Aide-boulanger \/ Aide-boulangère<\/li>/);
  assert.match(page.body, /<a href="\/orientation\/metiers\/D1104">/);
  assert.match(page.body, /<a href="\/orientation\/metiers\/D1108">Chef boulanger \/ Cheffe boulangère<\/a>/);
  assert.match(page.body, /<a href="\/aide-de-proximite\?type=orientation">Voir tous les lieux d’orientation<\/a>/);
  assert.match(page.body, /formations? vers ce métier|Aucune formation vers ce métier/, 'the sheet lists its trainings (issue 15 b)');
  assert.match(page.body, /France Travail — ROME 4\.0/);
  assert.doesNotMatch(page.body, /Métier réglementé/);

  // A specialty names its parent; the marks are shown when ROME gives them.
  const chef = await agent.get('/orientation/metiers/D1108');
  assert.match(chef.body, /spécialité de la fiche <a href="\/orientation\/metiers\/D1102">Boulanger \/ Boulangère<\/a>/);
  const regulated = readRome().fiches.find((f) => f.regulated && f.executive)!;
  const marked = await agent.get(`/orientation/metiers/${regulated.code}`);
  assert.match(marked.body, /Métier réglementé/);
  assert.match(marked.body, /Emploi de cadre/);

  // 121 appellations: paginated by 30.
  const many = await agent.get('/orientation/metiers/H1206');
  assert.match(many.body, /Ses 121 appellations/);
  assert.match(many.body, /Page 1 sur 5/);
  assert.match((await agent.get('/orientation/metiers/H1206?page=5')).body, /Page 5 sur 5/);

  assert.equal((await agent.get('/orientation/metiers/d1102')).headers.location, '/orientation/metiers/D1102');
  assert.equal((await agent.get('/orientation/metiers/Z9999')).statusCode, 404);
  assert.equal((await agent.get('/orientation/metiers/D9999')).statusCode, 404);
});

test('/orientation links what exists; the menu names it; a reload of the data is seen at once (kept pages)', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const entrance = await agent.get('/orientation');
  assert.equal(entrance.statusCode, 200);
  assert.match(entrance.body, /<a href="\/orientation\/metiers">Les métiers<\/a>/);
  assert.match(entrance.body, /<a href="\/orientation">Orientation<\/a>/);
  assert.doesNotMatch(entrance.body, /bientôt/i);
  assert.match(entrance.body, /<a href="\/agenda">L’agenda de l’orientation<\/a>/);
  // Orientation news (issue 15 c.8): the authorities' news tagged « orientation ».
  assert.match(entrance.body, /<a href="\/actualites\/salons-et-portes-ouvertes-preparer-sa-visite">Salons et portes ouvertes : préparer sa visite<\/a>/);

  const before = await agent.get('/orientation/metiers/D1102');
  assert.match(before.body, /Boulanger \/ Boulangère/);
  await sql`update orientation_fiches set label = 'Boulanger (essai)' where code = 'D1102'`.execute(app.platform.db);
  let after = await agent.get('/orientation/metiers/D1102');
  for (let i = 0; i < 250 && !/Boulanger \(essai\)/.test(after.body); i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    after = await agent.get('/orientation/metiers/D1102');
  }
  assert.match(after.body, /<h1[^>]*>Boulanger \(essai\)<\/h1>/);
});
