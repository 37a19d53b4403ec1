// Issue 6 d — « an agent instructs an application »: a person applies for the Région's driving
// licence aid, an instructeur of the Région opens it, asks for a document, the person adds it from
// Mes démarches, the agent accepts with a motivation and an amount; the person reads the decision.
// The 422 answers of the POST-only actions are the same file page with errors: checkHere would
// reload their address with GET, so they are checked by their text, their pages by the GETs.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createPerson, PERSON_PASSWORD } from '../../src/modules/accounts/test-support';
import { assertIncludes, field, heading, journey, mainText, signIn, unfold } from './support/journey';

const j = journey();
const EMAIL = 'erwan.le-bihan@exemple.fr';
const AID = '/aides/bretagne-aide-code-permis';

async function click(name: string | RegExp) {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('button', { name }).first().click()]);
}

async function signInPerson() {
  const { page } = j;
  await page.goto(j.url('/connexion'));
  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
  await click('Se connecter');
}

test('agent instructs an application', async () => {
  const { page, server, context } = j;
  await createPerson(server.database.db, { email: EMAIL, name: 'Erwan' });
  const dir = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));
  const pdf = join(dir, 'document.pdf');
  writeFileSync(pdf, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  try {
    // The person applies (pages checked by the applications journey).
    await signInPerson();
    await page.goto(j.url(`${AID}/demande`));
    await page.getByLabel('Prénom').fill('Erwan');
    await page.getByLabel('Nom de naissance').fill('Le Bihan');
    await page.getByLabel('Date de naissance').fill('03/09/2006');
    await click('Enregistrer et continuer');
    await page.getByLabel('Numéro et rue').fill('8 rue de Brest');
    await page.getByLabel('Code postal').fill('29200');
    await page.getByLabel('Commune').fill('Brest');
    await click('Enregistrer et continuer');
    await page.getByLabel('Nom de la formation financée par la Région que vous suivez').fill('Prépa avenir');
    await page.getByLabel('Le code et la conduite (permis B)').check();
    await page.getByLabel('Montant du devis de l’auto-école, en euros').fill('1450');
    await page.getByLabel('Oui', { exact: true }).check();
    await click('Enregistrer et continuer');
    await page.getByLabel('Devis de l’auto-école').setInputFiles(pdf);
    await click('Enregistrer et continuer');
    await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
    await click('Enregistrer et continuer');
    await page.getByLabel('Je certifie que ces informations sont exactes.').check();
    await click('Déposer ma demande');
    assert.equal(await heading(page), 'Votre demande est déposée');
    const reference = /BZH-\d{4}-\d{6}/.exec(await mainText(page))![0];

    // An instructeur of the Région finds it in the list and opens it.
    await context.clearCookies();
    await signIn(page, server.origin, 'instructeur.bretagne@demo.guichet.bzh');
    await j.check(j.url('/admin/t/bretagne/demandes'));
    await page.getByLabel('Numéro ou nom de la personne').fill(reference);
    await click('Filtrer');
    await j.checkHere();
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: reference }).click()]);
    await j.checkHere();
    assertIncludes(await mainText(page), 'Le Bihan');
    await click('Commencer l’examen');
    assertIncludes(await mainText(page), 'L’étape est changée.');
    await j.checkHere();

    // A request of documents: empty first (French message), then one document.
    await unfold(page, 'Demander des documents');
    await click('Demander les documents');
    assertIncludes(await mainText(page), 'Écrivez au moins un document à demander');
    await unfold(page, 'Demander des documents');
    await page.getByLabel('Documents demandés').fill('Justificatif de domicile');
    await page.getByLabel('Message à la personne (facultatif)').fill('Merci d’envoyer un justificatif de domicile de moins de 3 mois.');
    await click('Demander les documents');
    assertIncludes(await mainText(page), 'Les documents sont demandés.');

    // The person adds it from Mes démarches.
    await context.clearCookies();
    await signInPerson();
    await j.check(j.url(`/mes-demarches/${reference}`));
    assertIncludes(await mainText(page), 'Merci d’envoyer un justificatif de domicile');
    await click('Envoyer ce document');
    assertIncludes(await mainText(page), 'Choisissez le fichier à envoyer');
    await page.locator('#champ-fichier').setInputFiles(pdf);
    await click('Envoyer ce document');
    assertIncludes(await mainText(page), 'tous les documents demandés sont envoyés');
    await j.checkHere();

    // The agent accepts, with a motivation and an amount.
    await context.clearCookies();
    await signIn(page, server.origin, 'instructeur.bretagne@demo.guichet.bzh');
    await page.goto(j.url('/admin/t/bretagne/demandes'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: reference }).click()]);
    await unfold(page, 'Décider');
    await page.getByRole('radio', { name: 'Acceptée' }).check();
    await click('Enregistrer la décision');
    assertIncludes(await mainText(page), 'Écrivez la motivation');
    await unfold(page, 'Décider');
    await page.getByLabel('Motivation').fill('Votre formation et votre devis remplissent les conditions de l’aide.');
    await page.getByLabel('Montant accordé, en euros (si la demande est acceptée)').fill('450');
    await click('Enregistrer la décision');
    assertIncludes(await mainText(page), 'La décision est enregistrée.');
    await j.checkHere();

    // The person reads the decision.
    await context.clearCookies();
    await signInPerson();
    await page.goto(j.url(`/mes-demarches/${reference}`));
    const text = await mainText(page);
    assertIncludes(text, 'Acceptée');
    assertIncludes(text, 'Montant accordé : 450 €.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
