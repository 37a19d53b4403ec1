import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, passSecondFactor, signInAs } from '../../../test/support/app';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { startTestInbox } from '../../../test/support/mail';
import { freshDatabase } from '../../../test/support/database';
import { freePort } from '../../../test/support/net';
import { Mailer, retryDelaySeconds } from './mailer';

test('the mailer delivers a French text mail through real SMTP', async (t) => {
  const inbox = await startTestInbox(t);
  const { app } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const sent = await app.platform.mailer.send({ to: 'camille@example.org', subject: 'Bonjour', text: 'Voici le lien : http://localhost/x' });
  assert.equal(sent, true);
  const mail = await inbox.waitFor('camille@example.org', /Bonjour/);
  assert.match(mail.text, /Voici le lien/);
});

test('mails leave in the order they were written, even when several are claimed at once', async (t) => {
  const inbox = await startTestInbox(t);
  const database = await freshDatabase();
  t.after(() => database.close());
  // Written while no worker runs, then claimed in one batch: a newer link must never arrive first.
  const mailer = new Mailer({ db: database.db, smtpUrl: inbox.url, from: 'Guichet <guichet@exemple.fr>' });
  t.after(() => mailer.close());
  for (let i = 1; i <= 12; i++) await mailer.send({ to: 'ordre@exemple.fr', subject: `Lien ${i}`, text: `Lien numéro ${i}` });
  await mailer.drain();
  await inbox.waitFor('ordre@exemple.fr', /^Lien 12$/);
  assert.deepEqual(
    inbox.mails.map((m) => m.subject),
    Array.from({ length: 12 }, (_, i) => `Lien ${i + 1}`),
  );
});

test('without SMTP_URL the demo catcher keeps mails for the demo operator only', async (t) => {
  const { app } = await buildTestApp(t);
  assert.equal(await app.platform.mailer.send({ to: 'lou@example.org', subject: 'Confirmez votre adresse', text: 'Bienvenue' }), true);
  await app.platform.mailer.drain();
  const visitor = new Agent(app);
  assert.equal((await visitor.get('/demo/courriels')).statusCode, 303);
  const otherAdmin = await signInAs(app, 'administrateur', 'brest');
  assert.equal((await otherAdmin.get('/demo/courriels')).statusCode, 403);
  const operator = await signInAs(app, 'administrateur', 'bretagne');
  const page = await operator.get('/demo/courriels');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Confirmez votre adresse/);
  assert.match(page.body, /lou@example\.org/);
});

test('the demo mailbox: signing in from it comes back to it, and the links of its mails can be followed', async (t) => {
  const { app } = await buildTestApp(t);
  await app.platform.mailer.send({ to: 'lou@example.org', subject: 'Confirmez votre adresse', text: 'Bonjour,\n\nConfirmez votre adresse : http://localhost:3000/inscription/confirmer?jeton=abc-123.\nÀ bientôt.' });
  await app.platform.mailer.drain();
  await signInAs(app, 'administrateur', 'bretagne'); // the operator's second factor, enrolled once
  const operator = new Agent(app);
  const asked = await operator.get('/demo/courriels');
  assert.equal(asked.statusCode, 303);
  const signInUrl = String(asked.headers.location);
  assert.equal(signInUrl, '/admin/connexion?suite=%2Fdemo%2Fcourriels');
  const form = await operator.get(signInUrl);
  assert.match(form.body, /name="suite" value="\/demo\/courriels"/);
  const email = demoAgentEmail('administrateur', 'bretagne');
  const signedIn = await operator.post('/admin/connexion', { _csrf: csrfTokenFrom(form.body), email, password: DEMO_PASSWORD, suite: '/demo/courriels' });
  assert.equal(signedIn.statusCode, 303);
  const done = await passSecondFactor(operator, signedIn, email);
  assert.equal(done.headers.location, '/demo/courriels', 'back to the page that was asked for');
  const page = await operator.get('/demo/courriels');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Confirmez votre adresse : <a href="http:\/\/localhost:3000\/inscription\/confirmer\?jeton=abc-123">http:\/\/localhost:3000\/inscription\/confirmer\?jeton=abc-123<\/a>\./);
  // Another site is never where a sign-in leads.
  const elsewhere = await new Agent(app).get('/admin/connexion?suite=%2F%2Fexemple.org%2F');
  assert.doesNotMatch(elsewhere.body, /name="suite" value="\/\/exemple/);
});

test('a mail that cannot be sent stays in the outbox, is tried again later, and goes out after a restart', async (t) => {
  const inbox = await startTestInbox(t);
  const database = await freshDatabase();
  t.after(() => database.close());
  // SMTP is down: the request has already answered, the row stays with a later attempt.
  const down = new Mailer({ db: database.db, smtpUrl: `smtp://127.0.0.1:${await freePort()}`, from: 'Guichet <guichet@exemple.fr>' });
  await down.send({ to: 'yann@exemple.fr', subject: 'Votre lien', text: 'Bonjour' });
  await down.drain();
  await down.close();
  const row = await database.db.selectFrom('platform_mail_outbox').selectAll().executeTakeFirstOrThrow();
  assert.equal(row.attempts, 1);
  assert.ok(row.last_error);
  assert.equal(row.failed_at, null);
  assert.ok(new Date(row.next_attempt_at).getTime() > Date.now() + (retryDelaySeconds(1) - 5) * 1000, 'tried again later, not at once');
  assert.equal(inbox.mails.length, 0);

  // Another process (a restart, or another instance) with SMTP back sends it when it is due.
  const back = new Mailer({ db: database.db, smtpUrl: inbox.url, from: 'Guichet <guichet@exemple.fr>', pollMs: 50 });
  back.start();
  t.after(() => back.close());
  await database.db.updateTable('platform_mail_outbox').set({ next_attempt_at: new Date(Date.now() - 1000) }).execute();
  const mail = await inbox.waitFor('yann@exemple.fr', /Votre lien/);
  assert.equal(mail.text.trim(), 'Bonjour');
  await back.drain();
  assert.equal((await database.db.selectFrom('platform_mail_outbox').select('id').execute()).length, 0, 'a sent mail leaves the table');
  assert.deepEqual([retryDelaySeconds(1), retryDelaySeconds(2), retryDelaySeconds(3), retryDelaySeconds(20)], [30, 60, 120, 3600]);
});
