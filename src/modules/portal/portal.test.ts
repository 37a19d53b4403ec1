import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../../test/support/app';
import { demoTenants } from '../../../seed/tenants';

function elementCount(html: string): number {
  return (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length;
}

const PAGES = [
  {
    path: '/accessibilite',
    title: 'Accessibilité',
    content: [
      /partiellement conforme/,
      /RGAA\), version 4\.1/,
      /aucun audit complet n’a encore été réalisé/,
      /axe-core/,
      /Dérogations pour charge disproportionnée<\/h3><p>Aucune\./,
      /Cette déclaration a été établie le <time datetime="2026-11-24/i,
      /<li>HTML5<\/li><li>CSS<\/li>/,
      /Environnement de test/,
      /Retour d’information et contact/,
      /Défenseur des droits, Libre réponse\s+71120, 75342 Paris CEDEX 07/,
      /href="https:\/\/formulaire\.defenseurdesdroits\.fr\/"/,
      /09 69 39 00 00/,
    ],
  },
  {
    path: '/mentions-legales',
    title: 'Mentions légales',
    content: [
      /Guichet est édité par la <strong>Région Bretagne<\/strong>/,
      /Directeur de la publication<\/h2><p>Le président ou la présidente du Conseil régional de Bretagne/,
      /À compléter par l’opérateur de la plateforme/,
      /AGPL-3\.0-or-later/,
      /Licence Ouverte \/ Open Licence version 2\.0/,
      /283 avenue du Général Patton/,
    ],
  },
  {
    path: '/donnees-personnelles',
    title: 'Données personnelles',
    content: [
      /<h4 id="compte">Votre compte<\/h4>/,
      /Les droits des agents/,
      /guichet_session/,
      /aucun cookie de suivi/,
      /n’affiche pas de bandeau de cookies/,
      /Le journal des actions \(journal d’audit\)/,
      /droit d’accès/,
      /droit à l’effacement/,
      /CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07/,
    ],
  },
  {
    path: '/sources',
    title: 'Sources des données',
    content: [
      /@etalab\/decoupage-administratif/,
      /version 6\.\d+\.\d+ du paquet/,
      /id="aide-de-proximite">France Services labellisées/,
      /septembre 2020/,
      /id="mediation-numerique">Lieux de médiation numérique/,
      /décembre 2022 \(conseillers numériques\) et février 2023 \(data·inclusion\)/,
      /Licence Ouverte/,
      /aides-jeunes/,
      /Schéma des dispositifs d’aide/,
      /Répertoire des métiers \(ROME 4\.0\)/, /France Travail — ROME 4\.0/,
      /Composition des intercommunalités de Bretagne/,
    ],
  },
  {
    path: '/collectivites/',
    title: 'Collectivités participantes',
    content: [/13 collectivités proposent leurs services/, /Région \(1\)/, /Départements \(4\)/, /Intercommunalités \(2\)/, /Communes \(6\)/],
  },
];

describe('shared pages of the portal', () => {
  let app: FastifyInstance;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ({ app } = await buildTestApp({ after: (fn) => void cleanups.push(fn as () => unknown) }));
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  const get = (url: string, host = 'localhost') => app.inject({ method: 'GET', url, headers: { host } });

  for (const page of PAGES) {
    test(`GET ${page.path}: title, breadcrumb, content, light page`, async () => {
      const response = await get(page.path);
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, new RegExp(`<title>${page.title} – Région Bretagne – Guichet</title>`));
      assert.match(html, new RegExp(`<h1>${page.title}</h1>`));
      assert.match(html, new RegExp(`<nav class="breadcrumb" aria-label="Vous êtes ici"><ol><li><a href="/">Accueil</a></li><li aria-current="page">${page.title}</li>`));
      for (const pattern of page.content) assert.match(html, pattern);
      assert.ok(elementCount(html) <= 500, `${page.path}: ${elementCount(html)} elements`);
      assert.doesNotMatch(html, /style=|<script/);
    });
  }

  test('the footer links to the shared pages resolve', async () => {
    const home = await get('/accessibilite');
    const footer = home.body.slice(home.body.indexOf('<footer'));
    const links = [...footer.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    const shared = links.filter((href) => ['/accessibilite', '/mentions-legales', '/donnees-personnelles', '/sources', '/collectivites/'].includes(href));
    assert.equal(new Set(shared).size, 5, `footer links: ${links.join(', ')}`);
    for (const href of shared) assert.equal((await get(href)).statusCode, 200, href);
    assert.match(home.body, /href="\/aide-de-proximite"/);
    assert.equal((await get('/aide-de-proximite')).statusCode, 200);
  });

  test('the authorities: grouped by kind, each with its logo, space, own site and official code', async () => {
    const response = await get('/collectivites/');
    const html = response.body;
    for (const tenant of demoTenants) {
      assert.match(html, new RegExp(`<a href="/collectivites/${tenant.id}/">${tenant.name.replace(/'/g, '(?:\'|&#39;)')}</a>`), tenant.id);
      assert.ok(html.includes(`: ${tenant.cog_code}`), `${tenant.id} shows its code`);
      if (tenant.host) assert.ok(html.includes(`href="http://${tenant.host}/"`), `${tenant.id} links to its own host`);
    }
    assert.match(html, /SIREN : 243500139/);
    assert.match(html, /Code INSEE \(COG\) : 29019 · Brest métropole/);
    // Logos are inlined (data: URIs) so that the list costs no request; only this page allows data: images.
    assert.equal((html.match(/<img src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+" alt(?:="")? width="48" height="48"/g) ?? []).length, demoTenants.length);
    assert.match(String(response.headers['content-security-policy']), /img-src 'self' data:(;|$)/);
    assert.doesNotMatch(String((await get('/sources')).headers['content-security-policy']), /data:/);
    const order = ['groupe-region', 'groupe-departement', 'groupe-epci', 'groupe-commune'].map((id) => html.indexOf(`id="${id}"`));
    assert.deepEqual([...order].sort((a, b) => a - b), order);
    assert.ok(order[0]! > 0);

    const withPort = await get('/collectivites/', 'localhost:3000');
    assert.ok(withPort.body.includes('href="http://brest.localhost:3000/"'));
    const redirect = await get('/collectivites');
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers.location, '/collectivites/');
  });

  test("on an authority's own host, the shared pages keep the Région as publisher in that authority's layout", async () => {
    const response = await get('/mentions-legales', 'brest.localhost');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<title>Mentions légales – Brest – Guichet<\/title>/);
    assert.match(response.body, /Guichet est édité par la <strong>Région Bretagne<\/strong>/);
    const accessibility = await get('/accessibilite', 'brest.localhost');
    assert.match(accessibility.body, /href="\/collectivites\/bretagne\/contact">formulaire de contact/);
    const onPortal = await get('/accessibilite');
    assert.match(onPortal.body, /href="\/contact">formulaire de contact/);
  });
});
