// Issue 5, points 7 and 8: a real relying party (openid-client) against Guichet on a real port.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
import { csrfTokenFrom, signInAs } from '../../../test/support/app';
import { csrfOf, CookieBrowser, createPerson, listeningApp, registerClient, sessionCookie, type ListeningApp } from './test-support';

const REDIRECT = 'http://127.0.0.1:9/retour';
const insecure = { execute: [oidc.allowInsecureRequests] };

interface Started {
  url: URL;
  verifier: string;
  state: string;
  nonce: string;
}

async function startAuthorization(config: oidc.Configuration, scope = 'openid profile email address identite_pivot', redirect = REDIRECT): Promise<Started> {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirect,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, verifier, state, nonce };
}

/** The person's browser goes through Guichet (consent accepted if asked) and back to the app. */
async function authorize(browser: CookieBrowser, started: Started, decision: 'accepter' | 'refuser' = 'accepter'): Promise<{ callback: URL; consentAsked: boolean; consentHtml?: string }> {
  const first = await browser.navigate(started.url.href);
  if (first.left) return { callback: new URL(first.left), consentAsked: false };
  assert.equal(first.response.status, 200, first.body.slice(0, 500));
  const action = /<form action="([^"]*consentement)"/.exec(first.body)?.[1];
  assert.ok(action, `a consent form: ${first.body.slice(0, 300)}`);
  const done = await browser.navigate(new URL(action!, browser.origin).href, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(first.body), decision }) });
  assert.ok(done.left, `back to the application after consent (${done.response.status}: ${done.body.slice(0, 300)})`);
  return { callback: new URL(done.left!), consentAsked: true, consentHtml: first.body };
}

