// Issue 6 c and e — « a person applies for the Région's driving licence aid »: signs in, agrees
// to prefill, uploads the quote (PDF), submits, reads the acknowledgement and Mes démarches.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createPerson, PERSON_PASSWORD } from '../../src/modules/accounts/test-support';
import { writeDeclared } from '../../src/modules/profile';
import { clickButton, fillDrivingLicenceSteps } from './support/driving-licence';
import { assertIncludes, field, heading, journey, mainText, signIn } from './support/journey';

const j = journey();
const EMAIL = 'maelys.le-goff@exemple.fr';
const AID = '/aides/bretagne-aide-code-permis';

const click = (name: string | RegExp) => clickButton(j, name);

test('a person applies for the driving licence aid with prefill, a PDF, and follows it in Mes démarches', async () => {
  const { page, server } = j;
  const accountId = await createPerson(server.database.db, { email: EMAIL, name: 'Maëlys' });
  await writeDeclared(server.database.db, accountId, 'given_name', 'Maëlys');
  await writeDeclared(server.database.db, accountId, 'family_name', 'Le Goff');
  await writeDeclared(server.database.db, accountId, 'birthdate', '2007-05-12');
  const dir = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));
  const pdf = join(dir, 'devis.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  try {
    // The aid page offers to apply and a paper form.
    await j.check(j.url(AID));
    await j.check(j.url(`${AID}/formulaire-papier`));
    assertIncludes(await mainText(page), 'Date et signature');
    await page.goto(j.url(AID));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Déposer une demande' }).click()]);
    // Not signed in: the sign-in page, then back to the application.
    assert.equal(new URL(page.url()).pathname, '/connexion');
    await field(page, 'Adresse électronique').fill(EMAIL);
    await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
    await click('Se connecter');
    assert.equal(new URL(page.url()).pathname, `${AID}/demande/identite`);
    await j.checkHere();
    assertIncludes(await mainText(page), 'Prénom : Maëlys (déclaré)');

    await page.getByLabel('J’accepte que Guichet remplisse cette étape avec ces informations').check();
    await click('Remplir avec ces informations');
    assert.equal(await page.getByLabel('Prénom').inputValue(), 'Maëlys');
    assertIncludes(await mainText(page), 'Rempli pour vous : déclaré');
    await click('Enregistrer et continuer');

    // Address: a wrong postal code first (French message next to the field, input kept).
    await j.checkHere();
    await page.getByLabel('Numéro et rue').fill('3 rue de Saint-Malo');
    await page.getByLabel('Code postal').fill('350');
    await page.getByLabel('Commune').fill('Rennes');
    await click('Enregistrer et continuer');
    assert.match(await heading(page), /Où vous joindre/);
    assertIncludes(await mainText(page), 'Le code postal a 5 chiffres');
    assert.equal(await page.getByLabel('Numéro et rue').inputValue(), '3 rue de Saint-Malo');
    await j.checkHere();
    await page.getByLabel('Code postal').fill('35000');
    await click('Enregistrer et continuer');

    await fillDrivingLicenceSteps(j, pdf);
    const review = await mainText(page);
    assertIncludes(review, 'Prépa avenir');
    assertIncludes(review, 'devis.pdf');
    await page.getByLabel('Je certifie que ces informations sont exactes.').check();
    await click('Déposer ma demande');

    assert.equal(await heading(page), 'Votre demande est déposée');
    await j.checkHere();
    const reference = /BZH-\d{4}-\d{6}/.exec(await mainText(page))![0];
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Voir et imprimer ce que vous avez envoyé' }).click()]);
    await j.checkHere();
    assertIncludes(await mainText(page), reference);

    await j.check(j.url('/mes-demarches'));
    const list = await mainText(page);
    assertIncludes(list, `Numéro ${reference}`);
    assertIncludes(list, 'Déposée');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Aide à la formation au code et au permis de conduire' }).first().click()]);
    await j.checkHere();
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Retirer ma demande' }).click()]);
    await j.checkHere();
    await click('Oui, retirer ma demande');
    assertIncludes(await mainText(page), 'Votre demande est retirée.');
    assertIncludes(await mainText(page), 'Retirée');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an editor of the Région edits the application form of an aid as JSON, with French errors', async () => {
  const { page, server, context } = j;
  await context.clearCookies();
  await signIn(page, server.origin, 'editeur.bretagne@demo.guichet.bzh');
  await page.goto(j.url('/admin/t/bretagne/aides/bretagne-aide-code-permis'));
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Formulaire de demande' }).click()]);
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Mode avancé : modifier le JSON' }).click()]);
  await j.checkHere();
  await page.getByLabel('Formulaire (JSON)').fill('{"sections": [{"id": "a", "title": "A", "fields": [{"name": "x", "label": "X", "type": "couleur"}]}]}');
  await click('Enregistrer le formulaire');
  assertIncludes(await mainText(page), 'le type doit être l’un de');
  await j.checkHere();
});
