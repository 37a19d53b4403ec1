// Issue 6, « must hold » — an association in Brest finds the aids for organisations: first in the
// list of aids (public « Associations »), then through the questionnaire « pour une organisation »,
// with the reasons, the aids of the State, the Région, the Finistère and the Ville de Brest, and
// none of the aids meant for people.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertIncludes, heading, journey, mainText } from './support/journey';

const j = journey();

const click = async (name: string) => {
  // The page's own buttons: the header's search box has a « Rechercher » too.
  await Promise.all([j.page.waitForEvent('load'), j.page.locator('main').getByRole('button', { name }).click()]);
};
const follow = async (name: string | RegExp) => {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('link', { name }).first().click()]);
};

test('the list of aids filtered for associations shows the State’s, the Région’s and Brest’s aids', async () => {
  const { page } = j;
  await j.check(j.url('/aides'));
  await page.getByLabel('Public').selectOption('association');
  await click('Rechercher');
  await j.checkHere();
  const text = await mainText(page);
  for (const name of ['Fonds pour le développement de la vie associative', 'Emploi associatif d’intérêt régional', 'Ville de Brest : subvention aux associations brestoises', 'Accueillir un ou une volontaire en Service civique']) {
    assertIncludes(text, name);
  }
  assert.ok(!text.includes('Aide à la formation au code et au permis de conduire'), 'not the aids for people');

  await follow('Ville de Brest : subvention aux associations brestoises');
  await j.checkHere();
  assertIncludes(await heading(page), 'Ville de Brest : subvention aux associations brestoises');
  const aid = await mainText(page);
  for (const expected of ['Qui peut en bénéficier ?', 'association', 'Habiter à Brest', 'Les statuts de l’association']) assertIncludes(aid, expected);
});

test('an association in Brest answers « pour une organisation » and gets its aids with the reasons', async () => {
  const { page } = j;
  await j.check(j.url('/aides/simulateur'));
  await follow('Commencer');
  await j.checkHere();
  assertIncludes(await heading(page), 'Pour qui cherchez-vous des aides ?');
  await page.getByLabel('Pour une organisation : association, entreprise, commune…').check();
  await click('Continuer');

  const asked: string[] = [];
  for (let step = 0; step < 20 && new URL(page.url()).pathname.startsWith('/aides/simulateur/question/'); step++) {
    const question = await heading(page);
    asked.push(question);
    if (question === 'Dans quelle commune se trouve votre organisation ?') {
      await j.checkHere();
      await page.getByLabel(question).fill('Brest');
    } else if (question === 'Pour quel type d’organisation faites-vous la demande ?') await page.getByLabel('Association', { exact: true }).check();
    else if (question === 'Combien de salariés a votre organisation ?') await page.getByLabel(question).fill('1');
    else if (question === 'Quelle est l’activité principale de votre organisation ?') await page.getByLabel(question).selectOption({ label: 'Autre association (culture, loisirs, entraide, environnement…)' });
    else {
      // The association's own questions (RNA, projects…): the results are enough for now.
      await follow('Voir mes résultats maintenant');
      break;
    }
    await click('Continuer');
  }
  assert.ok(!asked.some((q) => /naissance|bourse|enfants|situation \?/.test(q)), `no question about a person: ${asked.join(' / ')}`);
  assert.equal(new URL(page.url()).pathname, '/aides/simulateur/resultats', asked.join(' / '));
  await j.checkHere();
  let text = await mainText(page);
  assertIncludes(text, 'Brest (Finistère)');
  assertIncludes(text, 'Pour une organisation');

  await follow(/^Toutes les aides pour vous/);
  await j.checkHere();
  text = await mainText(page);
  assertIncludes(text, 'FDVA – formation des bénévoles');
  assertIncludes(text, 'Votre organisation : association ; cette aide demande d’être une association');

  await page.goto(j.url('/aides/simulateur/resultats?liste=a-verifier'));
  await j.checkHere();
  text = await mainText(page);
  for (const name of ['Ville de Brest : subvention aux associations brestoises', 'Finistère : aide aux associations qui font vivre la langue bretonne', 'Emploi associatif d’intérêt régional']) assertIncludes(text, name);
  assertIncludes(text, 'Votre organisation est à Brest (Finistère)');
  assert.ok(!text.includes('Allocation personnalisée d’autonomie'), 'no aid for people');

  await page.goto(j.url('/aides/brest-subvention-associations/calcul'));
  await j.checkHere();
  assertIncludes(await heading(page), 'Comment est-ce calculé ?');
  text = await mainText(page);
  for (const expected of ['Habiter à Brest', 'Pour vous : Votre organisation : association']) assertIncludes(text, expected);
});
