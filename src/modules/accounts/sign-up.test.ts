import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp } from '../../../test/support/app';
import { linkIn, startTestInbox } from '../../../test/support/mail';
import { accountsDb } from './store';

const EMAIL = 'Camille.Martin@exemple.fr';
const PASSWORD = 'trois chats gris sur le quai';

function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

test('a person creates an account, confirms the address through a single-use link, and signs in', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const person = new Agent(app);

  const form = await person.get('/inscription');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /Au moins 12 caractères/, 'the password policy is explained next to the field');
  assert.match(form.body, /aria-describedby="aide-password"/);

  const created = await person.submit('/inscription', '/inscription', { email: EMAIL, display_name: 'Camille', password: PASSWORD });
  assert.equal(created.statusCode, 303);
  const sent = await person.get(created.headers.location as string);
  assert.match(sent.body, /Consultez votre messagerie/);

  const mail = await inbox.waitFor(EMAIL, /Confirmez votre adresse/);
  const link = linkIn(mail, '/inscription/confirmer?jeton=');
  assert.ok(link.startsWith('http://localhost:3000/'), 'links in mails use PUBLIC_URL');
  const stored = await accountsDb(database.db).selectFrom('account_tokens').select('token_hash').execute();
  const token = new URL(link).searchParams.get('jeton')!;
  assert.ok(!stored.some((row) => row.token_hash === token), 'only a hash of the token is stored');

  // Before confirming, the person can sign in; their space asks them to confirm.
  const signedIn = await person.submit('/connexion', '/connexion', { email: EMAIL.toLowerCase(), password: PASSWORD });
  assert.equal(signedIn.statusCode, 303);
  assert.equal(signedIn.headers.location, '/mon-compte');
  const home = await person.get('/mon-compte');
  assert.match(home.body, /Confirmez votre adresse électronique/);
  assert.match(home.body, /action="\/mon-compte\/confirmation"/);

  // Opening the link shows a button (a mail scanner opening links uses nothing up).
  const confirmPage = await person.get(pathOf(link));
  assert.equal(confirmPage.statusCode, 200);
  const confirmed = await person.submit(pathOf(link), '/inscription/confirmer', { jeton: token });
  assert.equal(confirmed.statusCode, 303);
  assert.equal(confirmed.headers.location, '/mon-compte?fait=adresse-confirmee');
  const after = await person.get('/mon-compte?fait=adresse-confirmee');
  assert.doesNotMatch(after.body, /Renvoyer le courriel de confirmation/);
  assert.match(after.body, /Votre adresse électronique est confirmée/);

  // The link served once.
  const reused = await person.get(pathOf(link));
  assert.equal(reused.statusCode, 400);
  assert.match(reused.body, /a déjà servi/);
  const reusedPost = await person.post('/inscription/confirmer', { _csrf: /name="_csrf" value="([^"]+)"/.exec(after.body)![1]!, jeton: token });
  assert.equal(reusedPost.statusCode, 400);

  const actions = (await database.db.selectFrom('platform_audit').select(['action', 'details']).execute()).map((r) => r.action);
  for (const action of ['account.sign_up', 'account.email_confirmed', 'auth.sign_in']) assert.ok(actions.includes(action), action);
  const audit = JSON.stringify(await database.db.selectFrom('platform_audit').selectAll().execute());
  assert.ok(!audit.includes(PASSWORD) && !audit.includes(token), 'no secret in the audit trail');
});

test('sign-up refuses a weak password in plain French and keeps the other fields', async (t) => {
  const { app } = await buildTestApp(t);
  const person = new Agent(app);
  const weak = await person.submit('/inscription', '/inscription', { email: 'lea@exemple.fr', display_name: 'Léa', password: 'motdepasse123' });
  assert.equal(weak.statusCode, 422);
  assert.match(weak.body, /trop courant ou trop facile à deviner/);
  assert.match(weak.body, /value="lea@exemple.fr"/);
  assert.match(weak.body, /<title>Erreur – Créer un compte/);
  const short = await person.submit('/inscription', '/inscription', { email: 'lea@exemple.fr', display_name: 'Léa', password: 'court' });
  assert.match(short.body, /au moins 12 caractères \(vous en avez saisi 5\)/);
  const personal = await person.submit('/inscription', '/inscription', { email: 'lea.dupuis@exemple.fr', display_name: 'Léa', password: 'dupuis des bois 1987' });
  assert.match(personal.body, /ni votre nom ni votre adresse électronique/);
  const empty = await person.submit('/inscription', '/inscription', { email: 'pas-une-adresse', display_name: '', password: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Le formulaire contient 3 erreurs/);
});

test('an address that already has an account gets a mail, and the page says the same as for a new one', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const first = await new Agent(app).submit('/inscription', '/inscription', { email: EMAIL, display_name: 'Camille', password: PASSWORD });
  await inbox.waitFor(EMAIL, /Confirmez/);
  const again = await new Agent(app).submit('/inscription', '/inscription', { email: EMAIL.toUpperCase(), display_name: 'Dominique', password: 'une autre phrase bien longue' });
  assert.equal(again.statusCode, first.statusCode);
  assert.equal(again.headers.location, (first.headers.location as string).replace(encodeURIComponent(EMAIL), encodeURIComponent(EMAIL.toUpperCase())));
  const warning = await inbox.waitFor(EMAIL, /Tentative de création de compte/);
  assert.match(warning.text, /\/mot-de-passe-oublie/);
  const count = await database.db.selectFrom('platform_accounts').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', EMAIL.toLowerCase())).execute();
  assert.equal(count.length, 1);
});

test('an expired confirmation link is refused; a new one can be asked for, at most 3 an hour', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const person = new Agent(app);
  await person.submit('/inscription', '/inscription', { email: EMAIL, display_name: 'Camille', password: PASSWORD });
  const link = linkIn(await inbox.waitFor(EMAIL, /Confirmez/), '/inscription/confirmer');
  await accountsDb(database.db).updateTable('account_tokens').set({ expires_at: new Date(Date.now() - 1000) }).execute();
  const expired = await person.get(pathOf(link));
  assert.equal(expired.statusCode, 400);
  assert.match(expired.body, /Ce lien a expiré/);

  await person.submit('/connexion', '/connexion', { email: EMAIL, password: PASSWORD });
  for (let i = 0; i < 3; i++) {
    const resent = await person.submit('/mon-compte', '/mon-compte/confirmation', {});
    assert.equal(resent.statusCode, 303);
  }
  const refused = await person.submit('/mon-compte', '/mon-compte/confirmation', {});
  assert.equal(refused.statusCode, 429);
  assert.match(refused.body, /Vous pourrez réessayer dans \d+ minutes?/);
  await app.platform.mailer.drain();
  const mails = inbox.mails.filter((m) => m.subject.startsWith('Confirmez'));
  assert.equal(mails.length, 4);
  // Only the newest link works.
  const newest = linkIn(mails.at(-1)!, '/inscription/confirmer');
  const older = linkIn(mails.at(-2)!, '/inscription/confirmer');
  assert.equal((await person.get(pathOf(older))).statusCode, 400);
  assert.equal((await person.get(pathOf(newest))).statusCode, 200);
});
