// Issue 6 a — the referential of public aids: a person searches the aids of every authority,
// filters them, opens one and reads who can get it, how much, and where to apply.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, field, heading, journey, mainText } from './support/journey';

const j = journey();

test('the list of aids: search by words and a theme, keyboard and no JS, within budgets', async () => {
  const { page } = j;
  await j.check(j.url('/aides'));
  assert.match(await page.title(), /^Les aides publiques, page 1 sur \d+ – Région Bretagne – Guichet$/);
  assertIncludes(await mainText(page), 'aides trouvées');
  await field(page, 'Mots-clés').fill('permis');
  await page.getByLabel('Thème').selectOption('permis');
  await Promise.all([page.waitForEvent('load'), page.getByRole('search', { name: 'Chercher une aide' }).getByRole('button', { name: 'Rechercher' }).click()]);
  await j.checkHere();
  const text = await mainText(page);
  assertIncludes(text, 'Aide à la formation au code et au permis de conduire');
  assert.match(new URL(page.url()).search, /q=permis/);
});

test('an aid page says who can get it, how much, and links to the official page', async () => {
  const { page } = j;
  await j.check(j.url('/aides/bretagne-aide-code-permis'));
  assertIncludes(await heading(page), 'Aide à la formation au code et au permis de conduire', 'the h1');
  const text = await mainText(page);
  for (const expected of ['Qui peut en bénéficier ?', 'Avoir entre 18 et 30 ans', 'Habiter en Bretagne', 'à vérifier', 'Région Bretagne', 'Informations vérifiées le']) {
    assertIncludes(text, expected);
  }
  const official = page.locator('main a', { hasText: 'Page officielle' });
  assert.match((await official.getAttribute('href')) ?? '', /^https:\/\/www\.bretagne\.bzh\//);
  assert.equal(await page.locator('aside h2', { hasText: "Besoin d'aide ?" }).count(), 1);
});

test('a tenant lists its own aids in its space', async () => {
  const { page } = j;
  await j.check(j.url('/collectivites/brest-metropole/aides'));
  const text = await mainText(page);
  assertIncludes(text, 'Brest métropole');
  const links = await page.locator('main ol a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(links.includes('/aides/velo-brest-metropole'), 'its bicycle aid');
  assert.ok(!links.includes('/aides/bretagne-aide-code-permis'), 'not the Région’s aids');
});
