import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, passSecondFactor, signInAs, type TestApp } from '../../../test/support/app';
import { textOf } from './test-support';

const PAGE = '/admin/t/brest/agents';

async function accountId(database: TestApp['database'], email: string): Promise<string> {
  const row = await database.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

async function memberships(database: TestApp['database'], id: string) {
  return database.db.selectFrom('platform_memberships').select(['tenant_id', 'role']).where('account_id', '=', id).orderBy('tenant_id').execute();
}

test('an administrator lists the tenant’s agents and adds a new one, whose temporary password is shown once and works', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const list = await admin.get(PAGE);
  assert.equal(list.statusCode, 200);
  const text = textOf(list.body);
  assert.match(text, /Agents de Ville de Brest \(4\)/);
  for (const email of ['admin.brest@demo.guichet.bzh', 'editeur.brest@demo.guichet.bzh', 'instructeur.brest@demo.guichet.bzh', 'lecteur.brest@demo.guichet.bzh']) assert.match(text, new RegExp(email));
  // Where a role is chosen, each role is told in one sentence.
  assert.match(text, /Instructeur Examine les demandes d’aide des personnes/);
  assert.match(text, /Éditeur Écrit et publie les pages/);
  assert.doesNotMatch(text, /quimper@demo/);

  const added = await admin.submit(PAGE, PAGE, { email: 'Nouvelle.Agente@Brest.example', display_name: 'Nouvelle Agente', role: 'editeur' });
  assert.equal(added.statusCode, 201);
  assert.equal(added.headers['cache-control'], 'no-store');
  const password = /<code class="secret">([^<]+)<\/code>/.exec(added.body)?.[1];
  assert.ok(password && /^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/.test(password), 'a temporary password is shown');
  assert.match(textOf(added.body), /il ne sera plus jamais affiché/);

  const account = await database.db.selectFrom('platform_accounts').selectAll().where('email', '=', 'nouvelle.agente@brest.example').executeTakeFirstOrThrow();
  assert.match(account.password_hash ?? '', /^\$argon2id\$/);
  assert.ok(!account.password_hash!.includes(password));
  assert.deepEqual(await memberships(database, account.id), [{ tenant_id: 'brest', role: 'editeur' }]);
  const audited = await database.db.selectFrom('platform_audit').select(['tenant_id', 'target_id', 'details']).where('action', '=', 'agents.add').execute();
  assert.equal(audited.length, 1);
  assert.equal(audited[0]!.tenant_id, 'brest');
  assert.doesNotMatch(JSON.stringify(audited), new RegExp(password));

  // Shown once: the list does not show it again.
  assert.doesNotMatch((await admin.get(PAGE)).body, new RegExp(password));
  // And it opens a session.
  const newcomer = new Agent(app);
  const signIn = await newcomer.submit('/admin/connexion', '/admin/connexion', { email: 'nouvelle.agente@brest.example', password });
  assert.equal(signIn.statusCode, 303);
  // A new agent enrols the second factor before the back office opens.
  assert.match(String((await newcomer.get('/admin')).headers.location), /^\/admin\/double-authentification\?suite=/);
  await passSecondFactor(newcomer, signIn, 'nouvelle.agente@brest.example');
  // Then the temporary password is replaced before any other page opens.
  for (const page of ['/admin', '/admin/t/brest/', '/admin/t/brest/contenus']) {
    const refused = await newcomer.get(page);
    assert.equal(refused.statusCode, 303, page);
    assert.equal(refused.headers.location, '/admin/mot-de-passe?obligatoire=1', page);
  }
  const passwordPage = await newcomer.get('/admin/mot-de-passe?obligatoire=1');
  assert.equal(passwordPage.statusCode, 200);
  assert.match(textOf(passwordPage.body), /mot de passe provisoire donné par votre administrateur/);
  const changed = await newcomer.submit('/admin/mot-de-passe', '/admin/mot-de-passe', {
    current_password: password,
    new_password: 'Goéland-du-Conquet-2026',
    confirm_password: 'Goéland-du-Conquet-2026',
  });
  assert.equal(changed.statusCode, 303);
  const after = await database.db.selectFrom('platform_accounts').select('password_must_change').where('id', '=', account.id).executeTakeFirstOrThrow();
  assert.equal(after.password_must_change, false);
  assert.match(textOf((await newcomer.get('/admin')).body), /Brest Votre rôle : Éditeur/);
});

