// Issue 13, points 1, 3, 4 and 5 — a person on a phone types « permsi de condure » in the header's
// search box, gets « Résultats pour permis de conduire », gives their commune (a typo first, then
// the postal code), keeps only the aids, opens the Région's aid and its eligibility
// check. Every page is checked (budgets, axe, no JS needed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, field, follow, heading, journey, mainText, signIn } from './support/journey';

const j = journey();

test('a person searches with a typo from the header and opens an aid, then its eligibility check', async () => {
  const { page } = j;
  await page.setViewportSize({ width: 375, height: 740 });
  await j.check(j.url('/'));
  await page.getByRole('searchbox', { name: 'Rechercher sur Guichet' }).fill('permsi de condure');
  await Promise.all([page.waitForEvent('load'), page.getByRole('search', { name: 'Recherche sur le site' }).getByRole('button', { name: 'Rechercher' }).click()]);
  await j.checkHere();
  assert.match(new URL(page.url()).search, /q=permsi\+de\+condure/);
  const text = await mainText(page);
  assertIncludes(text, 'Résultats pour permis de conduire');
  assertIncludes(text, 'Aide à la formation au code et au permis de conduire');

  // Point 4: their commune, then only the aids (the facets are checkboxes in a <details>, no JS).
  const form = page.getByRole('search', { name: 'Modifier la recherche' });
  await form.getByLabel('Près de (commune ou code postal, facultatif)').fill('Quimpr');
  await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Rechercher', exact: true }).click()]);
  await j.checkHere();
  assertIncludes(await mainText(page), 'Nous ne trouvons pas de commune « Quimpr » en Bretagne');
  await form.getByLabel('Près de (commune ou code postal, facultatif)').fill('29000');
  await form.getByText('Filtrer les résultats').click();
  await form.getByRole('group', { name: 'Type' }).getByLabel(/^Aide \(\d+ résultats?\)$/).check();
  await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: 'Filtrer' }).click()]);
  await j.checkHere();
  assert.match(new URL(page.url()).search, /commune=29000.*type=aide/);
  assertIncludes(await mainText(page), 'Aide à la formation au code et au permis de conduire');

  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Aide à la formation au code et au permis de conduire', exact: true }).click()]);
  await j.checkHere();
  assertIncludes(await heading(page), 'Aide à la formation au code et au permis de conduire', 'the h1');

  await page.goto(j.url('/recherche?q=permsi+de+condure'));
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Vérifier mon éligibilité : Aide à la formation au code et au permis de conduire' }).click()]);
  await j.checkHere();
  assert.equal(new URL(page.url()).pathname, '/aides/bretagne-aide-code-permis/calcul');
});

test('a national procedure links to the live service-public.fr page, says its copy is from 2020, and leads to the online service', async () => {
  const { page } = j;
  await page.setViewportSize({ width: 375, height: 740 });
  await j.check(j.url(`/recherche?q=${encodeURIComponent("carte d'identité")}`));
  const text = await mainText(page);
  assertIncludes(text, 'Démarche nationale');
  assertIncludes(text, 'Fiche de service-public.fr — le lien ouvre la version à jour (notre copie date de 2020).');
  const sheet = page.getByRole('link', { name: "Carte d'identité", exact: true });
  assert.equal(await sheet.getAttribute('href'), 'https://www.service-public.fr/particuliers/vosdroits/N358');
  const service = page.getByRole('link', { name: "Faire la démarche en ligne : Pré-demande de carte d'identité (Carte d'identité)" });
  assert.match((await service.getAttribute('href')) ?? '', /^https:\/\/passeport\.ants\.gouv\.fr\//);
});

test('nothing found: suggestions and the nearest human help, from a tenant space', async () => {
  const { page } = j;
  await j.check(j.url('/collectivites/brest/'));
  await page.getByRole('searchbox', { name: 'Rechercher sur Guichet' }).fill('xqzwv');
  await Promise.all([page.waitForEvent('load'), page.getByRole('search', { name: 'Recherche sur le site' }).getByRole('button', { name: 'Rechercher' }).click()]);
  await j.checkHere();
  assert.match(new URL(page.url()).search, /collectivite=brest/);
  const text = await mainText(page);
  assertIncludes(text, 'Aucun résultat pour « xqzwv »');
  assertIncludes(text, 'trouver un lieu d’aide près de chez moi');
});

test('the Région’s administrator adds an acronym (French error first), the search uses it; « Recherches sans résultat » lists the search above', async () => {
  const { page } = j;
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, j.server.origin, 'admin.bretagne@demo.guichet.bzh');
  await page.goto(j.url('/admin/t/bretagne/'));
  await follow(page, 'Synonymes de la recherche', 'main');
  assert.equal(new URL(page.url()).pathname, '/admin/t/bretagne/recherche/synonymes');
  await j.checkHere();
  assertIncludes(await mainText(page), 'revenu de solidarité active');

  await field(page, 'Sigle ou mot tapé').fill('Korrigan');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Ajouter', exact: true }).click()]);
  await j.checkHere();
  assertIncludes(await mainText(page), 'Saisissez au moins un équivalent');
  assert.equal(await field(page, 'Sigle ou mot tapé').inputValue(), 'Korrigan', 'the input is kept');
  await field(page, 'Équivalents').fill('BreizhGo');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Ajouter', exact: true }).click()]);
  assertIncludes(await mainText(page), 'L’entrée a été ajoutée');

  await page.goto(j.url('/recherche?q=korrigan'));
  assertIncludes(await mainText(page), 'BreizhGo');

  await page.goto(j.url('/admin/t/bretagne/recherche/synonymes'));
  await follow(page, 'Korrigan (modifier ou supprimer)', 'main');
  await j.checkHere();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Supprimer l’entrée « Korrigan »' }).click()]);
  assertIncludes(await mainText(page), 'L’entrée a été supprimée');

  await page.goto(j.url('/admin/t/bretagne/'));
  await follow(page, 'Recherches sans résultat', 'main');
  await j.checkHere();
  const text = await mainText(page);
  assertIncludes(text, 'Recherches sans résultat sur toute la plateforme');
  assert.match(text, /xqzwv\s*Ville de Brest\s*\d+/, 'the search of the test above, counted under Brest');
});
