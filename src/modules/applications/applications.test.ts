import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildApp } from '../../app';
import { loadConfig } from '../../config';
import { openDatabase } from '../../platform/db/database';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { freshDatabase, testEngine } from '../../../test/support/database';
import { startTestInbox } from '../../../test/support/mail';
import { createPerson, signInPerson } from '../accounts/test-support';
import { multipartBody } from '../content/test-support';
import { writeCertified, writeDeclared } from '../profile';
import { checkDocument } from './documents';
import { checkForm, readSection } from './form';
import { SEEDED_FORMS } from './seed-forms';
import { applicationsDb } from './store';

const AID = 'bretagne-aide-code-permis';
const BASE = `/aides/${AID}/demande`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const IBAN = 'FR76 3000 6000 0112 3456 7890 189';

test('form definitions: the seeded ones hold; mistakes are told in French', () => {
  for (const [id, form] of Object.entries(SEEDED_FORMS)) assert.deepEqual(checkForm(form), [], id);
  assert.deepEqual(checkForm({}), ['Le formulaire doit être un objet avec une liste « sections ».']);
  const errors = checkForm({
    sections: [
      { id: 'a', title: 'A', fields: [{ name: 'x', label: 'X', type: 'couleur' }, { name: 'x', label: 'Y', type: 'text' }] },
      { id: 'verification', title: 'B', fields: [{ name: 'c', label: 'C', type: 'choice', options: [] }, { name: 'f1', label: 'F', type: 'file' }, { name: 'f2', label: 'G', type: 'file' }] },
    ],
  });
  assert.ok(errors.some((e) => /le type doit être l’un de/.test(e)));
  assert.ok(errors.some((e) => /déjà utilisé/.test(e)));
  assert.ok(errors.some((e) => /réservé/.test(e)));
  assert.ok(errors.some((e) => /au moins 2 options/.test(e)));
  assert.ok(errors.some((e) => /un seul document/.test(e)));
});

test('field checks: IBAN (ibantools), SIRET (Luhn), date, number, choice, address', () => {
  const section = {
    id: 's',
    title: 'S',
    fields: [
      { name: 'iban', label: 'IBAN', type: 'iban' as const, required: true },
      { name: 'siret', label: 'SIRET', type: 'siret' as const },
      { name: 'd', label: 'D', type: 'date' as const },
      { name: 'n', label: 'N', type: 'number' as const, max: 10 },
      { name: 'y', label: 'Y', type: 'yesno' as const, required: true },
      { name: 'a', label: 'A', type: 'address' as const },
    ],
  };
  const bad = readSection(section, { iban: 'FR76 3000 6000 0112 3456 7890 188', siret: '12345678901234', d: '2024-02-30', n: '12', y: '', a__street: '1 rue de Brest', a__postal_code: '350', a__city: 'Rennes' });
  assert.match(bad.errors.iban!, /IBAN n’est pas valide/);
  assert.match(bad.errors.siret!, /SIRET n’est pas valide/);
  assert.match(bad.errors.d!, /le jour, le mois et l’année, par exemple 14\/03\/2008/);
  assert.match(bad.errors.n!, /au plus 10/);
  assert.match(bad.errors.y!, /Choisissez une réponse/);
  assert.match(bad.errors.a!, /code postal a 5 chiffres/);
  assert.equal(bad.values.iban, 'FR76 3000 6000 0112 3456 7890 188', 'the input is kept');
  const good = readSection(section, { iban: 'fr7630006000011234567890189', siret: '73282932000074', d: '2024-02-29', n: '7', y: 'oui', a__street: '', a__postal_code: '', a__city: '' });
  assert.deepEqual(good.errors, {});
  assert.equal(good.values.iban, IBAN);
  assert.equal(good.values.d, '2024-02-29');
  assert.equal(readSection(section, { iban: IBAN, y: 'oui', d: '29/02/2024' }).values.d, '2024-02-29', 'the date as people write it');
  assert.match(readSection(section, { iban: IBAN, y: 'oui', d: '29/02/2023' }).errors.d!, /par exemple 14\/03\/2008/);
});

