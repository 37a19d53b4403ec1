import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { startTestInbox } from '../../../test/support/mail';
import { createPerson, signInPerson } from '../accounts/test-support';
import { multipartBody } from '../content/test-support';
import { agentMay, canTransition, TRANSITIONS } from './instruction';
import { applicationsDb } from './store';
import { applyForDrivingLicence } from './test-support';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables';

const AID = 'bretagne-aide-code-permis';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const STATUSES = Object.keys(APPLICATION_STATUSES) as ApplicationStatus[];

test('the transition table: exactly the allowed moves, agents never submit nor withdraw', () => {
  const allowed = new Set([
    'brouillon>depose',
    'depose>en_instruction',
    'depose>retire',
    'en_instruction>pieces_demandees',
    'pieces_demandees>en_instruction',
    'en_instruction>accepte',
    'en_instruction>refuse',
    'en_instruction>classe_sans_suite',
    'en_instruction>retire',
    'pieces_demandees>retire',
  ]);
  for (const from of STATUSES) {
    for (const to of STATUSES) {
      const key = `${from}>${to}`;
      assert.equal(canTransition(from, to), allowed.has(key), key);
      assert.equal(agentMay(from, to), allowed.has(key) && to !== 'depose' && to !== 'retire', `agent ${key}`);
    }
  }
  assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...STATUSES].sort());
});