test('adding an agent of another tenant only adds a membership here; adding a member twice is refused', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const quimperEditor = await accountId(database, 'editeur.quimper@demo.guichet.bzh');
  const hashBefore = (await database.db.selectFrom('platform_accounts').select('password_hash').where('id', '=', quimperEditor).executeTakeFirstOrThrow()).password_hash;

  const added = await admin.submit(PAGE, PAGE, { email: 'editeur.quimper@demo.guichet.bzh', display_name: 'Un autre nom', role: 'lecteur' });
  assert.equal(added.statusCode, 303);
  assert.equal(added.headers.location, `${PAGE}?fait=ajoute`);
  assert.deepEqual(await memberships(database, quimperEditor), [
    { tenant_id: 'brest', role: 'lecteur' },
    { tenant_id: 'quimper', role: 'editeur' },
  ]);
  const after = await database.db.selectFrom('platform_accounts').select(['password_hash', 'display_name']).where('id', '=', quimperEditor).executeTakeFirstOrThrow();
  assert.equal(after.password_hash, hashBefore);
  assert.notEqual(after.display_name, 'Un autre nom');

  const twice = await admin.submit(PAGE, PAGE, { email: 'EDITEUR.quimper@demo.guichet.bzh', display_name: 'X', role: 'editeur' });
  assert.equal(twice.statusCode, 422);
  assert.match(textOf(twice.body), /Cette personne est déjà agent de Brest, avec le rôle Lecteur/);
  assert.match(twice.body, /value="editeur.quimper@demo.guichet.bzh"/);
});

test('every field of the add form gets its French message and keeps its input', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const countBefore = (await database.db.selectFrom('platform_accounts').select('id').execute()).length;
  const empty = await admin.submit(PAGE, PAGE, { email: '', display_name: '', role: 'roi' });
  assert.equal(empty.statusCode, 422);
  const text = textOf(empty.body);
  assert.match(text, /Saisissez l'adresse électronique de l'agent/);
  assert.match(text, /Saisissez le prénom et le nom de l'agent/);
  assert.match(text, /Choisissez un rôle dans la liste/);
  for (const field of ['email', 'display_name', 'role']) assert.match(empty.body, new RegExp(`href="#champ-${field}"`));

  const bad = await admin.submit(PAGE, PAGE, { email: 'pas-une-adresse', display_name: 'n'.repeat(121), role: 'editeur' });
  assert.equal(bad.statusCode, 422);
  assert.match(textOf(bad.body), /L'adresse électronique n'est pas valide/);
  assert.match(textOf(bad.body), /120 caractères au maximum \(vous en avez saisi 121\)/);
  assert.match(bad.body, /value="pas-une-adresse"/);
  assert.match(bad.body, new RegExp(`value="${'n'.repeat(121)}"`));
  assert.equal((await database.db.selectFrom('platform_accounts').select('id').execute()).length, countBefore);
});

