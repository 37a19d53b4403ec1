import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';
import { rewriteTenantUrl } from './rewrite';
import { TenantDirectory } from './directory';

test('tenant spaces are found by host name or under /collectivites/<id>/', async (t) => {
  const { database } = await buildTestApp(t);
  const directory = new TenantDirectory(database.db);
  await directory.load();
  assert.equal(rewriteTenantUrl(directory, '/', 'localhost:3000'), '/collectivites/bretagne/');
  assert.equal(rewriteTenantUrl(directory, '/pages/transports', 'localhost'), '/collectivites/bretagne/pages/transports');
  assert.equal(rewriteTenantUrl(directory, '/actualites?page=2', 'localhost'), '/collectivites/bretagne/actualites?page=2');
  assert.equal(rewriteTenantUrl(directory, '/', 'brest.localhost:3000'), '/collectivites/brest/');
  assert.equal(rewriteTenantUrl(directory, '/plan-du-site', 'BREST.localhost'), '/collectivites/brest/plan-du-site');
  assert.equal(rewriteTenantUrl(directory, '/contact', 'quimper.localhost'), '/collectivites/quimper/contact');
  // Shared paths stay shared, whatever the host.
  for (const path of ['/admin', '/static/guichet.css', '/healthz', '/accessibilite', '/collectivites/', '/collectivites/rennes/', '/pagesx']) {
    assert.equal(rewriteTenantUrl(directory, path, 'brest.localhost'), path);
  }
  assert.equal(directory.forHost('inconnu.localhost'), undefined);
  assert.equal(directory.portal().id, 'bretagne');
});

test('a page of a tenant space is drawn in that tenant\'s colours, on its host and under /collectivites/', async (t) => {
  const { app } = await buildTestApp(t);
  const onHost = await app.inject({ url: '/page-absente', headers: { host: 'brest.localhost:3000' } });
  const underPath = await app.inject({ url: '/collectivites/brest/page-absente', headers: { host: 'localhost:3000' } });
  for (const response of [onHost, underPath]) {
    assert.match(response.body, /Ville de Brest/);
    assert.match(response.body, /\/static\/theme\/brest\./);
  }
  const portal = await app.inject({ url: '/page-absente', headers: { host: 'localhost:3000' } });
  assert.match(portal.body, /\/static\/theme\/bretagne\./);
});
