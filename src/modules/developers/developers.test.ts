/**
 * The developer portal and a key's life (issue 16 b.3, b.5): register an application, its key
 * shown once and stored as a hash, calls with the key, rotation (the old key works 24 hours),
 * revocation, scopes, usage charts; the same 401 for every refused key; the operator suspends.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPerson, signInPerson } from '../accounts/test-support';
import { buildTestApp, signInAs } from '../../../test/support/app';
import { apiManagementOf } from './index';
import { hashOf, ROTATION_OVERLAP_MS } from './keys';
import { developersDb } from './tables';
import { keyFrom, postForm, registerApplication } from './test-support';

test('a developer registers an application, uses, rotates and revokes its key', async (t) => {
  const { app, database } = await buildTestApp(t);
  await createPerson(database.db, { email: 'dev@exemple.fr', name: 'Dominique' });
  const dev = await signInPerson(app, 'dev@exemple.fr');

  const portal = await dev.get('/developpeurs');
  assert.equal(portal.statusCode, 200);
  assert.match(portal.body, /GET \/api\/v1\/aides/);
  assert.match(portal.body, /aides:lecture/);
  const doc = await dev.get('/developpeurs/api/lister-aides');
  assert.equal(doc.statusCode, 200);
  assert.match(doc.body, /curl &#39;http[^ ]+\/api\/v1\/aides|curl 'http[^ ]+\/api\/v1\/aides/);
  assert.match(doc.body, /collectivite/);
  assert.equal((await dev.get('/developpeurs/demarrer')).statusCode, 200);
  assert.equal((await dev.get('/developpeurs/api/inconnue')).statusCode, 404);

  const empty = await postForm(dev, '/developpeurs/applications', '/developpeurs/applications', [['nom', '']]);
  assert.equal(empty.statusCode, 422);
  assert.match(empty.body, /Donnez un nom/);
  assert.match(empty.body, /Choisissez au moins une portée/);

  const { id, key } = await registerApplication(dev, 'Carte des aides', ['aides:lecture']);
  const stored = await developersDb(database.db).selectFrom('developer_keys').selectAll().where('application_id', '=', id).execute();
  assert.equal(stored.length, 1);
  assert.deepEqual(Buffer.from(stored[0]!.hash), hashOf(key), 'only the SHA-256 is stored');
  assert.equal(stored[0]!.prefix, key.slice(0, 11));
  const detail = await dev.get(`/developpeurs/applications/${id}`);
  assert.equal(detail.statusCode, 200);
  assert.ok(!detail.body.includes(key), 'the key is never shown again');
  assert.ok(detail.body.includes(`${key.slice(0, 11)}…`));

  const call = (k: string, url = '/api/v1/aides') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${k}` } });
  const ok = await call(key);
  assert.equal(ok.statusCode, 200);
  assert.ok(Number(ok.headers['ratelimit-limit']) > 0);
  assert.ok(ok.headers['x-ratelimit-remaining'] !== undefined);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/aides', headers: { 'x-api-key': key } })).statusCode, 200);
  const missingScope = await call(key, '/api/v1/donnees');
  assert.equal(missingScope.statusCode, 403);
  assert.match(missingScope.headers['content-type'] as string, /problem\+json/);
  assert.match(missingScope.json().detail, /donnees:lecture/);

  // Rotation: the new key works, the old one too — for 24 hours.
  const rotated = await postForm(dev, `/developpeurs/applications/${id}`, `/developpeurs/applications/${id}/rotation`, []);
  assert.equal(rotated.statusCode, 200);
  const newKey = keyFrom(rotated.body);
  assert.notEqual(newKey, key);
  assert.equal((await call(newKey)).statusCode, 200);
  assert.equal((await call(key)).statusCode, 200, 'the old key keeps working after a rotation');
  const { keys } = apiManagementOf(app);
  const later = new Date(Date.now() + ROTATION_OVERLAP_MS + 60_000);
  assert.equal(await keys.grantOf(key, new Date(Date.now() + ROTATION_OVERLAP_MS - 60_000)).then(Boolean), true, 'still valid just before 24 h');
  assert.equal(await keys.grantOf(key, later), undefined, 'refused 24 h after the rotation');
  assert.ok(await keys.grantOf(newKey, later), 'the new key has no end');

  // Revocation of the new key: refused at once, 401 problem+json in French.
  const newKeyId = (await developersDb(database.db).selectFrom('developer_keys').select('id').where('hash', '=', hashOf(newKey)).executeTakeFirstOrThrow()).id;
  const revoked = await postForm(dev, `/developpeurs/applications/${id}`, `/developpeurs/applications/${id}/revocation`, [['cle', newKeyId]]);
  assert.equal(revoked.statusCode, 303);
  const refused = await call(newKey);
  assert.equal(refused.statusCode, 401);
  assert.match(refused.headers['content-type'] as string, /application\/problem\+json/);
  assert.equal(refused.json().title, 'Clé d’API refusée');

  // Scopes changed: the catalogue opens.
  assert.equal((await postForm(dev, `/developpeurs/applications/${id}`, `/developpeurs/applications/${id}/portees`, [['portees', 'aides:lecture'], ['portees', 'donnees:lecture']])).statusCode, 303);
  assert.equal((await call(key, '/api/v1/donnees')).statusCode, 200);

  // Usage: counted per day and operation, drawn as SVG for the owner.
  await apiManagementOf(app).usage.flush();
  const withUsage = await dev.get(`/developpeurs/applications/${id}`);
  assert.match(withUsage.body, /<svg[^>]+role="img"/);
  assert.match(withUsage.body, /GET \/api\/v1\/aides/);
  const rows = await developersDb(database.db).selectFrom('developer_usage').selectAll().where('application_id', '=', id).execute();
  const aidsCalls = rows.filter((r) => r.operation === 'GET /api/v1/aides' && r.status === 200).reduce((sum, r) => sum + r.count, 0);
  assert.ok(aidsCalls >= 4, `${aidsCalls} calls of GET /api/v1/aides counted`);
  assert.ok(rows.some((r) => r.operation === 'GET /api/v1/donnees' && r.status === 200));

  // Another person sees nothing of it.
  await createPerson(database.db, { email: 'autre@exemple.fr' });
  const other = await signInPerson(app, 'autre@exemple.fr');
  assert.equal((await other.get(`/developpeurs/applications/${id}`)).statusCode, 404);
  assert.equal((await postForm(other, '/developpeurs/applications', `/developpeurs/applications/${id}/rotation`, [])).statusCode, 404);

  const journal = await database.db.selectFrom('platform_audit').select('action').where('target_id', '=', id).execute();
  assert.deepEqual(journal.map((r) => r.action).sort(), ['developer.application_created', 'developer.key_revoked', 'developer.key_rotated', 'developer.scopes_changed']);
});

test('every refused key takes the same path and gets the same 401', async (t) => {
  const { app } = await buildTestApp(t);
  const bodies = [];
  for (const presented of ['gk_inconnue', `gk_${'A'.repeat(43)}`, 'gk_', `gk_${'x'.repeat(500)}`]) {
    const response = await app.inject({ method: 'GET', url: '/api/v1/aides', headers: { authorization: `Bearer ${presented}` } });
    assert.equal(response.statusCode, 401);
    bodies.push({ ...response.json(), instance: undefined });
  }
  for (const body of bodies) assert.deepEqual(body, bodies[0]);
  const { keys } = apiManagementOf(app);
  assert.equal(await keys.grantOf('gk_inconnue'), undefined);
  // Without a key, the open data stays open.
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/aides' })).statusCode, 200);
});

test('an authority’s administrator registers an application for it; the operator suspends and reactivates it', async (t) => {
  const { app, database } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const { id, key } = await registerApplication(admin, 'Portail de Brest', ['aides:lecture'], 'collectivite:brest');
  const row = await developersDb(database.db).selectFrom('developer_applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  assert.equal(row.owner_tenant_id, 'brest');
  assert.equal(row.owner_account_id, null);
  const call = () => app.inject({ method: 'GET', url: '/api/v1/aides', headers: { authorization: `Bearer ${key}` } });
  assert.equal((await call()).statusCode, 200);

  // Not the operator: refused.
  assert.equal((await admin.get('/developpeurs/operateur')).statusCode, 403);
  const operator = await signInAs(app, 'administrateur', 'bretagne');
  const list = await operator.get('/developpeurs/operateur');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Portail de Brest/);
  const suspended = await postForm(operator, '/developpeurs/operateur', `/developpeurs/operateur/${id}/suspension`, [['action', 'suspendre'], ['motif', 'Trop de requêtes en boucle']]);
  assert.equal(suspended.statusCode, 303);
  assert.equal((await call()).statusCode, 401, 'a suspended application’s keys are refused');
  assert.match((await admin.get(`/developpeurs/applications/${id}`)).body, /Trop de requêtes en boucle/);
  assert.equal((await postForm(operator, '/developpeurs/operateur', `/developpeurs/operateur/${id}/suspension`, [['action', 'reactiver']])).statusCode, 303);
  assert.equal((await call()).statusCode, 200);
  // The operator sees the application's usage page too (read only).
  assert.equal((await operator.get(`/developpeurs/applications/${id}`)).statusCode, 200);

  const journal = await database.db.selectFrom('platform_audit').select(['action', 'tenant_id']).where('target_id', '=', id).execute();
  assert.ok(journal.some((r) => r.action === 'developer.application_suspended' && r.tenant_id === 'brest'));
  assert.ok(journal.some((r) => r.action === 'developer.application_reactivated'));
});

test('a deprecated operation says so in its headers (Deprecation, Sunset, Link)', async (t) => {
  const { app } = await buildTestApp(t, {}, (built) => {
    built.get('/api/v1/ancienne', { config: { apiScope: 'aides:lecture', apiDeprecated: { since: '2026-01-01', sunset: '2026-07-01', successor: '/api/v1/aides' } } }, async () => ({ ok: true }));
  });
  const response = await app.inject({ method: 'GET', url: '/api/v1/ancienne' });
  assert.equal(response.statusCode, 200);
  assert.equal(response.headers.deprecation, `@${Date.UTC(2026, 0, 1) / 1000}`);
  assert.equal(response.headers.sunset, 'Wed, 01 Jul 2026 00:00:00 GMT');
  assert.equal(response.headers.link, '</api/v1/aides>; rel="successor-version"');
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/aides' })).headers.deprecation, undefined, 'nothing else is deprecated today');
});
