// Issue 5, point 9 — agents' second factor: after the password, an agent who has none enrols it
// (QR code drawn as SVG, the key written beside it, a first code, 10 recovery codes shown once)
// before any back-office page; the next sign-in asks a code on the code page. People may turn
// the same factor on for their own account (last test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations, checkPage } from './support/checks';
import { newContext } from './support/browser';
import { assertIncludes, enrolHere, field, heading, journey, mainText, unusedCode } from './support/journey';
import { DEMO_PASSWORD } from '../../seed/accounts';
import { createPerson, PERSON_PASSWORD } from '../../src/modules/accounts/test-support';

const j = journey();
const EMAIL = 'lecteur.quimper@demo.guichet.bzh';

async function click(name: string | RegExp) {
  await Promise.all([j.page.waitForEvent('load'), j.page.getByRole('button', { name }).first().click()]);
}

async function typePassword(page = j.page) {
  await page.goto(j.url('/admin/connexion'));
  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Mot de passe').fill(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/admin/connexion')), page.getByRole('button', { name: 'Se connecter' }).click()]);
}

test('an agent signs in, is sent to enrol the second factor, types a code and reaches the dashboard', async () => {
  const { page } = j;
  await typePassword();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/admin/double-authentification');
  assert.equal(url.searchParams.get('suite'), '/admin');
  assert.equal(await heading(page), 'Double authentification');
  await j.checkHere();
  // The QR code is markup in the page (no image request), with a text alternative; the key is written beside it.
  assert.equal(await page.locator('svg.mfa-qr title').count(), 1);
  assert.match((await page.locator('#mfa-cle').textContent()) ?? '', /^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$/);

  // A wrong code: said in French next to the field.
  await field(page, 'Code de vérification').fill('000000');
  await click('Activer la double authentification');
  assertIncludes(await mainText(page), "Ce code n'est pas le bon");
  assert.deepEqual(await axeViolations(page), []);

  const codes = await enrolHere(page, j.server.origin, EMAIL);
  assert.equal(codes.length, 10);
  assertIncludes(await mainText(page), 'Ils ne seront plus jamais affichés');
  assert.deepEqual(await axeViolations(page), []);
  await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /J’ai noté mes codes/ }).click()]);
  assert.equal(new URL(page.url()).pathname, '/admin');
  assertIncludes(await mainText(page), 'Vos collectivités');
});

test('the next sign-in asks the code on the code page', async () => {
  const context = await newContext(j.browser);
  try {
    const page = await context.newPage();
    await typePassword(page);
    assert.equal(new URL(page.url()).pathname, '/connexion/code');
    assert.equal(await heading(page), 'Saisissez votre code de vérification');
    await checkPage(page, page.url());
    await field(page, 'Code de vérification').fill(await unusedCode(j.server.origin, EMAIL));
    await Promise.all([page.waitForURL((u) => u.pathname === '/admin'), page.getByRole('button', { name: 'Valider et me connecter' }).click()]);
    assertIncludes(await mainText(page), 'Vos collectivités');
    await page.goto(j.url('/admin/double-authentification'));
    assertIncludes(await mainText(page), 'Il vous reste 10 codes de secours');
    await checkPage(page, page.url());
  } finally {
    await context.close();
  }
});

// Issue 5, point 9 (people) — the optional second factor of a person's own account: turned on
// in "Mon compte", asked at the next sign-in (here from Brest's own host, through the portal's
// form and code page, then back to Brest), turned off with the password.
test('a person turns the second factor on in their space, is asked the code at the next sign-in, and turns it off', async () => {
  const email = 'maiwenn.guillou@exemple.fr';
  await createPerson(j.server.database.db, { email, name: 'Maïwenn' });
  const context = await newContext(j.browser);
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    const signInForm = async () => {
      await field(page, 'Adresse électronique').fill(email);
      await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
      await Promise.all([page.waitForURL((url) => url.pathname !== '/connexion'), page.getByRole('button', { name: 'Se connecter' }).click()]);
    };
    await page.goto(j.url('/connexion'));
    await signInForm();
    assert.equal(new URL(page.url()).pathname, '/mon-compte');

    // From "Mon compte" to the page that turns it on.
    await Promise.all([page.waitForEvent('load'), page.locator('main').getByRole('link', { name: 'Double authentification' }).click()]);
    assert.equal(new URL(page.url()).pathname, '/mon-compte/double-authentification');
    assertIncludes(await mainText(page), 'Elle est facultative');
    await checkPage(page, page.url());
    const codes = await enrolHere(page, j.server.origin, email);
    assert.equal(codes.length, 10);
    assertIncludes(await mainText(page), 'La double authentification est active sur votre compte');
    assert.deepEqual(await axeViolations(page), []);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /J’ai noté mes codes/ }).click()]);
    assertIncludes(await mainText(page), 'Il vous reste 10 codes de secours');
    assertIncludes(await mainText(page), 'Désactiver la double authentification');
    await checkPage(page, page.url());

    // Signed out, the person comes back on Brest's host: the portal's form, then the code page.
    await page.goto(j.url('/mon-compte'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
    await page.goto(j.url('/', 'brest.localhost'));
    await Promise.all([page.waitForURL((url) => url.pathname === '/connexion'), page.locator('header').getByRole('link', { name: 'Se connecter' }).click()]);
    await signInForm();
    assert.equal(new URL(page.url()).pathname, '/connexion/code');
    assert.equal(await heading(page), 'Saisissez votre code de vérification');
    assert.equal((await context.cookies(j.url('/'))).some((c) => c.name === 'guichet_session'), false, 'no session before the code');
    await field(page, 'Code de vérification').fill(await unusedCode(j.server.origin, email));
    await Promise.all([
      page.waitForURL((url) => url.hostname === 'brest.localhost' && url.pathname === '/mon-compte'),
      page.getByRole('button', { name: 'Valider et me connecter' }).click(),
    ]);
    assertIncludes(await mainText(page), 'Bonjour Maïwenn');

    // Off, with the password (the portal's session is the same person's).
    await page.goto(j.url('/mon-compte/double-authentification'));
    const disable = page.locator('form[action$="/desactiver"]');
    await disable.getByLabel(/^Mot de passe/).fill('pas le bon mot de passe');
    await Promise.all([page.waitForEvent('load'), disable.getByRole('button', { name: 'Désactiver la double authentification' }).click()]);
    assertIncludes(await mainText(page), 'Le mot de passe est incorrect');
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('form[action$="/desactiver"]').getByLabel(/^Mot de passe/).fill(PERSON_PASSWORD);
    await Promise.all([page.waitForEvent('load'), page.locator('form[action$="/desactiver"]').getByRole('button', { name: 'Désactiver la double authentification' }).click()]);
    assertIncludes(await mainText(page), 'La double authentification est désactivée');
    assertIncludes(await mainText(page), 'Elle est facultative');

    // The next sign-in asks the password alone.
    await page.goto(j.url('/mon-compte'));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
    await page.goto(j.url('/connexion'));
    await signInForm();
    assert.equal(new URL(page.url()).pathname, '/mon-compte');
  } finally {
    await context.close();
  }
});
