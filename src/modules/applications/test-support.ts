import assert from 'node:assert/strict';
import { csrfTokenFrom, type Agent } from '../../../test/support/app';
import { multipartBody } from '../content/test-support';

export const DRIVING_LICENCE_AID = 'bretagne-aide-code-permis';
const BASE = `/aides/${DRIVING_LICENCE_AID}/demande`;
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** A signed-in person saves the first step of the driving licence aid's form: their draft now exists (opening the form alone writes nothing). */
export async function startDrivingLicenceDraft(person: Agent): Promise<void> {
  const token = csrfTokenFrom((await person.get(`${BASE}/identite`)).body);
  const saved = await person.post(`${BASE}/identite`, { _csrf: token, prenom: 'Maëlys', nom: 'Le Goff', date_naissance: '12/05/2007' });
  assert.equal(saved.statusCode, 303, 'the first step is saved');
}

/** A signed-in person fills and submits the Région's driving licence aid, as a browser would; returns the reference. */
export async function applyForDrivingLicence(person: Agent): Promise<string> {
  await person.get(BASE);
  const token = csrfTokenFrom((await person.get(`${BASE}/identite`)).body);
  await person.post(`${BASE}/identite`, { _csrf: token, prenom: 'Maëlys', nom: 'Le Goff', date_naissance: '2007-05-12' });
  await person.post(`${BASE}/coordonnees`, { _csrf: token, adresse__street: '3 rue de Saint-Malo', adresse__postal_code: '35000', adresse__city: 'Rennes', telephone: '' });
  await person.post(`${BASE}/formation`, { _csrf: token, formation: 'Prépa avenir', permis_prepare: 'code_conduite', cout: '1450', permis_necessaire: 'oui' });
  const { payload, contentType } = multipartBody([['_csrf', token], ['devis', { filename: 'devis.pdf', type: 'application/pdf', data: SAMPLE_PDF }]]);
  await person.request({ method: 'POST', url: `${BASE}/devis`, payload, headers: { 'content-type': contentType } });
  await person.post(`${BASE}/versement`, { _csrf: token, iban: 'FR76 3000 6000 0112 3456 7890 189' });
  const review = await person.get(`${BASE}/verification`);
  const key = /name="cle" value="([^"]+)"/.exec(review.body)![1]!;
  const done = await person.post(`${BASE}/deposer`, { _csrf: token, cle: key, certifie: 'oui' });
  assert.equal(done.statusCode, 303);
  return /BZH-\d{4}-\d{6}/.exec(String(done.headers.location))![0];
}
