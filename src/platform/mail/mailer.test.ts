import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, signInAs } from '../../../test/support/app';
import { startTestInbox } from '../../../test/support/mail';

test('the mailer delivers a French text mail through real SMTP', async (t) => {
  const inbox = await startTestInbox(t);
  const { app } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const sent = await app.platform.mailer.send({ to: 'camille@example.org', subject: 'Bonjour', text: 'Voici le lien : http://localhost/x' });
  assert.equal(sent, true);
  const mail = await inbox.waitFor('camille@example.org', /Bonjour/);
  assert.match(mail.text, /Voici le lien/);
});

test('without SMTP_URL the demo catcher keeps mails for the demo operator only', async (t) => {
  const { app } = await buildTestApp(t);
  assert.equal(await app.platform.mailer.send({ to: 'lou@example.org', subject: 'Confirmez votre adresse', text: 'Bienvenue' }), true);
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
