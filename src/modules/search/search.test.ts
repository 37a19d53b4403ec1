import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { demoAids } from '../../../seed/aids';
import { Agent, buildTestApp } from '../../../test/support/app';
import { aidsDb, saveAid } from '../aids';
import { seededItemId, signInWithToken } from '../content/test-support';
import { rebuildSearchIndex } from './rebuild';

interface ApiBody {
  total: number;
  pages: number;
  corrigee: string | null;
  tronquee: boolean;
  resultats: Array<{ type: string; id: string; titre: string; local: boolean; eligibilite?: string; demande?: string | null }>;
}

async function api(agent: Agent, q: string, extra = ''): Promise<ApiBody> {
  const res = await agent.get(`/api/v1/recherche?q=${encodeURIComponent(q)}${extra}`);
  assert.equal(res.statusCode, 200, res.body);
  return JSON.parse(res.body) as ApiBody;
}

test('publishing and withdrawing a page or an aid updates the index in the same transaction', async (t) => {
  const { app } = await buildTestApp(t);
  const visitor = new Agent(app);
  const pageId = seededItemId('brest', 'page', 'etat-civil');
  const ids = async (q: string) => (await api(visitor, q)).resultats.map((r) => r.id);
  assert.ok((await ids('état civil brest')).includes(pageId));

  const { agent, token } = await signInWithToken(app, 'editeur', 'brest');
  assert.equal((await agent.post(`/admin/t/brest/contenus/${pageId}/depublier`, { _csrf: token })).statusCode, 303);
  assert.ok(!(await ids('état civil brest')).includes(pageId), 'an unpublished page is never found');
  assert.equal((await agent.post(`/admin/t/brest/contenus/${pageId}/publier`, { _csrf: token })).statusCode, 303);
  assert.ok((await ids('état civil brest')).includes(pageId));

  const db = aidsDb(app.platform.db);
  const aid = { ...demoAids()[0]!.aid, id: 'aide-recherche-essai', name: 'Aide aux apiculteurs du Léon', porteur: { name: 'Ville de Brest', kind: 'commune' as const, tenant_id: 'brest' } };
  await saveAid(db, { tenantId: 'brest', status: 'draft', aid });
  // (service-public.fr has a sheet on beekeeping: only the aids are looked at.)
  const aidIds = async (q: string) => (await api(visitor, q)).resultats.filter((r) => r.type === 'aide').map((r) => r.id);
  assert.deepEqual(await aidIds('apiculteurs'), [], 'a draft is never found');
  await saveAid(db, { tenantId: 'brest', status: 'published', aid });
  assert.deepEqual(await aidIds('apiculteur leon'), ['aide-recherche-essai']);
  await saveAid(db, { tenantId: 'brest', status: 'draft', aid });
  assert.deepEqual(await aidIds('apiculteurs'), []);
});

test('npm run reindex rebuilds the whole index from the published objects', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const count = async () => Number((await sql<{ n: string }>`select count(*) as n from search_documents`.execute(db)).rows[0]!.n);
  const before = await count();
  assert.ok(before > 100, `${before} documents`);
  await sql`delete from search_documents where type = 'aide'`.execute(db);
  await sql`insert into search_documents (type, object_id, title, url) values ('aide', 'fantome', 'Aide fantôme', '/aides/fantome')`.execute(db);
  assert.equal(await rebuildSearchIndex(db), before);
  assert.equal(await count(), before);
  assert.deepEqual((await api(new Agent(app), 'fantome')).resultats, []);
  const types = (await sql<{ type: string }>`select distinct type from search_documents order by type`.execute(db)).rows.map((r) => r.type);
  assert.deepEqual(types, ['actualite', 'aide', 'collectivite', 'demarche', 'evenement', 'formation', 'formulaire', 'lieu-aide', 'metier', 'page']);
});

