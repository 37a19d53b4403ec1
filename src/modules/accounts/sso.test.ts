import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { accountsDb } from './store';
import { PERSON_PASSWORD, createPerson, signInPerson } from './test-support';

const EMAIL = 'camille@exemple.fr';
const TENANT_HOST = 'brest.localhost';

/** Follows the SSO dance: the tenant host's /connexion → the portal → back with a code. */
async function ssoStart(tenant: Agent, next = '/mon-compte') {
  const start = await tenant.get(`/connexion?suite=${encodeURIComponent(next)}`);
  assert.equal(start.statusCode, 303);
  const authorize = new URL(start.headers.location as string);
  return authorize;
}

async function portalAuthorize(portal: Agent, authorize: URL) {
  const response = await portal.get(authorize.pathname + authorize.search);
  assert.equal(response.statusCode, 303, response.body.slice(0, 300));
  return new URL(response.headers.location as string);
}

async function setup(t: Parameters<typeof buildTestApp>[0]): Promise<{ app: FastifyInstance; portal: Agent; db: import('kysely').Kysely<import('../../platform/db/tables').PlatformTables> }> {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL });
  const portal = await signInPerson(app, EMAIL);
  return { app, portal, db: database.db };
}

test('signed in at the portal, a person is signed in on a tenant host through a single-use code', async (t) => {
  const { app, portal, db } = await setup(t);
  const tenant = new Agent(app, TENANT_HOST);
  assert.equal((await tenant.get('/mon-compte')).headers.location, '/connexion?suite=%2Fmon-compte');
  const authorize = await ssoStart(tenant);
  assert.equal(authorize.origin, 'http://localhost:3000', 'the tenant host sends the person to the portal');
  assert.equal(authorize.pathname, '/sso/autoriser');
  assert.equal(authorize.searchParams.get('hote'), TENANT_HOST);

  const back = await portalAuthorize(portal, authorize);
  assert.equal(back.origin, `http://${TENANT_HOST}:3000`);
  assert.equal(back.pathname, '/sso/retour');
  const code = back.searchParams.get('code')!;
  const stored = await accountsDb(db).selectFrom('account_sso_codes').select(['code_hash', 'expires_at']).execute();
  assert.ok(!stored.some((r) => r.code_hash === code), 'the code is stored hashed');
  assert.ok(new Date(stored[0]!.expires_at).getTime() - Date.now() <= 60_000);

  const done = await tenant.get(back.pathname + back.search);
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/mon-compte');
  const home = await tenant.get('/mon-compte');
  assert.equal(home.statusCode, 200);
  assert.match(home.body, /Bonjour Camille/);

  // The code served once.
  const again = new Agent(app, TENANT_HOST);
  const restart = await ssoStart(again);
  const replay = await again.get(`/sso/retour?code=${code}&suite=%2F&etat=${restart.searchParams.get('etat')}`);
  assert.equal(replay.statusCode, 400);
  assert.match(replay.body, /n’est plus valable/);

  // The tenant host's session says where it came from.
  const sessions = await portal.get('/mon-compte/sessions');
  assert.match(sessions.body, /Connexion partagée depuis le portail Guichet/);

  // Signing out on the tenant host signs out at the portal too.
  const out = await tenant.post('/deconnexion', { _csrf: csrfTokenFrom(home.body) });
  assert.equal(out.statusCode, 303);
  assert.equal((await portal.get('/mon-compte')).statusCode, 303, 'the portal session ended with it');
  assert.equal((await tenant.get('/mon-compte')).statusCode, 303);
});

test('signing out at the portal ends the sessions it opened on tenant hosts', async (t) => {
  const { app, portal } = await setup(t);
  const tenant = new Agent(app, TENANT_HOST);
  const back = await portalAuthorize(portal, await ssoStart(tenant));
  await tenant.get(back.pathname + back.search);
  assert.equal((await tenant.get('/mon-compte')).statusCode, 200);
  const page = await portal.get('/mon-compte');
  await portal.post('/deconnexion', { _csrf: csrfTokenFrom(page.body) });
  assert.equal((await tenant.get('/mon-compte')).statusCode, 303);
});

test('not signed in at the portal: the portal asks for the password, then carries on to the tenant host', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL });
  const tenant = new Agent(app, TENANT_HOST);
  const portal = new Agent(app);
  const authorize = await ssoStart(tenant, '/pages/piscine');
  const ask = await portal.get(authorize.pathname + authorize.search);
  assert.equal(ask.statusCode, 303);
  assert.match(ask.headers.location as string, /^\/connexion\?suite=%2Fsso%2Fautoriser/);
  const form = await portal.get(ask.headers.location as string);
  const suite = /name="suite" value="([^"]+)"/.exec(form.body)![1]!.replace(/&amp;/g, '&');
  const signedIn = await portal.post('/connexion', { _csrf: csrfTokenFrom(form.body), email: EMAIL, password: PERSON_PASSWORD, suite });
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, suite);
  const back = await portalAuthorize(portal, new URL(`http://localhost:3000${suite}`));
  assert.equal(back.searchParams.get('suite'), '/pages/piscine');
  const done = await tenant.get(back.pathname + back.search);
  assert.equal(done.headers.location, '/pages/piscine');
});

test('SSO refuses foreign hosts, expired codes, codes for another host, and codes without this browser’s state', async (t) => {
  const { app, portal, db } = await setup(t);
  for (const hote of ['evil.example', 'brest.localhost.evil.example', 'brest.localhost:8080', 'localhost', '']) {
    const refused = await portal.get(`/sso/autoriser?hote=${encodeURIComponent(hote)}&suite=%2F&etat=abcdefghijkl`);
    assert.equal(refused.statusCode, 400, hote);
    assert.match(refused.body, /n’est pas celle d’une collectivité/);
  }
  // Not on the portal's host.
  assert.equal((await new Agent(app, TENANT_HOST).get('/sso/autoriser?hote=quimper.localhost&etat=abcdefghijkl')).statusCode, 404);
  assert.equal((await portal.get('/sso/retour?code=x')).statusCode, 404);

  // Expired.
  const tenant = new Agent(app, TENANT_HOST);
  const back = await portalAuthorize(portal, await ssoStart(tenant));
  await accountsDb(db).updateTable('account_sso_codes').set({ expires_at: new Date(Date.now() - 1) }).execute();
  assert.equal((await tenant.get(back.pathname + back.search)).statusCode, 400);

  // A code made for brest.localhost is worthless on quimper.localhost.
  const quimper = new Agent(app, 'quimper.localhost');
  const forBrest = await portalAuthorize(portal, await ssoStart(new Agent(app, TENANT_HOST)));
  const quimperStart = await ssoStart(quimper);
  const wrongHost = await quimper.get(`/sso/retour?code=${forBrest.searchParams.get('code')}&suite=%2F&etat=${quimperStart.searchParams.get('etat')}`);
  assert.equal(wrongHost.statusCode, 400);

  // A code handed to another browser (login CSRF): its state cookie does not match.
  const victim = new Agent(app, TENANT_HOST);
  const attackerBack = await portalAuthorize(portal, await ssoStart(new Agent(app, TENANT_HOST)));
  const csrf = await victim.get(attackerBack.pathname + attackerBack.search);
  assert.equal(csrf.statusCode, 400);
  assert.match(csrf.body, /pas été demandée depuis ce navigateur/);
  assert.equal((await victim.get('/mon-compte')).statusCode, 303);

  const refusals = await db.selectFrom('platform_audit').select('action').where('action', '=', 'auth.sso_refused').execute();
  assert.ok(refusals.length >= 2);
});