test('documents are recognised by their bytes, not their name', () => {
  assert.equal(checkDocument(PDF).ok, true);
  assert.deepEqual(checkDocument(EXE), { ok: false, message: 'Ce fichier n’est pas accepté : envoyez un PDF, une photo JPEG ou une image PNG.' });
  const big = checkDocument(Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]));
  assert.equal(big.ok, false);
  assert.match((big as { message: string }).message, /5 Mo/);
});

function uploadTo(agent: Agent, url: string, token: string, field: string, file: { filename: string; type: string; data: Buffer }) {
  const { payload, contentType } = multipartBody([['_csrf', token], [field, file]]);
  return agent.request({ method: 'POST', url, payload, headers: { 'content-type': contentType } });
}

/** Fills every step of the driving licence form (identity prefilled with consent). */
async function fillDrivingLicence(person: Agent) {
  let page = await person.get(`${BASE}/identite`);
  const token = csrfTokenFrom(page.body);
  let r = await person.post(`${BASE}/identite/preremplir`, { _csrf: token, accord: 'oui' });
  assert.equal(r.statusCode, 303);
  r = await person.post(`${BASE}/identite`, { _csrf: token, prenom: 'Maëlys', nom: 'Le Goff', date_naissance: '2007-05-12' });
  assert.equal(r.headers.location, `${BASE}/coordonnees`);
  r = await person.post(`${BASE}/coordonnees`, { _csrf: token, adresse__street: '3 rue de Saint-Malo', adresse__postal_code: '35000', adresse__city: 'Rennes', telephone: '' });
  assert.equal(r.headers.location, `${BASE}/formation`);
  r = await person.post(`${BASE}/formation`, { _csrf: token, formation: 'Prépa avenir', permis_prepare: 'code_conduite', cout: '1450', permis_necessaire: 'oui' });
  assert.equal(r.headers.location, `${BASE}/devis`);
  r = await uploadTo(person, `${BASE}/devis`, token, 'devis', { filename: 'Devis auto-école Rennes.pdf', type: 'application/pdf', data: PDF });
  assert.equal(r.statusCode, 303);
  // The document keeps the name the person gave it.
  assert.match((await person.get(`${BASE}/devis`)).body, /Document déjà envoyé : <a href="\/mes-demarches\/documents\/[0-9a-f-]+">Devis auto-école Rennes\.pdf<\/a>/);
  r = await person.post(`${BASE}/versement`, { _csrf: token, iban: IBAN });
  assert.equal(r.headers.location, `${BASE}/verification`);
  page = await person.get(`${BASE}/verification`);
  return page;
}

