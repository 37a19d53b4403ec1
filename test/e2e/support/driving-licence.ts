// The Région's driving-licence application (the demo's form, seeded by
// src/modules/applications/seed-forms.ts), filled as a person would, shared by the journeys that
// apply for it.
import assert from 'node:assert/strict';
import type { Journey } from './journey';
import { heading } from './journey';

/** Submits the button of that name and waits for the next page (no JavaScript: a full load). */
export async function clickButton(j: Journey, name: string | RegExp): Promise<void> {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('button', { name }).first().click()]);
}

/** From the training step to the review page: the training, the quote (a PDF file), the IBAN. */
export async function fillDrivingLicenceSteps(j: Journey, quotePdf: string): Promise<void> {
  const { page } = j;
  await j.checkHere();
  await page.getByLabel('Nom de la formation financée par la Région que vous suivez').fill('Prépa avenir');
  await page.getByLabel('Le code et la conduite (permis B)').check();
  await page.getByLabel('Montant du devis de l’auto-école, en euros').fill('1450');
  await page.getByLabel('Oui', { exact: true }).check();
  await clickButton(j, 'Enregistrer et continuer');

  await j.checkHere();
  await page.getByLabel('Devis de l’auto-école').setInputFiles(quotePdf);
  await clickButton(j, 'Enregistrer et continuer');

  await j.checkHere();
  await page.getByLabel('IBAN').fill('FR76 3000 6000 0112 3456 7890 189');
  await clickButton(j, 'Enregistrer et continuer');

  assert.equal(await heading(page), 'Vérifier et déposer votre demande');
  await j.checkHere();
}
