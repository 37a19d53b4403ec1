import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';

test('a demo agent signs in, gets an HttpOnly SameSite session cookie, and signs out', async (t) => {
  const { app, database } = await buildTestApp(t);
  const agent = new Agent(app);
  const form = await agent.get('/admin/connexion');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<title>Connexion à l’espace agent – Région Bretagne – Guichet<\/title>/);
  const response = await agent.post('/admin/connexion', { _csrf: csrfTokenFrom(form.body), email: demoAgentEmail('editeur', 'brest'), password: DEMO_PASSWORD });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin');
  const cookie = String(response.headers['set-cookie']);
  assert.match(cookie, /guichet_session=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const audited = await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'auth.sign_in').execute();
  assert.equal(audited.length, 1);

  // A token is bound to the browser's CSRF cookie, not to one page: the one of the form still works.
  const signOut = await agent.post('/admin/deconnexion', { _csrf: csrfTokenFrom(form.body) });
  assert.equal(signOut.statusCode, 303);
  assert.equal(agent.hasCookie('guichet_session'), false);
});

test('a wrong password keeps the email, explains in French, and is audited without the password', async (t) => {
  const { app, database } = await buildTestApp(t);
  const agent = new Agent(app);
  const response = await agent.submit('/admin/connexion', '/admin/connexion', { email: 'admin.brest@demo.guichet.bzh', password: 'pas-le-bon' });
  assert.equal(response.statusCode, 422);
  assert.match(response.body, /Adresse électronique ou mot de passe incorrect/);
  assert.match(response.body, /value="admin.brest@demo.guichet.bzh"/);
  assert.match(response.body, /href="#champ-password"/);
  const rows = await database.db.selectFrom('platform_audit').select(['action', 'details']).where('action', '=', 'auth.sign_in_failed').execute();
  assert.equal(rows.length, 1);
  assert.doesNotMatch(JSON.stringify(rows), /pas-le-bon/);
});

test('every field of the sign-in form gets its own French message', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const empty = await agent.submit('/admin/connexion', '/admin/connexion', { email: '', password: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Saisissez votre adresse électronique/);
  assert.match(empty.body, /Saisissez votre mot de passe/);
  const malformed = await agent.submit('/admin/connexion', '/admin/connexion', { email: 'pas-une-adresse', password: 'x' });
  assert.match(malformed.body, /L&#39;adresse électronique n&#39;est pas valide|L'adresse électronique n'est pas valide/);
  assert.match(malformed.body, /value="pas-une-adresse"/);
});

test('after 3 failures from one address, that address waits before trying again, even with the right password', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  for (let i = 0; i < 3; i++) {
    const failed = await agent.submit('/admin/connexion', '/admin/connexion', { email: 'lecteur.vannes@demo.guichet.bzh', password: `mauvais-${i}` });
    assert.equal(failed.statusCode, 422);
  }
  const waiting = await agent.submit('/admin/connexion', '/admin/connexion', { email: 'lecteur.vannes@demo.guichet.bzh', password: DEMO_PASSWORD });
  assert.equal(waiting.statusCode, 429);
  assert.match(waiting.body, /Trop d(&#39;|')essais\. Réessayez dans 1 seconde\./);
  assert.equal(waiting.headers['retry-after'], '1');
  // Another account from the same address is not held back by that.
  await signInAs(app, 'editeur', 'vannes');
});

test('a form posted without its CSRF token is refused', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  await agent.get('/admin/connexion');
  const response = await agent.post('/admin/connexion', { email: demoAgentEmail('editeur', 'brest'), password: DEMO_PASSWORD });
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /Formulaire expiré/);
  assert.equal(agent.hasCookie('guichet_session'), false);
});

test('the next page after sign-in is always a path of the back office', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = new Agent(app);
  const response = await agent.submit('/admin/connexion', '/admin/connexion', { email: demoAgentEmail('editeur', 'brest'), password: DEMO_PASSWORD, suite: '//evil.example/' });
  assert.equal(response.headers.location, '/admin');
});
