// Issue 5, points 2 and 9 together: a person who signs in with FranceConnect turns the optional
// second factor on; from then on, FranceConnect alone opens no session — the code is asked
// first (FranceConnect is eIDAS low; the person chose the factor, Guichet honours it).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csrfTokenFrom, freshCode, secretFrom, totpCode, Agent } from '../../../test/support/app';
import { SECOND_FACTOR_CODE_PAGE } from '../../platform/auth/complete-sign-in';
import { SESSION_COOKIE } from '../../platform/auth/current-account';
import { textOf } from '../backoffice/test-support';
import { buildListeningApp, franceConnectAs } from './test-support';

const ENROL = '/mon-compte/double-authentification';

test('after FranceConnect, a person with a second factor types the code before any session exists', async (t) => {
  const { app } = await buildListeningApp(t);
  const audits = (action: string) => app.platform.db.selectFrom('platform_audit').select(['actor_id', 'details']).where('action', '=', action).execute();

  // First sign-in with FranceConnect: the account is made, the session opens (no factor yet).
  const first = new Agent(app);
  const { response } = await franceConnectAs(first, 'yann-kerbrat', { next: '/mon-compte' });
  assert.equal(response.statusCode, 303, response.body.slice(0, 500));
  assert.equal(response.headers.location, '/mon-compte');
  const session = await app.platform.sessions.get(first.cookie(SESSION_COOKIE)!);
  assert.ok(session?.accountId);
  const accountId = session.accountId;
  assert.equal(session.data.method, 'franceconnect');
  assert.equal(session.data.mfa, false);

  // The person turns the factor on from their space (an account without password can).
  const page = await first.get(ENROL);
  assert.equal(page.statusCode, 200);
  assert.match(textOf(page.body), /Elle est facultative/);
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)![1]!;
  const on = await first.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, code: totpCode(secret) });
  assert.equal(on.statusCode, 200);
  const recovery = [...on.body.matchAll(/<li><code>([A-Z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(recovery.length, 10);
  const upgraded = await app.platform.sessions.get(first.cookie(SESSION_COOKIE)!);
  assert.equal(upgraded?.data.mfa, true, 'the session that enrolled carries the factor');
  const managed = await first.get(ENROL);
  assert.match(textOf(managed.body), /par mot de passe ou par FranceConnect, Guichet vous demande le code/);

  // On another device, FranceConnect again: it holds, but only the code page follows.
  const second = new Agent(app);
  const sessionsBefore = (await app.platform.sessions.listFor(accountId)).length;
  const signInsBefore = (await audits('auth.sign_in')).length;
  const { response: asked } = await franceConnectAs(second, 'yann-kerbrat', { next: '/mon-compte/profil' });
  assert.equal(asked.statusCode, 303);
  assert.equal(asked.headers.location, SECOND_FACTOR_CODE_PAGE);
  assert.equal(second.hasCookie(SESSION_COOKIE), false, 'no session cookie before the code');
  assert.ok(second.hasCookie('guichet_mfa'), 'only the waiting sign-in’s cookie');
  assert.equal((await app.platform.sessions.listFor(accountId)).length, sessionsBefore, 'no session of the account was opened');
  assert.equal((await audits('auth.sign_in')).length, signInsBefore, 'no sign-in yet');
  // The waiting step grants nothing: the person's space still asks to sign in.
  const space = await second.get('/mon-compte/profil');
  assert.equal(space.statusCode, 303);
  assert.match(String(space.headers.location), /^\/connexion\?suite=/);

  // The code page speaks of FranceConnect, not of a password the person does not have.
  const codePage = await second.get(SECOND_FACTOR_CODE_PAGE);
  assert.equal(codePage.statusCode, 200);
  assert.match(textOf(codePage.body), /Saisissez votre code de vérification/);
  assert.doesNotMatch(textOf(codePage.body), /Votre mot de passe est le bon/);
  assert.match(textOf(codePage.body), /FranceConnect/);

  // A wrong code: refused in French, still no session.
  const wrong = await second.post(SECOND_FACTOR_CODE_PAGE, { _csrf: csrfTokenFrom(codePage.body), code: '000000' });
  assert.equal(wrong.statusCode, 422);
  assert.match(textOf(wrong.body), /Ce code n'est pas le bon/);
  assert.equal(second.hasCookie(SESSION_COOKIE), false);
  assert.equal((await app.platform.sessions.listFor(accountId)).length, sessionsBefore);

  // The right code: the session opens, as a FranceConnect session that proved the factor, and
  // keeps the id_token hint so that signing out also ends FranceConnect's session.
  const done = await second.post(SECOND_FACTOR_CODE_PAGE, { _csrf: csrfTokenFrom(wrong.body), code: await freshCode(app, accountId, secret) });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/mon-compte/profil');
  const opened = await app.platform.sessions.get(second.cookie(SESSION_COOKIE)!);
  assert.equal(opened?.accountId, accountId);
  assert.equal(opened.data.method, 'franceconnect');
  assert.equal(opened.data.mfa, true);
  assert.match(String(opened.data.fcIdToken), /^eyJ/);
  const profile = await second.get('/mon-compte/profil');
  assert.equal(profile.statusCode, 200);
  assert.match(textOf(profile.body), /Certifié par FranceConnect/);
  const signIns = await audits('auth.sign_in');
  assert.equal(signIns.length, signInsBefore + 1);
  assert.equal(signIns.at(-1)!.actor_id, accountId);
  const out = await second.post('/deconnexion', { _csrf: csrfTokenFrom((await second.get('/mon-compte/profil/telephone')).body) });
  assert.match(String(out.headers.location), /\/demo\/franceconnect\/session\/end\?.*id_token_hint=eyJ/);

  // A third device: a recovery code works instead of the application's code, once.
  const third = new Agent(app);
  const { response: askedAgain } = await franceConnectAs(third, 'yann-kerbrat');
  assert.equal(askedAgain.headers.location, SECOND_FACTOR_CODE_PAGE);
  const withRecovery = await third.submit(SECOND_FACTOR_CODE_PAGE, SECOND_FACTOR_CODE_PAGE, { code: recovery[0]!.toLowerCase() });
  assert.equal(withRecovery.statusCode, 303);
  assert.ok(third.hasCookie(SESSION_COOKIE));
  assert.equal((await audits('mfa.recovery_used')).length, 1);
  const fourth = new Agent(app);
  await franceConnectAs(fourth, 'yann-kerbrat');
  const reused = await fourth.submit(SECOND_FACTOR_CODE_PAGE, SECOND_FACTOR_CODE_PAGE, { code: recovery[0]! });
  assert.equal(reused.statusCode, 422, 'a recovery code serves once');
  assert.equal(fourth.hasCookie(SESSION_COOKIE), false);
});
