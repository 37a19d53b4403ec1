// Issue 16 b — A developer of another authority (Brest's administrator), in a browser without
// JavaScript, reads the API's getting-started page and an operation's page with its curl example,
// signs in, registers an application for Brest with the scopes it needs, copies the key shown
// once, and calls the API with it (from this test, with fetch): answers with RateLimit headers, a
// missing scope refused in French. They add a scope, rotate the key (the old one keeps working
// until they revoke it, then answers 401 problem+json in French), read the usage page with its SVG
// charts, and revoke the last key. The portal's pages pass the budgets, axe, keyboard, 320 px and
// no-JS checks. The simulator of Brest's own site (another origin) calls the API from a browser.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { demoAgentEmail } from '../../seed/accounts';
import { apiManagementOf } from '../../src/modules/developers';
import { newContext } from './support/browser';
import { field, follow, heading, journey, mainText, signIn } from './support/journey';

const j = journey();
let context: BrowserContext;
/** The developer's tab: JavaScript off, as the portal is meant to work. */
let tab: Page;
let applicationPath = '';
let firstKey = '';
let secondKey = '';


/**
 * The page checks need a script in the page (axe-core): they run in the journey's other tab,
 * which has JavaScript, with the developer's cookies.
 */
async function check(path: string): Promise<void> {
  await j.context.clearCookies();
  await j.context.addCookies(await context.cookies());
  await j.check(j.url(path));
}

async function press(name: string | RegExp): Promise<void> {
  await Promise.all([tab.waitForEvent('load'), tab.getByRole('button', { name }).first().click()]);
}

