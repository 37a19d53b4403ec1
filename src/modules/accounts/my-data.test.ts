/**
 * « Mes données »: a person downloads everything Guichet keeps about them in one JSON file —
 * account, sessions, profile, applications with their documents, steps and messages — never a
 * secret, never another person's data; the download is audited; signed out, it leads to sign-in.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';
import { applyForDrivingLicence } from '../applications/test-support';
import { writeDeclared } from '../profile';
import { createPerson, signInPerson } from './test-support';

test('a person downloads all their data, and only theirs', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const camille = await createPerson(db, { email: 'camille.copie@example.fr', name: 'Camille Copie' });
  const other = await createPerson(db, { email: 'yann.autre@example.fr', name: 'Yann Autre' });
  await writeDeclared(db, camille, 'phone', '06 12 34 56 78');
  await writeDeclared(db, other, 'phone', '07 00 00 00 00');

  const person = await signInPerson(app, 'camille.copie@example.fr');
  const reference = await applyForDrivingLicence(person);
  const otherPerson = await signInPerson(app, 'yann.autre@example.fr');
  const otherReference = await applyForDrivingLicence(otherPerson);

  const page = await person.get('/mon-compte/mes-donnees');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /href="\/mon-compte\/mes-donnees\/telecharger"/);
  assert.match(page.body, /Ce que le fichier ne contient pas/);
  assert.match(page.body, /notes internes des agents/);
  assert.match((await person.get('/mon-compte')).body, /href="\/mon-compte\/mes-donnees"/, 'listed in « Mon compte »');

  const download = await person.get('/mon-compte/mes-donnees/telecharger');
  assert.equal(download.statusCode, 200);
  assert.match(String(download.headers['content-type']), /^application\/json/);
  assert.match(String(download.headers['content-disposition']), /^attachment; filename="guichet-mes-donnees-\d{4}-\d{2}-\d{2}\.json"$/);
  assert.equal(download.headers['cache-control'], 'no-store');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the file's shape is what is checked below
  const copy = JSON.parse(download.body) as Record<string, any>;
  assert.equal(copy.compte.adresseElectronique, 'camille.copie@example.fr');
  assert.equal(copy.compte.nom, 'Camille Copie');
  assert.ok(copy.sessions.length >= 1, 'the open session is listed');
  assert.equal(copy.profil.phone.valeur, '06 12 34 56 78');
  assert.equal(copy.profil.phone.source, 'vous');
  assert.equal(copy.demandes.length, 1);
  const application = copy.demandes[0];
  assert.equal(application.reference, reference);
  assert.equal(application.etat, 'Déposée');
  assert.equal(application.reponses.formation, 'Prépa avenir');
  assert.equal(application.pieces[0].nom, 'devis.pdf');
  assert.match(application.pieces[0].telecharger, /^\/mes-demarches\/documents\/[0-9a-f-]{36}$/);
  assert.equal((await person.get(application.pieces[0].telecharger)).statusCode, 200, 'its document downloads from the address given');
  assert.ok(application.etapes.some((step: { vers: string }) => step.vers === 'Déposée'));
  assert.ok(copy.nonInclus.application_annotations);

  const text = download.body;
  for (const secret of ['password_hash', '$argon2', 'token_hash', 'secret_encrypted', 'code_hash', 'id_hash']) assert.ok(!text.includes(secret), `no ${secret}`);
  for (const foreign of ['yann.autre@example.fr', 'Yann Autre', '07 00 00 00 00', otherReference]) assert.ok(!text.includes(foreign), `nothing of another person (${foreign})`);

  // The same, as a page to read: headings, French dates, escaped values, nothing from outside.
  assert.match(page.body, /href="\/mon-compte\/mes-donnees\/telecharger\?format=html"/);
  const readable = await person.get('/mon-compte/mes-donnees/telecharger?format=html');
  assert.equal(readable.statusCode, 200);
  assert.match(String(readable.headers['content-type']), /^text\/html/);
  assert.match(String(readable.headers['content-disposition']), /^attachment; filename="guichet-mes-donnees-\d{4}-\d{2}-\d{2}\.html"$/);
  assert.equal(readable.headers['cache-control'], 'no-store');
  const html = readable.body;
  assert.match(html, /<html lang="fr">/);
  assert.match(html, /<h1>Mes données sur Guichet<\/h1>/);
  assert.match(html, /<h2>Compte<\/h2><dl><dt>Adresse électronique<\/dt><dd>camille\.copie@example\.fr<\/dd>/);
  assert.match(html, /<h2>Demandes d’aide<\/h2>/);
  assert.ok(html.includes(reference) && html.includes('Prépa avenir') && html.includes('devis.pdf'), 'the application, its answers and documents');
  assert.match(html, /<dt>Créé le<\/dt><dd>\d{1,2} \S+ \d{4} à \d{2}:\d{2}<\/dd>/, 'dates in French');
  assert.doesNotMatch(html, /<script|<link|src=/, 'standalone: no script, no outside resource');
  for (const foreign of ['yann.autre@example.fr', otherReference]) assert.ok(!html.includes(foreign), `nothing of another person (${foreign})`);
  for (const secret of ['$argon2', 'password_hash']) assert.ok(!html.includes(secret));

  const audited = await db.selectFrom('platform_audit').select(['actor_id', 'target_id', 'details']).where('action', '=', 'personal_data.copied').orderBy('id').execute();
  assert.deepEqual(audited.map((row) => [row.actor_id, row.target_id, (row.details as { format?: string }).format]), [[camille, camille, 'json'], [camille, camille, 'html']], 'each download is audited');

  const signedOut = await app.inject({ method: 'GET', url: '/mon-compte/mes-donnees/telecharger', headers: { host: 'localhost' } });
  assert.equal(signedOut.statusCode, 303);
  assert.match(String(signedOut.headers.location), /^\/connexion/);
});
