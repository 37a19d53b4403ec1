import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, passSecondFactor, signInAs, type TestApp } from '../../../test/support/app';
import { linkIn, startTestInbox, type TestInbox } from '../../../test/support/mail';
import { createPerson, PERSON_PASSWORD, signInPerson } from '../accounts/test-support';
import type { InvitationsTables } from './invitations.tables';
import { textOf } from './test-support';

const PAGE = '/admin/t/brest/agents';
const MINE = '/mon-compte/invitations';

function pathOf(link: string): string {
  const url = new URL(link);
  return url.pathname + url.search;
}

async function memberships(database: TestApp['database'], email: string) {
  return database.db
    .selectFrom('platform_memberships as m')
    .innerJoin('platform_accounts as a', 'a.id', 'm.account_id')
    .select(['m.tenant_id', 'm.role'])
    .where('a.email', '=', email)
    .orderBy('m.tenant_id')
    .execute();
}

const invitations = (database: TestApp['database']) => database.db.withTables<InvitationsTables>().selectFrom('backoffice_invitations').selectAll();

async function actions(database: TestApp['database']) {
  const rows = await database.db.selectFrom('platform_audit').select(['action', 'tenant_id', 'details']).where('action', 'like', 'agents.%').orderBy('id').execute();
  return rows.map((r) => `${r.action}@${r.tenant_id}`);
}

async function invitationLink(inbox: TestInbox, email: string, nth = 1): Promise<string> {
  return pathOf(linkIn(await inbox.waitFor(email, /Invitation à rejoindre/, nth), '/invitation-agent?jeton='));
}

test('inviting answers the same whether the address has an account or not, creates nothing, and mails a hashed single-use link', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  await createPerson(database.db, { email: 'camille.existe@example.fr' });
  const admin = await signInAs(app, 'administrateur', 'brest');
  const accountsBefore = (await database.db.selectFrom('platform_accounts').select('id').execute()).length;

  const existing = await admin.submit(PAGE, PAGE, { email: 'Camille.Existe@example.fr', role: 'editeur' });
  const unknown = await admin.submit(PAGE, PAGE, { email: 'personne.inconnue@example.fr', role: 'editeur' });
  for (const answer of [existing, unknown]) {
    assert.equal(answer.statusCode, 303);
    assert.equal(answer.headers.location, `${PAGE}?fait=invitation`);
    assert.equal(answer.body, '');
  }
  assert.deepEqual(Object.keys(existing.headers).sort(), Object.keys(unknown.headers).sort());
  const list = textOf((await admin.get(`${PAGE}?fait=invitation`)).body);
  assert.match(list, /Si une personne a un compte Guichet avec cette adresse, ou quand elle en créera un, elle pourra accepter/);
  assert.match(list, /Invitations en attente \(2\)/);
  assert.match(list, /camille.existe@example.fr Rôle proposé : Éditeur/);
  assert.match(list, /Annuler l'invitation de personne.inconnue@example.fr/);

  // Nothing changed in the accounts and memberships: only the holder's answer will.
  assert.equal((await database.db.selectFrom('platform_accounts').select('id').execute()).length, accountsBefore);
  assert.deepEqual(await memberships(database, 'camille.existe@example.fr'), []);
  // Both addresses got a link; only the SHA-256 of its token is stored.
  const link = await invitationLink(inbox, 'personne.inconnue@example.fr');
  await invitationLink(inbox, 'camille.existe@example.fr');
  const token = new URL(link, 'http://x').searchParams.get('jeton')!;
  const stored = await invitations(database).execute();
  assert.equal(stored.length, 2);
  assert.ok(stored.every((row) => row.token_hash !== token && /^[0-9a-f]{64}$/.test(row.token_hash)));
  const days = (new Date(stored[0]!.expires_at).getTime() - new Date(stored[0]!.created_at).getTime()) / 86_400_000;
  assert.equal(Math.round(days), 7);
  assert.deepEqual(await actions(database), ['agents.invite@brest', 'agents.invite@brest']);

  // An agent of this tenant (listed on the page anyway) is not invited again.
  const member = await admin.submit(PAGE, PAGE, { email: 'EDITEUR.brest@demo.guichet.bzh', role: 'lecteur' });
  assert.equal(member.statusCode, 422);
  assert.match(textOf(member.body), /Cette personne est déjà agent de Brest, avec le rôle Éditeur/);
  assert.deepEqual((await actions(database)).at(-1), 'agents.act_refused@brest');
});

