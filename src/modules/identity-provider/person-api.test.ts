// Issue 16, point 2: a mobile application (a public client, openid-client) reads a person's
// profile and applications through OAuth2 (authorization code + PKCE) against Guichet on a real port.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { FormatRegistry } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import * as oidc from 'openid-client';
import { Agent, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { hashPassword } from '../../platform/auth/passwords';
import { applyForDrivingLicence } from '../applications/test-support';
import { ApplicationListResponse, ApplicationResponse, ProfileResponse } from './person-api.schemas';
import { CookieBrowser, createPerson, csrfOf, listeningApp, registerClient, sessionCookie, type ListeningApp } from './test-support';

const APP_REDIRECT = 'bzh.guichet.essai:/retour';
const LOOPBACK_REDIRECT = 'http://127.0.0.1/retour';
const insecure = { execute: [oidc.allowInsecureRequests] };
const PASSWORD = 'Un mot de passe assez long 2026';

// The answers are checked against the schemas the routes declare (formats as Fastify's Ajv reads them).
FormatRegistry.Set('date-time', (value) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
FormatRegistry.Set('date', (value) => /^\d{4}-\d{2}-\d{2}$/.test(value));
FormatRegistry.Set('uuid', (value) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value));
const conforms = (schema: Parameters<typeof Value.Check>[0], value: unknown) =>
  assert.ok(Value.Check(schema, value), JSON.stringify([...Value.Errors(schema, value)].slice(0, 3).map((e) => `${e.path}: ${e.message}`)));

interface Started {
  url: URL;
  verifier: string;
  state: string;
}

async function start(config: oidc.Configuration, scope: string, extra: Record<string, string> = {}, redirect = APP_REDIRECT): Promise<Started> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: redirect, scope, code_challenge: await oidc.calculatePKCECodeChallenge(verifier), code_challenge_method: 'S256', state, ...extra });
  return { url, verifier, state };
}

/** Through Guichet (consent accepted if asked) and back to the application's own address. */
async function authorize(browser: CookieBrowser, url: URL): Promise<{ callback: URL; consentHtml?: string }> {
  const first = await browser.navigate(url.href);
  if (first.left) return { callback: new URL(first.left) };
  const action = /<form action="([^"]*consentement)"/.exec(first.body)?.[1];
  assert.ok(action, `a consent form: ${first.response.status} ${first.body.slice(0, 400)}`);
  const done = await browser.navigate(new URL(action!, browser.origin).href, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(first.body), decision: 'accepter' }) });
  assert.ok(done.left, `back to the application (${done.response.status}: ${done.body.slice(0, 300)})`);
  return { callback: new URL(done.left!), consentHtml: first.body };
}

