import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { audit } from '../../platform/audit/audit';
import { textOf } from './test-support';

test('the dashboard lists the agent’s authorities with their role, and a sign-out button', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  // The same account also reads for Quimper: one line per membership.
  const account = await database.db.selectFrom('platform_accounts').select('id').where('email', '=', 'admin.brest@demo.guichet.bzh').executeTakeFirstOrThrow();
  await database.db.insertInto('platform_memberships').values({ account_id: account.id, tenant_id: 'quimper', role: 'lecteur' }).execute();

  const page = await admin.get('/admin');
  assert.equal(page.statusCode, 200);
  const text = textOf(page.body);
  assert.match(text, /Brest Votre rôle : Administrateur/);
  assert.match(text, /Quimper Votre rôle : Lecteur/);
  assert.match(page.body, /href="\/admin\/t\/brest\/"/);
  assert.match(page.body, /href="\/admin\/t\/quimper\/"/);
  assert.doesNotMatch(page.body, /href="\/admin\/t\/vannes\/"/);
  assert.match(page.body, /<form action="\/admin\/deconnexion" method="post"/);
  assert.match(page.body, /<meta name="robots" content="noindex"/);
  // In a tenant's back office, the header holds the way to the other authority, the account and sign-out.
  const home = await admin.get('/admin/t/brest/');
  const header = /<header[\s\S]*?<\/header>/.exec(home.body)![0];
  assert.match(header, /<details class="tenant-switcher"><summary>Changer de collectivité<\/summary><ul><li><a href="\/admin\/t\/quimper\/">Ville de Quimper<\/a>/);
  assert.match(header, /href="\/mon-compte"/);
  assert.match(header, /<form action="\/admin\/deconnexion" method="post"/);
  assert.match(home.body, /<p class="admin-nav__group" id="rubriques-equipe">Équipe<\/p>/, 'the sidebar by group');

  const signOut = await admin.post('/admin/deconnexion', { _csrf: csrfTokenFrom(page.body) });
  assert.equal(signOut.statusCode, 303);
  const after = await admin.get('/admin');
  assert.equal(after.statusCode, 303);
  assert.match(String(after.headers.location), /^\/admin\/connexion\?suite=%2Fadmin/);
});

test('a person who is not signed in is sent to the sign-in page', async (t) => {
  const { app } = await buildTestApp(t);
  const response = await new Agent(app).get('/admin');
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/admin/connexion?suite=%2Fadmin');
});

test('a tenant’s back-office home shows what the role allows and only that tenant’s recent changes', async (t) => {
  const { app, database } = await buildTestApp(t);
  await audit(database.db, { action: 'branding.update', actorLabel: 'Agent de Brest', tenantId: 'brest', details: {} });
  await audit(database.db, { action: 'branding.update', actorLabel: 'Agent de Quimper', tenantId: 'quimper', details: {} });

  const admin = await signInAs(app, 'administrateur', 'brest');
  const home = await admin.get('/admin/t/brest/');
  assert.equal(home.statusCode, 200);
  const text = textOf(home.body);
  assert.match(text, /Votre rôle dans .*Brest : Administrateur/);
  for (const section of ['identite', 'agents', 'journal']) assert.match(home.body, new RegExp(`href="/admin/t/brest/${section}"`));
  assert.match(text, /Identité visuelle modifiée, par Agent de Brest/);
  assert.doesNotMatch(text, /Agent de Quimper/);
  // The administrator's own sign-in and code are in the journal, not among the changes.
  assert.doesNotMatch(text, /Connexion, par|Code de double authentification accepté/);
  assert.match(home.body, /action="\/admin\/deconnexion"/);

  const reader = await signInAs(app, 'lecteur', 'brest');
  const readerHome = await reader.get('/admin/t/brest/');
  assert.equal(readerHome.statusCode, 200);
  assert.match(textOf(readerHome.body), /Votre rôle dans .*Brest : Lecteur/);
  for (const section of ['identite', 'agents', 'journal']) assert.doesNotMatch(readerHome.body, new RegExp(`href="/admin/t/brest/${section}"`));

  const noSlash = await reader.get('/admin/t/brest');
  assert.equal(noSlash.statusCode, 301);
  assert.equal(noSlash.headers.location, '/admin/t/brest/');
  assert.equal((await reader.get('/admin/t/quimper/')).statusCode, 403);
  assert.equal((await reader.get('/admin/t/nulle-part/')).statusCode, 404);
});
