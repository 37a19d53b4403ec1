// Issue 16 c — A data journalist follows « Données ouvertes » from the footer, opens the help
// places' dataset, reads its fields and downloads the CSV; a visitor reports an error on a place
// without JavaScript. Every page passes the budgets, axe, keyboard, 320 px and no-JS checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPage } from './support/checks';
import { field, follow, heading, journey, mainText } from './support/journey';

const j = journey();

test('a data journalist finds the catalogue from the footer and downloads a dataset; a visitor reports an error', async () => {
  const context = await j.browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(j.url('/'));
    await follow(page, 'Données ouvertes', 'footer');
    assert.equal(new URL(page.url()).pathname, '/donnees');
    await checkPage(page, page.url());
    await follow(page, 'Données nationales reprises par Guichet', 'main');
    assert.equal(new URL(page.url()).pathname, '/donnees/lieux-aide');
    await checkPage(page, page.url());
    assert.match(await mainText(page), /Licence Ouverte 2\.0/);
    const csv = await page.request.get(j.url('/donnees/lieux-aide.csv'));
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-disposition'] ?? '', /attachment; filename="lieux-aide\.csv"/);

    await page.goto(j.url('/aide-de-proximite?commune=Brest'));
    const placeHref = await page.locator('main a[href^="/aide-de-proximite/lieux/"]').first().getAttribute('href');
    await page.goto(j.url(placeHref!));
    await follow(page, 'Signaler une erreur sur cette page', 'main');
    await checkPage(page, page.url());
    await field(page, 'Qu’est-ce qui est faux ?').fill('Ce lieu est fermé le mercredi.');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Envoyer le signalement' }).click()]);
    assert.equal(await heading(page), 'Signalement envoyé');
  } finally {
    await context.close();
  }
});