describe('the person’s API through OAuth2, for a mobile application (public client, PKCE)', () => {
  let guichet: ListeningApp;
  let origin: string;
  let config: oidc.Configuration;
  let clientId: string;
  let person: { id: string; email: string };
  let browser: CookieBrowser;
  let regionApplication: { id: string; reference: string };
  let vannesApplicationId: string;
  let someoneElsesId: string;
  let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  const api = (path: string, token?: string) => fetch(`${origin}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  before(async () => {
    guichet = await listeningApp({ after: (fn) => void cleanups.push(fn as () => unknown) });
    origin = guichet.origin;
    const { db } = guichet.app.platform;
    person = await createPerson(guichet.app);
    await db.updateTable('platform_accounts').set({ password_hash: await hashPassword(PASSWORD) }).where('id', '=', person.id).execute();

    // The person applies for the Région's driving licence aid, as in a browser.
    const applicant = new Agent(guichet.app);
    applicant.setCookie('guichet_session', await sessionCookie(guichet.app, person.id));
    const reference = await applyForDrivingLicence(applicant);
    const row = await db.selectFrom('applications' as never).select(['id' as never]).where('reference' as never, '=', reference as never).executeTakeFirstOrThrow();
    regionApplication = { id: (row as { id: string }).id, reference };

    // The Région's instructeur starts the examination, writes to the person and a private note.
    const agent = await signInAs(guichet.app, 'instructeur', 'bretagne');
    const file = `/admin/t/bretagne/demandes/${regionApplication.id}`;
    const token = csrfTokenFrom((await agent.get(file)).body);
    assert.equal((await agent.post(`${file}/statut`, { _csrf: token, statut: 'en_instruction' })).statusCode, 303);
    assert.equal((await agent.post(`${file}/message`, { _csrf: token, message: 'Le devis est-il daté ?' })).statusCode, 303);
    assert.equal((await agent.post(`${file}/notes`, { _csrf: token, annotation: 'Note interne : vérifier l’auto-école.' })).statusCode, 303);

    // The same person's application to Vannes, and someone else's to the Région.
    const other = await createPerson(guichet.app);
    const insert = async (accountId: string, tenantId: string, aidId: string) => {
      const id = randomUUID();
      await db
        .insertInto('applications' as never)
        .values({ id, tenant_id: tenantId, aid_id: aidId, aid_name: `Aide ${aidId}`, account_id: accountId, status: 'depose', reference: `BZH-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, form: '{"sections":[]}', answers: '{}', sources: '{}', consents: '{}', submitted_at: new Date() } as never)
        .execute();
      return id;
    };
    vannesApplicationId = await insert(person.id, 'vannes', 'ville-de-vannes-bourse-au-permis');
    someoneElsesId = await insert(other.id, 'bretagne', 'bretagne-aide-code-permis');
    browser = new CookieBrowser(origin);
  });

  test('an administrator registers a mobile application: no secret, RFC 8252 addresses only', async () => {
    const admin = await signInAs(guichet.app, 'administrateur', 'bretagne');
    const page = await admin.get('/admin/t/bretagne/applications');
    assert.match(page.body, /Application mobile ou sur ordinateur, sans secret/);
    const form = { _csrf: csrfTokenFrom(page.body), name: 'Guichet mobile', auth_method: 'none', post_logout_redirect_uris: '' };
    const scopes = ['profil:lecture', 'demarches:lecture', 'offline_access'];
    const post = (redirects: string) =>
      admin.request({
        method: 'POST',
        url: '/admin/t/bretagne/applications',
        payload: new URLSearchParams([...Object.entries({ ...form, redirect_uris: redirects }), ...scopes.map((s) => ['scopes', s])]).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });

    const noDot = await post('monappli:/retour');
    assert.equal(noDot.statusCode, 422);
    assert.match(noDot.body, /nom de domaine à l’envers/);
    assert.match(noDot.body, /monappli:\/retour/, 'what was typed is kept');
    const localhost = await post('http://localhost/retour');
    assert.equal(localhost.statusCode, 422);
    assert.match(localhost.body, /127\.0\.0\.1 plutôt que localhost/);
    assert.equal((await post('javascript:alert(1)')).statusCode, 422);

    const created = await post(`${APP_REDIRECT}\n${LOOPBACK_REDIRECT}`);
    assert.equal(created.statusCode, 201);
    assert.match(created.body, /application sans secret \(client public\)/);
    assert.doesNotMatch(created.body, /client_secret\)/);
    clientId = /Identifiant \(client_id\) : <code>([^<]+)<\/code>/.exec(created.body)![1]!;
    const stored = await guichet.app.platform.db.selectFrom('idp_clients' as never).selectAll().where('id' as never, '=', clientId as never).executeTakeFirstOrThrow();
    assert.equal((stored as { secret_hash: string | null }).secret_hash, null, 'no secret stored');

    // It cannot become a confidential application afterwards.
    const detail = await admin.get(`/admin/t/bretagne/applications/${clientId}`);
    assert.doesNotMatch(detail.body, /Créer un nouveau secret/);
    const change = await admin.post(`/admin/t/bretagne/applications/${clientId}`, { _csrf: csrfTokenFrom(detail.body), name: 'Guichet mobile', redirect_uris: APP_REDIRECT, auth_method: 'client_secret_basic', post_logout_redirect_uris: '' });
    assert.equal(change.statusCode, 422);
    assert.match(change.body, /ne peut pas recevoir de secret/);
    assert.equal((await admin.post(`/admin/t/bretagne/applications/${clientId}/secret`, { _csrf: csrfTokenFrom(detail.body) })).statusCode, 404);

    config = await oidc.discovery(new URL(guichet.issuer), clientId, undefined, oidc.None(), insecure);
  });

  test('sign in, consent in plain French, code + PKCE, then the profile and the applications', async () => {
    const started = await start(config, 'openid profil:lecture demarches:lecture offline_access', { prompt: 'consent' });
    // Not signed in: Guichet's sign-in page, then back to the request.
    const signIn = await browser.navigate(started.url.href);
    assert.match(signIn.url, /\/connexion\?suite=/);
    const suite = new URL(signIn.url).searchParams.get('suite')!;
    const signedIn = await browser.navigate(`${origin}/connexion`, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(signIn.body), email: person.email, password: PASSWORD, suite }) });
    const action = /<form action="([^"]*consentement)"/.exec(signedIn.body)?.[1];
    assert.ok(action, `the consent page after signing in: ${signedIn.response.status} ${signedIn.body.slice(0, 300)}`);
    assert.match(signedIn.body, /Voir vos démarches et leur avancement/);
    assert.match(signedIn.body, /Voir votre profil/);
    assert.match(signedIn.body, /Un accès qui dure/);
    assert.match(signedIn.body, /Région Bretagne/);
    // The browser may follow the form to the application's own scheme and to any loopback port.
    const csp = signedIn.response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /form-action 'self'[^;]* bzh\.guichet\.essai:/);
    assert.match(csp, /form-action 'self'[^;]* http:\/\/127\.0\.0\.1:\*/);
    const done = await browser.navigate(new URL(action!, origin).href, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(signedIn.body), decision: 'accepter' }) });
    assert.ok(done.left?.startsWith(`${APP_REDIRECT}?`), `back to the application’s own scheme: ${done.left}`);

    tokens = await oidc.authorizationCodeGrant(config, new URL(done.left!), { pkceCodeVerifier: started.verifier, expectedState: started.state, idTokenExpected: true });
    assert.ok(tokens.refresh_token, 'offline_access accepted: a refresh token');
    assert.deepEqual(new Set(tokens.scope!.split(' ')), new Set(['openid', 'profil:lecture', 'demarches:lecture', 'offline_access']));

    const me = await api('/api/v1/moi', tokens.access_token);
    assert.equal(me.status, 200);
    assert.equal(me.headers.get('cache-control'), 'no-store');
    const profile = (await me.json()) as { id: string; courriel: string; profil: Record<string, { valeur: unknown; origine: string }> };
    conforms(ProfileResponse, profile);
    assert.equal(profile.id, person.id);
    assert.equal(profile.courriel, person.email);
    assert.deepEqual(profile.profil.prenoms, { ...profile.profil.prenoms, valeur: 'Camille', origine: 'certifiee' });
    assert.equal(profile.profil.adresse!.origine, 'declaree');
    assert.equal((profile.profil.adresse!.valeur as { commune: string }).commune, 'Brest');

    const list = await api('/api/v1/moi/demarches', tokens.access_token);
    assert.equal(list.status, 200);
    assert.equal(list.headers.get('cache-control'), 'no-store');
    const listed = (await list.json()) as { collectivite: { id: string }; demarches: Array<{ id: string; reference: string; statut: string }> };
    conforms(ApplicationListResponse, listed);
    assert.equal(listed.collectivite.id, 'bretagne');
    assert.deepEqual(listed.demarches.map((d) => d.id), [regionApplication.id], 'only the Région’s application, not Vannes’s, not someone else’s');
    assert.equal(listed.demarches[0]!.statut, 'en_instruction');

    const filtered = (await (await api('/api/v1/moi/demarches?statut=accepte', tokens.access_token)).json()) as { demarches: unknown[] };
    assert.equal(filtered.demarches.length, 0);
    const badFilter = await api('/api/v1/moi/demarches?statut=nimporte', tokens.access_token);
    assert.equal(badFilter.status, 400);
    assert.match(badFilter.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(((await badFilter.json()) as { detail: string }).detail, /statut/);

    const one = await api(`/api/v1/moi/demarches/${regionApplication.id}`, tokens.access_token);
    assert.equal(one.status, 200);
    const body = await one.text();
    const detail = JSON.parse(body) as { reference: string; historique: Array<{ action: string; vers: string | null }>; messages: Array<{ de: string; texte: string }> };
    conforms(ApplicationResponse, detail);
    assert.equal(detail.reference, regionApplication.reference);
    assert.ok(detail.historique.some((h) => h.vers === 'en_instruction'), 'the status history');
    assert.deepEqual(detail.messages.map((m) => [m.de, m.texte]), [['agent', 'Le devis est-il daté ?']]);
    assert.doesNotMatch(body, /Note interne/, 'never the agents’ private notes');

    const audited = await guichet.app.platform.db.selectFrom('platform_audit').select(['action', 'actor_id', 'tenant_id', 'target_type', 'target_id', 'details']).where('action', '=', 'idp.personal_data_read').execute();
    assert.ok(audited.length >= 4, 'every read is in the audit trail');
    assert.ok(audited.every((row) => row.actor_id === person.id && row.tenant_id === 'bretagne'));
    assert.ok(audited.some((row) => row.target_type === 'application' && row.target_id === regionApplication.id));
    assert.ok(!JSON.stringify(audited).includes(tokens.access_token), 'never the token');

    // A refresh gives new tokens; the used refresh token is refused, and presenting it again (a
    // stolen copy) revokes the whole grant: the new tokens stop working too.
    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token);
    assert.equal((await api('/api/v1/moi/demarches', refreshed.access_token)).status, 200);
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), (e: oidc.ResponseBodyError) => e.error === 'invalid_grant');
    assert.equal((await api('/api/v1/moi/demarches', refreshed.access_token)).status, 401);
    tokens = await signedInTokens('openid demarches:lecture');
  });

  /** A signed-in person goes through (consent asked again if it was withdrawn): fresh tokens. */
  async function signedInTokens(scope: string) {
    const started = await start(config, scope);
    const { callback } = await authorize(browser, started.url);
    return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state });
  }

  test('someone else’s application, another authority’s, or no application at all: 404 problem in French', async () => {
    for (const id of [someoneElsesId, vannesApplicationId, randomUUID(), 'pas-un-identifiant']) {
      const response = await api(`/api/v1/moi/demarches/${id}`, tokens.access_token);
      assert.equal(response.status, 404, id);
      assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(((await response.json()) as { detail: string }).detail, /Aucune de vos demandes/);
    }
    const refused = await guichet.app.platform.db.selectFrom('platform_audit').select('target_id').where('action', '=', 'idp.personal_data_refused').execute();
    assert.ok(refused.some((row) => row.target_id === someoneElsesId), 'the attempt is audited');
  });

  test('a browser application on another origin: the preflight is answered, the answers are readable, never with cookies', async () => {
    const elsewhere = 'https://appli.vannes.example';
    const preflight = await guichet.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/moi/demarches?statut=depose',
      headers: { origin: elsewhere, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-methods']), /\bGET\b/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /\bAuthorization\b/i);
    assert.ok(Number(preflight.headers['access-control-max-age']) > 0, 'the browser keeps the preflight a while');
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined, 'never with credentials');
    assert.equal(preflight.body, '');

    const answer = await guichet.app.inject({ url: '/api/v1/moi/demarches', headers: { origin: elsewhere, authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(answer.statusCode, 200);
    assert.equal(answer.headers['access-control-allow-origin'], '*');
    assert.equal(answer.headers['access-control-allow-credentials'], undefined);
    // A refusal is readable too: its French words, and the challenge saying why.
    const refused = await guichet.app.inject({ url: '/api/v1/moi', headers: { origin: elsewhere, authorization: 'Bearer pas-un-jeton' } });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['access-control-allow-origin'], '*');
    assert.match(String(refused.headers['access-control-expose-headers']), /\bWWW-Authenticate\b/);

    // The person's own Guichet session is no way in: only the application's token is.
    const withCookie = await guichet.app.inject({ url: '/api/v1/moi', headers: { origin: elsewhere }, cookies: { guichet_session: await sessionCookie(guichet.app, person.id) } });
    assert.equal(withCookie.statusCode, 401);
    assert.match(String(withCookie.headers['content-type']), /application\/problem\+json/);
    assert.match((withCookie.json() as { detail: string }).detail, /jeton d’accès/);
  });

  test('no token, a wrong token: 401 with the RFC 6750 challenge, problem+json in French', async () => {
    const none = await api('/api/v1/moi/demarches');
    assert.equal(none.status, 401);
    assert.equal(none.headers.get('www-authenticate'), `Bearer realm="${origin}"`);
    assert.equal(none.headers.get('cache-control'), 'no-store');
    const problem = (await none.json()) as { title: string; detail: string; status: number };
    assert.equal(problem.status, 401);
    assert.match(problem.detail, /jeton d’accès/);
    const wrong = await api('/api/v1/moi', 'pas-un-jeton');
    assert.equal(wrong.status, 401);
    assert.match(wrong.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });

  test('PKCE is required and only S256: no challenge or « plain » is refused, a code without its verifier too', async () => {
    browser.cookies.set('guichet_session', await sessionCookie(guichet.app, person.id));
    const errorOf = async (url: URL) => {
      const result = await browser.navigate(url.href);
      assert.ok(result.left, `the error goes back to the application: ${result.response.status}`);
      return new URL(result.left!).searchParams;
    };
    const noChallenge = oidc.buildAuthorizationUrl(config, { redirect_uri: APP_REDIRECT, scope: 'openid demarches:lecture', state: oidc.randomState() });
    const noPkce = await errorOf(noChallenge);
    assert.equal(noPkce.get('error'), 'invalid_request');
    assert.match(noPkce.get('error_description') ?? '', /PKCE/);

    const plain = oidc.buildAuthorizationUrl(config, { redirect_uri: APP_REDIRECT, scope: 'openid demarches:lecture', code_challenge: oidc.randomPKCECodeVerifier(), code_challenge_method: 'plain' });
    assert.equal((await errorOf(plain)).get('error'), 'invalid_request');

    const started = await start(config, 'openid demarches:lecture');
    const { callback } = await authorize(browser, started.url);
    await assert.rejects(oidc.authorizationCodeGrant(config, callback, { expectedState: started.state }), (e: oidc.ResponseBodyError) => e.error === 'invalid_grant');
  });

  test('a loopback address is accepted on any port (RFC 8252 § 7.3); without offline_access, no refresh token', async () => {
    const started = await start(config, 'openid profil:lecture', {}, 'http://127.0.0.1:51234/retour');
    const { callback } = await authorize(browser, started.url);
    assert.equal(callback.origin, 'http://127.0.0.1:51234');
    const got = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state });
    assert.equal(got.refresh_token, undefined, 'a public client gets a refresh token only with offline_access');
    assert.equal((await api('/api/v1/moi', got.access_token)).status, 200);

    // A token with profil:lecture only cannot read the applications: 403 insufficient_scope.
    const refused = await api('/api/v1/moi/demarches', got.access_token);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('www-authenticate'), `Bearer realm="${origin}", error="insufficient_scope", scope="demarches:lecture"`);
    const problem = (await refused.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'insufficient_scope');
    assert.match(problem.detail, /demarches:lecture/);
  });

  test('a scope the application may not ask for is refused (invalid_scope)', async () => {
    const { client } = await registerClient(guichet.app, 'bretagne', { authMethod: 'none', redirectUris: [APP_REDIRECT], scopes: ['openid', 'profil:lecture'] });
    const narrow = await oidc.discovery(new URL(guichet.issuer), client.id, undefined, oidc.None(), insecure);
    const started = await start(narrow, 'openid demarches:lecture');
    const result = await browser.navigate(started.url.href);
    assert.equal(new URL(result.left!).searchParams.get('error'), 'invalid_scope');
  });

  test('a revoked token is refused; a consent withdrawn in « Mon compte » ends every token', async () => {
    const started = await start(config, 'openid demarches:lecture offline_access', { prompt: 'consent' });
    const { callback } = await authorize(browser, started.url);
    const fresh = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state });
    assert.equal((await api('/api/v1/moi/demarches', fresh.access_token)).status, 200);
    await oidc.tokenRevocation(config, fresh.access_token);
    const revoked = await api('/api/v1/moi/demarches', fresh.access_token);
    assert.equal(revoked.status, 401);
    assert.match(revoked.headers.get('www-authenticate') ?? '', /invalid_token/);

    const page = await browser.navigate(`${origin}/mon-compte/applications`);
    assert.match(page.body, /Guichet mobile/);
    assert.match(page.body, /Voir vos démarches et leur avancement/);
    const withdrawn = await browser.navigate(`${origin}/mon-compte/applications/${clientId}/retirer`, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(page.body) }) });
    assert.match(withdrawn.body, /L’autorisation est retirée/);
    assert.equal((await api('/api/v1/moi/demarches', tokens.access_token)).status, 401, 'the older tokens are gone');
    await assert.rejects(oidc.refreshTokenGrant(config, fresh.refresh_token!), (e: oidc.ResponseBodyError) => e.error === 'invalid_grant');
  });

  test('an application of Vannes reads only what the person asked of Vannes', async () => {
    const { client } = await registerClient(guichet.app, 'vannes', { authMethod: 'none', redirectUris: [APP_REDIRECT], scopes: ['openid', 'demarches:lecture'] });
    const vannes = await oidc.discovery(new URL(guichet.issuer), client.id, undefined, oidc.None(), insecure);
    const started = await start(vannes, 'openid demarches:lecture');
    const { callback, consentHtml } = await authorize(browser, started.url);
    assert.match(consentHtml ?? '', /Ville de Vannes/);
    const got = await oidc.authorizationCodeGrant(vannes, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state });
    const listed = (await (await api('/api/v1/moi/demarches', got.access_token)).json()) as { collectivite: { id: string }; demarches: Array<{ id: string }> };
    assert.equal(listed.collectivite.id, 'vannes');
    assert.deepEqual(listed.demarches.map((d) => d.id), [vannesApplicationId]);
    assert.equal((await api(`/api/v1/moi/demarches/${regionApplication.id}`, got.access_token)).status, 404, 'the Région’s application stays the Région’s');
    assert.equal((await api(`/api/v1/moi/demarches/${vannesApplicationId}`, got.access_token)).status, 200);
  });
});
