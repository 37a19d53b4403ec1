import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkIn, startTestInbox } from '../support/mail';
import { csrfIn, freshProcessEnv, HttpBrowser, startGuichet } from '../support/process';

const AID = 'bretagne-aide-code-permis';
const BASE = `/aides/${AID}/demande`;
const EMAIL = 'crash@exemple.fr';
const PASSWORD = 'un phare breton sous la pluie';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Creates an account through /inscription and confirms it with the link of the mail. */
async function signUp(browser: HttpBrowser, inbox: Awaited<ReturnType<typeof startTestInbox>>): Promise<void> {
  const form = await browser.get('/inscription');
  const created = await browser.post('/inscription', { _csrf: csrfIn(form.body), email: EMAIL, display_name: 'Morgane', password: PASSWORD });
  assert.equal(created.status, 303, created.body);
  const link = new URL(linkIn(await inbox.waitFor(EMAIL, /Confirmez/), '/inscription/confirmer'));
  const confirmPage = await browser.get(link.pathname + link.search);
  const confirmed = await browser.post('/inscription/confirmer', { _csrf: csrfIn(confirmPage.body), jeton: link.searchParams.get('jeton')! });
  assert.equal(confirmed.status, 303);
  const signInPage = await browser.get('/connexion');
  const signedIn = await browser.post('/connexion', { _csrf: csrfIn(signInPage.body), email: EMAIL, password: PASSWORD });
  assert.equal(signedIn.status, 303, signedIn.body);
}

/** Fills every step of the driving-licence aid's form, one page at a time; returns the review page. */
async function fillApplication(browser: HttpBrowser): Promise<string> {
  const start = await browser.get(BASE);
  assert.equal(start.status, 303);
  assert.equal(start.location, `${BASE}/identite`);
  const token = csrfIn((await browser.get(`${BASE}/identite`)).body);
  const steps: Array<[string, Record<string, string>, string]> = [
    ['identite', { prenom: 'Morgane', nom: 'Le Bihan', date_naissance: '2006-09-21' }, 'coordonnees'],
    ['coordonnees', { adresse__street: '12 quai de la Douane', adresse__postal_code: '29200', adresse__city: 'Brest', telephone: '' }, 'formation'],
    ['formation', { formation: 'Prépa avenir', permis_prepare: 'code_conduite', cout: '1300', permis_necessaire: 'oui' }, 'devis'],
  ];
  for (const [step, fields, next] of steps) {
    const saved = await browser.post(`${BASE}/${step}`, { _csrf: token, ...fields });
    assert.equal(saved.location, `${BASE}/${next}`, `step ${step}: ${saved.status}`);
  }
  const uploaded = await browser.postMultipart(`${BASE}/devis`, { _csrf: token }, { field: 'devis', filename: 'devis.pdf', type: 'application/pdf', data: PDF });
  assert.equal(uploaded.location, `${BASE}/versement`, `devis: ${uploaded.status}`);
  const bank = await browser.post(`${BASE}/versement`, { _csrf: token, iban: 'FR76 3000 6000 0112 3456 7890 189' });
  assert.equal(bank.location, `${BASE}/verification`);
  const review = await browser.get(`${BASE}/verification`);
  assert.equal(review.status, 200);
  return review.body;
}

test('nothing accepted is lost: SIGKILL right after the acknowledgement, restart, the application and its document are there, once', { timeout: 300_000 }, async (t) => {
  const inbox = await startTestInbox(t);
  const env = await freshProcessEnv(t, 'crash', { seeded: true });
  const origin = `http://127.0.0.1:${env.PORT}`;
  Object.assign(env, { SMTP_URL: inbox.url, PUBLIC_URL: origin });

  const first = await startGuichet(env);
  t.after(() => first.stop('SIGKILL'));
  const person = new HttpBrowser(origin);
  await signUp(person, inbox);
  const review = await fillApplication(person);
  const key = /name="cle" value="([^"]+)"/.exec(review)![1]!;

  const submitted = await person.post(`${BASE}/deposer`, { _csrf: csrfIn(review), cle: key, certifie: 'oui' });
  assert.equal(submitted.status, 303, submitted.body);
  const acknowledgement = await person.get(submitted.location!);
  // The person has read their reference: the process dies at once, with no drain, no flush.
  assert.equal(await first.stop('SIGKILL'), null, 'killed by the signal, not exited');
  assert.equal(acknowledgement.status, 200);
  assert.match(acknowledgement.body, /Votre demande est déposée/);
  const reference = /BZH-\d{4}-\d{6}/.exec(acknowledgement.body)?.[0];
  assert.ok(reference, 'the acknowledgement gives the reference');
  assert.equal(submitted.location, `/mes-demarches/${reference}/accuse`);

  const second = await startGuichet(env);
  t.after(() => second.stop('SIGKILL'));
  assert.match(second.logs.join(''), /"migrationsApplied":0/);

  // The same person, with the same session cookie, finds the application in « Mes démarches ».
  const list = await person.get('/mes-demarches');
  assert.equal(list.status, 200);
  assert.deepEqual([...new Set(list.body.match(/BZH-\d{4}-\d{6}/g))], [reference]);
  assert.equal(list.body.match(/<li class="card"/g)?.length, 1);
  const detail = await person.get(`/mes-demarches/${reference}`);
  assert.equal(detail.status, 200);
  assert.match(detail.body, /Déposée/);
  const documentHref = /href="(\/mes-demarches\/documents\/[0-9a-f-]{36})"/.exec(detail.body)?.[1];
  assert.ok(documentHref, 'the document is listed');
  const document = await person.get(documentHref);
  assert.equal(document.status, 200);
  assert.deepEqual(document.bytes, PDF);

  // The browser retries the submission it sent before the crash: the same application answers.
  const retried = await person.post(`${BASE}/deposer`, { _csrf: csrfIn(detail.body), cle: key, certifie: 'oui' });
  assert.equal(retried.status, 303, retried.body);
  assert.equal(retried.location, `/mes-demarches/${reference}/accuse`);
  const after = await person.get('/mes-demarches');
  assert.deepEqual([...new Set(after.body.match(/BZH-\d{4}-\d{6}/g))], [reference], 'still one application');
  assert.equal(after.body.match(/<li class="card"/g)?.length, 1, 'one application in the list, not even a new draft');
});
