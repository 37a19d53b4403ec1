/**
 * Issue 16 c.8: Licence Ouverte 2.0 by default; an authority's administrator chooses ODbL or a
 * restrictive licence for its own datasets in its back office (CSRF form, audited, 422 next to
 * the field); the choice shows on the dataset page, in the catalogue and in DCAT. Other roles
 * and other tenants cannot change it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';
import { signInWithToken } from '../content/test-support';

test('an administrator chooses the licence of its own datasets; it shows on /donnees, the dataset page, the API and DCAT', async (t) => {
  const { app } = await buildTestApp(t);
  assert.match((await app.inject({ url: '/donnees/pages-actualites--brest' })).body, /Licence Ouverte 2\.0/);

  const { agent, token } = await signInWithToken(app, 'administrateur', 'brest');
  const form = await agent.get('/admin/t/brest/donnees');
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /name="licence-pages-actualites"/);
  assert.match(form.body, /name="licence-aides"/);

  const bad = await agent.post('/admin/t/brest/donnees/licences', { _csrf: token, 'licence-pages-actualites': 'gpl', 'licence-aides': 'odbl' });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.body, /id="erreur-licence-pages-actualites"[^>]*>.*Choisissez une licence dans la liste/s);
  assert.match(bad.body, /<option value="odbl" selected>/, 'what was chosen is kept');
  assert.equal((await agent.post('/admin/t/brest/donnees/licences', { 'licence-aides': 'odbl' })).statusCode, 403, 'no CSRF token, no change');

  const saved = await agent.post('/admin/t/brest/donnees/licences', { _csrf: token, 'licence-pages-actualites': 'restrictive', 'licence-aides': 'odbl' });
  assert.equal(saved.statusCode, 303);
  const page = await app.inject({ url: '/donnees/pages-actualites--brest' });
  assert.match(page.body, /Licence restrictive/);
  assert.match((await app.inject({ url: '/donnees/aides--brest' })).body, /Open Database License \(ODbL\)/);
  assert.match((await app.inject({ url: '/donnees' })).body, /pages-actualites--brest">Ville de Brest<\/a> : \d+ lignes, Licence restrictive/);
  assert.match((await app.inject({ url: '/donnees/pages-actualites--quimper' })).body, /Licence Ouverte 2\.0/, 'another tenant keeps its own');
  assert.equal((await app.inject({ url: '/api/v1/donnees/aides--brest' })).json().licence.id, 'odbl');
  const dcat = JSON.parse((await app.inject({ url: '/donnees/catalogue.jsonld' })).body) as { '@graph': Array<Record<string, unknown>> };
  const csv = dcat['@graph'].find((n) => typeof n['@id'] === 'string' && n['@id'].endsWith('/donnees/aides--brest.csv'))!;
  assert.equal((csv['dct:license'] as { '@id': string })['@id'], 'https://opendatacommons.org/licenses/odbl/1-0/');

  const journal = await app.platform.db.selectFrom('platform_audit').select(['action', 'tenant_id', 'target_id', 'details']).where('action', '=', 'opendata.licence_changed').orderBy('target_id').execute();
  assert.deepEqual(journal.map((j) => [j.tenant_id, j.target_id, j.details]), [
    ['brest', 'aides', { from: 'lo-2.0', to: 'odbl' }],
    ['brest', 'pages-actualites', { from: 'lo-2.0', to: 'restrictive' }],
  ]);

  // An editor sees the licences but cannot change them; another tenant's administrator gets 403.
  const editor = await signInWithToken(app, 'editeur', 'brest');
  assert.match((await editor.agent.get('/admin/t/brest/donnees')).body, /Seul un administrateur/);
  assert.equal((await editor.agent.post('/admin/t/brest/donnees/licences', { _csrf: editor.token, 'licence-aides': 'lo-2.0' })).statusCode, 403);
  const other = await signInWithToken(app, 'administrateur', 'quimper');
  assert.equal((await other.agent.get('/admin/t/brest/donnees')).statusCode, 403);
  assert.equal((await other.agent.post('/admin/t/brest/donnees/licences', { _csrf: other.token, 'licence-aides': 'lo-2.0' })).statusCode, 403);
  assert.equal((await app.inject({ url: '/api/v1/donnees/aides--brest' })).json().licence.id, 'odbl');
});