test('the holder of an account accepts from their space; the link works once; the new agent enrols the second factor', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const email = 'dominique.agent@example.fr';
  await createPerson(database.db, { email, name: 'Dominique' });
  const admin = await signInAs(app, 'administrateur', 'brest');
  await admin.submit(PAGE, PAGE, { email, role: 'instructeur' });
  const link = await invitationLink(inbox, email);

  // A visitor: the link explains and offers to sign in, coming back to the answer.
  const visitor = new Agent(app);
  const landing = await visitor.get(link);
  assert.equal(landing.statusCode, 200);
  assert.match(textOf(landing.body), /Ville de Brest vous invite à devenir agent .* rôle Instructeur/);
  const signInHref = /href="(\/connexion\?suite=[^"]+)"/.exec(landing.body)![1]!.replace(/&amp;/g, '&');
  const signIn = await visitor.submit(signInHref, '/connexion', { email, password: PERSON_PASSWORD, suite: decodeURIComponent(signInHref.split('suite=')[1]!) });
  assert.equal(signIn.statusCode, 303);
  assert.match(String(signIn.headers.location), /^\/mon-compte\/invitations\?jeton=/);
  const answerPage = await visitor.get(String(signIn.headers.location));
  assert.equal(answerPage.statusCode, 200);
  assert.match(textOf(answerPage.body), /Ville de Brest Rôle proposé : Instructeur/);

  const accepted = await visitor.submit(String(signIn.headers.location), `${MINE}/repondre`, { jeton: new URL(link, 'http://x').searchParams.get('jeton')!, reponse: 'accepter' });
  assert.equal(accepted.statusCode, 303);
  assert.equal(accepted.headers.location, `${MINE}?fait=acceptee`);
  assert.deepEqual(await memberships(database, email), [{ tenant_id: 'brest', role: 'instructeur' }]);
  assert.equal((await invitations(database).execute()).length, 0);
  assert.deepEqual(await actions(database), ['agents.invite@brest', 'agents.invitation_accepted@brest']);

  // Used once: the same link is refused.
  const again = await visitor.get(link);
  assert.equal(again.statusCode, 400);
  assert.match(textOf(again.body), /Cette invitation ne peut pas être utilisée/);
  const replay = await visitor.submit('/mon-compte', `${MINE}/repondre`, { jeton: new URL(link, 'http://x').searchParams.get('jeton')!, reponse: 'accepter' });
  assert.equal(replay.statusCode, 404);

  // The back office first asks for the second factor, as for every agent.
  assert.match(String((await visitor.get('/admin/t/brest/')).headers.location), /^\/admin\/double-authentification\?suite=/);
  const agent = new Agent(app);
  const signedIn = await agent.submit('/admin/connexion', '/admin/connexion', { email, password: PERSON_PASSWORD });
  await passSecondFactor(agent, signedIn, email);
  assert.equal((await agent.get('/admin/t/brest/')).statusCode, 200);
});

