/**
 * Facets (type, authority, territory, audience, theme, dates) and distance from a commune in the one search,
 * on the page and in the API; results kept in memory are forgotten when the index changes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { demoAids } from '../../../seed/aids';
import { Agent, buildTestApp } from '../../../test/support/app';
import { aidsDb, saveAid } from '../aids';

interface Value {
  valeur: string;
  libelle: string;
  nombre: number;
  choisie: boolean;
}
interface ApiBody {
  total: number;
  pages: number;
  commune: { saisie: string; communes: string; codes: string[]; rayonKm: number } | null;
  facettes: Record<'type' | 'autorite' | 'territoire' | 'epci' | 'public' | 'theme' | 'dates', Value[]>;
  resultats: Array<{ type: string; id: string; titre: string; url: string; collectivite: { id: string } | null; distanceKm: number | null }>;
}

async function api(agent: Agent, query: string): Promise<ApiBody> {
  const res = await agent.get(`/api/v1/recherche?${query}`);
  assert.equal(res.statusCode, 200, res.body);
  return JSON.parse(res.body) as ApiBody;
}
const count = (values: Value[], valeur: string) => values.find((v) => v.valeur === valeur)?.nombre ?? 0;

test('facets: counts per value, each under the other facets, combinable, in the API', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const all = await api(agent, 'q=aide');
  const types = all.facettes.type;
  assert.ok(types.length >= 2, JSON.stringify(types));
  assert.equal(types.reduce((n, v) => n + v.nombre, 0), all.total, 'every result has one type');
  assert.deepEqual(types.find((v) => v.valeur === 'aide')?.libelle, 'Aide');
  assert.ok(all.facettes.public.some((v) => v.libelle === 'Jeunes'), 'audiences have their French labels');
  assert.ok(all.facettes.autorite.some((v) => v.valeur === 'bretagne' && v.libelle === 'Région Bretagne'), JSON.stringify(all.facettes.autorite.slice(0, 3)));

  // One type: only aids, as many as the facet said; the type facet still counts the other types.
  const aids = await api(agent, 'q=aide&type=aide');
  assert.equal(aids.total, count(types, 'aide'));
  assert.ok(aids.resultats.every((r) => r.type === 'aide'));
  assert.deepEqual(aids.facettes.type.map((v) => [v.valeur, v.nombre]), types.map((v) => [v.valeur, v.nombre]));
  assert.equal(aids.facettes.type.find((v) => v.valeur === 'aide')?.choisie, true);

  // Two values of one facet: OR; two facets: AND, and each count is what ticking it would give.
  const two = await api(agent, 'q=aide&type=aide&type=page');
  assert.equal(two.total, count(types, 'aide') + count(types, 'page'));
  const young = count(aids.facettes.public, 'jeune');
  assert.ok(young > 0 && young < aids.total, `${young} of ${aids.total}`);
  const both = await api(agent, 'q=aide&type=aide&public=jeune');
  assert.equal(both.total, young);
  assert.equal(count(both.facettes.type, 'aide'), young, 'the type facet is counted under the audience filter');
  const theme = both.facettes.theme[0]!;
  const three = await api(agent, `q=aide&type=aide&public=jeune&theme=${theme.valeur}`);
  assert.equal(three.total, theme.nombre);

  // Authority.
  const brest = await api(agent, 'q=aide&autorite=brest');
  assert.ok(brest.total > 0 && brest.resultats.every((r) => r.collectivite?.id === 'brest'));

  // Unknown or odd values select nothing and never break anything.
  assert.equal((await api(agent, 'q=aide&type=inconnu')).total, 0);
  assert.equal((await agent.get(`/api/v1/recherche?q=aide&type=${encodeURIComponent("'); drop table x; --")}&public[]=1`)).statusCode, 200);
});

test('facets: dates (open today, closing within 30 days)', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const db = aidsDb(app.platform.db);
  const base = demoAids()[0]!.aid;
  const porteur = { name: 'Ville de Brest', kind: 'commune' as const, tenant_id: 'brest' };
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const aids = [
    { ...base, id: 'mytiliculteurs-permanente', name: 'Aide aux mytiliculteurs', porteur, dates: { permanent: true } },
    { ...base, id: 'mytiliculteurs-bientot', name: 'Aide aux mytiliculteurs', porteur, dates: { permanent: false, opening: inDays(-10), closing: inDays(10) } },
    { ...base, id: 'mytiliculteurs-close', name: 'Aide aux mytiliculteurs', porteur, dates: { permanent: false, opening: '2020-01-01', closing: '2020-12-31' } },
  ];
  for (const aid of aids) await saveAid(db, { tenantId: 'brest', status: 'published', aid });
  // The aids only: the job sheet « Mytiliculteur / Mytilicultrice » is found too.
  const all = await api(agent, 'q=mytiliculteurs&type=aide');
  assert.equal(all.total, 3);
  assert.deepEqual(all.facettes.dates.map((v) => [v.valeur, v.libelle, v.nombre]), [
    ['ouvert', 'Ouvert aujourd’hui', 2],
    ['bientot', 'Se termine dans les 30 jours', 1],
  ]);
  assert.deepEqual((await api(agent, 'q=mytiliculteurs&dates=ouvert')).resultats.map((r) => r.id).sort(), ['mytiliculteurs-bientot', 'mytiliculteurs-permanente']);
  assert.deepEqual((await api(agent, 'q=mytiliculteurs&dates=bientot')).resultats.map((r) => r.id), ['mytiliculteurs-bientot']);
  assert.equal((await api(agent, 'q=mytiliculteurs&type=aide&dates=nimporte')).total, 3, 'an unknown date filter is ignored');
});

test('territory: the départements of aids (a région in each of its départements, an EPCI in its own, a national aid in none), help places and authorities', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const db = aidsDb(app.platform.db);
  const base = demoAids()[0]!.aid;
  const porteur = { name: 'Ville de Brest', kind: 'commune' as const, tenant_id: 'brest' };
  const local = (level: 'region' | 'epci' | 'commune', code: string, name: string) => ({ scope: 'local' as const, areas: [{ level, code, name }] });
  const aids = [
    { id: 'ostreiculteurs-bretagne', territory: local('region', '53', 'Bretagne') },
    { id: 'ostreiculteurs-france', territory: { scope: 'national' as const } },
    { id: 'ostreiculteurs-brest-metropole', territory: local('epci', '242900314', 'Brest métropole') },
    { id: 'ostreiculteurs-rennes', territory: local('commune', '35238', 'Rennes') },
  ];
  for (const aid of aids) await saveAid(db, { tenantId: 'brest', status: 'published', aid: { ...base, ...aid, name: 'Aide aux ostréiculteurs', porteur } });

  // Aids only: the job sheet « Ostréiculteur » is found too (orientation).
  const all = await api(agent, 'q=ostreiculteurs&type=aide');
  assert.equal(all.total, 4);
  assert.deepEqual(all.facettes.territoire.map((v) => [v.valeur, v.nombre]), [['29', 2], ['35', 2], ['22', 1], ['56', 1]]);
  assert.equal(all.facettes.territoire[0]!.libelle, 'Finistère (29)');
  const finistere = await api(agent, 'q=ostreiculteurs&type=aide&territoire=29');
  assert.deepEqual(finistere.resultats.map((r) => r.id).sort(), ['ostreiculteurs-brest-metropole', 'ostreiculteurs-bretagne']);
  assert.equal(finistere.facettes.territoire.find((v) => v.valeur === '29')?.choisie, true);
  assert.deepEqual(finistere.facettes.territoire.map((v) => [v.valeur, v.nombre]), all.facettes.territoire.map((v) => [v.valeur, v.nombre]), 'counted under the other facets only');
  assert.equal((await api(agent, 'q=ostreiculteurs&type=aide&territoire=29&territoire=35')).total, 3, 'values of the facet: OR');
  assert.equal((await api(agent, 'q=ostreiculteurs&type=aide&territoire=75')).total, 0, 'a département without any of them');

  // Help places by their commune: each in one département, the counts add up to the places found.
  const places = await api(agent, 'q=france+services&type=lieu-aide');
  assert.equal(places.facettes.territoire.reduce((n, v) => n + v.nombre, 0), places.total);
  const inFinistere = await api(agent, 'q=france+services&type=lieu-aide&territoire=29');
  assert.equal(inFinistere.total, count(places.facettes.territoire, '29'));
  assert.ok(inFinistere.total > 0 && inFinistere.total < places.total, `${inFinistere.total} of ${places.total}`);
  const placeIds = inFinistere.resultats.map((r) => r.id);
  const communes = (await sql<{ commune_code: string }>`select commune_code from help_places where id = any(${placeIds}::uuid[])`.execute(app.platform.db)).rows;
  assert.equal(communes.length, inFinistere.resultats.length);
  for (const c of communes) assert.match(c.commune_code, /^29\d{3}$/);

  // Authorities by their territory: Brest in the Finistère, not in Ille-et-Vilaine; the Région in both.
  const ids = async (query: string) => (await api(agent, query)).resultats.map((r) => r.id);
  assert.ok((await ids('q=brest&type=collectivite&territoire=29')).includes('brest'));
  assert.ok(!(await ids('q=brest&type=collectivite&territoire=35')).includes('brest'));
  for (const d of ['29', '35']) assert.ok((await ids(`q=region+bretagne&type=collectivite&territoire=${d}`)).includes('bretagne'), d);

  // The page: a « Territoire » fieldset, the ticked box, kept in the links.
  const page = await agent.get('/recherche?q=ostreiculteurs&territoire=29');
  assert.match(page.body, /<legend>Territoire<\/legend>/);
  assert.match(page.body, /<input type="checkbox" name="territoire" value="29" checked\/>Finistère \(29\) \(2 résultats\)/);
  const typo = await agent.get('/recherche?q=ostreiculteirs&territoire=29');
  assert.match(typo.body, /Aide aux ostréiculteurs/);
  assert.match(typo.body, /href="\/recherche\?q=ostreiculteirs&amp;exact=1&amp;territoire=29"/, 'the link to the words as typed keeps the territory');
});

test('intercommunalité (EPCI): counted under a chosen département or near a commune, combinable, kept in the URL; pages and news in their tenant’s territory', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const db = aidsDb(app.platform.db);
  const base = demoAids()[0]!.aid;
  const porteur = { name: 'Ville de Brest', kind: 'commune' as const, tenant_id: 'brest' };
  const local = (level: 'region' | 'epci' | 'commune', code: string, name: string) => ({ scope: 'local' as const, areas: [{ level, code, name }] });
  const aids = [
    { id: 'ostreiculteurs-bretagne', territory: local('region', '53', 'Bretagne') },
    { id: 'ostreiculteurs-france', territory: { scope: 'national' as const } },
    { id: 'ostreiculteurs-brest-metropole', territory: local('epci', '242900314', 'Brest métropole') },
    { id: 'ostreiculteurs-rennes', territory: local('commune', '35238', 'Rennes') },
  ];
  for (const aid of aids) await saveAid(db, { tenantId: 'brest', status: 'published', aid: { ...base, ...aid, name: 'Aide aux ostréiculteurs', porteur } });
  const BREST_METROPOLE = '242900314';
  const RENNES_METROPOLE = '243500139';

  // Without a département nor a commune, no EPCI is counted (a Région's aid would be in each of the 61).
  assert.deepEqual((await api(agent, 'q=ostreiculteurs&type=aide')).facettes.epci, []);
  // Under the Finistère: its EPCI, Brest Métropole with its own aid and the Région's, the others with the Région's.
  const finistere = await api(agent, 'q=ostreiculteurs&type=aide&territoire=29');
  assert.equal(count(finistere.facettes.epci, BREST_METROPOLE), 2);
  assert.equal(finistere.facettes.epci.find((v) => v.valeur === BREST_METROPOLE)?.libelle, 'Brest Métropole');
  assert.equal(count(finistere.facettes.epci, '200068120'), 1, 'Quimper Bretagne Occidentale: the Région’s aid');
  assert.equal(count(finistere.facettes.epci, RENNES_METROPOLE), 0, 'not an EPCI of the Finistère');
  // Ticked: what applies there (its own aid, its commune’s, its département’s or the Région’s), never the national one.
  const ids = async (query: string) => (await api(agent, query)).resultats.map((r) => r.id).sort();
  assert.deepEqual(await ids(`q=ostreiculteurs&type=aide&epci=${BREST_METROPOLE}`), ['ostreiculteurs-brest-metropole', 'ostreiculteurs-bretagne']);
  assert.deepEqual(await ids(`q=ostreiculteurs&type=aide&epci=${RENNES_METROPOLE}`), ['ostreiculteurs-bretagne', 'ostreiculteurs-rennes']);
  assert.deepEqual(await ids(`q=ostreiculteurs&type=aide&epci=${BREST_METROPOLE}&epci=${RENNES_METROPOLE}`), ['ostreiculteurs-brest-metropole', 'ostreiculteurs-bretagne', 'ostreiculteurs-rennes'], 'values: OR');
  assert.deepEqual(await ids(`q=ostreiculteurs&type=aide&territoire=35&epci=${BREST_METROPOLE}`), ['ostreiculteurs-bretagne'], 'with a département: AND');
  const ticked = await api(agent, `q=ostreiculteurs&type=aide&epci=${BREST_METROPOLE}`);
  assert.equal(ticked.facettes.epci.find((v) => v.valeur === BREST_METROPOLE)?.choisie, true);
  assert.equal(count(ticked.facettes.territoire, '29'), 2, 'the département facet is counted under the EPCI filter');
  // Near a commune: the EPCI of its département.
  const near = await api(agent, 'q=ostreiculteurs&type=aide&commune=Brest');
  assert.equal(count(near.facettes.epci, BREST_METROPOLE), 2);

  // The page: under the ticked département, and near a commune (where the département facet is not shown); kept in the links.
  const page = await agent.get('/recherche?q=ostreiculteurs&type=aide&territoire=29');
  assert.match(page.body, /<legend>Intercommunalité<\/legend>/);
  assert.match(page.body, /<input type="checkbox" name="epci" value="242900314"\/>Brest Métropole \(2 résultats\)/);
  const nearPage = await agent.get('/recherche?q=ostreiculteurs&type=aide&commune=Brest');
  assert.match(nearPage.body, /<legend>Intercommunalité<\/legend>/);
  assert.doesNotMatch(nearPage.body, /<legend>Territoire<\/legend>/);
  const typo = await agent.get(`/recherche?q=ostreiculteirs&epci=${BREST_METROPOLE}`);
  assert.match(typo.body, /href="\/recherche\?q=ostreiculteirs&amp;exact=1&amp;epci=242900314"/, 'the link to the words as typed keeps the EPCI');
  const none = await agent.get(`/recherche?q=conchyliculteurs&epci=${BREST_METROPOLE}`);
  assert.match(none.body, /Élargir la recherche à tout le territoire<\/a>, sans choisir de département ni d’intercommunalité\./);

  // Pages and news take their tenant’s territory: a commune’s in its département and its EPCI, a Région’s in each département.
  const pages = async (query: string) => (await api(agent, query)).resultats.map((r) => r.collectivite?.id);
  const civil = await pages('q=etat+civil&type=page&territoire=29');
  assert.ok(civil.includes('brest') && !civil.includes('rennes'), JSON.stringify(civil));
  const civilRennes = await pages(`q=etat+civil&type=page&epci=${RENNES_METROPOLE}`);
  assert.ok(civilRennes.includes('rennes') && !civilRennes.includes('brest'), JSON.stringify(civilRennes));
  const region = (await api(agent, 'q=lycees&type=page&type=actualite&autorite=bretagne')).total;
  assert.ok(region > 0);
  for (const d of ['22', '29', '35', '56']) assert.equal((await api(agent, `q=lycees&type=page&type=actualite&autorite=bretagne&territoire=${d}`)).total, region, d);
  const news = await api(agent, 'q=travaux&type=actualite');
  assert.ok(news.total > 0 && news.facettes.territoire.length > 0, 'news are counted by territory');
});

test('no result in a territory or near a commune: « Élargir la recherche à tout le territoire » takes both restrictions away', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const base = demoAids()[0]!.aid;
  const porteur = { name: 'Ville de Rennes', kind: 'commune' as const, tenant_id: 'rennes' };
  const aid = { ...base, id: 'conchyliculteurs-rennais', name: 'Aide aux conchyliculteurs rennais', porteur, territory: { scope: 'local' as const, areas: [{ level: 'commune' as const, code: '35238', name: 'Rennes' }] } };
  await saveAid(aidsDb(app.platform.db), { tenantId: 'rennes', status: 'published', aid });
  const link = /<a href="([^"]+)">Élargir la recherche à tout le territoire<\/a>([^<]*)/;
  for (const [query, says] of [
    ['q=conchyliculteurs&territoire=29&type=aide', ', sans choisir de département.'],
    ['q=conchyliculteurs&territoire=29&type=aide&commune=Brest', ', pas seulement près de Brest.'],
  ] as const) {
    const none = await agent.get(`/recherche?${query}`);
    assert.match(none.body, /Aucun résultat pour « conchyliculteurs »/);
    const [, href, text] = link.exec(none.body)!;
    assert.equal(href, '/recherche?q=conchyliculteurs&amp;type=aide');
    assert.equal(text, says);
    assert.doesNotMatch(none.body, /La recherche a déjà porté sur toute la Bretagne/);
    const wider = await agent.get(href!.replaceAll('&amp;', '&'));
    assert.match(wider.body, /Aide aux conchyliculteurs rennais/);
  }
  // Nothing restricted: no such link.
  assert.doesNotMatch((await agent.get('/recherche?q=zzyzxquux')).body, link);
});

test('distance: with a commune or a postal code, places within 30 km come first, nearest first, « à 4 km »', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const near = await api(agent, 'q=france+services&commune=Quimper');
  assert.equal(near.commune?.communes, 'Quimper');
  const places = near.resultats.filter((r) => r.distanceKm !== null);
  assert.ok(places.length >= 1, JSON.stringify(near.resultats));
  assert.ok(places.every((r) => r.type === 'lieu-aide' && r.distanceKm! <= 30));
  assert.deepEqual(places.map((r) => r.distanceKm), [...places.map((r) => r.distanceKm!)].sort((a, b) => a - b));
  assert.match(near.resultats[0]!.titre, /Quimper/);
  const far = await api(agent, 'q=france+services');
  assert.ok(far.total > near.total, 'places farther than 30 km are left out');
  assert.deepEqual((await api(agent, 'q=france+services&commune=29000')).resultats.map((r) => r.id), near.resultats.map((r) => r.id), 'a postal code works like the name');
  assert.deepEqual((await api(agent, 'q=france+services&commune=quimper')).commune?.codes, ['29232']);

  const page = await agent.get('/recherche?q=france+services&commune=Quimper');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Lieu d’aide · (à \d+ km|à moins de 1 km)/);
  assert.match(page.body, /<input id="recherche-commune" name="commune" type="text" value="Quimper"/);
});

test('an unknown commune: a French message next to the field, what was typed kept; the API answers a problem', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const page = await agent.get('/recherche?q=aide&commune=Zzyzxville');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<p class="field__error" id="erreur-commune"><span class="visually-hidden">Erreur : <\/span>Nous ne trouvons pas de commune « Zzyzxville » en Bretagne/);
  assert.match(page.body, /value="Zzyzxville" maxlength="100" autocomplete="address-level2" aria-invalid="true" aria-describedby="erreur-commune"/);
  assert.match(page.body, /<title>Erreur : /);
  assert.match(page.body, /résultats/, 'the results without distance are still shown');
  const bad = await agent.get('/api/v1/recherche?q=aide&commune=99999');
  assert.equal(bad.statusCode, 400);
  assert.match(String(bad.headers['content-type']), /application\/problem\+json/);
  assert.match(bad.body, /Aucune commune de Bretagne n'a le code postal 99999/);
});

test('the page keeps the facets and the commune in the URL: checked boxes, pagination, the link to the words as typed', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const page = await agent.get('/recherche?q=aide&type=aide&public=jeune&commune=Rennes');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<details class="search-facets" open>/);
  assert.match(page.body, /<legend>Type<\/legend>/);
  assert.match(page.body, /<label class="search-facets__option"><input type="checkbox" name="type" value="aide" checked\/>Aide \(\d+ résultats?\)<\/label>/);
  assert.match(page.body, /name="public" value="jeune" checked/);
  assert.match(page.body, /href="\/recherche\?q=aide&amp;commune=Rennes&amp;type=aide&amp;public=jeune&amp;page=2"/);
  const typo = await agent.get('/recherche?q=permsi+de+condure&type=aide');
  assert.match(typo.body, /href="\/recherche\?q=permsi\+de\+condure&amp;exact=1&amp;type=aide"/);
  // Without a filter the facets are there, closed.
  assert.match((await agent.get('/recherche?q=aide')).body, /<details class="search-facets"><summary>Filtrer les résultats<\/summary>/);
});

test('kept results are forgotten when the index changes, even by a write that does not go through this instance', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  assert.equal((await api(agent, 'q=xylokrakophones')).total, 0);
  // Raw SQL, as another instance would: only the trigger's notification tells this one.
  await sql`insert into search_documents (type, object_id, title, url) values ('page', 'conchyliculture', 'Xylokrakophones du Léon', '/conchyliculture')`.execute(app.platform.db);
  let total = 0;
  for (let i = 0; i < 50 && total === 0; i++) {
    total = (await api(agent, 'q=xylokrakophones')).total;
    if (total === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.equal(total, 1);
  const html = await agent.get('/recherche?q=xylokrakophones');
  assert.match(html.body, /Xylokrakophones du Léon/);
});