test('the results page: typo corrected with a link to the words as typed, aid links, a tenant first', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const page = await agent.get('/recherche?q=permsi+de+condure');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Résultats pour <strong>permis de conduire<\/strong>/);
  assert.match(page.body, /href="\/recherche\?q=permsi\+de\+condure&amp;exact=1"/);
  assert.match(page.body, /href="\/aides\/bretagne-aide-code-permis\/calcul">Vérifier mon éligibilité/);
  assert.match(page.body, /href="\/aides\/bretagne-aide-code-permis\/demande">Déposer une demande/);
  const exact = await agent.get('/recherche?q=permsi+de+condure&exact=1');
  assert.match(exact.body, /Aucun résultat pour « permsi de condure »/);
  assert.match(exact.body, /href="\/aide-de-proximite">trouver un lieu d’aide près de chez moi<\/a>/);

  // Matched words are marked, and text from the data is escaped.
  const marked = await agent.get('/recherche?q=inscriptions+scolaires');
  assert.match(marked.body, /<mark>[^<]*<\/mark>/);

  // From Brest's space: Brest's results first, then « Ailleurs en Bretagne ».
  const brest = await agent.get('/recherche?q=ville&collectivite=brest');
  assert.match(brest.body, /<h2 id="resultats-locaux">Ville de Brest<\/h2>[\s\S]*<h2 id="resultats">Ailleurs en Bretagne<\/h2>/);
  const fromBrest = await api(agent, 'ville', '&collectivite=brest');
  const firstElsewhere = fromBrest.resultats.findIndex((r) => !r.local);
  assert.ok(firstElsewhere > 0 && fromBrest.resultats.slice(firstElsewhere).every((r) => !r.local));

  // The header of every public page has the search box, labelled; in a tenant's space it keeps the tenant.
  const home = await agent.get('/');
  assert.match(home.body, /<label class="visually-hidden" for="site-search-q">Rechercher sur Guichet<\/label>/);
  const space = await agent.get('/collectivites/brest/');
  assert.match(space.body, /<input type="hidden" name="collectivite" value="brest"\/>/);
});

test('bad input never breaks the search: long, operators, SQL, emoji, pages out of range', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const long = 'permis '.repeat(60);
  const page = await agent.get(`/recherche?q=${encodeURIComponent(long)}`);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /seuls ses 200 premiers caractères ont été pris en compte/);
  assert.equal((await api(agent, long)).tronquee, true);
  for (const q of ['"permis', "l'aide & | ! : * ( )", "'); drop table search_documents; --", '!!!', '<script>alert(1)</script>', 'vélo 🚲', '& | !', '*:*', '"""', 'a'.repeat(200)]) {
    const html = await agent.get(`/recherche?q=${encodeURIComponent(q)}`);
    assert.equal(html.statusCode, 200, q);
    assert.doesNotMatch(html.body, /<script>alert/);
    await api(agent, q);
  }
  assert.ok((await api(agent, 'vélo 🚲')).total > 0);
  const far = await agent.get('/recherche?q=velo&page=999');
  assert.equal(far.statusCode, 200);
  assert.match(far.body, /Cette page de résultats n’existe pas/);
  assert.deepEqual((await api(agent, 'velo', '&page=999')).resultats, []);
  const bad = await agent.get('/api/v1/recherche?q=velo&page=abc');
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  assert.match(bad.body, /nombre entier/);
  assert.equal(bad.headers['access-control-allow-origin'], '*');
  assert.equal((await agent.get('/api/v1/recherche?q=velo&collectivite=nulle-part')).statusCode, 400);
  assert.equal((await agent.get('/recherche?q=velo&page=-3')).statusCode, 200);
});

test('an aid that is not open now comes after the same aid open now', async (t) => {
  const { app } = await buildTestApp(t);
  const db = aidsDb(app.platform.db);
  const base = demoAids()[0]!.aid;
  const porteur = { name: 'Ville de Brest', kind: 'commune' as const, tenant_id: 'brest' };
  const open = { ...base, id: 'ostreiculteurs-ouverte', name: 'Aide aux ostréiculteurs', porteur, dates: { permanent: true } };
  const closed = { ...base, id: 'ostreiculteurs-close', name: 'Aide aux ostréiculteurs', porteur, dates: { permanent: false, opening: '2020-01-01', closing: '2020-12-31' } };
  const later = { ...base, id: 'ostreiculteurs-a-venir', name: 'Aide aux ostréiculteurs', porteur, dates: { permanent: false, opening: '2099-01-01', closing: '2099-12-31' } };
  // The open one is published first, so the tie-break on freshness alone would put it last.
  for (const aid of [open, closed, later]) await saveAid(db, { tenantId: 'brest', status: 'published', aid });
  // The aids only: the job sheet « Ostréiculteur / Ostréicultrice » is found too.
  const ids = (await api(new Agent(app), 'ostreiculteurs')).resultats.filter((r) => r.type === 'aide').map((r) => r.id);
  assert.equal(ids[0], 'ostreiculteurs-ouverte');
  assert.deepEqual(new Set(ids.slice(1)), new Set(['ostreiculteurs-close', 'ostreiculteurs-a-venir']));
});
