// Issue 5, points 2, 3 and 4 — "Sign in with FranceConnect → pick an identity on the stand-in →
// the profile shows certified fields", then a declared address (commune chosen from the postal
// code), the FranceConnect page of the account, and sign-out at FranceConnect too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { axeViolations } from './support/checks';
import { assertIncludes, field, follow, heading, journey, mainText } from './support/journey';

const j = journey();


async function click(name: string | RegExp) {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('button', { name }).first().click()]);
}

test('sign in with FranceConnect, pick an identity on the stand-in, the profile shows certified fields', async () => {
  const { page } = j;
  // The stand-in's issuer is the public URL: here, the port the test server got.
  await page.goto(j.url('/connexion?suite=%2Fmon-compte%2Fprofil'));
  assert.equal(await page.getByRole('link', { name: /Qu’est-ce que FranceConnect \?/ }).getAttribute('target'), '_blank');
  await click(/S’identifier avec FranceConnect/);
  assert.match(new URL(page.url()).pathname, /^\/demo\/franceconnect\/interaction\//);
  assertIncludes(await page.locator('body').innerText(), 'Environnement de démonstration — FranceConnect simulé');
  await j.checkHere();
  // Nothing chosen: the stand-in says so in French.
  await click('Continuer avec cette identité');
  assertIncludes(await mainText(page), 'Choisissez une des personnes proposées.');
  await page.getByLabel(/Maëlys Anne Tanguy/).check();
  await click('Continuer avec cette identité');

  assert.equal(new URL(page.url()).pathname, '/mon-compte/profil');
  assert.equal(await heading(page), 'Mon profil');
  const text = await mainText(page);
  assertIncludes(text, 'Maëlys Anne');
  assertIncludes(text, 'Tanguy');
  assertIncludes(text, '18 mars 2007');
  assertIncludes(text, 'Saint-Brieuc');
  assertIncludes(text, 'Certifié par FranceConnect (reçu le');
  await j.checkHere();
});

test('a declared address: the postal code, then the commune among those of this code', async () => {
  const { page } = j;
  const shared = await sql<{ pc: string }>`
    select pc from (select unnest(postal_codes) as pc from territory_communes) t group by pc having count(*) > 1 order by pc limit 1`.execute(j.server.app.platform.db);
  await follow(page, 'Modifier mon adresse', 'main');
  await j.checkHere();
  await field(page, 'Numéro et rue').fill('5 rue de Brest');
  await field(page, 'Code postal').fill(shared.rows[0]!.pc);
  await click('Enregistrer');
  assertIncludes(await mainText(page), 'choisissez la vôtre');
  assert.equal(await field(page, 'Numéro et rue').inputValue(), '5 rue de Brest');
  assert.deepEqual(await axeViolations(page), []);
  await page.locator('input[name="commune_code"]').first().check();
  await click('Enregistrer');
  assert.equal(new URL(page.url()).pathname, '/mon-compte/profil');
  assertIncludes(await mainText(page), '5 rue de Brest');
  assertIncludes(await mainText(page), 'Déclaré par vous le');
});

test('the FranceConnect page of the account, then signing out ends the FranceConnect session too', async () => {
  const { page } = j;
  await page.goto(j.url('/mon-compte/franceconnect'));
  assertIncludes(await mainText(page), 'Votre compte est lié à FranceConnect depuis le');
  await j.checkHere();
  await page.goto(j.url('/mon-compte'));
  await click('Se déconnecter');
  assert.equal(new URL(page.url()).pathname, '/demo/franceconnect/session/end');
  assertIncludes(await mainText(page), 'Voulez-vous aussi vous déconnecter de FranceConnect ?');
  assert.deepEqual(await axeViolations(page), []);
  await click('Oui, me déconnecter de FranceConnect');
  assert.equal(new URL(page.url()).pathname, '/franceconnect/deconnexion/retour');
  assertIncludes(await mainText(page), 'Vous êtes déconnecté de Guichet et de FranceConnect.');
  await j.checkHere();
});
