/**
 * Scope enforcement walked over every operation × every scope (issue 16 b.6), like the route walk:
 * every /api/v1 route declares its scope; a key with that scope gets anything but 401/403, a key
 * with another scope gets 403 problem+json in French.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from '../../../test/support/app';
import { createPerson } from '../accounts/test-support';
import { SCOPE_IDS } from '../../platform/http/api-access';
import { createApplication } from './store';

/** Routes under /api/v1 without a key's scope: the document itself, and OAuth2 resources. */
const NOT_KEYED = new Map<string, string | false>([
  ['GET /api/v1/openapi.json', false],
  ['GET /api/v1/collectivites/:tenant/usager', false],
  ['GET /api/v1/moi', 'profil:lecture'],
  ['GET /api/v1/moi/demarches', 'demarches:lecture'],
  ['GET /api/v1/moi/demarches/:id', 'demarches:lecture'],
]);

const SAMPLE_PARAMS: Record<string, string> = { tenant: 'brest', slug: 'aides', id: '00000000-0000-4000-8000-000000000000' };

test('every /api/v1 operation × every scope: 403 unless the key holds the route’s scope', async (t) => {
  const { app, database } = await buildTestApp(t);
  const operations = app.platform.routes
    .filter((r) => r.url.startsWith('/api/v1/'))
    .flatMap((r) => [r.method].flat().filter((m) => m !== 'HEAD' && m !== 'OPTIONS').map((method) => ({ method, url: r.url, scope: r.config?.apiScope })));
  assert.ok(operations.length >= 7, `${operations.length} operations`);
  for (const op of operations) {
    const name = `${op.method} ${op.url}`;
    if (NOT_KEYED.has(name)) {
      assert.equal(op.scope, NOT_KEYED.get(name), `${name} declares ${String(NOT_KEYED.get(name))}`);
      continue;
    }
    assert.ok(op.scope && SCOPE_IDS.includes(op.scope as never), `${name} declares a key's scope in config.apiScope (it has ${String(op.scope)})`);
  }
  for (const name of NOT_KEYED.keys()) assert.ok(operations.some((op) => `${op.method} ${op.url}` === name), `${name} still exists`);

  const owner = await createPerson(database.db, { email: 'walk@exemple.fr' });
  const keys = new Map<string, string>();
  for (const scope of SCOPE_IDS) keys.set(scope, (await createApplication(database.db, { name: scope, description: '', owner: { accountId: owner }, createdBy: owner, scopes: [scope] })).key);

  let checked = 0;
  for (const op of operations) {
    if (NOT_KEYED.has(`${op.method} ${op.url}`)) continue;
    const url = op.url.replace(/:([A-Za-z]+)/g, (_m, p: string) => SAMPLE_PARAMS[p] ?? 'x');
    for (const scope of SCOPE_IDS) {
      const response = await app.inject({
        method: op.method as 'GET',
        url,
        headers: { authorization: `Bearer ${keys.get(scope)}`, ...(op.method === 'GET' ? {} : { 'content-type': 'application/json' }) },
        ...(op.method === 'GET' ? {} : { payload: '{}' }),
      });
      const what = `${op.method} ${url} with a key of ${scope}: ${response.statusCode}`;
      assert.ok(response.statusCode < 500, what);
      if (scope === op.scope) {
        assert.ok(response.statusCode !== 401 && response.statusCode !== 403, what);
      } else {
        assert.equal(response.statusCode, 403, what);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/, what);
        assert.match(response.json().detail, new RegExp(String(op.scope).replace(':', ':')), what);
      }
      checked += 1;
    }
  }
  assert.ok(checked >= (operations.length - NOT_KEYED.size) * SCOPE_IDS.length);
});
