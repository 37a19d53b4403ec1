// Issue 6 a, points 2 and 3 — an editor of the Région creates an aid with two conditions (without
// JavaScript: buttons add the conditions), previews it, publishes it, finds it on the public page,
// then checks and imports a JSON file. Every new page is checked (budgets, axe, keyboard, 320 px).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, heading, journey, mainText, signIn } from './support/journey';

const j = journey();
const ID = 'parcours-aide-stage-europe';

test('an editor creates, previews and publishes an aid with two conditions, then imports a JSON file', async () => {
  const { page } = j;
  await signIn(page, j.server.origin, 'editeur.bretagne@demo.guichet.bzh');
  await j.check(j.url('/admin/t/bretagne/aides'));
  assertIncludes(await heading(page), 'Les aides de la collectivité');

  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Créer une aide' }).click()]);
  await j.checkHere();
  const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await fill('Identifiant', ID);
  await fill('Nom de l’aide', 'Aide aux stages en Europe (parcours)');
  await fill('Résumé en mots simples', 'Une aide pour partir en stage dans un autre pays d’Europe.');
  await fill('Organisme qui accorde l’aide', 'Région Bretagne');
  await page.getByLabel('Type d’organisme', { exact: true }).selectOption('region');
  await page.getByLabel('Publics', { exact: true }).selectOption(['jeune', 'etudiant']);
  await page.getByLabel('Thèmes', { exact: true }).selectOption(['international']);
  await page.getByLabel('Types d’aide', { exact: true }).selectOption(['subvention']);
  await fill('Montant maximum', '800');
  await fill('Territoire', 'region 53 Bretagne');
  await fill('Page officielle', 'https://www.bretagne.bzh/');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Créer le brouillon' }).click()]);

  // Conditions: the residence comes from the territory; an age condition is added by a button.
  assert.match(new URL(page.url()).pathname, new RegExp(`/aides/${ID}/conditions$`));
  await j.checkHere();
  await page.getByLabel('Nouvelle condition', { exact: true }).selectOption('age');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Ajouter une condition' }).click()]);
  await fill('Âge minimum (ans)', '18');
  await fill('Âge maximum (ans)', '26');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Enregistrer les conditions' }).click()]);
  assertIncludes(await mainText(page), 'Les changements sont enregistrés');

  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Aperçu' }).click()]);
  await j.checkHere();
  let text = await mainText(page);
  for (const expected of ['brouillon, non visible du public', 'Avoir entre 18 et 26 ans', 'Habiter en Bretagne', 'jusqu’à 800']) assertIncludes(text, expected);

  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Revenir à la modification' }).click()]);
  await j.checkHere();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Publier' }).click()]);
  assertIncludes(await mainText(page), 'L’aide est publiée');

  await j.check(j.url(`/aides/${ID}`));
  text = await mainText(page);
  assertIncludes(text, 'Avoir entre 18 et 26 ans');
  await j.check(j.url(`/admin/t/bretagne/aides/${ID}/versions`));

  // Import: the dry run first, then « Importer ».
  await j.check(j.url('/admin/t/bretagne/aides/import'));
  const exported = (await (await page.request.get(j.url('/api/v1/aides?collectivite=bretagne'))).json()) as { aides: Array<Record<string, unknown>> };
  const one = { ...exported.aides.find((a) => a.id === ID)!, id: `${ID}-bis`, name: 'Aide importée (parcours)' };
  await page.getByLabel('Fichier JSON ou CSV').setInputFiles({ name: 'aides.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify([one, exported.aides[0]])) });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Vérifier le fichier' }).click()]);
  await j.checkHere();
  text = await mainText(page);
  assertIncludes(text, '1 à créer, 0 à modifier, 1 inchangée');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Importer' }).click()]);
  assertIncludes(await mainText(page), 'Import terminé');
  assertIncludes(await mainText(page), 'Cet import est appliqué');
});
