import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp, signInAs, type TestApp } from '../../../test/support/app';
import { linkIn, startTestInbox } from '../../../test/support/mail';
import type { InvitationsTables } from './invitations.tables';
import { textOf } from './test-support';

const PAGE = '/admin/t/brest/agents';

async function accountId(database: TestApp['database'], email: string): Promise<string> {
  const row = await database.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

async function memberships(database: TestApp['database'], id: string) {
  return database.db.selectFrom('platform_memberships').select(['tenant_id', 'role']).where('account_id', '=', id).orderBy('tenant_id').execute();
}

test('an administrator lists the tenant’s agents; an agent of another tenant who accepts an invitation keeps their account and password', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const admin = await signInAs(app, 'administrateur', 'brest');
  const list = await admin.get(PAGE);
  assert.equal(list.statusCode, 200);
  assert.equal(list.headers['cache-control'], 'no-store');
  const text = textOf(list.body);
  assert.match(text, /Agents de Ville de Brest \(5\)/);
  for (const email of ['admin.brest@demo.guichet.bzh', 'editeur.brest@demo.guichet.bzh', 'instructeur.brest@demo.guichet.bzh', 'lecteur.brest@demo.guichet.bzh']) assert.match(text, new RegExp(email));
  // Where a role is chosen, each role is told in one sentence.
  assert.match(text, /Instructeur Examine les demandes d’aide des personnes/);
  assert.match(text, /Éditeur Écrit et publie les pages/);
  assert.doesNotMatch(text, /quimper@demo/);
  assert.doesNotMatch(text, /mot de passe provisoire/);

  const quimperEditor = await accountId(database, 'editeur.quimper@demo.guichet.bzh');
  const before = await database.db.selectFrom('platform_accounts').select(['password_hash', 'display_name']).where('id', '=', quimperEditor).executeTakeFirstOrThrow();
  const invited = await admin.submit(PAGE, PAGE, { email: 'editeur.quimper@demo.guichet.bzh', role: 'lecteur' });
  assert.equal(invited.statusCode, 303);
  assert.equal(invited.headers.location, `${PAGE}?fait=invitation`);
  assert.deepEqual(await memberships(database, quimperEditor), [{ tenant_id: 'quimper', role: 'editeur' }]);
  const mail = await inbox.waitFor('editeur.quimper@demo.guichet.bzh', /Invitation à rejoindre l'espace de gestion de Ville de Brest/);
  const token = new URL(linkIn(mail, '/invitation-agent?jeton=')).searchParams.get('jeton')!;

  const quimper = await signInAs(app, 'editeur', 'quimper');
  const accepted = await quimper.submit(`/mon-compte/invitations?jeton=${token}`, '/mon-compte/invitations/repondre', { jeton: token, reponse: 'accepter' });
  assert.equal(accepted.statusCode, 303);
  assert.deepEqual(await memberships(database, quimperEditor), [
    { tenant_id: 'brest', role: 'lecteur' },
    { tenant_id: 'quimper', role: 'editeur' },
  ]);
  assert.deepEqual(await database.db.selectFrom('platform_accounts').select(['password_hash', 'display_name']).where('id', '=', quimperEditor).executeTakeFirstOrThrow(), before);

  const twice = await admin.submit(PAGE, PAGE, { email: 'EDITEUR.quimper@demo.guichet.bzh', role: 'editeur' });
  assert.equal(twice.statusCode, 422);
  assert.match(textOf(twice.body), /Cette personne est déjà agent de Brest, avec le rôle Lecteur/);
  assert.match(twice.body, /value="editeur.quimper@demo.guichet.bzh"/);
});

test('every field of the add form gets its French message and keeps its input', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const empty = await admin.submit(PAGE, PAGE, { email: '', role: 'roi' });
  assert.equal(empty.statusCode, 422);
  const text = textOf(empty.body);
  assert.match(text, /Saisissez l'adresse électronique de la personne/);
  assert.match(text, /Choisissez un rôle dans la liste/);
  for (const field of ['email', 'role']) assert.match(empty.body, new RegExp(`href="#champ-${field}"`));

  const bad = await admin.submit(PAGE, PAGE, { email: 'pas-une-adresse', role: 'editeur' });
  assert.equal(bad.statusCode, 422);
  assert.match(textOf(bad.body), /L'adresse électronique n'est pas valide/);
  assert.match(bad.body, /value="pas-une-adresse"/);
  assert.equal((await database.db.withTables<InvitationsTables>().selectFrom('backoffice_invitations').select('id').execute()).length, 0);
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
  await database.db.insertInto('platform_memberships').values({ account_id: quimperEditor, tenant_id: 'brest', role: 'editeur' }).execute();
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
    ['agents.act_refused@brest', 'agents.act_refused@brest', 'agents.role@brest', 'agents.role@brest', 'agents.remove@brest', 'agents.role@brest'],
  );
});

test('one tenant’s administrator can neither see nor change another tenant’s agents or journal', async (t) => {
  const { app, database } = await buildTestApp(t);
  const quimperAdmin = await signInAs(app, 'administrateur', 'quimper');
  const brestEditor = await accountId(database, 'editeur.brest@demo.guichet.bzh');
  assert.equal((await quimperAdmin.get(PAGE)).statusCode, 403);
  assert.equal((await quimperAdmin.get('/admin/t/brest/journal')).statusCode, 403);
  const token = '/admin/t/quimper/agents';
  assert.equal((await quimperAdmin.submit(token, PAGE, { email: 'intrus@example.org', role: 'administrateur' })).statusCode, 403);
  assert.equal((await quimperAdmin.submit(token, `${PAGE}/${brestEditor}/role`, { role: 'lecteur' })).statusCode, 403);
  assert.equal((await quimperAdmin.submit(token, `${PAGE}/${brestEditor}/retirer`, {})).statusCode, 403);
  // Nor through its own tenant's routes, by naming an agent of Brest.
  assert.equal((await quimperAdmin.submit(token, `${token}/${brestEditor}/role`, { role: 'lecteur' })).statusCode, 404);
  assert.equal((await quimperAdmin.submit(token, `${token}/${brestEditor}/retirer`, {})).statusCode, 404);
  assert.deepEqual(await memberships(database, brestEditor), [{ tenant_id: 'brest', role: 'editeur' }]);
  assert.equal((await database.db.withTables<InvitationsTables>().selectFrom('backoffice_invitations').select('id').where('email', '=', 'intrus@example.org').execute()).length, 0);
});
