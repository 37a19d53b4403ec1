// Issue 5, points 7 and 8 — "Sign in with Guichet": a small application of Brest (a relying
// party served by this test with openid-client) sends a person to Guichet, who signs in, reads
// the consent screen, accepts, and comes back to the application with their claims. Then the
// person finds the application in "Mon compte" and withdraws the consent; an administrator of
// Brest sees the application in the back office.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import * as oidc from 'openid-client';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { registerClient, freePort, createPerson } from '../../src/modules/identity-provider/test-support';
import { hashPassword } from '../../src/platform/auth/passwords';
import { SESSION_COOKIE } from '../../src/platform/auth/current-account';
import type { Database } from '../../src/platform/db/database';
import type { FastifyInstance } from 'fastify';
import { freshDatabase } from '../support/database';
import { launchBrowser, newContext } from './support/browser';
import { checkPage } from './support/checks';
import { assertIncludes, field, heading, mainText, signIn } from './support/journey';

const PASSWORD = 'les goélands de Brest rient fort';

let app: FastifyInstance;
let database: Database;
let origin: string;
let rp: Server;
let rpOrigin: string;
let browser: Browser;
let page: Page;
let person: { id: string; email: string };
let clientId: string;

/** The relying party: one page with a sign-in link, the callback showing what Guichet gave. */
async function startRelyingParty(config: () => oidc.Configuration): Promise<void> {
  const pending = new Map<string, { verifier: string; nonce: string }>();
  const html = (title: string, body: string) =>
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
  rp = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', rpOrigin);
      if (url.pathname === '/') return res.end(html('Piscines de Brest', '<p><a href="/connexion">Se connecter avec Guichet</a></p>'));
      if (url.pathname === '/connexion') {
        const verifier = oidc.randomPKCECodeVerifier();
        const state = oidc.randomState();
        const nonce = oidc.randomNonce();
        pending.set(state, { verifier, nonce });
        const to = oidc.buildAuthorizationUrl(config(), {
          redirect_uri: `${rpOrigin}/retour`,
          scope: 'openid profile email identite_pivot',
          code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
          state,
          nonce,
        });
        res.writeHead(302, { location: to.href });
        return res.end();
      }
      if (url.pathname === '/retour') {
        const state = url.searchParams.get('state') ?? '';
        const expected = pending.get(state);
        if (!expected) return res.end(html('Erreur', `<p>${url.searchParams.get('error') ?? 'état inconnu'}</p>`));
        const tokens = await oidc.authorizationCodeGrant(config(), url, { pkceCodeVerifier: expected.verifier, expectedState: state, expectedNonce: expected.nonce });
        const claims = await oidc.fetchUserInfo(config(), tokens.access_token, tokens.claims()!.sub);
        return res.end(
          html(
            `Bonjour ${String(claims.given_name)}`,
            `<p>Nom : ${String(claims.family_name)}</p><p>Courriel : ${String(claims.email)}</p><p>Certifié par FranceConnect : ${(claims.certified_claims as string[]).join(', ')}</p>`,
          ),
        );
      }
      res.writeHead(404).end();
    })().catch((error: Error) => {
      res.writeHead(500).end(html('Erreur', `<p>${error.message} ${String(error.cause ?? '')}</p>`));
    });
  });
  await new Promise<void>((resolve) => rp.listen(0, '127.0.0.1', resolve));
  rpOrigin = `http://127.0.0.1:${(rp.address() as AddressInfo).port}`;
}

before(async () => {
  // The issuer is PUBLIC_URL: the port is chosen first, the app built for it, then it listens.
  const port = await freePort();
  origin = `http://localhost:${port}`;
  database = await freshDatabase();
  app = await buildApp({ config: loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: origin, PORT: port }), database });
  await app.listen({ port, host: '127.0.0.1' });

  const rpConfig: { current?: oidc.Configuration } = {};
  await startRelyingParty(() => rpConfig.current!);
  const registered = await registerClient(app, 'brest', { redirectUris: [`${rpOrigin}/retour`], scopes: ['openid', 'profile', 'email', 'identite_pivot'] });
  clientId = registered.client.id;
  rpConfig.current = await oidc.discovery(new URL(`${origin}/oidc`), clientId, registered.secret, oidc.ClientSecretBasic(registered.secret), { execute: [oidc.allowInsecureRequests] });

  person = await createPerson(app, 'camille.le-goff@exemple.fr');
  await sql`update platform_accounts set password_hash = ${await hashPassword(PASSWORD)}, email_confirmed_at = now() where id = ${person.id}`.execute(app.platform.db);

  browser = await launchBrowser();
  const context = await newContext(browser);
  context.setDefaultTimeout(10_000);
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => rp?.close(resolve));
  await app?.close();
  await database?.close();
});

