import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Config } from '../../config';
import { openSession } from '../../platform/auth/open-session';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { linkIn, startTestInbox } from '../../../test/support/mail';
import { PERSON_PASSWORD, createPerson, signInPerson } from './test-support';

const EMAIL = 'camille@exemple.fr';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';

function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

test('the space lists the sections of every module and needs a signed-in account', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL });
  const visitor = await new Agent(app).get('/mon-compte/identifiants');
  assert.equal(visitor.statusCode, 303);
  assert.equal(visitor.headers.location, '/connexion?suite=%2Fmon-compte%2Fidentifiants');
  const person = await signInPerson(app, EMAIL);
  const home = await person.get('/mon-compte');
  for (const section of app.platform.accountSections) assert.ok(home.body.includes(`href="${section.href}"`), section.href);
  assert.match(home.body, /Identifiants[\s\S]*Sessions[\s\S]*Supprimer mon compte/);
});

test('password change: the current password is required, the policy applies, other sessions end', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: EMAIL });
  const other = await signInPerson(app, EMAIL, { userAgent: ANDROID });
  const person = await signInPerson(app, EMAIL);
  const PAGE = '/mon-compte/identifiants';
  const wrong = await person.submit(PAGE, `${PAGE}/mot-de-passe`, { current_password: 'pas le bon du tout', new_password: 'le phare de la pointe du raz' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Le mot de passe actuel est incorrect/);
  const weak = await person.submit(PAGE, `${PAGE}/mot-de-passe`, { current_password: PERSON_PASSWORD, new_password: 'motdepasse1234' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /trop courant/);
  const before = person.cookie('guichet_session')!;
  const done = await person.submit(PAGE, `${PAGE}/mot-de-passe`, { current_password: PERSON_PASSWORD, new_password: 'le phare de la pointe du raz' });
  assert.equal(done.statusCode, 303);
  assert.equal((await person.get('/mon-compte')).statusCode, 200, 'this browser stays signed in');
  assert.notEqual(person.cookie('guichet_session'), before, 'under a new session token');
  const copied = new Agent(app);
  copied.setCookie('guichet_session', before);
  assert.equal((await copied.get('/mon-compte')).statusCode, 303, 'the old token opens nothing any more');
  assert.equal((await other.get('/mon-compte')).statusCode, 303, 'the other one ended');
  await inbox.waitFor(EMAIL, /Votre mot de passe a été changé/);
  const audited = await database.db.selectFrom('platform_audit').select('action').where('action', 'in', ['auth.password_change', 'auth.password_change_failed']).execute();
  assert.equal(audited.length, 2);
});

test('email change: a link to the new address, the old one told; a taken address answers the same', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: EMAIL });
  await createPerson(database.db, { email: 'pris@exemple.fr', name: 'Dominique' });
  const person = await signInPerson(app, EMAIL);
  const PAGE = '/mon-compte/identifiants';
  const noPassword = await person.submit(PAGE, `${PAGE}/adresse`, { new_email: 'nouvelle@exemple.fr', password: '' });
  assert.equal(noPassword.statusCode, 422);
  assert.match(noPassword.body, /value="nouvelle@exemple.fr"/);
  const taken = await person.submit(PAGE, `${PAGE}/adresse`, { new_email: 'pris@exemple.fr', password: PERSON_PASSWORD });
  assert.equal(taken.statusCode, 303);
  await inbox.waitFor('pris@exemple.fr', /Changement d’adresse électronique impossible/);

  const asked = await person.submit(PAGE, `${PAGE}/adresse`, { new_email: 'nouvelle@exemple.fr', password: PERSON_PASSWORD });
  assert.equal(asked.statusCode, 303);
  assert.equal(asked.headers.location, taken.headers.location);
  await inbox.waitFor(EMAIL, /Demande de changement d’adresse/);
  const link = linkIn(await inbox.waitFor('nouvelle@exemple.fr', /Confirmez votre nouvelle adresse/), '/mon-compte/adresse/confirmer');
  const confirmed = await person.submit(pathOf(link), '/mon-compte/adresse/confirmer', { jeton: new URL(link).searchParams.get('jeton')! });
  assert.equal(confirmed.statusCode, 303);
  await inbox.waitFor(EMAIL, /Votre adresse électronique a été changée/);
  assert.match((await person.get(PAGE)).body, /nouvelle@exemple.fr/);
  await signInPerson(app, 'nouvelle@exemple.fr');
  assert.equal((await person.get(pathOf(link))).statusCode, 400, 'the link served once');
  const actions = (await database.db.selectFrom('platform_audit').select('action').execute()).map((r) => r.action);
  assert.ok(actions.includes('account.email_change_requested') && actions.includes('account.email_changed'));
});