function upload(agent: Agent, url: string, token: string, fields: Array<[string, string | { filename: string; type: string; data: Buffer }]>) {
  const { payload, contentType } = multipartBody([['_csrf', token], ...fields]);
  return agent.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

test('an agent instructs: list, audited opening, request of documents, the person answers, decision with motivation, mails; other tenants see nothing', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const db = applicationsDb(database.db);
  await createPerson(database.db, { email: 'maelys@exemple.fr', name: 'Maëlys' });
  const person = await signInPerson(app, 'maelys@exemple.fr');
  const reference = await applyForDrivingLicence(person);
  const application = await db.selectFrom('applications').selectAll().where('reference', '=', reference).executeTakeFirstOrThrow();
  const file = `/admin/t/bretagne/demandes/${application.id}`;

  // The list: filters, search on the reference and the person's name.
  const reader = await signInAs(app, 'lecteur', 'bretagne');
  let page = await reader.get('/admin/t/bretagne/demandes');
  assert.equal(page.statusCode, 200);
  assert.ok(page.body.includes(reference));
  assert.match(page.body, /href="\/admin\/t\/bretagne\/demandes"/, 'the section is in the navigation');
  assert.ok((await reader.get(`/admin/t/bretagne/demandes?q=${reference}`)).body.includes(reference));
  assert.ok((await reader.get('/admin/t/bretagne/demandes?q=ma%C3%ABl')).body.includes(reference));
  assert.ok(!(await reader.get('/admin/t/bretagne/demandes?q=personne-inconnue')).body.includes(reference));
  assert.ok(!(await reader.get('/admin/t/bretagne/demandes?statut=accepte')).body.includes(reference));
  assert.ok((await reader.get(`/admin/t/bretagne/demandes?statut=depose&aide=${AID}`)).body.includes(reference));

  // A reader opens it (audited: who saw whose data) but may not instruct.
  page = await reader.get(file);
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Le Goff/);
  assert.doesNotMatch(page.body, /Commencer l’examen/);
  const views = await database.db.selectFrom('platform_audit').selectAll().where('action', '=', 'applications.view').execute();
  assert.equal(views.length, 1);
  assert.equal(views[0]!.target_id, application.account_id);
  assert.equal(views[0]!.tenant_id, 'bretagne');
  const readerPost = await reader.post(`${file}/statut`, { _csrf: csrfTokenFrom(page.body), statut: 'en_instruction' });
  assert.equal(readerPost.statusCode, 403);

  // The agent downloads a document (audited).
  const docId = /href="\/admin\/t\/bretagne\/demandes\/[0-9a-f-]+\/documents\/([0-9a-f-]+)"/.exec(page.body)![1]!;
  const download = await reader.get(`${file}/documents/${docId}`);
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-disposition']), /^attachment/);
  assert.equal(download.headers['cache-control'], 'no-store');
  assert.ok((await database.db.selectFrom('platform_audit').select('id').where('action', '=', 'applications.document_download').executeTakeFirst()));

  // Another tenant's agent: nothing, by any route.
  const outsider = await signInAs(app, 'administrateur', 'finistere');
  const outsiderToken = csrfTokenFrom((await outsider.get('/admin/t/finistere/demandes')).body);
  assert.ok(!(await outsider.get('/admin/t/finistere/demandes')).body.includes(reference));
  assert.equal((await outsider.get(`/admin/t/finistere/demandes/${application.id}`)).statusCode, 404);
  assert.equal((await outsider.get(`/admin/t/finistere/demandes/${application.id}/documents/${docId}`)).statusCode, 404);
  assert.equal((await outsider.get(file)).statusCode, 403);
  assert.equal((await outsider.get(`${file}/documents/${docId}`)).statusCode, 403);
  assert.equal((await outsider.post(`/admin/t/finistere/demandes/${application.id}/statut`, { _csrf: outsiderToken, statut: 'en_instruction' })).statusCode, 404);
  assert.equal((await outsider.post(`${file}/statut`, { _csrf: outsiderToken, statut: 'en_instruction' })).statusCode, 403);
  assert.equal((await db.selectFrom('applications').select('status').where('id', '=', application.id).executeTakeFirstOrThrow()).status, 'depose');

  // An éditeur writes pages and aids: people's applications are not theirs to read nor instruct (least privilege).
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const editorToken = csrfTokenFrom((await editor.get('/admin')).body);
  for (const url of ['/admin/t/bretagne/demandes', file, `${file}/documents/${docId}`]) assert.equal((await editor.get(url)).statusCode, 403, url);
  assert.doesNotMatch((await editor.get('/admin/t/bretagne/')).body, /Demandes d’aide/, 'not offered in the éditeur’s back office');
  assert.equal((await editor.post(`${file}/statut`, { _csrf: editorToken, statut: 'en_instruction' })).statusCode, 403);
  assert.equal((await editor.post(`${file}/message`, { _csrf: editorToken, message: 'Bonjour' })).statusCode, 403);

  // The instructing agent (instructeur).
  const agent = await signInAs(app, 'instructeur', 'bretagne');
  page = await agent.get(file);
  const token = csrfTokenFrom(page.body);
  // A transition that the table forbids: decision before the examination starts.
  let r = await agent.post(`${file}/decision`, { _csrf: token, decision: 'accepte', motivation: 'Bien.', montant: '500' });
  assert.equal(r.statusCode, 409);
  assert.match(r.body, /n’est pas possible/);
  r = await agent.post(`${file}/statut`, { _csrf: token, statut: 'en_instruction' });
  assert.equal(r.statusCode, 303);
  await inbox.waitFor('maelys@exemple.fr', /en cours d’examen/);
  // Requesting documents: at least one, French message.
  r = await agent.post(`${file}/pieces`, { _csrf: token, pieces: '  ', pieces_message: '' });
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /au moins un document/);
  r = await agent.post(`${file}/pieces`, { _csrf: token, pieces: 'Justificatif de domicile\nAttestation de l’auto-école', pieces_message: 'Merci d’envoyer ces deux documents.' });
  assert.equal(r.statusCode, 303);
  const piecesMail = await inbox.waitFor('maelys@exemple.fr', /Des documents sont demandés/);
  assert.match(piecesMail.text ?? '', new RegExp(`/mes-demarches/${reference}`));
  // A message and a private note.
  r = await agent.post(`${file}/message`, { _csrf: token, message: '' });
  assert.equal(r.statusCode, 422);
  r = await agent.post(`${file}/message`, { _csrf: token, message: 'Le devis est-il daté ?' });
  assert.equal(r.statusCode, 303);
  r = await agent.post(`${file}/notes`, { _csrf: token, annotation: 'Note privée : vérifier l’auto-école.' });
  assert.equal(r.statusCode, 303);

  // The person sees the request and the message, never the note; answers and adds the documents.
  page = await person.get(`/mes-demarches/${reference}`);
  assert.match(page.body, /Merci d’envoyer ces deux documents/);
  assert.match(page.body, /Le devis est-il daté \?/);
  assert.match(page.body, /Justificatif de domicile : à envoyer/);
  assert.doesNotMatch(page.body, /Note privée/);
  const personToken = csrfTokenFrom(page.body);
  r = await person.post(`/mes-demarches/${reference}/message`, { _csrf: personToken, message: 'Oui, daté du 2 mars.' });
  assert.equal(r.statusCode, 303);
  const pieceFields = [...page.body.matchAll(/<option value="(piece-[^"]+)"/g)].map((m) => m[1]!);
  assert.equal(pieceFields.length, 2);
  r = await upload(person, `/mes-demarches/${reference}/document`, personToken, [['piece', pieceFields[0]!], ['fichier', { filename: 'virus.pdf', type: 'application/pdf', data: EXE }]]);
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /Ce fichier n’est pas accepté/);
  r = await upload(person, `/mes-demarches/${reference}/document`, personToken, [['piece', pieceFields[0]!], ['fichier', { filename: 'domicile.pdf', type: 'application/pdf', data: PDF }]]);
  assert.equal(r.headers.location, `/mes-demarches/${reference}?fait=document`);
  assert.equal((await db.selectFrom('applications').select('status').where('id', '=', application.id).executeTakeFirstOrThrow()).status, 'pieces_demandees');
  r = await upload(person, `/mes-demarches/${reference}/document`, personToken, [['piece', pieceFields[1]!], ['fichier', { filename: 'ecole.pdf', type: 'application/pdf', data: PDF }]]);
  assert.equal(r.headers.location, `/mes-demarches/${reference}?fait=complet`);
  assert.equal((await db.selectFrom('applications').select('status').where('id', '=', application.id).executeTakeFirstOrThrow()).status, 'en_instruction');

  // The decision: motivation required, amount for an acceptance.
  r = await agent.post(`${file}/decision`, { _csrf: token, decision: 'accepte', motivation: '', montant: 'beaucoup' });
  assert.equal(r.statusCode, 422);
  assert.match(r.body, /Écrivez la motivation/);
  assert.match(r.body, /Écrivez le montant accordé/);
  assert.match(r.body, /value="beaucoup"/, 'the input is kept');
  r = await agent.post(`${file}/decision`, { _csrf: token, decision: 'accepte', motivation: 'Votre formation remplit les conditions.', montant: '450,50' });
  assert.equal(r.statusCode, 303);
  await inbox.waitFor('maelys@exemple.fr', /Votre demande est acceptée/);
  const decided = await db.selectFrom('applications').selectAll().where('id', '=', application.id).executeTakeFirstOrThrow();
  assert.equal(decided.status, 'accepte');
  assert.equal(Number(decided.amount_granted), 450.5);
  // A final decision is final.
  r = await agent.post(`${file}/decision`, { _csrf: token, decision: 'refuse', motivation: 'Non.' });
  assert.equal(r.statusCode, 409);

  page = await person.get(`/mes-demarches/${reference}`);
  assert.match(page.body, /Votre formation remplit les conditions/);
  assert.match(page.body, /450,50\s€/);
  const history = await db.selectFrom('application_history').select(['action', 'actor_kind', 'to_status']).where('application_id', '=', application.id).orderBy('created_at').execute();
  assert.deepEqual(
    history.map((h) => `${h.action}:${h.actor_kind}:${h.to_status ?? ''}`),
    ['depot:usager:depose', 'statut:agent:en_instruction', 'pieces_demandees:agent:pieces_demandees', 'message:agent:', 'message:usager:', 'document:usager:', 'document:usager:', 'statut:usager:en_instruction', 'decision:agent:accepte'],
  );
  // Once final: no more messages nor documents from the person.
  r = await person.post(`/mes-demarches/${reference}/message`, { _csrf: personToken, message: 'Encore une question.' });
  assert.equal(r.statusCode, 409);
  r = await upload(person, `/mes-demarches/${reference}/document`, personToken, [['piece', pieceFields[0]!], ['fichier', { filename: 'domicile.pdf', type: 'application/pdf', data: PDF }]]);
  assert.equal(r.statusCode, 409);

  // Pagination: 20 per page.
  for (let i = 0; i < 20; i++) {
    await db
      .insertInto('applications')
      .values({ ...decided, id: randomUUID(), reference: `BZH-2000-${String(i).padStart(6, '0')}`, idempotency_key: null, status: 'depose', form: JSON.stringify(decided.form), answers: '{}', sources: '{}', consents: '{}', submitted_at: new Date(Date.UTC(2000, 0, 1)) })
      .execute();
  }
  page = await reader.get('/admin/t/bretagne/demandes');
  assert.match(page.body, /21 demandes\./);
  assert.match(page.body, /Page 1 sur 2/);
  assert.ok(page.body.includes(reference), 'the latest first');
  page = await reader.get('/admin/t/bretagne/demandes?page=2');
  assert.match(page.body, /Page 2 sur 2/);
  assert.ok(!page.body.includes(reference));
  assert.equal((page.body.match(/<tr>/g) ?? []).length, 2, 'a header row and one application');

  const audited = (await database.db.selectFrom('platform_audit').select('action').where('target_id', '=', application.id).execute()).map((a) => a.action);
  for (const action of ['applications.status', 'applications.message', 'applications.annotation', 'applications.document_added']) assert.ok(audited.includes(action), action);
});

