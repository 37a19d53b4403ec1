// Issue 5, points 7 and 8: a real relying party (openid-client) against Guichet on a real port.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as oidc from 'openid-client';
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
    secret = registered.secret;
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
});
