import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { linkIn, startTestInbox } from '../../../test/support/mail';
import { accountsDb } from './store';
import { PERSON_PASSWORD, createPerson, signInPerson } from './test-support';

const EMAIL = 'camille@exemple.fr';
const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';

function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

test('sign-in never tells whether an address exists, goes only to local paths, and signs out', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: EMAIL });
  const page = await new Agent(app).get('/connexion');
  assert.match(page.body, /href="\/inscription"/);
  assert.match(page.body, /href="\/mot-de-passe-oublie"/);

  const wrong = await new Agent(app).submit('/connexion', '/connexion', { email: EMAIL, password: 'pas le bon mot de passe' });
  const unknown = await new Agent(app).submit('/connexion', '/connexion', { email: 'personne@exemple.fr', password: 'pas le bon mot de passe' });
  assert.equal(wrong.statusCode, 422);
  assert.equal(unknown.statusCode, 422);
  const message = (body: string) => /<p class="field__error"[^>]*>([\s\S]*?)<\/p>/.exec(body)?.[1];
  assert.equal(message(wrong.body), message(unknown.body));
  assert.match(wrong.body, /value="camille@exemple.fr"/, 'the address is kept');
  assert.doesNotMatch(wrong.body, /pas le bon mot de passe/, 'the password is not');

  for (const [suite, expected] of [
    ['/mon-compte/sessions', '/mon-compte/sessions'],
    ['https://evil.example/', '/mon-compte'],
    ['//evil.example/', '/mon-compte'],
    ['/\\evil.example', '/mon-compte'],
  ]) {
    const person = new Agent(app);
    const response = await person.submit('/connexion', '/connexion', { email: EMAIL, password: PERSON_PASSWORD, suite: suite! });
    assert.equal(response.headers.location, expected, suite);
  }

  const person = await signInPerson(app, EMAIL);
  const home = await person.get('/mon-compte');
  assert.equal(home.statusCode, 200);
  const out = await person.post('/deconnexion', { _csrf: csrfTokenFrom(home.body) });
  assert.equal(out.statusCode, 303);
  const again = await person.get('/mon-compte');
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, '/connexion?suite=%2Fmon-compte');

  const failures = await database.db.selectFrom('platform_audit').select('details').where('action', '=', 'auth.sign_in_failed').execute();
  assert.equal(failures.length, 2);
  assert.ok(!JSON.stringify(failures).includes('pas le bon'), 'no password in the audit trail');
});

test('a forgotten password: same answer for any address, a 1-hour single-use link, every session ends, a notice is mailed', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const id = await createPerson(database.db, { email: EMAIL, confirmed: false });
  const other = await signInPerson(app, EMAIL);

  const known = await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: EMAIL });
  const unknown = await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: 'personne@exemple.fr' });
  assert.equal(known.statusCode, 303);
  assert.equal(unknown.statusCode, 303);
  assert.match(known.headers.location as string, /^\/mot-de-passe-oublie\/courriel-envoye/);
  const sentPage = await new Agent(app).get(known.headers.location as string);
  assert.match(sentPage.body, /Si un compte Guichet existe/);

  const mail = await inbox.waitFor(EMAIL, /nouveau mot de passe/);
  const link = linkIn(mail, '/mot-de-passe/nouveau?jeton=');
  const person = new Agent(app);
  const weak = await person.submit(pathOf(link), '/mot-de-passe/nouveau', { jeton: new URL(link).searchParams.get('jeton')!, password: 'azertyuiop123' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /trop courant/);
  const done = await person.submit(pathOf(link), '/mot-de-passe/nouveau', { jeton: new URL(link).searchParams.get('jeton')!, password: 'le phare de la pointe du raz' });
  assert.equal(done.statusCode, 303);
  assert.equal(done.headers.location, '/connexion?fait=mot-de-passe');
  assert.equal((await other.get('/mon-compte')).statusCode, 303, 'the other session ended');
  await inbox.waitFor(EMAIL, /Votre mot de passe a été changé/);
  await signInPerson(app, EMAIL, { password: 'le phare de la pointe du raz' });
  const account = await accountsDb(database.db).selectFrom('platform_accounts').select('email_confirmed_at').where('id', '=', id).executeTakeFirstOrThrow();
  assert.ok(account.email_confirmed_at, 'a reset link read at the address confirms it');

  const reused = await person.get(pathOf(link));
  assert.equal(reused.statusCode, 400);
  assert.match(reused.body, /a déjà servi/);

  // A new link, expired after an hour.
  await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: EMAIL });
  await app.platform.mailer.drain();
  const second = linkIn(inbox.mails.filter((m) => /nouveau mot de passe/.test(m.subject)).at(-1)!, '/mot-de-passe/nouveau');
  await accountsDb(database.db).updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1) }).where('purpose', '=', 'reset').execute();
  const expired = await new Agent(app).get(pathOf(second));
  assert.equal(expired.statusCode, 400);
  assert.match(expired.body, /expiré/);

  const actions = (await database.db.selectFrom('platform_audit').select('action').execute()).map((r) => r.action);
  assert.ok(actions.includes('account.password_reset_requested'));
  assert.ok(actions.includes('account.password_reset'));
});

test('reset requests are throttled per address (3 an hour) and per IP', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: EMAIL });
  for (let i = 0; i < 3; i++) assert.equal((await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: EMAIL })).statusCode, 303);
  const refused = await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: EMAIL });
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /réessayer dans \d+ minutes/);
  for (let i = 0; i < 7; i++) await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: `autre${i}@exemple.fr` });
  const perIp = await new Agent(app).submit('/mot-de-passe-oublie', '/mot-de-passe-oublie', { email: 'encore@exemple.fr' });
  assert.equal(perIp.statusCode, 429);
});

test('a new device signing in to a confirmed person account gets a notice mail, once', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: EMAIL });
  await createPerson(database.db, { email: 'nonconfirme@exemple.fr', confirmed: false });
  await signInPerson(app, EMAIL, { userAgent: FIREFOX });
  const notice = await inbox.waitFor(EMAIL, /Nouvelle connexion à votre compte Guichet/);
  assert.match(notice.text, /Firefox sur Windows \(ordinateur\)/);
  assert.match(notice.text, /\/mot-de-passe-oublie/);
  await signInPerson(app, EMAIL, { userAgent: FIREFOX.replace('128.0', '129.0') });
  await signInPerson(app, EMAIL, { userAgent: IPHONE });
  await inbox.waitFor(EMAIL, /Nouvelle connexion/);
  await signInPerson(app, 'nonconfirme@exemple.fr', { userAgent: FIREFOX });
  await app.platform.mailer.drain();
  const notices = inbox.mails.filter((m) => /Nouvelle connexion/.test(m.subject));
  assert.equal(notices.length, 2, 'one per new device (a browser update is not a new device), none for an unconfirmed address');
  assert.match(notices[1]!.text, /Mobile Safari sur iOS \(téléphone mobile\)/);
});
