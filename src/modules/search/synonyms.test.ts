/**
 * Acronyms and everyday words: the seeded list widens queries, agents extend it in the back office
 * (the Région for the whole platform, a tenant for its own space), the search uses a change at
 * once (on PostgreSQL, also on a second instance), and roles are enforced.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, secondInstance, signInAs } from '../../../test/support/app';
import { indexDocument } from '../../platform/search';
import { expandWords, SynonymList, termKey } from './synonyms';

interface ApiBody {
  total: number;
  resultats: Array<{ type: string; id: string; titre: string }>;
}

async function ids(agent: Agent, q: string, extra = ''): Promise<string[]> {
  const res = await agent.get(`/api/v1/recherche?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(res.statusCode, 200, res.body);
  return (JSON.parse(res.body) as ApiBody).resultats.map((r) => r.id);
}

const PAGE = '/admin/t/bretagne/recherche/synonymes';

async function add(agent: Agent, page: string, fields: Record<string, string>) {
  return agent.submit(page, page, fields);
}

test('a matched term becomes « as typed OR its equivalents », in both directions when the entry says so', () => {
  const list = new SynonymList([
    { tenantId: null, term: 'Carte grise', equivalents: ['certificat d’immatriculation'], twoWay: true },
    { tenantId: null, term: 'chômage', equivalents: ['France Travail'], twoWay: false },
    { tenantId: 'brest', term: 'BMO', equivalents: ['Brest métropole'], twoWay: true },
  ]);
  const platform = list.for(undefined);
  assert.equal(termKey('  Carte  GRISE ! '), 'carte grise');
  assert.deepEqual(expandWords(['aide', 'carte', 'grise'], platform), [[['aide']], [['carte', 'grise'], ['certificat', 'd', 'immatriculation']]]);
  // Articles in between do not prevent the match, and the typed words stay an alternative.
  assert.deepEqual(expandWords(['certificat', 'immatriculation'], platform), [[['certificat', 'immatriculation'], ['carte', 'grise']]]);
  assert.deepEqual(expandWords(['chomage'], platform), [[['chomage'], ['france', 'travail']]]);
  assert.deepEqual(expandWords(['france', 'travail'], platform), [[['france']], [['travail']]], 'one way only');
  // A tenant's own entries apply to searches from its space only.
  assert.deepEqual(expandWords(['bmo'], platform), [[['bmo']]]);
  assert.deepEqual(expandWords(['bmo'], list.for('brest')), [[['bmo'], ['brest', 'metropole']]]);
  assert.deepEqual(expandWords(['bmo'], list.for('quimper')), [[['bmo']]]);
});

test('the seeded list: « rsa » finds the RSA aid and pages, « carte grise » finds the certificat d’immatriculation', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const rsa = await ids(visitor, 'rsa');
  assert.ok(rsa.includes('rsa'), `the aid « Revenu de solidarité active »: ${rsa.join(', ')}`);
  const titles = (JSON.parse((await visitor.get('/api/v1/recherche?q=rsa')).body) as ApiBody).resultats.map((r) => r.titre);
  assert.ok(titles.some((title) => /RSA et insertion/.test(title)), 'and the pages titled with the acronym');
  // The other way round: the words of the aid find the pages that only say « RSA ».
  const total = async (q: string) => (JSON.parse((await visitor.get(`/api/v1/recherche?q=${encodeURIComponent(q)}`)).body) as ApiBody).total;
  assert.equal(await total('revenu de solidarité active'), await total('rsa'));

  await indexDocument(app.platform.db, { type: 'page', objectId: 'essai-immatriculation', tenantId: 'brest', title: 'Certificat d’immatriculation d’un véhicule', body: 'Faire la démarche en ligne.', url: '/pages/essai' });
  // From Brest's space its own page comes first, before the national sheets.
  assert.deepEqual((await ids(visitor, 'carte grise', '&collectivite=brest')).slice(0, 1), ['essai-immatriculation']);
  assert.deepEqual((await ids(visitor, 'CARTE GRISE', '&collectivite=brest')).slice(0, 1), ['essai-immatriculation']);
  // Without an entry nothing is widened: a word no document has finds nothing.
  assert.deepEqual(await ids(visitor, 'xqzwv'), []);
});

test('a Région editor adds, changes and deletes an entry: every search (and every instance) uses it at once; audited', async (t) => {
  const first = await buildTestApp(t);
  const other = await secondInstance(t, first);
  const { app } = first;
  const visitor = new Agent(app);
  const elsewhere = new Agent(other.app);
  assert.deepEqual(await ids(visitor, 'korrigan'), []);
  assert.deepEqual(await ids(elsewhere, 'korrigan'), []);

  const editor = await signInAs(app, 'editeur', 'bretagne');
  const page = await editor.get(PAGE);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1[^>]*>Synonymes de la recherche<\/h1>/);
  assert.match(page.body, /revenu de solidarité active/, 'the seeded list is shown');
  const added = await add(editor, PAGE, { term: 'Korrigan', equivalents: 'BreizhGo\n\n  breizhgo ', sens: 'un' });
  assert.equal(added.statusCode, 303, added.body);
  assert.equal(added.headers.location, `${PAGE}?fait=ajout`);
  assert.ok((await ids(visitor, 'korrigan')).includes('region-bretagne-abonnement-breizhgo'));
  assert.ok((await ids(elsewhere, 'korrigan')).includes('region-bretagne-abonnement-breizhgo'), 'the other instance sees the change');
  assert.ok((await ids(visitor, 'korrigan', '&collectivite=brest')).includes('region-bretagne-abonnement-breizhgo'), 'the platform list applies on every space');

  const row = (await sql<{ id: string; equivalents: string[]; two_way: boolean }>`select id, equivalents, two_way from search_synonyms where term_key = 'korrigan' and tenant_id is null`.execute(app.platform.db)).rows[0]!;
  assert.deepEqual(row.equivalents, ['BreizhGo'], 'repeats and empty lines left out');
  assert.equal(row.two_way, false);

  const editPage = `${PAGE}/${row.id}`;
  assert.match((await editor.get(editPage)).body, /value="Korrigan"/);
  assert.equal((await editor.submit(editPage, editPage, { term: 'korrigan', equivalents: 'erasmus', sens: 'deux' })).statusCode, 303);
  assert.ok(!(await ids(visitor, 'korrigan')).includes('region-bretagne-abonnement-breizhgo'));
  assert.ok((await ids(visitor, 'korrigan')).includes('union-europeenne-bourse-erasmus'));

  const token = csrfTokenFrom((await editor.get(PAGE)).body);
  assert.equal((await editor.post(`${editPage}/supprimer`, { _csrf: token })).statusCode, 303);
  assert.deepEqual(await ids(visitor, 'korrigan'), []);
  assert.deepEqual(await ids(elsewhere, 'korrigan'), []);

  const actions = (await sql<{ action: string; tenant_id: string }>`select action, tenant_id from platform_audit where target_type = 'search_synonym' order by seq`.execute(app.platform.db)).rows;
  assert.deepEqual(actions, [
    { action: 'search.synonym_create', tenant_id: 'bretagne' },
    { action: 'search.synonym_update', tenant_id: 'bretagne' },
    { action: 'search.synonym_delete', tenant_id: 'bretagne' },
  ]);
});

test('a tenant’s own entries apply to searches made from its space; French messages next to the fields', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const page = '/admin/t/brest/recherche/synonymes';
  const editor = await signInAs(app, 'editeur', 'brest');
  const list = await editor.get(page);
  assert.match(list.body, /Liste commune de la plateforme/);
  assert.match(list.body, /carte grise/, 'the platform list is shown, read-only');
  assert.doesNotMatch(list.body, /recherche\/synonymes\/[0-9a-f-]{36}"/, 'no edit link to the platform’s entries');

  const empty = await add(editor, page, { term: '  ', equivalents: '', sens: 'deux' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /id="erreur-term"[^>]*>[\s\S]*?Saisissez le sigle ou le mot/);
  assert.match(empty.body, /id="erreur-equivalents"[^>]*>[\s\S]*?Saisissez au moins un équivalent/);
  const same = await add(editor, page, { term: 'Kouign', equivalents: 'kouign', sens: 'deux' });
  assert.match(same.body, /Un équivalent doit être différent du terme/);
  assert.equal((await add(editor, page, { term: 'Kouign', equivalents: 'Erasmus', sens: 'deux' })).statusCode, 303);
  const twice = await add(editor, page, { term: 'KOUIGN', equivalents: 'bafa', sens: 'deux' });
  assert.equal(twice.statusCode, 422);
  assert.match(twice.body, /Ce terme est déjà dans la liste/);
  assert.match(twice.body, /value="KOUIGN"/, 'what was typed is kept');

  assert.ok((await ids(visitor, 'kouign', '&collectivite=brest')).includes('union-europeenne-bourse-erasmus'));
  assert.deepEqual(await ids(visitor, 'kouign'), [], 'not from the portal');
  assert.deepEqual(await ids(visitor, 'kouign', '&collectivite=quimper'), [], 'not from another space');
});

test('roles: a lecteur reads without forms, cannot write; another tenant’s agent cannot touch the list', async (t) => {
  const { app } = await buildTestApp(t);
  const platformEntry = (await sql<{ id: string }>`select id from search_synonyms where term_key = 'rsa'`.execute(app.platform.db)).rows[0]!.id;

  const reader = await signInAs(app, 'lecteur', 'bretagne');
  const page = await reader.get(PAGE);
  assert.equal(page.statusCode, 200);
  assert.doesNotMatch(page.body, /name="term"/);
  assert.match(page.body, /Votre rôle permet de consulter cette liste/);
  const token = csrfTokenFrom(page.body);
  assert.equal((await reader.post(PAGE, { _csrf: token, term: 'zzz', equivalents: 'yyy' })).statusCode, 403);
  assert.equal((await reader.post(`${PAGE}/${platformEntry}/supprimer`, { _csrf: token })).statusCode, 403);
  assert.equal((await reader.get(`${PAGE}/${platformEntry}`)).statusCode, 403);

  // Brest's administrator: not an agent of the Région, and the platform's entries are not Brest's.
  const outsider = await signInAs(app, 'administrateur', 'brest');
  const outsiderPage = await outsider.get('/admin/t/brest/recherche/synonymes');
  assert.match(outsiderPage.body, /Aucune entrée pour l’instant\. Ajoutez un sigle ou un mot courant avec le formulaire « Ajouter une entrée »/, 'Brest has added nothing: its list says how');
  const outsiderToken = csrfTokenFrom(outsiderPage.body);
  assert.equal((await outsider.post(PAGE, { _csrf: outsiderToken, term: 'zzz', equivalents: 'yyy' })).statusCode, 403);
  assert.equal((await outsider.post(`${PAGE}/${platformEntry}/supprimer`, { _csrf: outsiderToken })).statusCode, 403);
  assert.equal((await outsider.post(`/admin/t/brest/recherche/synonymes/${platformEntry}/supprimer`, { _csrf: outsiderToken })).statusCode, 404);
  assert.equal((await outsider.get(`/admin/t/brest/recherche/synonymes/${platformEntry}`)).statusCode, 404);
  const count = (await sql<{ n: number | string }>`select count(*) as n from search_synonyms where term_key in ('rsa', 'zzz')`.execute(app.platform.db)).rows[0]!.n;
  assert.equal(Number(count), 1);
});