test('an address without an account: the person signs up with it later, then accepts through the mailed link', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const email = 'nouvelle.agente@example.fr';
  const admin = await signInAs(app, 'administrateur', 'brest');
  await admin.submit(PAGE, PAGE, { email, role: 'editeur' });
  const link = await invitationLink(inbox, email);

  const person = new Agent(app);
  const landing = await person.get(link);
  assert.match(textOf(landing.body), /Vous n'avez pas encore de compte/);
  assert.match(landing.body, /href="\/inscription"/);
  const created = await person.submit('/inscription', '/inscription', { email, display_name: 'Nouvelle Agente', password: PERSON_PASSWORD });
  assert.equal(created.statusCode, 303);
  await inbox.waitFor(email, /Confirmez votre adresse/);

  // The mailed link again: sign in, then the answer page, before even confirming the address.
  const again = await person.get(link);
  const signInHref = /href="\/connexion\?suite=([^"]+)"/.exec(again.body)![1]!;
  const signIn = await person.submit('/connexion', '/connexion', { email, password: PERSON_PASSWORD, suite: decodeURIComponent(signInHref) });
  const answer = String(signIn.headers.location);
  assert.match(answer, /^\/mon-compte\/invitations\?jeton=/);
  // Without the link, an unconfirmed address cannot answer by the invitation's id.
  const bare = await person.get(MINE);
  assert.match(textOf(bare.body), /Confirmez d'abord votre adresse électronique/);
  const id = (await invitations(database).select('id').executeTakeFirstOrThrow()).id;
  assert.equal((await person.submit('/mon-compte', `${MINE}/repondre`, { invitation: id, reponse: 'accepter' })).statusCode, 409);

  const accepted = await person.submit(answer, `${MINE}/repondre`, { jeton: new URL(answer, 'http://x').searchParams.get('jeton')!, reponse: 'accepter' });
  assert.equal(accepted.statusCode, 303);
  assert.deepEqual(await memberships(database, email), [{ tenant_id: 'brest', role: 'editeur' }]);
  // The link proved the mailbox: the address is confirmed.
  const account = await database.db.withTables<{ platform_accounts: { email: string; email_confirmed_at: Date | null } }>().selectFrom('platform_accounts').select('email_confirmed_at').where('email', '=', email).executeTakeFirstOrThrow();
  assert.ok(account.email_confirmed_at);
});