async function sessionsScenario(t: Parameters<typeof buildTestApp>[0], overrides: Partial<Config>) {
  const { app, database } = await buildTestApp(t, overrides);
  await createPerson(database.db, { email: EMAIL });
  const phone = await signInPerson(app, EMAIL, { userAgent: ANDROID });
  const laptop = await signInPerson(app, EMAIL, { userAgent: FIREFOX });
  const third = await signInPerson(app, EMAIL, { userAgent: FIREFOX });
  const page = await laptop.get('/mon-compte/sessions', { 'user-agent': FIREFOX });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Mobile Chrome sur Android \(téléphone mobile\)/);
  assert.match(page.body, /Firefox sur Windows \(ordinateur\)<strong> \(cet appareil\)<\/strong>/);
  assert.match(page.body, /Mot de passe/);
  assert.match(page.body, /127\.0\.x\.x/);
  assert.doesNotMatch(page.body, /127\.0\.0\.1/, 'the IP is shown in part only');
  const ids = [...page.body.matchAll(/name="session" value="([^"]+)"/g)].map((m) => m[1]!);
  assert.equal(ids.length, 2, 'the current session has no close button');
  const phoneId = ids[ids.length - 1]!; // oldest last: the phone signed in first
  const closed = await laptop.post('/mon-compte/sessions/fermer', { _csrf: csrfTokenFrom(page.body), session: phoneId });
  assert.equal(closed.statusCode, 303);
  assert.equal((await phone.get('/mon-compte')).statusCode, 303, 'the phone is signed out');
  assert.equal((await third.get('/mon-compte')).statusCode, 200);
  // Another account's session id does nothing.
  const all = await laptop.submit('/mon-compte/sessions', '/mon-compte/sessions/fermer-autres', {});
  assert.equal(all.statusCode, 303);
  assert.equal((await third.get('/mon-compte')).statusCode, 303, 'every other session ended');
  assert.equal((await laptop.get('/mon-compte')).statusCode, 200, 'this one stays');
  const revoked = await database.db.selectFrom('platform_audit').select('details').where('action', '=', 'auth.session_revoked').execute();
  assert.equal(revoked.length, 2);
}

test('sessions: listed with device, browser, method and partial IP; one or all others can be closed (PGlite)', async (t) => {
  await sessionsScenario(t, {});
});

const redisUrl = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL;
test('sessions: the same with sessions kept in Redis', { skip: !redisUrl && 'TEST_REDIS_URL is not set' }, async (t) => {
  await sessionsScenario(t, { REDIS_URL: redisUrl! });
});

test('deleting the account: password required, everything goes, the audit trail stays, a last mail', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const id = await createPerson(database.db, { email: EMAIL });
  const other = await signInPerson(app, EMAIL, { userAgent: ANDROID });
  const person = await signInPerson(app, EMAIL);
  const page = await person.get('/mon-compte/supprimer');
  assert.match(page.body, /Ce qui est gardé/);
  const wrong = await person.submit('/mon-compte/supprimer', '/mon-compte/supprimer', { password: 'pas le bon du tout' });
  assert.equal(wrong.statusCode, 422);
  assert.match(wrong.body, /Le mot de passe est incorrect/);
  const done = await person.submit('/mon-compte/supprimer', '/mon-compte/supprimer', { password: PERSON_PASSWORD });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/compte-supprime');
  assert.equal((await person.get('/compte-supprime')).statusCode, 200);
  assert.equal((await other.get('/mon-compte')).statusCode, 303);
  assert.equal(await database.db.selectFrom('platform_accounts').select('id').where('id', '=', id).executeTakeFirst(), undefined);
  const farewell = await inbox.waitFor(EMAIL, /Votre compte Guichet a été supprimé/);
  assert.match(farewell.text, /Votre profil, vos brouillons de demande, vos favoris et vos connexions ont été effacés avec lui\./);
  assert.match(farewell.text, /restent chez la collectivité qui les a reçues/);
  const trail = await database.db.selectFrom('platform_audit').select('action').where('actor_id', '=', id).execute();
  assert.ok(trail.some((r) => r.action === 'account.deleted') && trail.some((r) => r.action === 'auth.sign_in'), 'the trail is kept');
});

test('an account without password (FranceConnect only) confirms deletion with a checkbox; an agent cannot delete theirs here', async (t) => {
  let id = '';
  // No password: sign the person in the way FranceConnect would, through openSession.
  const { app, database } = await buildTestApp(t, {}, (app) => {
    app.get('/test/signin-fc', async (request, reply) => {
      await openSession(request, reply, { id, displayName: 'Camille' }, { method: 'franceconnect' });
      return reply.redirect('/mon-compte', 303);
    });
  });
  id = await createPerson(database.db, { email: EMAIL, password: null });
  const person = new Agent(app);
  await person.get('/test/signin-fc');
  const page = await person.get('/mon-compte/supprimer');
  assert.match(page.body, /type="checkbox" id="champ-confirm"/);
  const unchecked = await person.submit('/mon-compte/supprimer', '/mon-compte/supprimer', {});
  assert.equal(unchecked.statusCode, 422);
  assert.match(unchecked.body, /Cochez la case/);
  const done = await person.submit('/mon-compte/supprimer', '/mon-compte/supprimer', { confirm: 'oui' });
  assert.equal(done.statusCode, 303);

  const agentEmail = 'lecteur.brest@demo.guichet.bzh';
  const agent = await signInPerson(app, agentEmail, { password: 'Guichet-demo-2026' });
  const refused = await agent.submit('/mon-compte/supprimer', '/mon-compte/supprimer', { password: 'Guichet-demo-2026' });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /compte d’agent/);
});
