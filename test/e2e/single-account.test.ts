// Issue 5, point 5 — "One account on every tenant", as a person would try it in a browser:
// signed in on the portal, the person is signed in on /collectivites/brest/ (same site, same
// cookie) and, through the portal's single sign-on, on brest.localhost and quimper.localhost
// without typing the password again; signing out on one host signs out everywhere. The other
// way round too: signing in first on brest.localhost leaves the person signed in on the portal
// and on the other tenants, with a password or with FranceConnect.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { createPerson, PERSON_PASSWORD } from '../../src/modules/accounts/test-support';
import { newContext } from './support/browser';
import { axeViolations, keyboardProblems } from './support/checks';
import { assertIncludes, field, heading, journey, mainText } from './support/journey';

const j = journey();
const EMAIL = 'gwenaelle.riou@exemple.fr';
const NAME = 'Gwenaëlle';

/** What the header says about the visitor: "Mon compte (…)" when signed in, "Se connecter" otherwise. */
async function headerAccount(page: Page): Promise<string> {
  return ((await page.locator('header .site-header__account').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function assertSignedIn(page: Page, where: string) {
  const text = await headerAccount(page);
  assert.ok(text.startsWith('Mon compte'), `${where}: the header should show "Mon compte"; it reads "${text}"`);
}

async function assertSignedOut(page: Page, where: string) {
  assert.equal(await headerAccount(page), 'Se connecter', `${where}: the header should offer to sign in`);
}

/** Follows a link and waits until the browser has settled on `host` (after the SSO redirects). */
async function clickThrough(page: Page, name: string, host: string, path: (p: string) => boolean = () => true) {
  const link = page.locator('header').getByRole('link', { name, exact: true });
  await Promise.all([page.waitForURL((url) => url.hostname === host && path(url.pathname)), link.click()]);
}

test('signed in on the portal, the person is signed in on /collectivites/brest/, then on brest.localhost and quimper.localhost without the password', async () => {
  const { page, server } = j;
  await createPerson(server.database.db, { email: EMAIL, name: NAME });
  await page.goto(j.url('/connexion'));
  await field(page, 'Adresse électronique').fill(EMAIL);
  await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
  await Promise.all([page.waitForURL((url) => url.pathname === '/mon-compte'), page.getByRole('button', { name: 'Se connecter' }).click()]);
  assertIncludes(await mainText(page), `Bonjour ${NAME}`);

  // The authority's space on the portal's host: same cookie, same session.
  await page.goto(j.url('/collectivites/brest/'));
  assert.equal(await heading(page), 'Ville de Brest');
  await assertSignedIn(page, '/collectivites/brest/');

  // Brest's own host: another site, no cookie yet. "Se connecter" asks the portal, which
  // answers with a one-time code: no form, no password.
  const passwordForms: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame() && new URL(frame.url()).pathname === '/connexion') passwordForms.push(frame.url());
  });
  await page.goto(j.url('/', 'brest.localhost'));
  await assertSignedOut(page, 'brest.localhost before single sign-on');
  const hops: string[] = [];
  const onRequest = (request: { url(): string; isNavigationRequest(): boolean }) => {
    if (request.isNavigationRequest()) hops.push(new URL(request.url()).host + new URL(request.url()).pathname);
  };
  page.on('request', onRequest);
  await clickThrough(page, 'Se connecter', 'brest.localhost', (p) => p === '/mon-compte');
  page.off('request', onRequest);
  const port = server.port;
  assert.deepEqual(hops, [`brest.localhost:${port}/connexion`, `localhost:${port}/sso/autoriser`, `brest.localhost:${port}/sso/retour`, `brest.localhost:${port}/mon-compte`]);
  assert.deepEqual(passwordForms, [], 'no sign-in form was shown');
  assert.equal(await heading(page), 'Mon compte');
  assertIncludes(await mainText(page), `Bonjour ${NAME}`);
  await assertSignedIn(page, 'brest.localhost after single sign-on');
  // The person's space served on the tenant's host meets the budgets.
  await j.checkHere();
  await page.goto(j.url('/', 'brest.localhost'));
  await assertSignedIn(page, 'brest.localhost home');

  // Quimper's host as well.
  await page.goto(j.url('/', 'quimper.localhost'));
  await assertSignedOut(page, 'quimper.localhost before single sign-on');
  await clickThrough(page, 'Se connecter', 'quimper.localhost', (p) => p === '/mon-compte');
  assert.deepEqual(passwordForms, [], 'no sign-in form was shown');
  await page.goto(j.url('/', 'quimper.localhost'));
  await assertSignedIn(page, 'quimper.localhost');

  // The sessions page lists the shared sessions, on the portal.
  await page.goto(j.url('/mon-compte/sessions'));
  assertIncludes(await mainText(page), 'Connexion partagée depuis le portail Guichet');
  await j.checkHere();
});