describe('Guichet as an OpenID provider, driven by openid-client', () => {
  let guichet: ListeningApp;
  let config: oidc.Configuration;
  let clientId: string;
  let secret: string;
  let person: { id: string; email: string };
  let browser: CookieBrowser;

  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  before(async () => {
    guichet = await listeningApp({ after: (fn) => void cleanups.push(fn as () => unknown) });
    const registered = await registerClient(guichet.app, 'brest');
    clientId = registered.client.id;
    secret = registered.secret!;
    config = await oidc.discovery(new URL(guichet.issuer), clientId, secret, oidc.ClientSecretBasic(secret), insecure);
    person = await createPerson(guichet.app);
    browser = new CookieBrowser(guichet.origin);
  });

  test('discovery: issuer, PKCE S256 only, code flow, JWKS with a key', async () => {
    const metadata = config.serverMetadata();
    assert.equal(metadata.issuer, guichet.issuer);
    assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(metadata.response_types_supported, ['code']);
    assert.ok(metadata.end_session_endpoint);
    assert.ok(metadata.scopes_supported?.includes('identite_pivot'));
    const jwks = (await (await fetch(metadata.jwks_uri!)).json()) as { keys: Array<{ kid: string; d?: string }> };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]!.d, undefined, 'no private part published');
  });

  test('not signed in: the person is sent to the sign-in page, with the way back', async () => {
    const started = await startAuthorization(config);
    const result = await browser.navigate(started.url.href);
    assert.ok(!result.left);
    assert.match(result.url, /\/connexion\?suite=%2Foidc%2Finteraction%2F/);
  });

  test('full flow: consent, code, tokens, userinfo with certified claims, refresh with rotation, logout', async () => {
    browser.cookies.set('guichet_session', await sessionCookie(guichet.app, person.id));
    const started = await startAuthorization(config);
    const { callback, consentAsked, consentHtml } = await authorize(browser, started);
    assert.ok(consentAsked, 'consent is asked the first time');
    assert.match(consentHtml!, /Démarches de brest/);
    assert.match(consentHtml!, /Ville de Brest|Brest/);
    assert.match(consentHtml!, /Votre adresse postale/);
    assert.match(consentHtml!, /identité pivot/);

    const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
    const idClaims = tokens.claims()!;
    assert.equal(idClaims.sub, person.id);
    assert.equal(idClaims.given_name, 'Camille');
    assert.ok(tokens.refresh_token, 'a refresh token');

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, person.id);
    assert.equal(userinfo.family_name, 'Le Goff');
    assert.equal(userinfo.email, person.email);
    assert.equal(userinfo.email_verified, false, 'this address was never confirmed');
    assert.equal(userinfo.birthplace, '29019');
    assert.equal((userinfo.address as { locality: string }).locality, 'Brest');
    assert.deepEqual(userinfo.certified_claims, ['birthcountry', 'birthdate', 'birthplace', 'family_name', 'gender', 'given_name']);

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    assert.ok(refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token, 'a new refresh token');

    // A second authorization: consent is remembered.
    const again = await authorize(browser, await startAuthorization(config));
    assert.equal(again.consentAsked, false);

    // The used refresh token is refused; presenting it again (a stolen copy) revokes the grant.
    const isInvalidGrant = (error: oidc.ResponseBodyError) => error.error === 'invalid_grant';
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), isInvalidGrant);
    await assert.rejects(oidc.refreshTokenGrant(config, refreshed.refresh_token!), isInvalidGrant);

    const logout = oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: 'http://127.0.0.1:9/au-revoir' });
    const confirm = await browser.navigate(logout.href);
    assert.equal(confirm.response.status, 200);
    assert.match(confirm.body, /Voulez-vous aussi vous déconnecter de Guichet/);
    const action = /<form method="post" action="([^"]+)"/.exec(confirm.body)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)?.[1];
    const out = await browser.navigate(new URL(action!, guichet.origin).href, { method: 'POST', body: new URLSearchParams({ xsrf: xsrf!, logout: 'yes' }) });
    assert.equal(out.left, 'http://127.0.0.1:9/au-revoir');
  });
  /** Signs in, consents if asked, and exchanges the code: what a working application does. */
  async function signedInTokens(scope?: string) {
    const started = await startAuthorization(config, scope);
    const { callback } = await authorize(browser, started);
    return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
  }

  const isError = (code: string) => (error: unknown) => (error as { error?: string }).error === code;

  test('a redirect URI the application did not register: an error page at Guichet, no redirect', async () => {
    browser.cookies.set('guichet_session', await sessionCookie(guichet.app, person.id));
    const started = await startAuthorization(config, undefined, 'http://127.0.0.1:9/ailleurs');
    const result = await browser.navigate(started.url.href);
    assert.equal(result.left, undefined, 'never sent to an unregistered address');
    assert.equal(result.response.status, 400);
    assert.match(result.body, /L’adresse de retour demandée par l’application n’est pas celle qu’elle a déclarée/);
    assert.match(result.body, /<html lang="fr"/);
  });

  test('PKCE is required: no code_challenge is refused, a missing or wrong verifier too', async () => {
    const noChallenge = oidc.buildAuthorizationUrl(config, { redirect_uri: REDIRECT, scope: 'openid', state: oidc.randomState() });
    const refused = await browser.navigate(noChallenge.href);
    assert.ok(refused.left, 'the error goes back to the application');
    assert.equal(new URL(refused.left!).searchParams.get('error'), 'invalid_request');
    assert.match(new URL(refused.left!).searchParams.get('error_description') ?? '', /PKCE/);

    const missing = await startAuthorization(config);
    const missingBack = await authorize(browser, missing);
    await assert.rejects(oidc.authorizationCodeGrant(config, missingBack.callback, { expectedState: missing.state, expectedNonce: missing.nonce }), isError('invalid_grant'));

    const wrong = await startAuthorization(config);
    const wrongBack = await authorize(browser, wrong);
    await assert.rejects(
      oidc.authorizationCodeGrant(config, wrongBack.callback, { pkceCodeVerifier: oidc.randomPKCECodeVerifier(), expectedState: wrong.state, expectedNonce: wrong.nonce }),
      isError('invalid_grant'),
    );
  });

  test('a code used twice is refused, and the tokens of its first use are revoked', async () => {
    const started = await startAuthorization(config);
    const { callback } = await authorize(browser, started);
    const checks = { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce };
    const tokens = await oidc.authorizationCodeGrant(config, callback, checks);
    await assert.rejects(oidc.authorizationCodeGrant(config, callback, checks), isError('invalid_grant'));
    await assert.rejects(oidc.fetchUserInfo(config, tokens.access_token, person.id));
  });

  test('a wrong client secret is refused', async () => {
    const wrong = await oidc.discovery(new URL(guichet.issuer), clientId, 'pas-le-bon-secret', oidc.ClientSecretBasic('pas-le-bon-secret'), insecure);
    const started = await startAuthorization(wrong);
    const { callback } = await authorize(browser, started);
    await assert.rejects(
      oidc.authorizationCodeGrant(wrong, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce }),
      (error: unknown) => {
        const challenges = (error as { cause?: Array<{ parameters?: { error?: string } }> }).cause;
        return (error as { error?: string }).error === 'invalid_client' || challenges?.[0]?.parameters?.error === 'invalid_client';
      },
    );
    const rows = await guichet.app.platform.db.selectFrom('platform_audit').select(['action', 'details']).where('action', '=', 'idp.token_refused').execute();
    assert.ok(rows.length > 0, 'refusals are audited');
    assert.ok(!JSON.stringify(rows).includes('pas-le-bon-secret'), 'never the secret in the audit trail');
  });

  test('a nonce that does not match: openid-client rejects the ID token', async () => {
    const started = await startAuthorization(config);
    const { callback } = await authorize(browser, started);
    await assert.rejects(
      oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: oidc.randomNonce() }),
      (error: Error) => /nonce/.test(String(error.cause)),
    );
  });

  test('a token of a Brest application reads Brest’s resource (scopes only), and is refused at Rennes’s', async () => {
    const tokens = await signedInTokens('openid email');
    const read = (tenant: string, token = tokens.access_token) => fetch(`${guichet.origin}/api/v1/collectivites/${tenant}/usager`, { headers: { authorization: `Bearer ${token}` } });
    const brest = await read('brest');
    assert.equal(brest.status, 200);
    const claims = (await brest.json()) as Record<string, unknown>;
    assert.equal(claims.email, person.email);
    assert.equal(claims.given_name, undefined, 'profile was not asked');
    assert.deepEqual(claims.certified_claims, []);

    const rennes = await read('rennes');
    assert.equal(rennes.status, 403);
    assert.match(rennes.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.match(((await rennes.json()) as { detail: string }).detail, /autre collectivité/);

    const unknown = await read('brest', 'not-a-token');
    assert.equal(unknown.status, 401);
    assert.match(unknown.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  test('a consent withdrawn from "Mon compte": tokens stop working and consent is asked again', async () => {
    const tokens = await signedInTokens();
    const page = await browser.navigate(`${guichet.origin}/mon-compte/applications`);
    assert.equal(page.response.status, 200);
    assert.match(page.body, /Démarches de brest/);
    assert.match(page.body, /Proposée par Ville de Brest|Proposée par /);
    const revoke = await browser.navigate(`${guichet.origin}/mon-compte/applications/${clientId}/retirer`, { method: 'POST', body: new URLSearchParams({ _csrf: csrfOf(page.body) }) });
    assert.equal(revoke.response.status, 200);
    assert.match(revoke.body, /L’autorisation est retirée/);
    assert.match(revoke.body, /Vous n’avez autorisé aucune application/);

    await assert.rejects(oidc.fetchUserInfo(config, tokens.access_token, person.id));
    await assert.rejects(oidc.refreshTokenGrant(config, tokens.refresh_token!), isError('invalid_grant'));
    const api = await fetch(`${guichet.origin}/api/v1/collectivites/brest/usager`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(api.status, 401);
    const again = await authorize(browser, await startAuthorization(config));
    assert.equal(again.consentAsked, true, 'consent is asked again');

    const actions = (await guichet.app.platform.db.selectFrom('platform_audit').select('action').where('action', 'like', 'idp.%').execute()).map((r) => r.action);
    for (const action of ['idp.consent_given', 'idp.consent_revoked', 'idp.tokens_issued']) assert.ok(actions.includes(action), `${action} is audited`);
  });

  test('refusing consent sends the person back with access_denied, and is audited', async () => {
    const other = await createPerson(guichet.app);
    const refusing = new CookieBrowser(guichet.origin);
    refusing.cookies.set('guichet_session', await sessionCookie(guichet.app, other.id));
    const started = await startAuthorization(config);
    const { callback } = await authorize(refusing, started, 'refuser');
    assert.equal(callback.searchParams.get('error'), 'access_denied');
    const audited = await guichet.app.platform.db.selectFrom('platform_audit').select('actor_id').where('action', '=', 'idp.consent_refused').execute();
    assert.ok(audited.some((r) => r.actor_id === other.id));
  });

  test('after a key rotation, new ID tokens are signed with the new key; both are published', async () => {
    const kidOf = (jwt: string) => (JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
    const before = kidOf((await signedInTokens()).id_token!);
    const region = await signInAs(guichet.app, 'administrateur', 'bretagne');
    const page = await region.get('/admin/t/bretagne/applications');
    assert.equal((await region.post('/admin/t/bretagne/applications/cles', { _csrf: csrfTokenFrom(page.body) })).statusCode, 303);
    const after = kidOf((await signedInTokens()).id_token!);
    assert.notEqual(after, before);
    const jwks = (await (await fetch(config.serverMetadata().jwks_uri!)).json()) as { keys: Array<{ kid: string }> };
    assert.deepEqual(jwks.keys.map((k) => k.kid), [after, before]);
  });
});

describe('an authorization code expires (IDP_CODE_TTL_SECONDS)', () => {
  const cleanups: Array<() => unknown> = [];
  after(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  test('a code used after its lifetime is refused', async () => {
    const guichet = await listeningApp({ after: (fn) => void cleanups.push(fn as () => unknown) }, { IDP_CODE_TTL_SECONDS: 1 });
    const { client, secret } = await registerClient(guichet.app, 'brest');
    const config = await oidc.discovery(new URL(guichet.issuer), client.id, secret, oidc.ClientSecretBasic(secret), insecure);
    const person = await createPerson(guichet.app);
    const browser = new CookieBrowser(guichet.origin);
    browser.cookies.set('guichet_session', await sessionCookie(guichet.app, person.id));
    const started = await startAuthorization(config);
    const { callback } = await authorize(browser, started);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await assert.rejects(
      oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce }),
      (error: unknown) => (error as { error?: string }).error === 'invalid_grant',
    );
  });
});
