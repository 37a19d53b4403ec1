// Issue 5, point 7: an operator registers an authority's applications in the back office.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { buildTestApp, csrfTokenFrom, signInAs, type Agent, type TestApp } from '../../../test/support/app';
import { idpDb } from './adapter';
import { redirectUriProblem } from './clients.service';
import { hashSecret, secretMatches } from './clients.store';
import { ensureSigningKeys, publishedKeys, signingJwks } from './keys';

const VALID = {
  name: 'Inscriptions à la piscine',
  redirect_uris: 'https://piscine.brest.example/retour\nhttp://localhost:8080/retour',
  post_logout_redirect_uris: 'https://piscine.brest.example/',
  scopes: 'email',
  auth_method: 'client_secret_basic',
};

function secretIn(html: string): string {
  const match = /Secret \(client_secret\) : <code class="secret">([^<]+)<\/code>/.exec(html);
  assert.ok(match, 'the secret is shown');
  return match[1]!;
}

function clientIdIn(html: string): string {
  const match = /Identifiant \(client_id\) : <code>([^<]+)<\/code>/.exec(html);
  assert.ok(match, 'the client id is shown');
  return match[1]!;
}

/** oidc-provider's token endpoint, as an application authenticating with its secret would call it. */
function tokenRequest(app: FastifyInstance, clientId: string, secret: string) {
  return app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: { host: 'localhost', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'grant_type=authorization_code&code=inconnu&redirect_uri=https%3A%2F%2Fpiscine.brest.example%2Fretour&code_verifier=' + 'a'.repeat(43),
  });
}

