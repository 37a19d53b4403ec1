import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, signInAs } from '../../../test/support/app';
import { DEMO_PASSWORD } from '../../../seed/accounts';
import { textOf } from './test-support';

const PAGE = '/admin/mot-de-passe';
const EMAIL = 'editeur.lorient@demo.guichet.bzh';

test('an agent changes their password: other sessions close, the new one works, the old one no longer does', async (t) => {
  const { app, database } = await buildTestApp(t);
  const agent = await signInAs(app, 'editeur', 'lorient');
  const elsewhere = await signInAs(app, 'editeur', 'lorient');
  assert.match((await agent.get('/admin')).body, /href="\/admin\/mot-de-passe"/);

  const changed = await agent.submit(PAGE, PAGE, { current_password: DEMO_PASSWORD, new_password: 'trois chats gris sur le quai', confirm_password: 'trois chats gris sur le quai' });
  assert.equal(changed.statusCode, 303);
  assert.equal((await agent.get('/admin')).statusCode, 200, 'this browser stays signed in');
  assert.equal((await elsewhere.get('/admin')).statusCode, 303, 'the other session is closed');
  assert.match(textOf((await agent.get(`${PAGE}?fait=1`)).body), /Votre mot de passe est changé/);

  const old = await new Agent(app).submit('/admin/connexion', '/admin/connexion', { email: EMAIL, password: DEMO_PASSWORD });
  assert.equal(old.statusCode, 422);
  const fresh = await new Agent(app).submit('/admin/connexion', '/admin/connexion', { email: EMAIL, password: 'trois chats gris sur le quai' });
  assert.equal(fresh.statusCode, 303);
  const audited = await database.db.selectFrom('platform_audit').select(['details']).where('action', '=', 'auth.password_change').execute();
  assert.equal(audited.length, 1);
  assert.doesNotMatch(JSON.stringify(audited), /chats/);
});

test('every field of the password form is checked in French; a wrong current password is refused', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = await signInAs(app, 'editeur', 'lorient');
  const empty = await agent.submit(PAGE, PAGE, { current_password: '', new_password: '', confirm_password: '' });
  assert.equal(empty.statusCode, 422);
  assert.match(textOf(empty.body), /Saisissez votre mot de passe actuel/);
  assert.match(textOf(empty.body), /Saisissez votre nouveau mot de passe/);
  const short = await agent.submit(PAGE, PAGE, { current_password: DEMO_PASSWORD, new_password: 'court', confirm_password: 'court' });
  assert.match(textOf(short.body), /au moins 12 caractères \(vous en avez saisi 5\)/);
  const mismatch = await agent.submit(PAGE, PAGE, { current_password: DEMO_PASSWORD, new_password: 'une phrase assez longue', confirm_password: 'une autre phrase longue' });
  assert.match(textOf(mismatch.body), /ne sont pas identiques/);
  assert.match(mismatch.body, /href="#champ-confirm_password"/);
  const same = await agent.submit(PAGE, PAGE, { current_password: DEMO_PASSWORD, new_password: DEMO_PASSWORD, confirm_password: DEMO_PASSWORD });
  assert.match(textOf(same.body), /différent de l'actuel/);
  const wrong = await agent.submit(PAGE, PAGE, { current_password: 'pas le bon', new_password: 'une phrase assez longue', confirm_password: 'une phrase assez longue' });
  assert.equal(wrong.statusCode, 422);
  assert.match(textOf(wrong.body), /Le mot de passe actuel est incorrect/);
  // Passwords are never written back into the page.
  assert.doesNotMatch(wrong.body, /pas le bon|une phrase assez longue/);
  assert.equal((await new Agent(app).get(PAGE)).statusCode, 303);
});

test('an account marked with a temporary password chooses its own before any other back-office page', async (t) => {
  const { app, database } = await buildTestApp(t);
  // Agents are invited and keep their own password; the flag remains for an account an operator sets up by hand.
  await database.db.updateTable('platform_accounts').set({ password_must_change: true }).where('email', '=', EMAIL).execute();
  const agent = await signInAs(app, 'editeur', 'lorient');
  for (const page of ['/admin', '/admin/t/lorient/', '/admin/t/lorient/contenus']) {
    const refused = await agent.get(page);
    assert.equal(refused.statusCode, 303, page);
    assert.equal(refused.headers.location, '/admin/mot-de-passe?obligatoire=1', page);
  }
  assert.match(textOf((await agent.get(`${PAGE}?obligatoire=1`)).body), /mot de passe provisoire/);
  const changed = await agent.submit(PAGE, PAGE, { current_password: DEMO_PASSWORD, new_password: 'Goéland-du-Conquet-2026', confirm_password: 'Goéland-du-Conquet-2026' });
  assert.equal(changed.statusCode, 303);
  const after = await database.db.selectFrom('platform_accounts').select('password_must_change').where('email', '=', EMAIL).executeTakeFirstOrThrow();
  assert.equal(after.password_must_change, false);
  assert.equal((await agent.get('/admin')).statusCode, 200);
});