test('a person applies: sign-in first, prefill only with consent and with its source, French errors, documents checked, one submission per key, mail', async (t) => {
  const inbox = await startTestInbox(t);
  const { app, database } = await buildTestApp(t, { SMTP_URL: inbox.url });
  const accountId = await createPerson(database.db, { email: 'maelys@exemple.fr', name: 'Maëlys' });
  await writeCertified(database.db, accountId, { birthdate: '2007-05-12' });
  await writeDeclared(database.db, accountId, 'given_name', 'Maëlys');
  await writeDeclared(database.db, accountId, 'family_name', 'Le Goff');

  const aidPage = await new Agent(app).get(`/aides/${AID}`);
  assert.match(aidPage.body, /href="\/aides\/bretagne-aide-code-permis\/demande"/);
  const visitor = await new Agent(app).get(BASE);
  assert.equal(visitor.statusCode, 303);
  assert.equal(visitor.headers.location, `/connexion?suite=${encodeURIComponent(BASE)}`);

  const person = await signInPerson(app, 'maelys@exemple.fr');
  const drafts = async () => (await applicationsDb(database.db).selectFrom('applications').select('id').where('account_id', '=', accountId).execute()).length;
  const start = await person.get(BASE);
  assert.equal(start.headers.location, `${BASE}/identite`);
  let page = await person.get(`${BASE}/identite`);
  assert.equal(page.statusCode, 200);
  assert.equal((await person.get(`${BASE}/verification`)).statusCode, 200);
  assert.equal(await drafts(), 0, 'opening the form, a step or the review creates no draft');
  // Date fields: a text field that takes the date as people write it, and says so.
  assert.doesNotMatch(page.body, /type="date"/);
  assert.match(page.body, /id="aide-date_naissance"[^>]*>Le jour, le mois et l’année, par exemple 14\/03\/2008\./);
  assert.doesNotMatch(page.body, /année-mois-jour|2007-03-14/);
  assert.match(page.body, /Prénom : Maëlys \(déclaré\)/);
  assert.match(page.body, /Date de naissance : 12 mai 2007 \(certifié par FranceConnect\)/);
  assert.doesNotMatch(page.body, /value="Maëlys"/, 'nothing is filled before the person agrees');
  const token = csrfTokenFrom(page.body);
  const refused = await person.post(`${BASE}/identite/preremplir`, { _csrf: token });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /Cochez la case pour accepter/);
  assert.equal(await drafts(), 0, 'a refused prefill saves nothing');
  await person.post(`${BASE}/identite/preremplir`, { _csrf: token, accord: 'oui' });
  assert.equal(await drafts(), 1, 'accepting the prefill is the first thing saved');
  page = await person.get(`${BASE}/identite`);
  assert.match(page.body, /value="Maëlys"/);
  assert.match(page.body, /name="date_naissance"[^>]*value="12\/05\/2007"|value="12\/05\/2007"[^>]*name="date_naissance"/, 'the date as the hint writes it');
  assert.match(page.body, /Rempli pour vous : déclaré/);
  assert.match(page.body, /id="aide-date_naissance"[^>]*>[^<]*Rempli pour vous : certifié par FranceConnect/);

  const bad = await person.post(`${BASE}/identite`, { _csrf: token, prenom: 'Maëlys', nom: 'Le Goff', date_naissance: '31/02/2007' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="erreur-date_naissance"[^>]*>[\s\S]*Écrivez la date avec le jour, le mois et l’année, par exemple 14\/03\/2008/);
  assert.match(bad.body, /value="31\/02\/2007"/, 'the input is kept');
  const typed = await person.post(`${BASE}/identite`, { _csrf: token, prenom: 'Maëlys', nom: 'Le Goff', date_naissance: '12/05/2007' });
  assert.equal(typed.statusCode, 303, 'the date written as the hint says is taken');
  const stored = await applicationsDb(database.db).selectFrom('applications').select('answers').where('account_id', '=', accountId).executeTakeFirstOrThrow();
  assert.equal((typeof stored.answers === 'string' ? JSON.parse(stored.answers) : stored.answers).date_naissance, '2007-05-12');

  // An executable renamed .pdf is refused.
  const exe = await uploadTo(person, `${BASE}/devis`, token, 'devis', { filename: 'devis.pdf', type: 'application/pdf', data: EXE });
  assert.equal(exe.statusCode, 422);
  assert.match(exe.body, /Ce fichier n’est pas accepté/);
  const tooBig = await uploadTo(person, `${BASE}/devis`, token, 'devis', { filename: 'devis.pdf', type: 'application/pdf', data: Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]) });
  assert.equal(tooBig.statusCode, 422);
  assert.match(tooBig.body, /ne doit pas dépasser 5 Mo/);

  const badIban = await person.post(`${BASE}/versement`, { _csrf: token, iban: 'FR76 1234' });
  assert.equal(badIban.statusCode, 422);
  assert.match(badIban.body, /IBAN n’est pas valide/);

  const review = await fillDrivingLicence(person);
  assert.match(review.body, /Prépa avenir/);
  assert.match(review.body, /Devis auto-école Rennes\.pdf \(/);
  assert.match(review.body, /3 rue de Saint-Malo, 35000 Rennes/);
  const key = /name="cle" value="([^"]+)"/.exec(review.body)![1]!;
  const uncertified = await person.post(`${BASE}/deposer`, { _csrf: token, cle: key });
  assert.equal(uncertified.statusCode, 422);
  assert.match(uncertified.body, /Cochez la case pour certifier/);

  // A double click: two posts with the same key, at once.
  const [first, second] = await Promise.all([
    person.post(`${BASE}/deposer`, { _csrf: token, cle: key, certifie: 'oui' }),
    person.post(`${BASE}/deposer`, { _csrf: token, cle: key, certifie: 'oui' }),
  ]);
  assert.equal(first.statusCode, 303);
  assert.equal(second.statusCode, 303);
  const rows = await applicationsDb(database.db).selectFrom('applications').select(['reference', 'status']).where('account_id', '=', accountId).execute();
  assert.equal(rows.length, 1);
  const reference = rows[0]!.reference!;
  assert.match(reference, /^BZH-\d{4}-\d{6}$/);
  assert.equal(rows[0]!.status, 'depose');
  assert.equal(first.headers.location, `/mes-demarches/${reference}/accuse`);
  assert.equal(second.headers.location, `/mes-demarches/${reference}/accuse`, 'the second click lands on the same acknowledgement');
  // A retry later (same key) still lands on the same acknowledgement.
  const retry = await person.post(`${BASE}/deposer`, { _csrf: token, cle: key, certifie: 'oui' });
  assert.equal(retry.headers.location, `/mes-demarches/${reference}/accuse`);

  const ack = await person.get(`/mes-demarches/${reference}/accuse`);
  assert.equal(ack.statusCode, 200);
  assert.match(ack.body, new RegExp(reference));
  const mail = await inbox.waitFor('maelys@exemple.fr', /Demande déposée/);
  assert.match(mail.text, new RegExp(`Son numéro est : ${reference}`));
  assert.match(mail.text, /\nLa Région Bretagne va l’examiner\. Vous recevrez un courriel à chaque étape\.\n/);

  const history = await applicationsDb(database.db).selectFrom('application_history').select(['action', 'to_status']).execute();
  assert.deepEqual(history, [{ action: 'depot', to_status: 'depose' }]);
  const audited = await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'applications.submit').execute();
  assert.equal(audited.length, 1);

  const recap = await person.get(`/mes-demarches/${reference}/recapitulatif`);
  assert.match(recap.body, /Prépa avenir/);
  const mine = await person.get('/mes-demarches');
  assert.match(mine.body, new RegExp(`Numéro ${reference}`));
  assert.match(mine.body, /Déposée/);
  const detail = await person.get(`/mes-demarches/${reference}`);
  const docHref = /href="(\/mes-demarches\/documents\/[0-9a-f-]+)"/.exec(detail.body)![1]!;
  const doc = await person.get(docHref);
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.headers['content-type'], 'application/pdf');
  assert.equal(doc.headers['content-disposition'], `attachment; filename="Devis auto-ecole Rennes.pdf"; filename*=UTF-8''Devis%20auto-%C3%A9cole%20Rennes.pdf`);
  assert.equal(doc.headers['cache-control'], 'no-store');
  assert.deepEqual(doc.rawPayload, PDF);

  // Another person sees neither the application nor its document; a visitor is sent to sign in.
  await createPerson(database.db, { email: 'autre@exemple.fr' });
  const other = await signInPerson(app, 'autre@exemple.fr');
  for (const url of [`/mes-demarches/${reference}`, `/mes-demarches/${reference}/recapitulatif`, `/mes-demarches/${reference}/accuse`, `/mes-demarches/${reference}/retirer`, docHref]) {
    assert.equal((await other.get(url)).statusCode, 404, url);
  }
  assert.doesNotMatch((await other.get('/mes-demarches')).body, new RegExp(reference));
  assert.equal((await new Agent(app).get(docHref)).statusCode, 303);
  const otherToken = csrfTokenFrom((await other.get('/mon-compte/identifiants')).body);
  assert.equal((await other.post(`/mes-demarches/${reference}/retirer`, { _csrf: otherToken })).statusCode, 404);

  // Withdraw: confirmation page, then status « retiré », audited.
  const confirm = await person.get(`/mes-demarches/${reference}/retirer`);
  assert.match(confirm.body, /Oui, retirer ma demande/);
  const withdrawn = await person.post(`/mes-demarches/${reference}/retirer`, { _csrf: csrfTokenFrom(confirm.body) });
  assert.equal(withdrawn.headers.location, '/mes-demarches?fait=retrait');
  assert.match((await person.get(`/mes-demarches/${reference}`)).body, /Retirée/);
  assert.equal((await database.db.selectFrom('platform_audit').select('action').where('action', '=', 'applications.withdraw').execute()).length, 1);

  // A second application: the IBAN is offered from the previous one.
  await person.get(BASE);
  const versement = await person.get(`${BASE}/versement`);
  assert.match(versement.body, /IBAN : FR76 3000 6000 0112 3456 7890 189 \(demande précédente\)/);
});

