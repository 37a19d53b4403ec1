// Issue 15 c.7 — The agenda: a 17-year-old in Lorient, on a phone, goes from /orientation to the
// agenda, finds an open day near home (commune, distance, type), opens it and gets its .ics; a bad
// filter says what is wrong next to the field. Every page passes the budgets, axe, keyboard, 320 px
// and no-JS checks.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { field, follow, heading, journey, mainText } from './support/journey';

const j = journey();
let phone: BrowserContext | undefined;
let page: Page;

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
const search = () => Promise.all([page.waitForEvent('load'), page.getByRole('search', { name: 'Chercher un événement' }).getByRole('button', { name: 'Afficher les événements' }).click()]);

test('a 17-year-old in Lorient finds an open day near home and adds it to their calendar', async () => {
  await onPhone();
  await page.goto(j.url('/orientation'));
  await follow(page, 'L’agenda de l’orientation', 'main');
  assert.equal(new URL(page.url()).pathname, '/agenda');
  await here();
  await field(page, 'Près de (commune ou code postal)').fill('Lorient');
  await page.getByLabel('Distance').selectOption('10');
  await page.getByLabel('Type d’événement').selectOption('portes_ouvertes');
  await search();
  const params = new URL(page.url()).searchParams;
  assert.deepEqual([params.get('commune'), params.get('distance'), params.get('type')], ['Lorient', '10', 'portes_ouvertes']);
  await here();
  assert.match(await mainText(page), /événements? à venir à 10 km de Lorient au plus/);
  await follow(page, 'Portes ouvertes du lycée Dupuy-de-Lôme', 'main ol.link-list');
  await here();
  assert.equal(await heading(page), 'Portes ouvertes du lycée Dupuy-de-Lôme');
  assert.match(await mainText(page), /Lycée Dupuy-de-Lôme, 4 rue Jean le Coutaller, Lorient/);
  assert.match(await mainText(page), /Donnée de démonstration/);
  const href = await page.getByRole('link', { name: 'Ajouter à mon agenda (fichier .ics)' }).getAttribute('href');
  const ics = await page.request.get(j.url(href!));
  assert.equal(ics.status(), 200);
  assert.match(ics.headers()['content-type'] ?? '', /^text\/calendar/);
  assert.match(await ics.text(), /BEGIN:VEVENT\r\n[\s\S]*SUMMARY:Portes ouvertes du lycée Dupuy-de-Lôme/);
});

test('a commune that does not exist: the message is next to the field, what was typed is kept (422)', async () => {
  await onPhone();
  await page.goto(j.url('/agenda'));
  await field(page, 'Près de (commune ou code postal)').fill('Lorien');
  const [response] = await Promise.all([page.waitForResponse((r) => r.url().includes('/agenda?')), search()]);
  assert.equal(response.status(), 422);
  await checkPage(page, page.url(), { status: 422 });
  assert.match((await page.locator('#erreur-commune').textContent()) ?? '', /Nous ne trouvons pas de commune « Lorien »/);
  assert.equal(await field(page, 'Près de (commune ou code postal)').inputValue(), 'Lorien');
});
