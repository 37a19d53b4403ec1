import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp } from '../../../test/support/app';
import { publishContent, saveContent } from './service';
import { elementCount, seededItemId } from './test-support';

const BREADCRUMB = /<nav class="breadcrumb" aria-label="Vous êtes ici">/;

test('the regional portal home shows news of every authority, the Région pages and the authorities', async (t) => {
  const { app } = await buildTestApp(t);
  const home = await new Agent(app).get('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /<title>Accueil – Région Bretagne – Guichet<\/title>/);
  assert.match(home.body, BREADCRUMB);
  assert.match(home.body, /Guichet : les services publics bretons au même endroit/);
  // News of other tenants, with the authority's name and a link into its space.
  assert.match(home.body, /Finistère – <time/);
  assert.match(home.body, /href="\/collectivites\/finistere\/actualites\/travaux-d-ete-dans-les-colleges"/);
  assert.match(home.body, /href="\/pages\/lycees"/);
  assert.match(home.body, /href="\/collectivites\/"/);
  assert.match(home.body, /href="\/collectivites\/quimper\/">Ville de Quimper<\/a>/);
  // The menu given to the layout: published pages and the news list.
  assert.match(home.body, /<li><a href="\/pages\/transports-breizhgo">Transports<\/a><\/li>/);
  assert.match(home.body, /<li><a href="\/actualites">Actualités<\/a><\/li>/);
  assert.ok(elementCount(home.body) < 500, `${elementCount(home.body)} elements`);
  // As many authorities as there are (the Région counted, as the footer and /collectivites/ count it).
  const authorities = app.platform.tenants.ordered().length;
  assert.equal(authorities, 13);
  assert.match(home.body, /13 collectivités proposent leurs services sur Guichet : la Région Bretagne et les 12 ci-dessous/);
  assert.doesNotMatch(home.body, /12 collectivités proposent/);
  // A news item published in the same words by two départements is listed once.
  const news = home.body.split('id="accueil-actualites"')[1]!.split('</section>')[0]!;
  assert.equal(news.match(/Routes en hiver : soyez prudents/g)?.length, 1, 'the same news once');
  assert.equal(news.match(/<h3/g)?.length, 6, 'still six news items');
});

test('each authority has its own home, pages, news, site map and contact, with titles and breadcrumbs', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const pages: Array<[string, RegExp]> = [
    ['/collectivites/brest/', /<title>Accueil – Brest – Guichet<\/title>/],
    ['/collectivites/brest/pages/etat-civil', /<title>État civil – Brest – Guichet<\/title>/],
    ['/collectivites/brest/actualites', /<title>Actualités – Brest – Guichet<\/title>/],
    ['/collectivites/brest/actualites/inscriptions-scolaires', /<title>Inscriptions scolaires pour la rentrée – Brest – Guichet<\/title>/],
    ['/collectivites/brest/plan-du-site', /<title>Plan du site – Brest – Guichet<\/title>/],
    ['/collectivites/brest/contact', /<title>Contact – Brest – Guichet<\/title>/],
    ['/collectivites/finistere/pages/personnes-agees-apa', /Personnes âgées/],
    ['/collectivites/rennes-metropole/pages/transports-urbains', /réseau <strong>STAR<\/strong>/],
  ];
  for (const [url, pattern] of pages) {
    const response = await agent.get(url);
    assert.equal(response.statusCode, 200, url);
    assert.match(response.body, pattern, url);
    assert.match(response.body, BREADCRUMB, url);
    assert.equal((response.body.match(/<h1/g) ?? []).length, 1, `one h1 on ${url}`);
    assert.ok(elementCount(response.body) < 500, `${url}: ${elementCount(response.body)} elements`);
  }
  const news = await agent.get('/collectivites/brest/actualites/inscriptions-scolaires');
  assert.match(news.body, /<li><a href="\/collectivites\/brest\/">Accueil<\/a><\/li><li><a href="\/collectivites\/brest\/actualites">Actualités<\/a><\/li><li aria-current="page">Inscriptions scolaires pour la rentrée<\/li>/);
  const home = await agent.get('/collectivites/brest/');
  assert.match(home.body, /<h1>Ville de Brest<\/h1>/);
  assert.match(home.body, /Hôtel de Ville, 2 rue Frézier/);
  const map = await agent.get('/collectivites/brest/plan-du-site');
  for (const href of ['/collectivites/brest/pages/etat-civil', '/collectivites/brest/actualites', '/accessibilite', '/mentions-legales', '/donnees-personnelles', '/collectivites/brest/contact', '/sources', '/aide-de-proximite']) {
    assert.ok(map.body.includes(`href="${href}"`), href);
  }
  const contact = await agent.get('/collectivites/brest/contact');
  assert.match(contact.body, /02 98 00 80 80/);
  assert.match(contact.body, /mailto:contact@brest.example/);
  assert.match(contact.body, /href="\/aide-de-proximite"/);
});