test('signing out on brest.localhost signs the person out of the portal and of quimper.localhost too', async () => {
  const { page } = j;
  await page.goto(j.url('/mon-compte', 'brest.localhost'));
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Se déconnecter' }).click()]);
  assert.equal(new URL(page.url()).hostname, 'brest.localhost');
  await assertSignedOut(page, 'brest.localhost after signing out');

  await page.goto(j.url('/'));
  await assertSignedOut(page, 'the portal after signing out on brest.localhost');
  await page.goto(j.url('/collectivites/brest/'));
  await assertSignedOut(page, '/collectivites/brest/ after signing out on brest.localhost');
  await page.goto(j.url('/', 'quimper.localhost'));
  await assertSignedOut(page, 'quimper.localhost after signing out on brest.localhost');
  // Quimper's space now goes to the portal, which asks for the password.
  await page.goto(j.url('/mon-compte', 'quimper.localhost'));
  assert.equal(new URL(page.url()).host, new URL(j.url('/')).host);
  assert.equal(new URL(page.url()).pathname, '/connexion');
});

test('signing in first on brest.localhost: the portal asks the password once, then the person is signed in on the portal and on quimper.localhost', async () => {
  const context = await newContext(j.browser);
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    await page.goto(j.url('/', 'brest.localhost'));
    await assertSignedOut(page, 'brest.localhost');
    await clickThrough(page, 'Se connecter', 'localhost', (p) => p === '/connexion');
    // The portal's sign-in form, which will send the person back to Brest.
    assert.equal(await heading(page), 'Se connecter');
    await field(page, 'Adresse électronique').fill(EMAIL);
    await field(page, 'Mot de passe').fill(PERSON_PASSWORD);
    // After a form, the browser applies its form-action 'self' to every redirect that follows:
    // the portal hands over through a small page that goes on at once (HTTP Refresh, and a link).
    const handOver: Array<string | undefined> = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/sso/autoriser' && response.status() === 200) handOver.push(response.headers()['refresh']);
    });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    await Promise.all([
      page.waitForURL((url) => url.hostname === 'brest.localhost' && url.pathname === '/mon-compte'),
      page.getByRole('button', { name: 'Se connecter' }).click(),
    ]);
    assertIncludes(await mainText(page), `Bonjour ${NAME}`);
    assert.deepEqual(blocked, [], 'no redirect blocked by the Content-Security-Policy');
    assert.equal(handOver.length, 1, 'one hand-over page');
    assert.match(handOver[0] ?? '', new RegExp(`^0;url=http://brest\\.localhost:${j.server.port}/sso/retour\\?code=`));

    await page.goto(j.url('/'));
    await assertSignedIn(page, 'the portal after signing in on brest.localhost');
    await page.goto(j.url('/collectivites/quimper/'));
    await assertSignedIn(page, '/collectivites/quimper/');
    await page.goto(j.url('/', 'quimper.localhost'));
    await clickThrough(page, 'Se connecter', 'quimper.localhost', (p) => p === '/mon-compte');
    assertIncludes(await mainText(page), `Bonjour ${NAME}`);

    // The hand-over page itself, held still: fetched as the browser's own navigation would get
    // it (its cookies, Sec-Fetch-Site: same-origin), then shown without its Refresh header:
    // French, the site's layout, a link to go on, no accessibility or keyboard problem.
    const handOverUrl = j.url('/sso/autoriser?hote=brest.localhost&suite=%2F&etat=abcdefghijklmnop');
    const cookies = (await context.cookies(j.url('/'))).map((c) => `${c.name}=${c.value}`).join('; ');
    const fetched = await fetch(handOverUrl, { redirect: 'manual', headers: { cookie: cookies, 'sec-fetch-site': 'same-origin' } });
    assert.equal(fetched.status, 200);
    assert.equal(fetched.headers.get('cache-control'), 'no-store');
    assert.match(fetched.headers.get('refresh') ?? '', /^0;url=http:\/\/brest\.localhost:\d+\/sso\/retour\?code=/);
    const html = await fetched.text();
    await page.route(handOverUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(handOverUrl);
    assert.equal(await heading(page), 'Vous êtes connecté');
    const onward = page.locator('main').getByRole('link', { name: 'Continuer vers Ville de Brest' });
    assert.match((await onward.getAttribute('href')) ?? '', new RegExp(`^http://brest\\.localhost:${j.server.port}/sso/retour\\?code=`));
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await keyboardProblems(page), []);
  } finally {
    await context.close();
  }
});

test('signing in with FranceConnect from quimper.localhost: the stand-in, then back on Quimper’s host, signed in', async () => {
  const context = await newContext(j.browser);
  context.setDefaultTimeout(10_000);
  try {
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') blocked.push(message.text());
    });
    await page.goto(j.url('/', 'quimper.localhost'));
    await clickThrough(page, 'Se connecter', 'localhost', (p) => p === '/connexion');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: /S’identifier avec FranceConnect/ }).first().click()]);
    assert.match(new URL(page.url()).pathname, /^\/demo\/franceconnect\/interaction\//);
    await page.getByLabel(/Yann/).check();
    // The stand-in's form, FranceConnect's answer to Guichet, the portal's hand-over: back on Quimper.
    await Promise.all([
      page.waitForURL((url) => url.hostname === 'quimper.localhost' && url.pathname === '/mon-compte'),
      page.getByRole('button', { name: 'Continuer avec cette identité' }).click(),
    ]);
    assertIncludes(await mainText(page), 'Bonjour');
    await assertSignedIn(page, 'quimper.localhost after FranceConnect');
    assert.deepEqual(blocked, [], 'no redirect blocked by the Content-Security-Policy');
    await page.goto(j.url('/'));
    await assertSignedIn(page, 'the portal after FranceConnect from quimper.localhost');
  } finally {
    await context.close();
  }
});
