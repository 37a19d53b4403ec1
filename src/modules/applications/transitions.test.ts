/**
 * Every status change goes through the transitions table: a move the table does not allow is
 * refused by the one writing function, by the use cases, and through HTTP — and leaves neither a
 * status change nor a history row behind.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { createPerson, signInPerson } from '../accounts/test-support';
import { applicationService } from './service';
import { applicationsDb } from './store';
import { applyForDrivingLicence, DRIVING_LICENCE_AID } from './test-support';
import { moveStatus, WITHDRAWABLE } from './transitions';

test('the withdrawable statuses are read from the table', () => {
  assert.deepEqual([...WITHDRAWABLE].sort(), ['depose', 'en_instruction', 'pieces_demandees']);
});

test('illegal moves are refused by moveStatus, by the service and through HTTP, and leave no trace', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = applicationsDb(database.db);
  const accountId = await createPerson(database.db, { email: 'maelys@exemple.fr', name: 'Maëlys' });
  const person = await signInPerson(app, 'maelys@exemple.fr');
  const reference = await applyForDrivingLicence(person);
  const read = () => db.selectFrom('applications').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const historyCount = async (id: string) => (await db.selectFrom('application_history').select('id').where('application_id', '=', id).execute()).length;
  const submitted = await read();
  assert.equal(submitted.status, 'depose');
  assert.equal(await historyCount(submitted.id), 1);

  // Submitting twice: the table has no move from « déposé » to « déposé »; a stale read loses the race.
  assert.equal(await moveStatus(db, { application: submitted, to: 'depose', actorId: accountId, actorKind: 'usager', action: 'depot' }), false);
  assert.equal(await moveStatus(db, { application: { ...submitted, status: 'brouillon' }, to: 'depose', actorId: accountId, actorKind: 'usager', action: 'depot' }), false, 'the status read is no longer the status');
  // Through the service: no draft is left, so a new key submits nothing.
  const service = applicationService(app.platform);
  const personView = { id: accountId, email: 'maelys@exemple.fr', displayName: 'Maëlys', ip: '127.0.0.1' };
  const aid = await service.aidWithForm(DRIVING_LICENCE_AID);
  assert.deepEqual(await service.submit(personView, aid, { key: randomUUID(), certified: true }), { ok: false, reason: 'not_found' });
  // Through HTTP: a second « déposer » with another key creates nothing and lands on « Mes démarches ».
  const token = csrfTokenFrom((await person.get(`/mes-demarches/${reference}`)).body);
  const again = await person.post(`/aides/${DRIVING_LICENCE_AID}/demande/deposer`, { _csrf: token, cle: randomUUID(), certifie: 'oui' });
  assert.equal(again.statusCode, 303);
  assert.equal(again.headers.location, '/mes-demarches');
  assert.equal((await db.selectFrom('applications').select('id').where('account_id', '=', accountId).where('status', '!=', 'brouillon').execute()).length, 1);

  // The authority examines and accepts it (through HTTP, as an instructeur).
  const agent = await signInAs(app, 'instructeur', 'bretagne');
  const file = `/admin/t/bretagne/demandes/${submitted.id}`;
  const agentToken = csrfTokenFrom((await agent.get(file)).body);
  assert.equal((await agent.post(`${file}/statut`, { _csrf: agentToken, statut: 'en_instruction' })).statusCode, 303);
  assert.equal((await agent.post(`${file}/decision`, { _csrf: agentToken, decision: 'accepte', motivation: 'Toutes les conditions sont remplies.', montant: '450' })).statusCode, 303);
  const accepted = await read();
  assert.equal(accepted.status, 'accepte');
  const decidedHistory = await historyCount(accepted.id);

  // Withdrawing an accepted application: refused by the table, the service and HTTP.
  assert.equal(await moveStatus(db, { application: accepted, to: 'retire', actorId: accountId, actorKind: 'usager', action: 'retrait' }), false);
  const refused = await service.withdraw(personView, accepted);
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.status, 409);
  const form = await person.get(`/mes-demarches/${reference}/retirer`);
  assert.equal(form.statusCode, 303, 'no confirmation page for what cannot be done');
  const post = await person.post(`/mes-demarches/${reference}/retirer`, { _csrf: token });
  assert.equal(post.statusCode, 409);
  assert.match(post.body, /ne peut plus être retirée/);
  // An agent cannot move a decided application either, nor decide twice.
  const decideAgain = await agent.post(`${file}/decision`, { _csrf: agentToken, decision: 'refuse', motivation: 'Changement d’avis.' });
  assert.equal(decideAgain.statusCode, 409);
  assert.match(decideAgain.body, /Ce changement n’est pas possible/);
  assert.equal((await agent.post(`${file}/statut`, { _csrf: agentToken, statut: 'en_instruction' })).statusCode, 409);

  assert.equal((await read()).status, 'accepte');
  assert.equal(await historyCount(accepted.id), decidedHistory, 'a refused move writes no history');
  assert.equal((await database.db.selectFrom('platform_audit').select('id').where('action', '=', 'applications.withdraw').execute()).length, 0);
});

test('a change and its mails commit together: when the mail cannot be written, the change is not made', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = applicationsDb(database.db);
  const accountId = await createPerson(database.db, { email: 'ewen@exemple.fr', name: 'Ewen' });
  const person = await signInPerson(app, 'ewen@exemple.fr');
  const reference = await applyForDrivingLicence(person);
  const read = () => db.selectFrom('applications').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const service = applicationService(app.platform);
  const personView = { id: accountId, email: 'ewen@exemple.fr', displayName: 'Ewen', ip: '127.0.0.1' };

  // The outbox refuses every row, as a full disk or a lost connection would at that moment.
  await database.runScript(`
    create function guichet_test_refuse_mail() returns trigger language plpgsql as $$ begin raise exception 'outbox unavailable'; end $$;
    create trigger guichet_test_refuse_mail before insert on platform_mail_outbox for each row execute function guichet_test_refuse_mail();`);
  const submitted = await read();
  const history = async () => (await db.selectFrom('application_history').select('id').where('application_id', '=', submitted.id).execute()).length;
  const before = await history();
  await assert.rejects(service.withdraw(personView, submitted), /outbox unavailable/);
  await assert.rejects(service.sendMessage(personView, submitted, 'Bonjour, où en est ma demande ?'), /outbox unavailable/);
  assert.equal((await read()).status, 'depose', 'not withdrawn without the instructeurs’ mail');
  assert.equal(await history(), before, 'no history row either');
  assert.equal((await db.selectFrom('application_messages').select('id').where('application_id', '=', submitted.id).execute()).length, 0, 'no message without its mail');

  await database.runScript('drop trigger guichet_test_refuse_mail on platform_mail_outbox; drop function guichet_test_refuse_mail();');
  assert.deepEqual(await service.withdraw(personView, submitted), { ok: true });
  assert.equal((await read()).status, 'retire');
});
