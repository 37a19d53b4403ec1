// Issue 12, point a.1 — an administrator invites an agent; the person, who has no account yet,
// creates one with the invited address, comes back through the mailed link, accepts, and meets
// the second factor before the back office. Every page on the way is checked.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Page } from 'playwright-core';
import { demoAgentEmail } from '../../seed/accounts';
import { linkIn, startTestInbox, type TestInbox } from '../support/mail';
import { newContext } from './support/browser';
import { checkPage } from './support/checks';
import { assertIncludes, field, follow, heading, journey, mainText, signIn } from './support/journey';

const EMAIL = 'maiwenn.kerouac@exemple.fr';
const PASSWORD = 'le phare du Créac’h veille la nuit';

let inbox: TestInbox;
const cleanups: Array<() => unknown> = [];
const j = journey(async () => {
  inbox = await startTestInbox({ after: (fn: () => unknown) => void cleanups.push(fn) });
  return { SMTP_URL: inbox.url };
});
after(async () => {
  for (const cleanup of cleanups) await cleanup();
});

async function click(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);
}

let person: Page;
let link: string;

test('the administrator invites an address: the page answers without telling whether it has an account', async () => {
  await signIn(j.page, j.server.origin, demoAgentEmail('administrateur', 'brest'));
  await j.page.goto(j.url('/admin/t/brest/agents'));
  await j.checkHere();
  await field(j.page, 'Adresse électronique').fill(EMAIL);
  await j.page.getByRole('radio', { name: /^Éditeur/ }).check();
  await click(j.page, "Envoyer l'invitation");
  const text = await mainText(j.page);
  assertIncludes(text, 'Si une personne a un compte Guichet avec cette adresse, ou quand elle en créera un');
  assertIncludes(text, 'Invitations en attente (1)');
  await j.checkHere();
});

test('the person, without an account, opens the link, creates the account, comes back, signs in and accepts', async () => {
  const mail = await inbox.waitFor(EMAIL, /Invitation à rejoindre l'espace de gestion de Ville de Brest/);
  assertIncludes(mail.text, 'valable 7 jours');
  const parsed = new URL(linkIn(mail, '/invitation-agent?jeton='));
  link = j.url(parsed.pathname + parsed.search);
  person = await (await newContext(j.browser)).newPage();
  await person.goto(link);
  assert.equal(await heading(person), 'Invitation à devenir agent');
  assertIncludes(await mainText(person), 'Ville de Brest vous invite à devenir agent');
  await checkPage(person, link);

  await follow(person, 'Créez votre compte', 'main');
  await field(person, 'Adresse électronique').fill(EMAIL);
  await field(person, 'Prénom ou nom d’usage').fill('Maïwenn');
  await field(person, 'Mot de passe').fill(PASSWORD);
  await click(person, 'Créer mon compte');
  assertIncludes(await mainText(person), 'Consultez votre messagerie');

  await person.goto(link);
  await follow(person, 'Se connecter pour répondre', 'main');
  await field(person, 'Adresse électronique').fill(EMAIL);
  await field(person, 'Mot de passe').fill(PASSWORD);
  await click(person, 'Se connecter');
  assert.equal(new URL(person.url()).pathname, '/mon-compte/invitations');
  assertIncludes(await mainText(person), 'Rôle proposé : Éditeur');
  await checkPage(person, person.url());

  await click(person, /^Accepter/);
  assertIncludes(await mainText(person), 'Vous êtes maintenant agent de la collectivité');
  await follow(person, "Ouvrir l'espace de gestion", 'main');
  assert.equal(new URL(person.url()).pathname, '/admin/double-authentification', 'the second factor comes first');
});

test('the administrator sees the new agent; the used link no longer works', async () => {
  await j.page.goto(j.url('/admin/t/brest/agents'));
  const text = await mainText(j.page);
  assertIncludes(text, 'Agents de Ville de Brest (6)');
  assert.ok(!text.includes('Invitations en attente'), 'no invitation is pending any more');
  await person.goto(link);
  assertIncludes(await mainText(person), 'Cette invitation ne peut pas être utilisée');
});