describe('back office: applications connected to Guichet', () => {
  let built: TestApp;
  let app: FastifyInstance;
  let brestAdmin: Agent;
  let clientId = '';
  let secret = '';
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    built = await buildTestApp({ after: (fn) => void cleanups.push(fn as () => unknown) });
    app = built.app;
    brestAdmin = await signInAs(app, 'administrateur', 'brest');
  });
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('redirect URIs: https, or http on localhost / 127.0.0.1 only', () => {
    assert.equal(redirectUriProblem('https://app.example/cb'), undefined);
    assert.equal(redirectUriProblem('http://localhost:3000/cb'), undefined);
    assert.equal(redirectUriProblem('http://127.0.0.1/cb'), undefined);
    assert.match(redirectUriProblem('http://app.example/cb')!, /https:\/\//);
    assert.match(redirectUriProblem('https://app.example/cb#x')!, /#/);
    assert.match(redirectUriProblem('app.example/cb')!, /adresse complète/);
  });

  test('the section is listed for the administrator, and the page holds the form', async () => {
    const home = await brestAdmin.get('/admin/t/brest/');
    assert.match(home.body, /href="\/admin\/t\/brest\/applications"/);
    const page = await brestAdmin.get('/admin/t/brest/applications');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Enregistrer une application/);
    assert.match(page.body, /Aucune application pour l’instant\. Pour qu’un site[^<]*<a href="#ajouter">enregistrez-la<\/a>/, 'the empty list says what to do');
    assert.match(page.body, /<legend>Données que l’application peut demander<\/legend>/);
    assert.doesNotMatch(page.body, /Clés de signature/, 'keys are the Région’s business');
  });

  test('bad input: French messages next to the fields, values kept, 422', async () => {
    const response = await brestAdmin.submit('/admin/t/brest/applications', '/admin/t/brest/applications', { ...VALID, name: '', redirect_uris: 'http://piscine.example/retour' });
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /Écrivez le nom de l'application|Écrivez le nom de l&#39;application/);
    assert.match(response.body, /doit commencer par https:\/\//);
    assert.match(response.body, /http:\/\/piscine.example\/retour<\/textarea>/);
  });

  test('registering: the secret is shown once, only its hash is kept, the change is audited', async () => {
    const response = await brestAdmin.submit('/admin/t/brest/applications', '/admin/t/brest/applications', VALID);
    assert.equal(response.statusCode, 201);
    secret = secretIn(response.body);
    clientId = clientIdIn(response.body);
    assert.match(clientId, /^brest-/);
    const row = await idpDb(app.platform.db).selectFrom('idp_clients').selectAll().where('id', '=', clientId).executeTakeFirstOrThrow();
    assert.equal(row.secret_hash, hashSecret(secret));
    assert.deepEqual(row.scopes, ['openid', 'email']);
    assert.ok(!JSON.stringify(row).includes(secret), 'the secret itself is nowhere in the row');
    const list = await brestAdmin.get('/admin/t/brest/applications');
    assert.match(list.body, /Inscriptions à la piscine/);
    assert.ok(!list.body.includes(secret), 'never shown again');
    const audit = await app.platform.db.selectFrom('platform_audit').selectAll().where('action', '=', 'idp.client_created').execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.tenant_id, 'brest');
    assert.ok(!JSON.stringify(audit).includes(secret));
  });

  test('the provider accepts the secret (the code is what fails), refuses another', async () => {
    const good = await tokenRequest(app, clientId, secret);
    assert.equal(good.json().error, 'invalid_grant');
    const bad = await tokenRequest(app, clientId, `${secret}x`);
    assert.equal(bad.json().error, 'invalid_client');
  });

  test('a new secret replaces the old one at once', async () => {
    const page = await brestAdmin.get(`/admin/t/brest/applications/${clientId}`);
    const response = await brestAdmin.post(`/admin/t/brest/applications/${clientId}/secret`, { _csrf: csrfTokenFrom(page.body) });
    assert.equal(response.statusCode, 200);
    const renewed = secretIn(response.body);
    assert.notEqual(renewed, secret);
    const row = await idpDb(app.platform.db).selectFrom('idp_clients').select('secret_hash').where('id', '=', clientId).executeTakeFirstOrThrow();
    assert.ok(secretMatches(renewed, row.secret_hash!));
    assert.ok(!secretMatches(secret, row.secret_hash!));
    assert.equal((await tokenRequest(app, clientId, secret)).json().error, 'invalid_client');
    secret = renewed;
  });

  test('editing keeps the rules; a disabled application is refused by the provider', async () => {
    const edited = await brestAdmin.submit(`/admin/t/brest/applications/${clientId}`, `/admin/t/brest/applications/${clientId}`, { ...VALID, name: 'Piscines de Brest', scopes: 'profile' });
    assert.equal(edited.statusCode, 303);
    const page = await brestAdmin.get(`/admin/t/brest/applications/${clientId}`);
    assert.match(page.body, /Piscines de Brest/);
    assert.match(page.body, /value="profile" checked/);
    const disabled = await brestAdmin.post(`/admin/t/brest/applications/${clientId}/desactiver`, { _csrf: csrfTokenFrom(page.body) });
    assert.equal(disabled.statusCode, 303);
    assert.equal((await tokenRequest(app, clientId, secret)).json().error, 'invalid_client');
    const enabled = await brestAdmin.post(`/admin/t/brest/applications/${clientId}/reactiver`, { _csrf: csrfTokenFrom(page.body) });
    assert.equal(enabled.statusCode, 303);
    assert.equal((await tokenRequest(app, clientId, secret)).json().error, 'invalid_grant');
    const actions = (await app.platform.db.selectFrom('platform_audit').select('action').where('target_id', '=', clientId).execute()).map((r) => r.action);
    for (const action of ['idp.client_created', 'idp.client_updated', 'idp.client_secret_regenerated', 'idp.client_disabled', 'idp.client_enabled']) {
      assert.ok(actions.includes(action), `${action} is audited`);
    }
  });

  test('another tenant’s administrator never sees nor reaches Brest’s applications; an editor is refused', async () => {
    const rennesAdmin = await signInAs(app, 'administrateur', 'rennes');
    assert.equal((await rennesAdmin.get('/admin/t/brest/applications')).statusCode, 403);
    const own = await rennesAdmin.get('/admin/t/rennes/applications');
    assert.equal(own.statusCode, 200);
    assert.doesNotMatch(own.body, /Piscines de Brest/);
    assert.equal((await rennesAdmin.get(`/admin/t/rennes/applications/${clientId}`)).statusCode, 404);
    const page = await rennesAdmin.get('/admin/t/rennes/applications');
    assert.equal((await rennesAdmin.post(`/admin/t/rennes/applications/${clientId}/desactiver`, { _csrf: csrfTokenFrom(page.body) })).statusCode, 404);
    const editor = await signInAs(app, 'editeur', 'brest');
    assert.equal((await editor.get('/admin/t/brest/applications')).statusCode, 403);
  });

  test('keys: kept across restarts; the Région rotates them, the old key stays published for the grace period', async () => {
    const jwks = async (target: FastifyInstance) => (await target.inject({ method: 'GET', url: '/oidc/jwks', headers: { host: 'localhost' } })).json() as { keys: Array<{ kid: string }> };
    const first = (await jwks(app)).keys.map((k) => k.kid);
    assert.equal(first.length, 1);
    // A second instance (or a restart) on the same database publishes the same key.
    const second = await buildApp({ config: built.config, database: built.database });
    await second.ready();
    try {
      assert.deepEqual((await jwks(second)).keys.map((k) => k.kid), first);
    } finally {
      await second.close();
    }

    assert.equal((await brestAdmin.post('/admin/t/brest/applications/cles', { _csrf: csrfTokenFrom((await brestAdmin.get('/admin/t/brest/applications')).body) })).statusCode, 404);
    const region = await signInAs(app, 'administrateur', 'bretagne');
    const page = await region.get('/admin/t/bretagne/applications');
    assert.match(page.body, /Clés de signature du fournisseur/);
    const rotated = await region.post('/admin/t/bretagne/applications/cles', { _csrf: csrfTokenFrom(page.body) });
    assert.equal(rotated.statusCode, 303);
    const after = (await jwks(app)).keys.map((k) => k.kid);
    assert.equal(after.length, 2, 'both keys are published');
    assert.equal(after[1], first[0], 'the new key comes first: it signs');
    const later = await publishedKeys(idpDb(app.platform.db), new Date(Date.now() + 25 * 3600 * 1000));
    assert.deepEqual(later.map((k) => k.kid), [after[0]], 'after 24 hours the old key leaves the JWKS');
    const audit = await app.platform.db.selectFrom('platform_audit').select('details').where('action', '=', 'idp.key_rotated').execute();
    assert.equal(audit.length, 1);
    assert.ok(!JSON.stringify(audit).includes('"d"'), 'no private key material in the audit trail');
  });

  test('keys: sealed at rest; a key stored in clear before is still used, then sealed; another SESSION_SECRET gets a new key', async () => {
    const db = idpDb(app.platform.db);
    const secret = app.platform.config.SESSION_SECRET;
    const stored = async () => (await db.selectFrom('idp_keys').select(['kid', 'private_jwk']).execute()).map((r) => ({ kid: r.kid, text: JSON.stringify(r.private_jwk) }));
    for (const row of await stored()) {
      assert.match(row.text, /"sealed":"v1\./, row.kid);
      assert.doesNotMatch(row.text, /"d"|"kty"/, 'no private part in clear');
    }
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const old = { ...privateKey.export({ format: 'jwk' }), kid: 'cle-en-clair', alg: 'RS256', use: 'sig' };
    await db.insertInto('idp_keys').values({ kid: old.kid, alg: 'RS256', private_jwk: JSON.stringify(old), created_at: new Date(Date.now() + 1000) }).execute();
    const keys = await ensureSigningKeys(db, secret);
    assert.equal(keys[0]!.kid, 'cle-en-clair', 'the key stored in clear still signs');
    assert.equal(keys[0]!.d, old.d);
    const resealed = (await stored()).find((r) => r.kid === 'cle-en-clair')!;
    assert.match(resealed.text, /"sealed":"v1\./);
    assert.doesNotMatch(resealed.text, /"d"/);

    const other = 'another-session-secret-of-at-least-32-chars';
    assert.deepEqual(await signingJwks(db, other), [], 'the keys do not open with another secret');
    const fresh = await ensureSigningKeys(db, other);
    assert.equal(fresh.length, 1);
    assert.deepEqual((await publishedKeys(db)).map((k) => k.kid), [fresh[0]!.kid], 'the keys that do not open are retired');
    assert.deepEqual(await signingJwks(db, secret), []);
  });
});