/** The cell « À lire » of the application's row in the back office's list, as text. */
async function markerIn(agent: Agent, reference: string, query = ''): Promise<string | undefined> {
  const body = (await agent.get(`/admin/t/bretagne/demandes${query}`)).body;
  const row = body.split('<tr>').find((r) => r.includes(`>${reference}</a>`));
  if (!row) return undefined;
  const cell = /<td>(?:<strong class="tag">([^<]*)<\/strong>)?<\/td>\s*<td>[^<]*<\/td>\s*<\/tr>/.exec(row);
  assert.ok(cell, `the row of ${reference} has a cell « À lire »: ${row}`);
  return cell[1] ?? '';
}

test('the instructeurs see what the person did since they last opened the file, and get a mail without personal data', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const db = applicationsDb(database.db);
  await createPerson(database.db, { email: 'maelys@exemple.fr', name: 'Maëlys' });
  const person = await signInPerson(app, 'maelys@exemple.fr');
  const reference = await applyForDrivingLicence(person);
  const application = await db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  const file = `/admin/t/bretagne/demandes/${application.id}`;
  const instructor = await signInAs(app, 'instructeur', 'bretagne');
  const reader = await signInAs(app, 'lecteur', 'bretagne');

  // Submitted, never opened by an instructeur: « Nouveau », also for a reader, who does not mark it read.
  assert.equal(await markerIn(instructor, reference), 'Nouveau');
  await reader.get(file);
  assert.equal(await markerIn(reader, reference), 'Nouveau');
  assert.equal(await markerIn(instructor, reference, '?a_lire=1'), 'Nouveau');
  // The instructeur opens it: read.
  let page = await instructor.get(file);
  const token = csrfTokenFrom(page.body);
  assert.equal(await markerIn(instructor, reference), '');
  assert.equal(await markerIn(instructor, reference, '?a_lire=1'), undefined, 'the filter « à lire » leaves it out');
  // The agent's own acts leave it read (the page they come back to is the file).
  await instructor.post(`${file}/statut`, { _csrf: token, statut: 'en_instruction' });
  await instructor.post(`${file}/pieces`, { _csrf: token, pieces: 'Justificatif de domicile', pieces_message: '' });
  await instructor.get(file);
  assert.equal(await markerIn(instructor, reference), '');

  // The person answers: « Réponse de la personne », and the instructeurs get a mail (reference and link, nothing else).
  page = await person.get(`/mes-demarches/${reference}`);
  const personToken = csrfTokenFrom(page.body);
  await person.post(`/mes-demarches/${reference}/message`, { _csrf: personToken, message: 'Je l’envoie demain, il est chez mes parents.' });
  assert.equal(await markerIn(instructor, reference), 'Réponse de la personne');
  assert.equal(await markerIn(instructor, reference, '?a_lire=1'), 'Réponse de la personne');
  const alert = await inbox.waitFor('instructeur.bretagne@demo.guichet.bzh', new RegExp(`Demande ${reference} : la personne a écrit`));
  assert.ok(alert.text.includes(`/admin/t/bretagne/demandes/${application.id}`));
  for (const personal of ['Maëlys', 'Le Goff', 'Rennes', 'parents', 'maelys@exemple.fr', 'FR76']) assert.ok(!alert.text.includes(personal) && !alert.subject.includes(personal), personal);
  assert.ok(!inbox.mails.some((m) => m.to.includes('editeur.bretagne@demo.guichet.bzh')), 'éditeurs are not told');
  await instructor.get(file);
  assert.equal(await markerIn(instructor, reference), '');

  // A requested document, then the withdrawal.
  const piece = /<option value="(piece-[^"]+)"/.exec(page.body)![1]!;
  const r = await upload(person, `/mes-demarches/${reference}/document`, personToken, [['piece', piece], ['fichier', { filename: 'domicile.pdf', type: 'application/pdf', data: PDF }]]);
  assert.equal(r.statusCode, 303);
  assert.equal(await markerIn(instructor, reference), 'Réponse de la personne');
  await inbox.waitFor('instructeur.bretagne@demo.guichet.bzh', /un document est ajouté/);
  await instructor.get(file);
  await person.post(`/mes-demarches/${reference}/retirer`, { _csrf: personToken });
  assert.equal(await markerIn(instructor, reference), 'Retirée par la personne');
  await inbox.waitFor('instructeur.bretagne@demo.guichet.bzh', /la demande est retirée/);
  await instructor.get(file);
  assert.equal(await markerIn(instructor, reference), '');
});

