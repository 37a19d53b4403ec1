/**
 * The glossary: /glossaire lists the seeded terms (letters, anchors, no script), tenants add their
 * own in their space, agents manage terms in the back office (roles, audit, French messages), and
 * the first use of a term in the main text of content and aid pages links to its entry — at once
 * after a change, kept pages included (on PostgreSQL, also on a second instance).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, secondInstance, signInAs } from '../../../test/support/app';

const ADMIN = '/admin/t/bretagne/glossaire';
const mainOf = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));

test('/glossaire: ≥ 25 terms in alphabetical order, a letters index, an anchor per term, no script; linked from the footer', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const response = await visitor.get('/glossaire');
  assert.equal(response.statusCode, 200);
  const html = response.body;
  assert.match(html, /<title>Glossaire – Région Bretagne – Guichet<\/title>/);
  const anchors = [...mainOf(html).matchAll(/<dt id="([a-z0-9-]+)">/g)].map((m) => m[1]!);
  assert.ok(anchors.length >= 25, `${anchors.length} terms`);
  for (const slug of ['qf', 'rsa', 'caf', 'apl', 'epci', 'rome', 'cpf', 'france-services', 'instruction', 'piece-justificative', 'carif-oref', 'cio', 'mission-locale', 'rncp', 'franceconnect', 'msa', 'aah', 'pmr', 'siret', 'naf', 'commune', 'departement', 'region', 'dossier', 'mandat']) {
    assert.ok(anchors.includes(slug), `${slug} is in the glossary`);
  }
  const terms = [...mainOf(html).matchAll(/<dt id="[^"]+">([^<(]+?)(?: \(|<)/g)].map((m) => m[1]!);
  assert.equal(terms.length, anchors.length);
  assert.deepEqual(terms, [...terms].sort(new Intl.Collator('fr', { sensitivity: 'base' }).compare), 'alphabetical order');
  assert.match(html, /<dt id="qf">QF \(quotient familial\)<\/dt><dd>Un nombre calculé avec les revenus/);
  const letters = [...html.matchAll(/<a href="#lettre-([A-Z0-9-]+)">/g)].map((m) => m[1]!);
  assert.ok(letters.length >= 10);
  for (const letter of letters) assert.match(html, new RegExp(`<h2 id="lettre-${letter}">${letter}</h2>`));
  assert.ok(letters.includes('D') && !letters.includes('É'), 'département is filed under D');
  // Two elements per term, four per letter (the EcoIndex budget of test/e2e: the list can grow).
  const elements = (mainOf(html).match(/<[a-zA-Z][^>]*>/g) ?? []).length;
  assert.ok(elements <= 2 * anchors.length + 4 * letters.length + 12, `${elements} elements in main`);
  assert.doesNotMatch(html, /<script|style=/);

  const footer = (await visitor.get('/accessibilite')).body;
  assert.match(footer.slice(footer.indexOf('<footer')), /<a href="\/glossaire">Glossaire<\/a>/);
  const onTenantHost = await new Agent(app, 'brest.localhost').get('/glossaire');
  assert.equal(onTenantHost.statusCode, 200);
  assert.match(onTenantHost.body, /<dt id="rsa">/);
});

test('the first use of a term in a content page and in an aid page is linked to its entry; headings and links are not', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const page = await visitor.get('/pages/formation-et-orientation');
  assert.equal(page.statusCode, 200);
  const main = mainOf(page.body);
  assert.match(main, /ce que la <a class="glossary-link" href="\/glossaire#region">Région<\/a> propose/, 'the first use, in the summary');
  assert.match(main, /La Région finance des formations/, 'the next ones are plain');
  assert.equal(main.match(/href="\/glossaire#region"/g)?.length, 1, 'only the first use');
  assert.match(main, /<a class="glossary-link" href="\/glossaire#mission-locale">Mission locale<\/a>/);
  assert.match(main, /<a class="glossary-link" href="\/glossaire#france-travail">France Travail<\/a>/);
  assert.doesNotMatch(page.body.slice(0, page.body.indexOf('<main')), /glossary-link/, 'never in the header nor the menu');
  assert.doesNotMatch(main, /<h[1-6][^>]*>[^<]*<a class="glossary-link"/, 'never in a heading');

  // In Brest's space (its own host), the links go to Brest's glossary.
  const brest = await new Agent(app, 'brest.localhost').get('/pages/etat-civil');
  assert.equal(brest.statusCode, 200);
  assert.doesNotMatch(mainOf(brest.body), /href="\/collectivites\/bretagne\/glossaire/);

  const aid = (await sql<{ id: string }>`select id from aids where status = 'published' and definition::text ~ '\\mCAF\\M' order by id limit 1`.execute(app.platform.db)).rows[0]!;
  const aidPage = await visitor.get(`/aides/${encodeURIComponent(aid.id)}`);
  assert.equal(aidPage.statusCode, 200);
  const aidMain = mainOf(aidPage.body);
  assert.equal(aidMain.match(/<a class="glossary-link" href="\/glossaire#caf"><abbr title="caisse d’allocations familiales">CAF<\/abbr><\/a>/g)?.length, 1, aid.id);
  // The aid list is not a page that links terms.
  assert.doesNotMatch(mainOf((await visitor.get('/aides')).body), /glossary-link/);
});

test('agents manage the terms: a change is audited and seen at once by kept pages (here and on another instance)', async (t) => {
  const first = await buildTestApp(t);
  const { app } = first;
  const other = await secondInstance(t, first);
  const visitor = new Agent(app);
  const elsewhere = new Agent(other.app);
  const url = '/pages/formation-et-orientation';
  // Kept pages (anonymous visitors) before the change.
  assert.doesNotMatch((await visitor.get(url)).body, /glossaire#salaries/);
  assert.doesNotMatch((await elsewhere.get(url)).body, /glossaire#salaries/);
  const aid = (await sql<{ id: string }>`select id from aids where status = 'published' and definition::text ~ '\\mCAF\\M' order by id limit 1`.execute(app.platform.db)).rows[0]!;
  assert.match((await visitor.get(`/aides/${encodeURIComponent(aid.id)}`)).body, /glossaire#caf/);

  const editor = await signInAs(app, 'editeur', 'bretagne');
  const list = await editor.get(ADMIN);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /<a href="\/glossaire">Glossaire<\/a>/);
  const empty = await editor.submit(ADMIN, ADMIN, { term: ' ', long_form: '', definition: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /id="erreur-term"[^>]*>[\s\S]*?Saisissez le terme/);
  assert.match(empty.body, /id="erreur-definition"[^>]*>[\s\S]*?Expliquez le terme/);
  const twice = await editor.submit(ADMIN, ADMIN, { term: 'rsa', long_form: '', definition: 'Encore' });
  assert.match(twice.body, /Ce terme est déjà dans le glossaire/);
  assert.equal((await editor.submit(ADMIN, ADMIN, { term: 'salariés', long_form: '', definition: 'Les personnes qui travaillent pour un employeur.' })).statusCode, 303);

  const public1 = (await visitor.get('/glossaire')).body;
  assert.match(public1, /<dt id="salaries">salariés<\/dt><dd>Les personnes qui travaillent pour un employeur\.<\/dd>/);
  assert.match((await visitor.get(url)).body, /les <a class="glossary-link" href="\/glossaire#salaries">salariés<\/a> qui veulent/);
  assert.match((await elsewhere.get(url)).body, /glossaire#salaries/, 'the other instance sees the change');

  const row = (await sql<{ id: string }>`select id from glossary_terms where slug = 'caf' and tenant_id is null`.execute(app.platform.db)).rows[0]!;
  const edit = `${ADMIN}/${row.id}`;
  assert.match((await editor.get(edit)).body, /value="CAF"/);
  const token = csrfTokenFrom((await editor.get(edit)).body);
  assert.equal((await editor.post(`${edit}/supprimer`, { _csrf: token })).statusCode, 303);
  assert.doesNotMatch((await visitor.get(`/aides/${encodeURIComponent(aid.id)}`)).body, /glossaire#caf/, 'a deleted term is no longer linked');
  assert.doesNotMatch((await visitor.get('/glossaire')).body, /<dt id="caf">/);

  const actions = (await sql<{ action: string; tenant_id: string }>`select action, tenant_id from platform_audit where target_type = 'glossary_term' order by seq`.execute(app.platform.db)).rows;
  assert.deepEqual(actions, [
    { action: 'glossary.term_create', tenant_id: 'bretagne' },
    { action: 'glossary.term_delete', tenant_id: 'bretagne' },
  ]);
});

test('a tenant’s own terms: in its space only; roles: a lecteur reads, another tenant cannot touch the Région’s terms', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'brest');
  const page = '/admin/t/brest/glossaire';
  const list = await editor.get(page);
  assert.match(list.body, /Termes de la Région/);
  assert.doesNotMatch(list.body, /glossaire\/[0-9a-f-]{36}"/, 'no edit link to the Région’s terms');
  assert.equal((await editor.submit(page, page, { term: 'BMO', long_form: 'Brest métropole', definition: 'Le groupe des 8 communes autour de Brest.' })).statusCode, 303);

  const brestGlossary = (await new Agent(app, 'brest.localhost').get('/glossaire')).body;
  assert.match(brestGlossary, /<dt id="bmo">BMO \(Brest métropole\) <span class="badge">Brest<\/span><\/dt>/);
  assert.match(brestGlossary, /<dt id="rsa">/, 'the Région’s terms too');
  assert.doesNotMatch((await new Agent(app).get('/glossaire')).body, /id="bmo"/, 'not on the portal');
  assert.doesNotMatch((await new Agent(app).get('/collectivites/quimper/glossaire')).body, /id="bmo"/, 'nor in another space');

  const regionTerm = (await sql<{ id: string }>`select id from glossary_terms where slug = 'rsa' and tenant_id is null`.execute(app.platform.db)).rows[0]!.id;
  const reader = await signInAs(app, 'lecteur', 'bretagne');
  const readerPage = await reader.get(ADMIN);
  assert.equal(readerPage.statusCode, 200);
  assert.doesNotMatch(readerPage.body, /name="term"/);
  const token = csrfTokenFrom(readerPage.body);
  assert.equal((await reader.post(ADMIN, { _csrf: token, term: 'zzz', definition: 'yyy' })).statusCode, 403);
  assert.equal((await reader.post(`${ADMIN}/${regionTerm}/supprimer`, { _csrf: token })).statusCode, 403);
  const brestToken = csrfTokenFrom(list.body);
  assert.equal((await editor.post(`${ADMIN}/${regionTerm}/supprimer`, { _csrf: brestToken })).statusCode, 403);
  assert.equal((await editor.post(`${page}/${regionTerm}/supprimer`, { _csrf: brestToken })).statusCode, 404);
  assert.equal(Number((await sql<{ n: string }>`select count(*) as n from glossary_terms where slug = 'rsa'`.execute(app.platform.db)).rows[0]!.n), 1);
});
