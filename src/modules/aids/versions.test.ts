import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { aidsDb } from './store';

const BASE = '/admin/t/bretagne/aides';
const ID = 'test-aide-retablir';
const AID = `${BASE}/${ID}`;
const FICHE = {
  name: 'Aide test au covoiturage',
  summary: 'Une aide pour partager sa voiture.',
  porteur_name: 'Région Bretagne',
  porteur_kind: 'region',
  audiences: 'jeune',
  themes: 'mobilite',
  aid_types: 'subvention',
  amount_max: '100',
  amount_unit: '€',
  amount_period: 'once',
  territory: 'region 53 Bretagne',
  permanent: 'oui',
  recurrence: 'permanente',
  link: 'https://www.bretagne.bzh/',
  last_verified: '2026-05-01',
};

test('« Rétablir cette version »: an old version becomes a new one, history kept, audited, CSRF, roles and tenants', async (t) => {
  const { app } = await buildTestApp(t);
  const db = aidsDb(app.platform.db);
  const editor = await signInAs(app, 'editeur', 'bretagne');
  const token = csrfTokenFrom((await editor.get(`${BASE}/nouvelle`)).body);
  assert.equal((await editor.post(`${BASE}/nouvelle`, { _csrf: token, ...FICHE, id: ID })).statusCode, 303);
  assert.equal((await editor.post(AID, { _csrf: token, ...FICHE, name: 'Aide test au covoiturage solidaire' })).statusCode, 303);

  // The history: version 2 is the current one; version 1 can be seen and restored.
  const history = await editor.get(`${AID}/versions`);
  assert.equal(history.statusCode, 200);
  assert.match(history.body, /2 versions/);
  assert.match(history.body, /2 \(actuelle\)/);
  assert.match(history.body, /Éditeur Région Bretagne/);
  assert.match(history.body, new RegExp(`action="${AID}/versions/1/retablir"`));
  assert.doesNotMatch(history.body, new RegExp(`action="${AID}/versions/2/retablir"`), 'the current version is not offered');
  assert.match(history.body, /ne sera visible du public qu’après publication/);
  const v1 = await editor.get(`${AID}/versions/1`);
  assert.equal(v1.statusCode, 200);
  assert.match(v1.body, /<h1>Aide test au covoiturage<\/h1>/);
  assert.match(v1.body, /Rétablir cette version/);
  assert.equal((await editor.get(`${AID}/versions/9`)).statusCode, 404);

  // Without the form's token, nothing happens; a reader and another tenant's editor are refused.
  assert.equal((await editor.post(`${AID}/versions/1/retablir`, {})).statusCode, 403);
  const reader = await signInAs(app, 'lecteur', 'bretagne');
  const readerHistory = await reader.get(`${AID}/versions`);
  assert.equal(readerHistory.statusCode, 200);
  assert.doesNotMatch(readerHistory.body, /Rétablir cette version/);
  assert.equal((await reader.post(`${AID}/versions/1/retablir`, { _csrf: csrfTokenFrom(readerHistory.body) })).statusCode, 403);
  const brest = await signInAs(app, 'editeur', 'brest');
  const brestToken = csrfTokenFrom((await brest.get('/admin/t/brest/aides')).body);
  assert.equal((await brest.post(`/admin/t/brest/aides/${ID}/versions/1/retablir`, { _csrf: brestToken })).statusCode, 404);
  assert.equal((await brest.get(`/admin/t/brest/aides/${ID}/versions/1`)).statusCode, 404);
  assert.equal((await db.selectFrom('aids').select('version').where('id', '=', ID).executeTakeFirstOrThrow()).version, 2);

  // Restoring version 1 of a draft: a new draft version 3 that copies it; 1 and 2 are untouched.
  const restored = await editor.post(`${AID}/versions/1/retablir`, { _csrf: csrfTokenFrom(history.body) });
  assert.equal(restored.statusCode, 303);
  assert.equal(restored.headers.location, `${AID}?message=retabli`);
  const fiche = await editor.get(String(restored.headers.location));
  assert.match(fiche.body, /L’ancienne version a été copiée dans une nouvelle version, sans rien effacer. Publiez l’aide pour la mettre en ligne./);
  assert.match(fiche.body, /value="Aide test au covoiturage"/);
  const versions = await db.selectFrom('aids_versions').select(['version', 'status', 'definition']).where('aid_id', '=', ID).orderBy('version').execute();
  assert.deepEqual(versions.map((v) => [v.version, v.status, v.definition.name]), [
    [1, 'draft', 'Aide test au covoiturage'],
    [2, 'draft', 'Aide test au covoiturage solidaire'],
    [3, 'draft', 'Aide test au covoiturage'],
  ]);
  assert.deepEqual(versions[2]!.definition, versions[0]!.definition);
  assert.equal((await db.selectFrom('aids').select('status').where('id', '=', ID).executeTakeFirstOrThrow()).status, 'draft');
  assert.equal((await new Agent(app).get(`/aides/${ID}`)).statusCode, 404, 'still not public');
  assert.match((await editor.get(`${AID}/versions`)).body, /Rétablit la version 1/);

  // A published aid stays published: the restored version is what the public sees, as the page said.
  assert.equal((await editor.post(`${AID}/publier`, { _csrf: token })).statusCode, 303);
  const publishedHistory = await editor.get(`${AID}/versions`);
  assert.match(publishedHistory.body, /Cette aide est publiée : comme toute modification, la version rétablie sera visible du public tout de suite/);
  const again = await editor.post(`${AID}/versions/2/retablir`, { _csrf: csrfTokenFrom(publishedHistory.body) });
  assert.equal(again.statusCode, 303);
  assert.match((await editor.get(`${AID}?message=retabli`)).body, /L’aide est publiée : cette version est visible du public/);
  assert.match((await new Agent(app).get(`/aides/${ID}`)).body, /Aide test au covoiturage solidaire/);
  const latest = await db.selectFrom('aids').select(['version', 'status']).where('id', '=', ID).executeTakeFirstOrThrow();
  assert.deepEqual(latest, { version: 5, status: 'published' });

  // An old version the current format refuses is not restored, and the editor is told why.
  await db.updateTable('aids_versions').set({ definition: JSON.stringify({ ...versions[0]!.definition, audiences: ['licornes'] }) }).where('aid_id', '=', ID).where('version', '=', 1).execute();
  const refused = await editor.post(`${AID}/versions/1/retablir`, { _csrf: token });
  assert.equal(refused.statusCode, 422);
  assert.match(refused.body, /La version 1 ne peut pas être rétablie : elle ne respecte plus le format actuel des aides/);
  assert.match(refused.body, /Choisissez une de ces valeurs/);
  assert.equal((await db.selectFrom('aids').select('version').where('id', '=', ID).executeTakeFirstOrThrow()).version, 5);

  const audits = await app.platform.db
    .selectFrom('platform_audit')
    .select(['action', 'tenant_id', 'actor_label', 'details'])
    .where('target_id', '=', ID)
    .where('action', '=', 'aid.restore')
    .orderBy('id')
    .execute();
  assert.deepEqual(audits.map((a) => [a.action, a.tenant_id, a.actor_label, a.details]), [
    ['aid.restore', 'bretagne', 'Éditeur Région Bretagne', { title: 'Aide test au covoiturage', restored: 1, version: 3, status: 'draft' }],
    ['aid.restore', 'bretagne', 'Éditeur Région Bretagne', { title: 'Aide test au covoiturage solidaire', restored: 2, version: 5, status: 'published' }],
  ]);
});
