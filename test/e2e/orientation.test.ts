// Issue 15 a — Orientation: a young person on a phone finds jobs by what they like and by a name
// they know (« boulangère »), opens a job sheet, and finds where to meet a counsellor. Every page
// passes the budgets, axe, keyboard, 320 px and no-JS checks.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { assertIncludes, field, follow, heading, journey, mainText } from './support/journey';

const j = journey();
let phone: BrowserContext | undefined;
let page: Page;

/** A phone's tab of its own (the journey's context is a desktop window), opened by the first test. */
async function onPhone(): Promise<Page> {
  if (!phone) {
    phone = await newContext(j.browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    phone.setDefaultTimeout(10_000);
    page = await phone.newPage();
  }
  return page;
}
after(() => phone?.close());

const here = () => checkPage(page, page.url().replace(/#.*$/, ''));

test('on a phone: from the menu to the jobs, then by a centre d’intérêt to a job sheet', async () => {
  await onPhone();
  await page.goto(j.url('/'));
  await page.locator('header summary', { hasText: 'Menu' }).click();
  await follow(page, 'Orientation', 'nav#menu');
  assert.equal(new URL(page.url()).pathname, '/orientation');
  await here();
  await follow(page, 'Les métiers', 'main');
  await here();
  assert.equal(await heading(page), 'Les métiers');
  await follow(page, "J'ai envie de créer, construire, rénover", 'main');
  assert.equal(new URL(page.url()).search, '?interet=1');
  await here();
  assert.match(await mainText(page), /\d+ métiers trouvés pour « J'ai envie de créer, construire, rénover »/);
  await follow(page, 'Page suivante', 'main');
  assert.match(new URL(page.url()).search, /page=2/);
  await here();
  const first = page.locator('main ol.link-list a').first();
  const name = ((await first.textContent()) ?? '').trim();
  await Promise.all([page.waitForEvent('load'), first.click()]);
  await here();
  assert.equal(await heading(page), name);
  assertIncludes(await mainText(page), 'En quoi consiste ce métier ?');
});

test('on a phone: « boulangère » finds the baker’s sheet, with its texts, the jobs to move to and a counsellor', async () => {
  await onPhone();
  await page.goto(j.url('/orientation/metiers'));
  await field(page, 'Nom du métier').fill('boulangère');
  await Promise.all([page.waitForEvent('load'), page.getByRole('search', { name: 'Chercher un métier' }).getByRole('button', { name: 'Rechercher' }).click()]);
  await here();
  assert.equal(await page.locator('main ol.link-list a').first().textContent(), 'Boulanger / Boulangère');
  await follow(page, 'Boulanger / Boulangère', 'main ol.link-list');
  assert.equal(new URL(page.url()).pathname, '/orientation/metiers/D1102');
  await here();
  const text = await mainText(page);
  for (const expected of ['Accès au métier', 'CAP Boulanger', 'Aide-boulanger / Aide-boulangère', 'Vers quels métiers évoluer ?', 'France Travail — ROME 4.0']) assertIncludes(text, expected);
  // « Trouver un conseiller »: the orientation places near the person (issue 15 c.6).
  await field(page, 'Votre commune ou code postal').fill('Lorient');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Trouver un conseiller près de chez moi' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/aide-de-proximite');
  assert.equal(new URL(page.url()).searchParams.get('type'), 'orientation');
  await here();
  const places = await mainText(page);
  for (const expected of ['Mission locale du Pays de Lorient', 'Donnée de démonstration', 'Horaires', 'Services proposés']) assertIncludes(places, expected);
});

test('a bad filter is said next to its field, within the budgets', async () => {
  await onPhone();
  await checkPage(page, j.url('/orientation/metiers?domaine=Z99'), { status: 422 });
  assertIncludes(await page.locator('.field--error').textContent() ?? '', 'Ce domaine n’existe pas');
});
