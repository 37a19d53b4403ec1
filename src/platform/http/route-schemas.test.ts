/**
 * Walks the route table of the built application: every route whose path has a parameter
 * declares a `params` schema, every GET route a `querystring` schema, every POST, PUT and PATCH
 * a `body` schema (platform/http/route-schemas.ts; docs/api.md). A route added later is walked
 * without touching this file; the only routes left out are listed in EXEMPT with their reason,
 * and an exemption that names no route any more fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';

const BODY_METHODS = ['POST', 'PUT', 'PATCH'];

/** `METHOD url` exactly as registered → why it declares no schema. */
const EXEMPT = new Map<string, string>([
  // oidc-provider (Guichet as an OpenID provider) answers everything under /oidc but our
  // interaction pages, reading requests itself in onRequest: its routes are not ours to describe.
  ...['GET', 'POST', 'PUT', 'PATCH'].map((m) => [`${m} /oidc/*`, 'oidc-provider reads its own requests'] as const),
  // The FranceConnect stand-in is an oidc-provider too (demo and tests only).
  ...['GET', 'POST'].map((m) => [`${m} /demo/franceconnect/*`, 'oidc-provider (FranceConnect stand-in)'] as const),
]);

interface Missing {
  route: string;
  lacks: string[];
}

test('every route declares the params, query string and body it reads, but the listed exemptions', async (t) => {
  const { app } = await buildTestApp(t);
  const missing: Missing[] = [];
  const registered = new Set<string>();
  for (const route of app.platform.routes) {
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const name = `${method} ${route.url}`;
      registered.add(name);
      if (EXEMPT.has(name)) continue;
      const lacks: string[] = [];
      if (/:\w/.test(route.url) && !route.schema?.params) lacks.push('params');
      if (method === 'GET' && !route.schema?.querystring) lacks.push('querystring');
      if (BODY_METHODS.includes(method) && !route.schema?.body) lacks.push('body');
      if (lacks.length) missing.push({ route: name, lacks });
    }
  }
  assert.ok(registered.size > 300, `only ${registered.size} routes walked: the walk is broken`);
  for (const exempt of EXEMPT.keys()) assert.ok(registered.has(exempt), `the exemption "${exempt}" names no route any more: remove it`);
  assert.deepEqual(missing.map((m) => `${m.route} (${m.lacks.join(', ')})`), [], 'routes without their schemas (platform/http/route-schemas.ts)');
});
