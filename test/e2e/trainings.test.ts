// Issue 15 b — Trainings: a person in Lorient finds a training near home for a job (from the job
// sheet, sorted from Lorient), opens it, sees where and when, what it costs and an aid that can pay
// for it; the faceted list near Lorient and a bad filter. Every page passes the budgets, axe,
// keyboard, 320 px and no-JS checks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkPage } from './support/checks';
import { assertIncludes, field, follow, heading, journey, mainText } from './support/journey';

const j = journey();

test('a person in Lorient finds a training near home for a job, opens it and sees an aid that can pay for it', async () => {
  const page = j.page;
  await page.goto(j.url('/orientation/metiers/D1102'));
  await field(page, 'Votre commune, pour les formations').fill('Lorient');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Trier par distance' }).click()]);
  await checkPage(page, page.url().replace(/#.*$/, ''));
  assertIncludes(await mainText(page), 'les plus proches de Lorient d’abord');
  const first = page.locator('#se-former ~ ul a').first();
  const title = ((await first.textContent()) ?? '').trim();
  await Promise.all([page.waitForEvent('load'), first.click()]);
  assert.match(new URL(page.url()).pathname, /^\/orientation\/formations\/demo-\d+$/);
  await checkPage(page, page.url());
  assert.equal(await heading(page), title);
  const text = await mainText(page);
  for (const expected of ['Donnée de démonstration', 'Où et quand', 'Ce que cela coûte', 'Les frais autour de la formation', 'Les aides qui peuvent payer la formation']) assertIncludes(text, expected);
  const aid = page.locator('section[aria-labelledby="financement"] ul a[href^="/aides/"]').first();
  const aidName = ((await aid.textContent()) ?? '').trim();
  await Promise.all([page.waitForEvent('load'), aid.click()]);
  assert.equal(await heading(page), aidName);
});

test('the list near Lorient, with its facets, and a bad filter next to its field', async () => {
  const page = j.page;
  await checkPage(page, j.url('/orientation/formations?commune=Lorient'));
  assert.match(await mainText(page), /formations? à 30 km au plus de Lorient/);
  await follow(page, 'Page suivante', 'main');
  await checkPage(page, page.url());
  await checkPage(page, j.url('/orientation/formations?commune=Lorient&du=2027-13-01'), { status: 422 });
  assertIncludes((await page.locator('.field--error').first().textContent()) ?? '', 'AAAA-MM-JJ');
});