test('a NUL character in a message is a French 400, before anything is written (PostgreSQL refuses it in text)', async (t) => {
  const { app, database } = await buildTestApp(t);
  const db = applicationsDb(database.db);
  await createPerson(database.db, { email: 'nul@exemple.fr', name: 'Nolwenn' });
  const person = await signInPerson(app, 'nul@exemple.fr');
  const reference = await applyForDrivingLicence(person);
  const token = csrfTokenFrom((await person.get(`/mes-demarches/${reference}`)).body);
  const refused = await person.post(`/mes-demarches/${reference}/message`, { _csrf: token, message: 'Bonjour\u0000, le devis est joint.' });
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /Caractère non autorisé/);
  assert.match(refused.body, /<html lang="fr"/);
  const application = await db.selectFrom('applications').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
  assert.equal((await db.selectFrom('application_messages').select('id').where('application_id', '=', application.id).execute()).length, 0);
  // The same message without the NUL goes through.
  assert.equal((await person.post(`/mes-demarches/${reference}/message`, { _csrf: token, message: 'Bonjour, le devis est joint.' })).statusCode, 303);
});

test('an empty list of applications says what to do next: widen the filters, or how applications arrive', async (t) => {
  const { app } = await buildTestApp(t);
  const agent = await signInAs(app, 'instructeur', 'brest');
  const none = (await agent.get('/admin/t/brest/demandes')).body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
  assert.match(none, /La Ville de Brest n’a encore reçu aucune demande sur Guichet\. Une demande arrive ici quand une personne la dépose sur une aide qui a un formulaire de demande/);
  const filtered = await agent.get('/admin/t/brest/demandes?q=personne-introuvable');
  assert.match(filtered.body, /Aucune demande ne correspond à ces filtres\.[\s\S]*<a href="\/admin\/t\/brest\/demandes">Voir toutes les demandes<\/a>/);
});