test('declining, another address, cancelling, re-inviting and expiry', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const email = 'alex.invite@example.fr';
  await createPerson(database.db, { email, name: 'Alex' });
  await createPerson(database.db, { email: 'autre.personne@example.fr', name: 'Autre' });
  const admin = await signInAs(app, 'administrateur', 'brest');
  await admin.submit(PAGE, PAGE, { email, role: 'lecteur' });
  const first = await invitationLink(inbox, email);
  const token = (link: string) => new URL(link, 'http://x').searchParams.get('jeton')!;

  // Someone else signed in cannot use the link.
  const other = await signInPerson(app, 'autre.personne@example.fr');
  const wrong = await other.get(`${MINE}?jeton=${token(first)}`);
  assert.match(textOf(wrong.body), /L'invitation est adressée à alex.invite@example.fr , et vous êtes connecté avec autre.personne@example.fr/);
  assert.equal((await other.submit('/mon-compte', `${MINE}/repondre`, { jeton: token(first), reponse: 'accepter' })).statusCode, 409);

  // Re-inviting replaces the link: the first one no longer works.
  await admin.submit(PAGE, PAGE, { email, role: 'editeur' });
  const second = await invitationLink(inbox, email, 2);
  assert.notEqual(token(first), token(second));
  assert.equal((await new Agent(app).get(first)).statusCode, 400);
  assert.equal((await invitations(database).execute()).length, 1);

  // The holder declines: no membership, the link is used up.
  const alex = await signInPerson(app, email);
  const declined = await alex.submit(`${MINE}?jeton=${token(second)}`, `${MINE}/repondre`, { jeton: token(second), reponse: 'refuser' });
  assert.equal(declined.statusCode, 303);
  assert.equal(declined.headers.location, `${MINE}?fait=refusee`);
  assert.deepEqual(await memberships(database, email), []);
  assert.equal((await new Agent(app).get(second)).statusCode, 400);

  // Invited again, then cancelled by the administrator: the link stops working.
  await admin.submit(PAGE, PAGE, { email, role: 'editeur' });
  const third = await invitationLink(inbox, email, 3);
  const id = (await invitations(database).select('id').executeTakeFirstOrThrow()).id;
  const cancelled = await admin.submit(PAGE, `${PAGE}/invitations/${id}/annuler`, {});
  assert.equal(cancelled.statusCode, 303);
  assert.equal(cancelled.headers.location, `${PAGE}?fait=invitation-annulee`);
  assert.equal((await new Agent(app).get(third)).statusCode, 400);
  assert.equal((await admin.submit(PAGE, `${PAGE}/invitations/${id}/annuler`, {})).statusCode, 404);

  // An expired invitation is refused and shown as such to the administrator.
  await admin.submit(PAGE, PAGE, { email, role: 'editeur' });
  const fourth = await invitationLink(inbox, email, 4);
  await database.db.withTables<InvitationsTables>().updateTable('backoffice_invitations').set({ expires_at: new Date(Date.now() - 1000) }).execute();
  const expired = await new Agent(app).get(fourth);
  assert.equal(expired.statusCode, 400);
  assert.match(textOf(expired.body), /Cette invitation a expiré/);
  assert.match(textOf((await admin.get(PAGE)).body), /alex.invite@example.fr .* expirée/);
  assert.equal((await alex.submit('/mon-compte', `${MINE}/repondre`, { jeton: token(fourth), reponse: 'accepter' })).statusCode, 409);
  assert.deepEqual(await memberships(database, email), []);

  assert.deepEqual(await actions(database), [
    'agents.invite@brest',
    'agents.act_refused@brest',
    'agents.reinvite@brest',
    'agents.invitation_declined@brest',
    'agents.invite@brest',
    'agents.invitation_cancelled@brest',
    'agents.invite@brest',
    'agents.act_refused@brest',
  ]);
  const refusals = await database.db.selectFrom('platform_audit').select('details').where('action', '=', 'agents.act_refused').orderBy('id').execute();
  assert.deepEqual(
    refusals.map((r) => [(r.details as { act: string }).act, (r.details as { reason: string }).reason]),
    [
      ['accept', 'other_address'],
      ['accept', 'expired'],
    ],
  );
});

test('a confirmed address answers from « Mon compte » without the link; another tenant cannot cancel the invitation', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const email = 'sam.confirme@example.fr';
  await createPerson(database.db, { email, name: 'Sam' });
  const admin = await signInAs(app, 'administrateur', 'brest');
  await admin.submit(PAGE, PAGE, { email, role: 'lecteur' });
  const id = (await invitations(database).select('id').executeTakeFirstOrThrow()).id;

  const quimper = await signInAs(app, 'administrateur', 'quimper');
  assert.equal((await quimper.submit('/admin/t/quimper/agents', `/admin/t/quimper/agents/invitations/${id}/annuler`, {})).statusCode, 404);
  assert.equal((await quimper.submit('/admin/t/quimper/agents', `${PAGE}/invitations/${id}/annuler`, {})).statusCode, 403);
  assert.doesNotMatch((await quimper.get('/admin/t/quimper/agents')).body, /sam.confirme/);

  const sam = await signInPerson(app, email);
  const home = await sam.get('/mon-compte');
  assert.match(home.body, /href="\/mon-compte\/invitations"/);
  const mine = await sam.get(MINE);
  assert.match(textOf(mine.body), /Ville de Brest Rôle proposé : Lecteur/);
  const accepted = await sam.submit(MINE, `${MINE}/repondre`, { invitation: id, reponse: 'accepter' });
  assert.equal(accepted.statusCode, 303);
  assert.deepEqual(await memberships(database, email), [{ tenant_id: 'brest', role: 'lecteur' }]);
  assert.match(textOf((await sam.get(`${MINE}?fait=acceptee`)).body), /Vous n'avez aucune invitation en attente/);
});
