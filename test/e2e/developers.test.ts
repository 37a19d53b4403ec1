// Issue 16 b — A developer of another authority, without JavaScript, reads the API's getting-started
// page and an operation's documentation, signs in, registers an application for their authority with
// one scope, copies the key shown once and calls the API with it; the key is never shown again.
// Every page passes the budgets, axe, keyboard, 320 px and no-JS checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoAgentEmail } from '../../seed/accounts';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { field, follow, heading, journey, mainText, signIn } from './support/journey';

const j = journey();

test('a developer registers an application without JavaScript and calls the API with its key', async () => {
  const context = await newContext(j.browser, { javaScriptEnabled: false });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  try {
    await page.goto(j.url('/developpeurs'));
    assert.equal(await heading(page), 'L’API de Guichet');
    await checkPage(page, page.url());
    await follow(page, 'GET /api/v1/aides', 'main');
    assert.match(await mainText(page), /curl/);
    await checkPage(page, page.url());
    await page.goto(j.url('/developpeurs/demarrer'));
    await checkPage(page, page.url());

    await signIn(page, j.server.origin, demoAgentEmail('administrateur', 'brest'));
    await page.goto(j.url('/developpeurs/applications'));
    assert.equal(await heading(page), 'Mes applications');
    await checkPage(page, page.url());
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Inscrire l’application' }).click()]);
    assert.match(await mainText(page), /Donnez un nom à l’application/, 'a missing name is explained');
    await field(page, 'Nom de l’application').fill('Carte des aides de Brest');
    await page.getByLabel('Au nom de').selectOption('collectivite:brest');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Inscrire l’application' }).click()]);
    assert.match(await heading(page), /inscrite/);
    const key = await page.locator('#cle').inputValue();
    assert.match(key, /^gk_[A-Za-z0-9_-]{43}$/);

    const api = await page.request.get(j.url('/api/v1/aides'), { headers: { authorization: `Bearer ${key}` } });
    assert.equal(api.status(), 200);
    assert.ok(api.headers()['ratelimit-remaining']);
    const wrongScope = await page.request.get(j.url('/api/v1/donnees'), { headers: { authorization: `Bearer ${key}` } });
    assert.equal(wrongScope.status(), 403);

    await follow(page, 'J’ai copié la clé : revenir à l’application', 'main');
    await checkPage(page, page.url());
    assert.ok(!(await page.content()).includes(key), 'the key is shown once only');
    assert.match(await mainText(page), /Utilisation/);
  } finally {
    await context.close();
  }
});