test('on its own host name an authority’s space is at the root', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app, 'brest.localhost:3000');
  const home = await agent.get('/');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /<h1>Ville de Brest<\/h1>/);
  assert.match(home.body, /href="\/actualites\/inscriptions-scolaires"/);
  const page = await agent.get('/pages/etat-civil');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<li><a href="\/">Accueil<\/a><\/li>/);
});

test('drafts, unpublished items and unknown authorities are not found', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  for (const url of [
    '/collectivites/brest/actualites/brouillon-horaires-d-ete',
    '/collectivites/nulle-part/',
    '/collectivites/nulle-part/actualites',
    '/collectivites/nulle-part/pages/etat-civil',
    '/collectivites/quimper/pages/lycees',
    '/collectivites/brest/pages/inscriptions-scolaires',
    '/collectivites/brest/actualites?page=9',
  ]) {
    const response = await agent.get(url);
    assert.equal(response.statusCode, 404, url);
    assert.match(response.body, /Page introuvable/, url);
  }
  for (const url of ['/collectivites/brest/', '/collectivites/brest/actualites', '/collectivites/brest/plan-du-site', '/']) {
    assert.doesNotMatch((await agent.get(url)).body, /brouillon|Brouillon/, url);
  }
});

test('the news list is paginated and filtered by tag; the menu shows only what is published', async (t) => {
  const { app, database } = await buildTestApp(t);
  const actor = { id: '00000000-0000-4000-8000-000000000001', label: 'Test', ip: null };
  for (let i = 1; i <= 11; i++) {
    const saved = await saveContent(database.db, actor, 'quimper', { kind: 'news' }, { title: `Nouvelle numéro ${i}`, tags: i % 2 ? 'impair' : 'pair' });
    assert.ok(saved.ok);
    await publishContent(database.db, actor, 'quimper', saved.itemId, true);
  }
  const agent = new Agent(app);
  const first = await agent.get('/collectivites/quimper/actualites');
  assert.equal((first.body.match(/<li class="card">/g) ?? []).length, 10);
  assert.match(first.body, /Page 1 sur 2/);
  assert.match(first.body, /href="\/collectivites\/quimper\/actualites\?page=2" rel="next"/);
  const second = await agent.get('/collectivites/quimper/actualites?page=2');
  assert.equal(second.statusCode, 200);
  assert.match(second.body, /<title>Actualités, page 2 sur 2 – Quimper – Guichet<\/title>/);
  assert.equal((second.body.match(/<li class="card">/g) ?? []).length, 4);
  const tagged = await agent.get(`/collectivites/quimper/actualites?etiquette=${encodeURIComponent('état civil')}`);
  assert.equal(tagged.statusCode, 200);
  assert.match(tagged.body, /Carte d’identité et passeport : anticipez/);
  assert.doesNotMatch(tagged.body, /Nouvelle numéro/);
  assert.doesNotMatch(tagged.body, /Inscriptions scolaires pour la rentrée/);
  const odd = await agent.get('/collectivites/quimper/actualites?etiquette=impair');
  assert.equal((odd.body.match(/<li class="card">/g) ?? []).length, 6);

  // Unpublishing a page removes its link from the menu.
  const before = await agent.get('/collectivites/quimper/');
  assert.match(before.body, /<li><a href="\/collectivites\/quimper\/pages\/etat-civil">État civil<\/a><\/li>/);
  await publishContent(database.db, actor, 'quimper', seededItemId('quimper', 'page', 'etat-civil'), false);
  const after = await agent.get('/collectivites/quimper/');
  assert.doesNotMatch(after.body, /pages\/etat-civil/);
  assert.equal((await agent.get('/collectivites/quimper/pages/etat-civil')).statusCode, 404);
});

test('a public page is sent compressed to browsers that accept it, identical once decoded', async (t) => {
  const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
  const { app } = await buildTestApp(t);
  const plain = await app.inject({ url: '/collectivites/quimper/', headers: { host: 'localhost' } });
  const br = await app.inject({ url: '/collectivites/quimper/', headers: { host: 'localhost', 'accept-encoding': 'gzip, deflate, br' } });
  const gz = await app.inject({ url: '/collectivites/quimper/', headers: { host: 'localhost', 'accept-encoding': 'gzip' } });
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(String(br.headers.vary), /accept-encoding/);
  assert.equal(brotliDecompressSync(br.rawPayload).toString(), plain.body);
  assert.equal(gunzipSync(gz.rawPayload).toString(), plain.body);
  assert.ok(br.rawPayload.length < plain.rawPayload.length / 2);
});
