// Issue 6, point 11 — « a young person applies, an instructeur decides »: a young person living in
// Rennes finds the Région's driving licence aid with the simulator, applies on Guichet (prefill
// with consent, the steps of the draft, the quote as a PDF, submission, acknowledgement); the
// Région's instructeur opens the application (marked « Nouveau »), asks for a document with a
// message; the person adds it from « Mes démarches »; the instructeur sees « Réponse de la
// personne » and accepts with a motivation and an amount; the person reads « Acceptée » and the
// mail. Every page reached by GET goes through checkPage; the answers of POST-only actions are
// checked by their text (reloading their address would be another request).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createPerson, PERSON_PASSWORD } from '../../src/modules/accounts/test-support';
import { writeDeclared } from '../../src/modules/profile';
import { linkIn, startTestInbox, type TestInbox } from '../support/mail';
import { clickButton, fillDrivingLicenceSteps } from './support/driving-licence';
import { assertIncludes, field, heading, journey, mainText, signIn, unfold } from './support/journey';

const cleanups: Array<() => unknown> = [];
let inbox: TestInbox;
const j = journey(async () => {
  inbox = await startTestInbox({ after: (fn: () => unknown) => void cleanups.push(fn) });
  return { SMTP_URL: inbox.url };
});
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const EMAIL = 'lena.morvan@exemple.fr';
const INSTRUCTEUR = 'instructeur.bretagne@demo.guichet.bzh';
const AID_NAME = 'Aide à la formation au code et au permis de conduire';
const AID = '/aides/bretagne-aide-code-permis';

/** A birthdate that makes someone 19 today, as a person types it in a date field. */
function nineteenYearsAgo(): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear() - 19, now.getUTCMonth(), now.getUTCDate()) - 20 * 86_400_000).toISOString().slice(0, 10);
}

const click = (name: string | RegExp) => clickButton(j, name);

async function followLink(name: string | RegExp) {
  await Promise.all([j.page.waitForEvent('load'), j.page.locator('main').getByRole('link', { name }).first().click()]);
}

async function signInPerson() {
  const { page } = j;
  await page.goto(j.url('/connexion'));
  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
  await click('Se connecter');
}

