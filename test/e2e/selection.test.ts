// Issue 15 d.10 — a counsellor shares a selection: builds it in the back office, creates the
// share link, and the person opens it signed out and prints it. Every page passes the checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { field, heading, journey, mainText, signIn } from './support/journey';

const j = journey();

test('a counsellor shares a selection: builds it, opens the link signed out, prints', async () => {
  const { page } = j;
  await signIn(page, j.url(''), 'conseiller.brest@demo.guichet.bzh');
  await page.goto(j.url('/admin/t/brest/selections'));
  await j.checkHere();
  await field(page, 'Nom de la nouvelle sélection').fill('Pâtisserie et boulangerie');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Créer la sélection' }).click()]);
  assert.equal(await heading(page), 'Pâtisserie et boulangerie');
  await field(page, 'Adresse de la page sur Guichet, ou code ROME d’un métier').fill('D1102');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Ajouter à la sélection' }).click()]);
  assert.match(await mainText(page), /Boulanger/);
  await j.checkHere();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Créer un lien de partage' }).click()]);
  const link = ((await page.locator('a.share-link').textContent()) ?? '').trim();
  assert.match(link, /\/selection\/[A-Za-z0-9_-]{43}$/);

  // The person, signed out, in another browser.
  const person = await newContext(j.browser);
  try {
    const tab = await person.newPage();
    await tab.goto(j.url(new URL(link).pathname));
    assert.equal(await heading(tab), 'Pâtisserie et boulangerie');
    assert.match(await mainText(tab), /Boulanger/);
    await checkPage(tab, tab.url());
    await tab.emulateMedia({ media: 'print' });
    assert.equal(await tab.locator('header').first().isVisible(), false, 'the header is not printed');
    const pdf = await tab.pdf({ format: 'A4' });
    assert.ok(pdf.length > 1000);
  } finally {
    await person.close();
  }
});