async function click(name: string | RegExp) {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).first().click()]);
}

test('from the application to Guichet’s sign-in, then the consent screen naming the application, the authority and the data', async () => {
  await page.goto(`${rpOrigin}/`);
  await Promise.all([page.waitForURL((url) => url.pathname === '/connexion'), page.getByRole('link', { name: 'Se connecter avec Guichet' }).click()]);
  assert.equal(new URL(page.url()).origin, origin);
  await field(page, 'Adresse électronique').fill(person.email);
  await field(page, 'Mot de passe').fill(PASSWORD);
  await Promise.all([page.waitForURL((url) => /^\/oidc\/interaction\/[^/]+$/.test(url.pathname) && url.origin === origin, { timeout: 10_000 }), page.getByRole('button', { name: 'Se connecter' }).click()]);
  // Past the relay page, Guichet now asks for consent.
  await page.waitForSelector('text=Ce que l’application recevra si vous acceptez');
  assert.equal(await heading(page), 'Autoriser Démarches de brest');
  const text = await mainText(page);
  assertIncludes(text, 'Ville de Brest');
  assertIncludes(text, 'Votre identité complète (identité pivot)');
  assertIncludes(text, 'Votre adresse électronique');
  await checkPage(page, page.url());
});

test('accepting: back to the application, which shows the claims and which are certified', async () => {
  await click('Accepter et continuer');
  assert.equal(new URL(page.url()).origin, rpOrigin);
  assert.equal(await page.locator('h1').textContent(), 'Bonjour Camille');
  const text = await mainText(page);
  assertIncludes(text, 'Nom : Le Goff');
  assertIncludes(text, `Courriel : ${person.email}`);
  assertIncludes(text, 'Certifié par FranceConnect : birthcountry, birthdate, birthplace, family_name, gender, given_name');
});

test('signing in again goes straight back: the consent is remembered', async () => {
  await page.goto(`${rpOrigin}/`);
  await Promise.all([page.waitForURL((url) => url.origin === rpOrigin && url.pathname === '/retour'), page.getByRole('link', { name: 'Se connecter avec Guichet' }).click()]);
  assert.equal(await page.locator('h1').textContent(), 'Bonjour Camille');
});

test('"Mon compte › Applications autorisées" lists it; withdrawing the consent asks again next time', async () => {
  await page.goto(`${origin}/mon-compte/applications`);
  assert.equal(await heading(page), 'Applications autorisées');
  assertIncludes(await mainText(page), 'Démarches de brest');
  await checkPage(page, `${origin}/mon-compte/applications`);
  await click(/Retirer l’autorisation/);
  assertIncludes(await mainText(page), 'L’autorisation est retirée');
  await page.goto(`${rpOrigin}/`);
  await Promise.all([page.waitForURL((url) => url.origin === origin && url.pathname.startsWith('/oidc/interaction/')), page.getByRole('link', { name: 'Se connecter avec Guichet' }).click()]);
  await page.waitForSelector('text=Ce que l’application recevra si vous acceptez');
  await click('Refuser');
  assert.equal(new URL(page.url()).origin, rpOrigin);
  assertIncludes(await mainText(page), 'access_denied');
});

test('an administrator of Brest signs in (password, then the second factor) and finds the application in the back office', async () => {
  const context = await newContext(browser);
  context.setDefaultTimeout(10_000);
  try {
    const agentPage = await context.newPage();
    // The real sign-in: the agents' form, then the second factor (enrolled on this first sign-in).
    await signIn(agentPage, origin, 'admin.brest@demo.guichet.bzh');
    assert.equal(new URL(agentPage.url()).pathname, '/admin');
    const session = await app.platform.sessions.get((await context.cookies(origin)).find((c) => c.name === SESSION_COOKIE)!.value);
    assert.equal(session?.data.mfa, true, 'the session proved the second factor');
    await agentPage.goto(`${origin}/admin/t/brest/applications`);
    assert.equal(await heading(agentPage), 'Applications connectées à Guichet – Brest');
    assertIncludes(await mainText(agentPage), 'Démarches de brest');
    assertIncludes(await mainText(agentPage), clientId);
    await checkPage(agentPage, `${origin}/admin/t/brest/applications`);
  } finally {
    await context.close();
  }
});
