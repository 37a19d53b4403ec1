// Issue 6 b — « young person in Rennes finds their aids »: the questionnaire one question per
// page (without JavaScript), the results with their reasons, then « Comment est-ce calculé ? ».
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, heading, journey, mainText } from './support/journey';

const j = journey();

/** A birthdate that makes someone 19 today, as a person types it in a date field. */
function nineteenYearsAgo(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear() - 19, now.getUTCMonth(), now.getUTCDate()) - 20 * 86_400_000);
  return date.toISOString().slice(0, 10);
}

const CHOICES: Record<string, string> = {
  'Quelle est votre situation ?': 'Étudiant ou étudiante',
  'Avez-vous une bourse d’études ?': 'Oui',
  'En quelle année d’études êtes-vous ?': '2e année de licence',
  'Êtes-vous en situation de handicap ?': 'Non',
};

test('young person in Rennes finds their aids: questionnaire → results → « Comment est-ce calculé ? »', async () => {
  const { page } = j;
  await j.check(j.url('/aides/simulateur'));
  assertIncludes(await heading(page), 'Les aides auxquelles vous avez droit');
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Commencer' }).click()]);

  // For whom first: every other question depends on it.
  await j.checkHere();
  assertIncludes(await heading(page), 'Pour qui cherchez-vous des aides ?');
  await page.getByLabel('Pour moi et mon foyer', { exact: true }).check();
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Continuer' }).click()]);

  // Then the commune: a postal code, then the next question.
  assertIncludes(await heading(page), 'Dans quelle commune habitez-vous ?');
  await page.getByLabel('Dans quelle commune habitez-vous ?').fill('35000');
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Continuer' }).click()]);

  const asked: string[] = [];
  let checkedQuestion = false;
  for (let step = 0; step < 30 && new URL(page.url()).pathname.startsWith('/aides/simulateur/question/'); step++) {
    const question = await heading(page);
    asked.push(question);
    if (!checkedQuestion && question === 'Quelle est votre date de naissance ?') {
      await j.checkHere();
      checkedQuestion = true;
    }
    if (question === 'Quelle est votre date de naissance ?') {
      await page.getByLabel(question).fill(nineteenYearsAgo());
    } else if (CHOICES[question]) {
      await page.getByLabel(CHOICES[question]!, { exact: true }).check();
    } else if (question.startsWith('Quel est votre quotient familial')) {
      await page.getByLabel(question).fill('600');
    } else if (asked.length > 6) {
      // Enough: the person asks for the results now.
      await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Voir mes résultats maintenant' }).click()]);
      break;
    } else {
      const skip = page.getByRole('button', { name: 'Je ne sais pas' });
      if (await skip.count()) await Promise.all([page.waitForEvent('load'), skip.click()]);
      else {
        await page.getByLabel('Je ne sais pas', { exact: true }).check();
        await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Continuer' }).click()]);
      }
      continue;
    }
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Continuer' }).click()]);
  }
  assert.ok(checkedQuestion, `the birthdate was asked: ${asked.join(' / ')}`);
  assert.equal(new URL(page.url()).pathname, '/aides/simulateur/resultats');
  await j.checkHere();
  let text = await mainText(page);
  assertIncludes(text, 'aides à vérifier');
  assertIncludes(text, 'Rennes (Ille-et-Vilaine)');

  // The full list of aids for this person: the Région's driving licence aid, with its reasons
  // (every condition Guichet can check holds; the others are « à vérifier aussi »).
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /^Toutes les aides pour vous/ }).click()]);
  let found = false;
  for (let p = 0; p < 10 && !found; p++) {
    text = await mainText(page);
    found = text.includes('Aide à la formation au code et au permis de conduire');
    if (!found) await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Page suivante' }).click()]);
  }
  assert.ok(found, 'the Région’s aid is among the aids for this person');
  await j.checkHere();
  assertIncludes(text, 'Vous avez 19 ans : cette aide est réservée aux 18–30 ans');
  assertIncludes(text, 'Vous habitez Rennes (Ille-et-Vilaine) : cette aide est réservée aux habitants de Bretagne');
  assertIncludes(text, 'À vérifier aussi sur la page officielle : les autres conditions décrites par l’organisme');

  // « Comment est-ce calculé ? » for that aid: the rule, and each condition for this person.
  await Promise.all([page.waitForEvent('load'), page.locator('a[href="/aides/bretagne-aide-code-permis/calcul"]').click()]);
  await j.checkHere();
  assertIncludes(await heading(page), 'Comment est-ce calculé ?');
  text = await mainText(page);
  for (const expected of ['Avoir entre 18 et 30 ans', 'Habiter en Bretagne', 'Pour vous : Vous avez 19 ans', 'Selon vos réponses, vous avez droit à cette aide']) assertIncludes(text, expected);

  // Going back through the questions works without JavaScript.
  await page.goto(j.url('/aides/simulateur/question/age'));
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Question précédente' }).click()]);
  assert.match(new URL(page.url()).pathname, /^\/aides\/simulateur\/question\//);
});
