import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildTestApp } from '../../../test/support/app';

interface Operation {
  operationId?: string;
  tags?: string[];
  responses: Record<string, unknown>;
}

test('the OpenAPI document is generated from the routes and is valid OpenAPI 3.1', async (t) => {
  const { app } = await buildTestApp(t);
  const res = await app.inject({ url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  const document = res.json() as { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }; security: unknown[] };

  const result = await new Validator().validate(document as never);
  assert.deepEqual(result.errors ?? [], [], 'valid against the OpenAPI 3.1 schema');
  assert.equal(result.valid, true);
  assert.equal(document.openapi, '3.1.0');

  // Only the API is described; every /api route registered is in it (but the CORS preflight, cors.ts).
  const apiRoutes = app.platform.routes.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS' && !(Array.isArray(r.method) && r.method.includes('HEAD')));
  const paths = Object.keys(document.paths);
  assert.ok(paths.every((p) => p.startsWith('/api/')), paths.join(', '));
  for (const route of apiRoutes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const method = String(route.method).toLowerCase();
    assert.ok(document.paths[path]?.[method], `${method} ${path} is documented`);
  }

  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
  const ids = operations.map((o) => o.op.operationId);
  assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
  for (const { path, method, op } of operations) {
    assert.match(op.operationId ?? '', /^[a-z]+(-[a-z0-9]+)*$/, `${method} ${path}: an operationId in French kebab case`);
    assert.ok(op.tags?.length, `${method} ${path}: a tag`);
    assert.ok(Object.keys(op.responses).some((s) => s.startsWith('2')), `${method} ${path}: a success answer`);
    assert.ok(op.responses['429'], `${method} ${path}: the rate limit answer`);
  }
  // Every /api/v1 route but the document and the OAuth2 one declares its scope.
  for (const route of apiRoutes.filter((r) => !/openapi\.json$|\/usager$/.test(r.url))) {
    assert.match(String(route.config?.apiScope ?? ''), /^[a-z]+:(lecture|ecriture)$/, `${route.url} declares its scope`);
  }
  for (const name of ['Probleme', 'Situation', 'ResultatAide', 'LieuAide', 'Collectivite', 'Contenu', 'JeuDeDonnees']) assert.ok(document.components.schemas[name], `component ${name}`);
  assert.ok(document.components.securitySchemes.cleApi);
  assert.deepEqual(document.security[0], {}, 'keys are accepted, never required for open data');
});

test('a value refused by a schema is told in French, per field, as a problem under /api and a page elsewhere', async (t) => {
  const { app } = await buildTestApp(t);
  const api = await app.inject({ url: '/api/v1/lieux?par_page=500&page=0' });
  assert.equal(api.statusCode, 400);
  assert.match(String(api.headers['content-type']), /^application\/problem\+json/);
  const problem = api.json() as { code: string; detail: string; errors: Array<{ pointer: string; detail: string }> };
  assert.equal(problem.code, 'bad_parameter');
  assert.match(problem.errors[0]!.detail, /« (page|par_page) » doit valoir au (moins 1|plus 100)\./);
  assert.doesNotMatch(api.body, /must|should|querystring/);
  const unknownPlace = await app.inject({ url: '/api/v1/lieux/pas-un-identifiant' });
  assert.equal(unknownPlace.statusCode, 404);
  assert.match(unknownPlace.json().title, /introuvable/i);
});
