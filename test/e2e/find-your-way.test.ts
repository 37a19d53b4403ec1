// Issue 4, point 6 — "Find their way": breadcrumb, plan du site per tenant, titles
// "Page – Collectivité – Guichet", French 404 page with a way back, the "Accessibilité" page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, follow, heading, journey, mainText } from './support/journey';

const j = journey();

test('a page of a tenant has a breadcrumb back to the tenant\'s home', async () => {
  const { page } = j;
  await page.goto(j.url('/collectivites/quimper/'));
  const first = page.locator('section[aria-labelledby="accueil-pages"] a').first();
  const title = ((await first.textContent()) ?? '').trim();
  await Promise.all([page.waitForEvent('load'), first.click()]);
  await j.checkHere();
  assert.equal(await page.title(), `${title} – Quimper – Guichet`);
  const crumbs = page.locator('nav[aria-label="Vous êtes ici"]');
  assert.equal(await crumbs.count(), 1);
  assert.equal(await crumbs.locator('[aria-current="page"]').count(), 1, 'the current page is marked aria-current');
  await follow(page, 'Accueil', 'nav[aria-label="Vous êtes ici"]');
  assert.equal(new URL(page.url()).pathname, '/collectivites/quimper/');
});

test('each tenant has its own plan du site listing its pages', async () => {
  const { page } = j;
  await j.check(j.url('/collectivites/lorient/plan-du-site'));
  assert.equal(await page.title(), 'Plan du site – Lorient – Guichet');
  const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(links.some((href) => href.startsWith('/collectivites/lorient/pages/')), 'Lorient\'s pages are listed');
  assert.ok(!links.some((href) => /^\/collectivites\/(?!lorient\/)[a-z-]+\/pages\//.test(href)), 'no other tenant\'s pages');
  await j.check(j.url('/plan-du-site'));
  assert.equal(await page.title(), 'Plan du site – Région Bretagne – Guichet');
});

test('an unknown address answers a French 404 page with a way back home', async () => {
  const { page } = j;
  for (const url of [j.url('/cette-page-n-existe-pas'), j.url('/collectivites/brest/pages/inconnue'), j.url('/collectivites/atlantide/'), j.url('/pages/inconnue', 'brest.localhost')]) {
    await j.check(url, { status: 404 });
    assert.equal(await heading(page), 'Page introuvable', url);
    assert.match(await page.title(), /^Page introuvable – .+ – Guichet$/);
    assert.equal(await page.locator('meta[name="robots"][content="noindex"]').count(), 1);
  }
  await page.goto(j.url('/cette-page-n-existe-pas'));
  await follow(page, "Revenir à l'accueil", 'main');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.title(), 'Accueil – Région Bretagne – Guichet');
});

test('the accessibility page states the conformity and how to report a problem', async () => {
  const { page } = j;
  await j.check(j.url('/accessibilite'));
  assertIncludes(await heading(page), 'Accessibilité', 'the h1');
  const text = await mainText(page);
  assert.match(text, /partiellement conforme/i);
  assert.match(text, /RGAA/);
  assert.match(text, /Défenseur des droits/i);
});