const here = () => new URL(tab.url()).pathname;

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A call to the API as the developer's server makes it. */
async function api(path: string, key?: string, header: 'authorization' | 'x-api-key' = 'authorization'): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (key) headers[header] = header === 'authorization' ? `Bearer ${key}` : key;
  const response = await fetch(j.url(path), { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

function assertRefusedKey(answer: Answer, what: string): void {
  assert.equal(answer.status, 401, what);
  assert.match(answer.headers.get('content-type') ?? '', /^application\/problem\+json/, what);
  assert.equal(answer.body.code, 'invalid_api_key', what);
  assert.equal(answer.body.title, 'Clé d’API refusée', what);
  assert.match(String(answer.body.detail), /inconnue, révoquée, expirée/, what);
}

test('the portal: the operations, an operation’s page with its curl example, the getting-started page', async () => {
  // Made here: the journey's server and browser start in its own before(), which runs after a hook of this file.
  context = await newContext(j.browser, { javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  tab = await context.newPage();
  await tab.goto(j.url('/developpeurs'));
  assert.equal(await heading(tab), 'L’API de Guichet');
  await check('/developpeurs');

  await follow(tab, 'GET /api/v1/aides', 'main');
  assert.equal(here(), '/developpeurs/api/lister-aides');
  const operation = await mainText(tab);
  assert.match(operation, /portée : aides:lecture/);
  assert.match(await tab.locator('main pre code').first().textContent() ?? '', /^curl .*\/api\/v1\/aides/);
  assert.match(operation, /429/, 'the answers it may give, quota included');
  await check(here());

  await follow(tab, 'Toutes les opérations', 'main');
  await follow(tab, 'Démarrer en cinq minutes', 'main');
  assert.equal(await heading(tab), 'Démarrer avec l’API');
  const start = await mainText(tab);
  assert.match(start, /Authorization: Bearer gk_VOTRE_CLE/);
  assert.match(start, /RateLimit-Remaining/);
  await check(here());

  // « 1. Essayer sans clé »: the open data answer anyone, counted per address.
  const anonymous = await api('/api/v1/aides?collectivite=brest');
  assert.equal(anonymous.status, 200);
  assert.equal(anonymous.headers.get('ratelimit-limit'), String(j.server.config.API_ANONYMOUS_PER_MINUTE));
});

test('signed in with the second factor, Brest’s administrator registers an application for Brest; the key is shown once', async () => {
  await signIn(tab, j.server.origin, demoAgentEmail('administrateur', 'brest'));
  await tab.goto(j.url('/developpeurs/demarrer'));
  await follow(tab, 'Mes applications', 'main');
  assert.equal(await heading(tab), 'Mes applications');
  assert.match(await mainText(tab), /pas encore d’application/);
  await check('/developpeurs/applications');

  // Sent without a name: said next to the field, the scopes chosen kept.
  await tab.getByLabel(/^lieux:lecture/).check();
  await press('Inscrire l’application');
  assert.equal(await tab.locator('#champ-nom').getAttribute('aria-invalid'), 'true');
  assert.match(await mainText(tab), /Donnez un nom à l’application/);
  assert.equal(await tab.getByLabel(/^lieux:lecture/).isChecked(), true, 'the scopes chosen are kept');

  await field(tab, 'Nom de l’application').fill('Carte des aides de Brest');
  await field(tab, 'Ce qu’elle fait').fill('La carte des aides et des lieux d’accueil sur brest.fr.');
  await tab.getByLabel('Au nom de').selectOption('collectivite:brest');
  await press('Inscrire l’application');
  assert.equal(await heading(tab), 'Application « Carte des aides de Brest » inscrite');
  assert.match(await mainText(tab), /elle ne sera plus jamais affichée/);
  firstKey = await tab.locator('#cle').inputValue();
  assert.match(firstKey, /^gk_[A-Za-z0-9_-]{43}$/);

  await follow(tab, 'J’ai copié la clé : revenir à l’application', 'main');
  applicationPath = here();
  assert.match(applicationPath, /^\/developpeurs\/applications\/[0-9a-f-]{36}$/);
  assert.equal(await heading(tab), 'Carte des aides de Brest');
  assert.ok(!(await tab.content()).includes(firstKey), 'the key is never shown again');
  assert.match(await mainText(tab), new RegExp(`${firstKey.slice(0, 11)}… créée le .* — active`));
  await tab.goto(j.url('/developpeurs/applications'));
  assert.match(await mainText(tab), /Carte des aides de Brest \(au nom de Ville de Brest\)/);
});

test('the key opens the operations of its scopes, with RateLimit headers; another scope is refused in French', async () => {
  const aids = await api('/api/v1/aides', firstKey);
  assert.equal(aids.status, 200);
  assert.equal(aids.headers.get('ratelimit-limit'), '600', 'the application’s own quota, not the anonymous one');
  assert.ok(Number(aids.headers.get('ratelimit-remaining')) < 600);
  assert.ok(Number(aids.headers.get('ratelimit-reset')) <= 60);
  assert.equal(aids.headers.get('x-ratelimit-remaining'), aids.headers.get('ratelimit-remaining'));
  assert.equal((await api('/api/v1/lieux', firstKey, 'x-api-key')).status, 200, 'X-Api-Key works as well');

  const catalogue = await api('/api/v1/donnees', firstKey);
  assert.equal(catalogue.status, 403);
  assert.match(catalogue.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assert.equal(catalogue.body.code, 'scope_missing');
  assert.match(String(catalogue.body.detail), /la portée « donnees:lecture »/);
  assertRefusedKey(await api('/api/v1/aides', `${firstKey.slice(0, -1)}${firstKey.endsWith('A') ? 'B' : 'A'}`), 'a key with one character changed');
});

test('a page of Brest’s own site (another origin) calls the API from a browser: the preflight passes, the quota headers are readable, cookies are never sent', async () => {
  const guichet = j.server.origin;
  const script = `
    const out = (id, text) => { document.getElementById(id).textContent = text; };
    fetch('${guichet}/api/v1/eligibilite', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ age: 19, commune: '29019', situation: 'etudiant' }) })
      .then((r) => out('eligibilite', r.status + ' ' + r.headers.get('ratelimit-remaining')), (e) => out('eligibilite', 'refusé ' + e));
    fetch('${guichet}/api/v1/aides', { credentials: 'include' })
      .then((r) => out('avec-cookies', 'lu ' + r.status), () => out('avec-cookies', 'refusé par le navigateur'));`;
  const site: Server = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Simulateur de Brest</title></head><body><main><h1>Simulateur</h1><p id="eligibilite"></p><p id="avec-cookies"></p></main><script>${script}</script></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const page = await j.context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`);
    await page.waitForFunction(() => ['eligibilite', 'avec-cookies'].every((id) => document.getElementById(id)?.textContent));
    assert.match((await page.locator('#eligibilite').textContent()) ?? '', /^200 \d+$/, 'answered, and RateLimit-Remaining readable');
    assert.equal(await page.locator('#avec-cookies').textContent(), 'refusé par le navigateur', 'an answer to a call with cookies is never given to the page');
  } finally {
    await page.close();
    await new Promise((resolve) => site.close(resolve));
  }
});

test('on the application’s page the developer adds a scope: the catalogue answers the key', async () => {
  await tab.goto(j.url(applicationPath));
  await tab.getByLabel(/^donnees:lecture/).check();
  await press('Enregistrer les portées');
  assert.match(await mainText(tab), /Les portées sont enregistrées/);
  assert.equal(await tab.getByLabel(/^donnees:lecture/).isChecked(), true);
  assert.equal((await api('/api/v1/donnees', firstKey)).status, 200);
});

test('rotation: a new key shown once; the old one works until revoked, then answers 401 problem+json in French', async () => {
  await press('Créer une nouvelle clé');
  assert.equal(await heading(tab), 'Nouvelle clé de « Carte des aides de Brest »');
  secondKey = await tab.locator('#cle').inputValue();
  assert.match(secondKey, /^gk_[A-Za-z0-9_-]{43}$/);
  assert.notEqual(secondKey, firstKey);
  assert.equal((await api('/api/v1/aides', secondKey)).status, 200, 'the new key works at once');
  assert.equal((await api('/api/v1/aides', firstKey)).status, 200, 'the old one keeps working 24 hours, time to deploy the new one');

  await follow(tab, 'J’ai copié la clé : revenir à l’application', 'main');
  const keys = await mainText(tab);
  assert.match(keys, new RegExp(`${firstKey.slice(0, 11)}… créée le .* — remplacée, valable jusqu’au`));
  assert.match(keys, new RegExp(`${secondKey.slice(0, 11)}… créée le .* — active`));
  await press(`Révoquer la clé ${firstKey.slice(0, 11)}…`);
  assert.match(await mainText(tab), /La clé est révoquée : elle est refusée dès maintenant/);
  assertRefusedKey(await api('/api/v1/aides', firstKey), 'the revoked key');
  assert.equal((await api('/api/v1/aides', secondKey)).status, 200, 'the new key still works');
});

test('the usage page: requests per day as an SVG chart drawn on the server, and the figures per operation', async () => {
  await apiManagementOf(j.server.app).usage.flush();
  await tab.goto(j.url(applicationPath));
  const charts = tab.locator('main svg[role="img"]');
  assert.equal(await charts.count(), 3, 'requests, error rate and response time');
  assert.match((await charts.first().locator('title').first().textContent()) ?? '', /^Requêtes par jour, 30 derniers jours/);
  const usage = await tab.locator('main table', { hasText: 'Utilisation par jour et par opération' }).textContent();
  assert.match(usage ?? '', /GET \/api\/v1\/aides/);
  assert.match(usage ?? '', /GET \/api\/v1\/donnees/);
  await check(applicationPath);
});

test('revoking the last key: every call answers 401, the page says there is no valid key', async () => {
  await tab.goto(j.url(applicationPath));
  await press(`Révoquer la clé ${secondKey.slice(0, 11)}…`);
  assert.match(await mainText(tab), /Aucune clé valide : créez-en une nouvelle/);
  assertRefusedKey(await api('/api/v1/aides', secondKey), 'the last key, revoked');
  assertRefusedKey(await api('/api/v1/lieux', secondKey, 'x-api-key'), 'the last key, revoked, as X-Api-Key');
});