test('paper form and back-office form editor (JSON checked, French errors, tenant-bound)', async (t) => {
  const { app } = await buildTestApp(t);
  const paper = await new Agent(app).get(`/aides/${AID}/formulaire-papier`);
  assert.equal(paper.statusCode, 200);
  assert.match(paper.body, /Date et signature/);
  assert.equal((await new Agent(app).get('/aides/aide-sans-formulaire/formulaire-papier')).statusCode, 404);
  const { signInAs } = await import('../../../test/support/app');
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const url = `/admin/t/bretagne/aides/${AID}/formulaire/json`;
  const page = await editor.get(url);
  assert.equal(page.statusCode, 200);
  const token = csrfTokenFrom(page.body);
  const broken = await editor.post(url, { _csrf: token, definition: '{"sections": [' });
  assert.equal(broken.statusCode, 422);
  assert.match(broken.body, /pas du JSON valide/);
  const invalid = await editor.post(url, { _csrf: token, definition: '{"sections": []}' });
  assert.equal(invalid.statusCode, 422);
  assert.match(invalid.body, /au moins une étape/);
  const ok = await editor.post(url, { _csrf: token, definition: JSON.stringify({ sections: [{ id: 'seule', title: 'Une seule étape', fields: [{ name: 'motif', label: 'Motif', type: 'text', required: true }] }] }) });
  assert.equal(ok.statusCode, 303);
  assert.match((await new Agent(app).get(`/aides/${AID}/formulaire-papier`)).body, /Une seule étape/);
  const brest = await signInAs(app, 'editeur', 'brest');
  assert.equal((await brest.get(`/admin/t/brest/aides/${AID}/formulaire/json`)).statusCode, 404);
});