test('roles change, agents are removed from this tenant only, and the last administrator always stays', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const adminId = await accountId(database, 'admin.brest@demo.guichet.bzh');
  const editorId = await accountId(database, 'editeur.brest@demo.guichet.bzh');

  // The only administrator cannot step down nor leave.
  const demote = await admin.submit(PAGE, `${PAGE}/${adminId}/role`, { role: 'editeur' });
  assert.equal(demote.statusCode, 409);
  assert.match(textOf(demote.body), /Brest doit garder au moins un administrateur/);
  const leave = await admin.submit(PAGE, `${PAGE}/${adminId}/retirer`, {});
  assert.equal(leave.statusCode, 409);
  assert.deepEqual(await memberships(database, adminId), [{ tenant_id: 'brest', role: 'administrateur' }]);

  // Promote the editor; now the first administrator may step down.
  const promote = await admin.submit(PAGE, `${PAGE}/${editorId}/role`, { role: 'administrateur' });
  assert.equal(promote.statusCode, 303);
  assert.equal(promote.headers.location, `${PAGE}?fait=role`);
  assert.deepEqual(await memberships(database, editorId), [{ tenant_id: 'brest', role: 'administrateur' }]);
  const badRole = await admin.submit(PAGE, `${PAGE}/${editorId}/role`, { role: 'roi' });
  assert.equal(badRole.statusCode, 422);
  // The reader becomes an instructeur.
  const readerId = await accountId(database, 'lecteur.brest@demo.guichet.bzh');
  assert.equal((await admin.submit(PAGE, `${PAGE}/${readerId}/role`, { role: 'instructeur' })).statusCode, 303);
  assert.deepEqual(await memberships(database, readerId), [{ tenant_id: 'brest', role: 'instructeur' }]);

  // The editor of Quimper joins Brest, then is removed from Brest: Quimper is untouched.
  const quimperEditor = await accountId(database, 'editeur.quimper@demo.guichet.bzh');
  await admin.submit(PAGE, PAGE, { email: 'editeur.quimper@demo.guichet.bzh', display_name: 'x', role: 'editeur' });
  const confirm = await admin.get(`${PAGE}/${quimperEditor}/retirer`);
  assert.equal(confirm.statusCode, 200);
  assert.match(textOf(confirm.body), /ne pourra plus gérer le site de/);
  const removed = await admin.submit(`${PAGE}/${quimperEditor}/retirer`, `${PAGE}/${quimperEditor}/retirer`, {});
  assert.equal(removed.statusCode, 303);
  assert.deepEqual(await memberships(database, quimperEditor), [{ tenant_id: 'quimper', role: 'editeur' }]);

  // An agent of another tenant cannot be changed or removed through this tenant's routes.
  const quimperAdmin = await accountId(database, 'admin.quimper@demo.guichet.bzh');
  assert.equal((await admin.submit(PAGE, `${PAGE}/${quimperAdmin}/role`, { role: 'lecteur' })).statusCode, 404);
  assert.equal((await admin.submit(PAGE, `${PAGE}/${quimperAdmin}/retirer`, {})).statusCode, 404);
  assert.equal((await admin.get(`${PAGE}/${quimperAdmin}/retirer`)).statusCode, 404);
  assert.equal((await admin.get(`${PAGE}/pas-un-identifiant/retirer`)).statusCode, 404);
  assert.deepEqual(await memberships(database, quimperAdmin), [{ tenant_id: 'quimper', role: 'administrateur' }]);

  // Stepping down works now that there is another administrator; the page then refuses.
  const stepDown = await admin.submit(PAGE, `${PAGE}/${adminId}/role`, { role: 'lecteur' });
  assert.equal(stepDown.statusCode, 303);
  assert.equal((await admin.get(PAGE)).statusCode, 403);

  const actions = await database.db.selectFrom('platform_audit').select(['action', 'tenant_id']).where('action', 'like', 'agents.%').orderBy('id').execute();
  assert.deepEqual(
    actions.map((a) => `${a.action}@${a.tenant_id}`),
    ['agents.role@brest', 'agents.role@brest', 'agents.add@brest', 'agents.remove@brest', 'agents.role@brest'],
  );
});

test('one tenant’s administrator can neither see nor change another tenant’s agents or journal', async (t) => {
  const { app, database } = await buildTestApp(t);
  const quimperAdmin = await signInAs(app, 'administrateur', 'quimper');
  const brestEditor = await accountId(database, 'editeur.brest@demo.guichet.bzh');
  assert.equal((await quimperAdmin.get(PAGE)).statusCode, 403);
  assert.equal((await quimperAdmin.get('/admin/t/brest/journal')).statusCode, 403);
  const token = '/admin/t/quimper/agents';
  assert.equal((await quimperAdmin.submit(token, PAGE, { email: 'intrus@example.org', display_name: 'Intrus', role: 'administrateur' })).statusCode, 403);
  assert.equal((await quimperAdmin.submit(token, `${PAGE}/${brestEditor}/role`, { role: 'lecteur' })).statusCode, 403);
  assert.equal((await quimperAdmin.submit(token, `${PAGE}/${brestEditor}/retirer`, {})).statusCode, 403);
  // Nor through its own tenant's routes, by naming an agent of Brest.
  assert.equal((await quimperAdmin.submit(token, `${token}/${brestEditor}/role`, { role: 'lecteur' })).statusCode, 404);
  assert.equal((await quimperAdmin.submit(token, `${token}/${brestEditor}/retirer`, {})).statusCode, 404);
  assert.deepEqual(await memberships(database, brestEditor), [{ tenant_id: 'brest', role: 'editeur' }]);
  assert.equal((await database.db.selectFrom('platform_accounts').select('id').where('email', '=', 'intrus@example.org').execute()).length, 0);
});
