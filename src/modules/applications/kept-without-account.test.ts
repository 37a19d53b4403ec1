import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { startTestInbox } from '../../../test/support/mail';
import { createPerson, signInPerson } from '../accounts/test-support';
import { applyForDrivingLicence, startDrivingLicenceDraft } from './test-support';

test('when a person deletes their account, their draft goes and their sent application stays with the authority, detached', async (t) => {
  const inbox = await startTestInbox(t);
  const { app } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const db = app.platform.db;
  const id = await createPerson(db, { email: 'archive@example.fr', name: 'Maëlys' });
  const person = await signInPerson(app, 'archive@example.fr');
  const reference = await applyForDrivingLicence(person);
  await startDrivingLicenceDraft(person);
  const before = (await sql<{ status: string }>`select status from applications where account_id = ${id} order by status`.execute(db)).rows.map((r) => r.status);
  assert.deepEqual(before, ['brouillon', 'depose']);

  const token = csrfTokenFrom((await person.get('/mon-compte/supprimer')).body);
  assert.equal((await person.post('/mon-compte/supprimer', { _csrf: token, password: 'trois chats gris sur le quai' })).statusCode, 303);

  const kept = (await sql<{ account_id: string | null; status: string; answers: unknown }>`select account_id, status, answers from applications where reference = ${reference}`.execute(db)).rows;
  assert.equal(kept.length, 1, 'the sent application stays');
  assert.equal(kept[0]!.account_id, null, 'detached from the deleted account');
  assert.equal((await sql`select 1 from applications where account_id = ${id} or (account_id is null and status = 'brouillon')`.execute(db)).rows.length, 0, 'the draft went with the account');
  const traces = await sql`select 1 from application_history where actor_id = ${id} union all select 1 from application_documents where uploaded_by = ${id} union all select 1 from application_messages where author_id = ${id}`.execute(db);
  assert.equal(traces.rows.length, 0, 'the account’s id is cleared from its steps and documents');

  // The authority still instructs it: « Compte supprimé », and nobody to mail.
  const instructeur = await signInAs(app, 'instructeur', 'bretagne');
  const list = await instructeur.get(`/admin/t/bretagne/demandes?q=${reference}`);
  assert.match(list.body, new RegExp(`${reference}[\\s\\S]*Compte supprimé`));
  const appId = (await sql<{ id: string }>`select id from applications where reference = ${reference}`.execute(db)).rows[0]!.id;
  const file = await instructeur.get(`/admin/t/bretagne/demandes/${appId}`);
  assert.equal(file.statusCode, 200);
  assert.match(file.body, /Compte supprimé/);
  assert.match(file.body, /Le Goff|Maëlys/, 'with what the person answered');
  await app.platform.mailer.drain();
  const mailsBefore = inbox.mails.length;
  const started = await instructeur.post(`/admin/t/bretagne/demandes/${appId}/statut`, { _csrf: csrfTokenFrom(file.body), statut: 'en_instruction' });
  assert.equal(started.statusCode, 303);
  assert.equal((await sql<{ status: string }>`select status from applications where id = ${appId}`.execute(db)).rows[0]!.status, 'en_instruction');
  await app.platform.mailer.drain();
  assert.equal(inbox.mails.length, mailsBefore, 'no mail for a detached application');
});
