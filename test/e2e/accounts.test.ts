// Issue 5, points 1 and 6 — "Create a local account", as a person would: create the account,
// read the confirmation mail, confirm, sign out, sign in again, look at the open sessions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { startTestInbox, linkIn, type TestInbox } from '../support/mail';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { assertIncludes, field, follow, heading, mainText, startServerAndBrowser } from './support/journey';
import type { RunningServer } from './support/server';

const EMAIL = 'nolwenn.le-gall@exemple.fr';
const PASSWORD = 'la mer monte vite à Saint-Malo';

let server: RunningServer;
let browser: Browser;
let page: Page;
let inbox: TestInbox;
const cleanups: Array<() => unknown> = [];

before(async () => {
  inbox = await startTestInbox({ after: (fn: () => unknown) => void cleanups.push(fn) });
  ({ server, browser } = await startServerAndBrowser({ SMTP_URL: inbox.url }));
  const context = await newContext(browser);
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.close();
  for (const cleanup of cleanups) await cleanup();
});

const url = (path: string) => `${server.origin}${path}`;
const checkHere = () => checkPage(page, page.url().replace(/#.*$/, ''));

/** The path of a mailed link, on the test server (mails use PUBLIC_URL, here the default port). */
function onServer(link: string): string {
  const parsed = new URL(link);
  return url(parsed.pathname + parsed.search);
}

async function click(name: string | RegExp) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);
}

async function signIn() {
  await page.goto(url('/connexion'));
  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Mot de passe').fill(PASSWORD);
  await click('Se connecter');
}

test('a person creates an account; a weak password is explained; the confirmation mail arrives', async () => {
  await page.goto(url('/'));
  await follow(page, 'Se connecter');
  assert.equal(await heading(page), 'Se connecter');
  await checkHere();
  await follow(page, 'Créer un compte', 'main');
  assert.equal(await heading(page), 'Créer un compte');
  await checkHere();

  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Prénom ou nom d’usage').fill('Nolwenn');
  await field(page, 'Mot de passe').fill('azertyuiop123');
  await click('Créer mon compte');
  assertIncludes(await mainText(page), 'trop courant ou trop facile à deviner');
  assert.equal(await field(page, 'Adresse électronique').inputValue(), EMAIL, 'the address is kept');
  assert.equal(await field(page, 'Mot de passe').inputValue(), '', 'the password is not');

  await field(page, 'Mot de passe').fill(PASSWORD);
  await click('Créer mon compte');
  assert.equal(new URL(page.url()).pathname, '/inscription/courriel-envoye');
  assertIncludes(await mainText(page), 'Consultez votre messagerie');
  await checkHere();
});

test('the link in the mail confirms the address', async () => {
  const mail = await inbox.waitFor(EMAIL, /Confirmez votre adresse/);
  assertIncludes(mail.text, 'valable 48 heures');
  await page.goto(onServer(linkIn(mail, '/inscription/confirmer')));
  assert.equal(await heading(page), 'Confirmer mon adresse électronique');
  await checkHere();
  await click('Confirmer mon adresse');
  assert.equal(new URL(page.url()).pathname, '/connexion');
  assertIncludes(await mainText(page), 'Votre adresse électronique est confirmée');
});

test('the person signs in, signs out, signs in again and sees their sessions', async () => {
  await signIn();
  assert.equal(new URL(page.url()).pathname, '/mon-compte');
  assert.equal(await heading(page), 'Mon compte');
  assertIncludes(await mainText(page), 'Bonjour Nolwenn');
  await checkHere();

  await click('Se déconnecter');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.goto(url('/mon-compte'));
  assert.equal(new URL(page.url()).pathname, '/connexion', 'signed out: the space asks to sign in');

  await signIn();
  assert.equal(new URL(page.url()).pathname, '/mon-compte');
  await follow(page, 'Sessions', 'main');
  assert.equal(await heading(page), 'Sessions ouvertes');
  const text = await mainText(page);
  assertIncludes(text, '(cet appareil)');
  assertIncludes(text, 'Mot de passe');
  await checkHere();
});

test('the other pages of the space and the forgotten password page meet the budgets', async () => {
  await page.goto(url('/mon-compte/identifiants'));
  assert.equal(await heading(page), 'Identifiants');
  await checkHere();
  await page.goto(url('/mon-compte/supprimer'));
  assert.equal(await heading(page), 'Supprimer mon compte');
  assertIncludes(await mainText(page), 'Ce qui est gardé');
  await checkHere();
  await page.goto(url('/mot-de-passe-oublie'));
  await checkHere();
});