test('nothing accepted is lost: the acknowledged application survives closing the app without flush', async (t) => {
  // PGlite: a data directory on disk; PostgreSQL: the same database, reopened.
  const template = await freshDatabase();
  let reopen: () => ReturnType<typeof openDatabase>;
  let first = template;
  if (testEngine() === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-durable-'));
    const dump = await template.dumpDataDir!();
    await template.close();
    first = await openDatabase({ dataDir: dir, loadDataDir: dump });
    reopen = () => openDatabase({ dataDir: dir });
    const dropped = first;
    // Registered first, so it runs last (after hooks run in reverse order).
    t.after(async () => {
      await dropped.close().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    });
  } else {
    reopen = async () => template;
  }
  const config = loadConfig({}, { NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const app = await buildApp({ config, database: first });
  await app.ready();
  const accountId = await createPerson(first.db, { email: 'durable@exemple.fr' });
  const person = await signInPerson(app, 'durable@exemple.fr');
  await person.get(BASE);
  const review = await fillDrivingLicence(person);
  const key = /name="cle" value="([^"]+)"/.exec(review.body)![1]!;
  const done = await person.post(`${BASE}/deposer`, { _csrf: csrfTokenFrom(review.body), cle: key, certifie: 'oui' });
  const ack = await person.get(String(done.headers.location));
  assert.match(ack.body, /Votre demande est déposée/);
  // One plain sentence, with the authority's article (issue 14: « C’est Région Bretagne qui va l’examiner. L’organisme va… »).
  assert.match(ack.body, /<p>La Région Bretagne va l’examiner\. Vous recevrez un courriel à chaque étape\.<\/p>/);
  assert.doesNotMatch(ack.body, /L’organisme va examiner/);
  const reference = /BZH-\d{4}-\d{6}/.exec(ack.body)![0];
  // The app stops; the database handle is dropped, not closed (no flush, no checkpoint).
  await app.close();
  const second = await reopen();
  t.after(() => second.close());
  const again = await buildApp({ config, database: second });
  await again.ready();
  t.after(() => again.close());
  const row = await applicationsDb(second.db).selectFrom('applications').select(['status', 'account_id']).where('reference', '=', reference).executeTakeFirst();
  assert.deepEqual(row, { status: 'depose', account_id: accountId });
  const back = await signInPerson(again, 'durable@exemple.fr');
  assert.match((await back.get('/mes-demarches')).body, new RegExp(reference));
  const doc = await applicationsDb(second.db).selectFrom('application_documents').select('bytes').executeTakeFirstOrThrow();
  assert.deepEqual(Buffer.from(doc.bytes), PDF);
});