/** The text of the application's row in the back office's list. */
async function rowOf(reference: string): Promise<string> {
  return ((await j.page.locator('tr', { hasText: reference }).textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** The path of a mailed link, on the test server. */
function onServer(link: string): string {
  const parsed = new URL(link);
  return j.url(parsed.pathname + parsed.search);
}

/**
 * The simulator, as the person answers it: who for, the commune, the birthdate, the situation;
 * questions they cannot answer are skipped; then the results.
 */
async function answerSimulator() {
  const { page } = j;
  await j.check(j.url('/aides/simulateur'));
  await followLink('Commencer');
  const asked: string[] = [];
  for (let step = 0; step < 30 && new URL(page.url()).pathname.startsWith('/aides/simulateur/question'); step++) {
    const question = await heading(page);
    asked.push(question);
    await j.checkHere();
    if (question === 'Pour qui cherchez-vous des aides ?') await page.getByLabel('Pour moi et mon foyer').check();
    else if (question === 'Dans quelle commune habitez-vous ?') await page.getByLabel(question).fill('35000');
    else if (question === 'Quelle est votre date de naissance ?') await page.getByLabel(question).fill(nineteenYearsAgo());
    else if (question === 'Quelle est votre situation ?') await page.getByLabel('Étudiant ou étudiante', { exact: true }).check();
    else if (asked.includes('Quelle est votre date de naissance ?') && asked.includes('Dans quelle commune habitez-vous ?')) {
      await followLink('Voir mes résultats maintenant');
      break;
    } else {
      const skip = page.getByRole('button', { name: 'Je ne sais pas' });
      if (await skip.count()) {
        await Promise.all([page.waitForEvent('load'), skip.click()]);
        continue;
      }
      await page.getByLabel('Je ne sais pas', { exact: true }).check();
    }
    await click('Continuer');
  }
  assert.equal(new URL(page.url()).pathname, '/aides/simulateur/resultats', `the results after: ${asked.join(' / ')}`);
  await j.checkHere();
  assertIncludes(await mainText(page), 'Rennes (Ille-et-Vilaine)');
}

test('a young person in Rennes finds the driving licence aid, applies, adds a requested document; an instructeur of the Région accepts', async () => {
  const { page, server, context } = j;
  const accountId = await createPerson(server.database.db, { email: EMAIL, name: 'Léna' });
  await writeDeclared(server.database.db, accountId, 'given_name', 'Léna');
  await writeDeclared(server.database.db, accountId, 'family_name', 'Morvan');
  await writeDeclared(server.database.db, accountId, 'birthdate', nineteenYearsAgo());
  await writeDeclared(server.database.db, accountId, 'address', { street: '12 rue de Saint-Malo', postal_code: '35000', commune_code: '35238', commune_name: 'Rennes' });
  const dir = mkdtempSync(join(tmpdir(), 'guichet-e2e-'));
  const quote = join(dir, 'devis.pdf');
  const proof = join(dir, 'justificatif.pdf');
  for (const file of [quote, proof]) writeFileSync(file, '%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  try {
    // 1. The simulator finds the Région's aid among the aids for her; she opens it.
    await answerSimulator();
    await followLink(/^Toutes les aides pour vous/);
    let found = false;
    for (let p = 0; p < 10 && !found; p++) {
      await j.checkHere();
      found = (await page.locator('main').getByRole('link', { name: AID_NAME, exact: true }).count()) > 0;
      if (!found) await followLink('Page suivante');
    }
    assert.ok(found, 'the Région’s aid is among the aids for her');
    await followLink(AID_NAME);
    assert.equal(new URL(page.url()).pathname, AID);
    await j.checkHere();

    // 2. She applies: sign-in first, then the draft's steps, prefilled with her consent.
    await followLink('Déposer une demande');
    assert.equal(new URL(page.url()).pathname, '/connexion');
    await j.checkHere();
    await field(page, 'Adresse électronique').fill(EMAIL);
    await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
    await click('Se connecter');
    assert.equal(new URL(page.url()).pathname, `${AID}/demande/identite`);
    await j.checkHere();
    assertIncludes(await mainText(page), 'Prénom : Léna (déclaré)');
    await page.getByLabel('J’accepte que Guichet remplisse cette étape avec ces informations').check();
    await click('Remplir avec ces informations');
    assert.equal(await page.getByLabel('Nom de naissance').inputValue(), 'Morvan');
    await j.checkHere();
    await click('Enregistrer et continuer');

    assert.match(await heading(page), /Où vous joindre/);
    await j.checkHere();
    const consent = page.getByLabel('J’accepte que Guichet remplisse cette étape avec ces informations');
    if (await consent.count()) {
      await consent.check();
      await click('Remplir avec ces informations');
    } else {
      await page.getByLabel('Numéro et rue').fill('12 rue de Saint-Malo');
      await page.getByLabel('Code postal').fill('35000');
      await page.getByLabel('Commune').fill('Rennes');
    }
    assert.equal(await page.getByLabel('Code postal').inputValue(), '35000');
    await click('Enregistrer et continuer');

    await fillDrivingLicenceSteps(j, quote);
    assertIncludes(await mainText(page), 'devis.pdf');
    await page.getByLabel('Je certifie que ces informations sont exactes.').check();
    await click('Déposer ma demande');
    assert.equal(await heading(page), 'Votre demande est déposée');
    await j.checkHere();
    const reference = /BZH-\d{4}-\d{6}/.exec(await mainText(page))![0];
    const acknowledgement = await inbox.waitFor(EMAIL, /Demande déposée/);
    assertIncludes(acknowledgement.text, reference);

    // 3. An instructeur of the Région (password, then the second factor) finds it « Nouveau ».
    await context.clearCookies();
    await j.check(j.url('/admin/connexion'));
    await signIn(page, server.origin, INSTRUCTEUR);
    await j.check(j.url('/admin/t/bretagne/demandes'));
    assertIncludes(await rowOf(reference), 'Nouveau', 'the row');
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: reference }).click()]);
    await j.checkHere();
    assertIncludes(await mainText(page), 'Morvan');
    await click('Commencer l’examen');
    assertIncludes(await mainText(page), 'L’étape est changée.');
    await j.checkHere();
    await unfold(page, 'Demander des documents');
    await page.getByLabel('Documents demandés').fill('Justificatif de domicile de moins de 3 mois');
    await page.getByLabel('Message à la personne (facultatif)').fill('Bonjour, il nous manque un justificatif de domicile à Rennes.');
    await click('Demander les documents');
    assertIncludes(await mainText(page), 'Les documents sont demandés.');
    await j.checkHere();
    await j.check(j.url('/admin/t/bretagne/demandes'));
    assert.ok(!(await rowOf(reference)).includes('Nouveau'), 'opened by the instructeur: no longer « Nouveau »');
    await inbox.waitFor(EMAIL, /Des documents sont demandés/);

    // 4. The person finds the request in « Mes démarches » and adds the document.
    await context.clearCookies();
    await signInPerson();
    await j.checkHere();
    await j.check(j.url('/mes-demarches'));
    assertIncludes(await mainText(page), reference);
    await followLink(AID_NAME);
    await j.checkHere();
    let text = await mainText(page);
    assertIncludes(text, 'Documents demandés');
    assertIncludes(text, 'il nous manque un justificatif de domicile à Rennes');
    assertIncludes(text, 'Justificatif de domicile de moins de 3 mois : à envoyer');
    await page.locator('#champ-fichier').setInputFiles(proof);
    await click('Envoyer ce document');
    assertIncludes(await mainText(page), 'tous les documents demandés sont envoyés');
    await j.checkHere();
    const alert = await inbox.waitFor(INSTRUCTEUR, new RegExp(`Demande ${reference} : un document est ajouté`));
    assert.ok(!/Léna|Morvan|Rennes/.test(alert.text), 'the instructeur’s mail holds no personal data');

    // 5. The instructeur sees « Réponse de la personne », opens the file and accepts.
    await context.clearCookies();
    await signIn(page, server.origin, INSTRUCTEUR);
    await j.check(j.url('/admin/t/bretagne/demandes?a_lire=1'));
    assertIncludes(await rowOf(reference), 'Réponse de la personne', 'the row');
    // The link of the mail opens the file.
    await j.check(onServer(linkIn(alert, '/admin/t/bretagne/demandes/')));
    assertIncludes(await mainText(page), 'Justificatif de domicile de moins de 3 mois');
    await unfold(page, 'Décider');
    await page.getByRole('radio', { name: 'Acceptée' }).check();
    await page.getByLabel('Motivation').fill('Vous avez entre 18 et 30 ans, vous habitez en Bretagne et votre formation est financée par la Région.');
    await page.getByLabel('Montant accordé, en euros (si la demande est acceptée)').fill('450');
    await click('Enregistrer la décision');
    assertIncludes(await mainText(page), 'La décision est enregistrée.');
    await j.checkHere();
    await j.check(j.url('/admin/t/bretagne/demandes'));
    text = await rowOf(reference);
    assertIncludes(text, 'Acceptée', 'the row');
    assert.ok(!text.includes('Réponse de la personne'), 'read');

    // 6. The person gets the mail and reads the decision.
    const decision = await inbox.waitFor(EMAIL, /Votre demande est acceptée/);
    await context.clearCookies();
    await signInPerson();
    await j.check(j.url('/mes-demarches'));
    assertIncludes(await mainText(page), 'Acceptée');
    await j.check(onServer(linkIn(decision, `/mes-demarches/${reference}`)));
    text = await mainText(page);
    assertIncludes(text, 'Acceptée');
    assertIncludes(text, 'votre formation est financée par la Région');
    assertIncludes(text, 'Montant accordé : 450 €.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
