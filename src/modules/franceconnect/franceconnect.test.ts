import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Agent, csrfTokenFrom } from '../../../test/support/app';
import { readProfile } from '../profile';
import { identityByKey, subOf } from './standin/identities';
import { standinSigningKeys } from './standin/keys';
import { fcDb } from './store';
import { buildListeningApp, follow, franceConnectAs, pathOf, personWithPassword } from './test-support';

describe('FranceConnect through the stand-in, over real HTTP', () => {
  let app: FastifyInstance;
  const cleanups: Array<() => unknown> = [];
  before(async () => {
    ({ app } = await buildListeningApp({ after: (fn) => void cleanups.push(fn as () => unknown) }));
  });
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });
  const accountsWithEmail = async (email: string) => app.platform.db.selectFrom('platform_accounts').selectAll().where('email', '=', email).execute();
  const audits = async (action: string) => app.platform.db.selectFrom('platform_audit').selectAll().where('action', '=', action).execute();

  test('the flow asks for code + PKCE S256, state, nonce, eidas1 and the identité pivot', async () => {
    const agent = new Agent(app);
    const start = await agent.get('/franceconnect/connexion?suite=%2Fmon-compte%2Fprofil');
    assert.equal(start.statusCode, 303);
    const url = new URL(String(start.headers.location));
    assert.equal(url.pathname, '/demo/franceconnect/auth');
    const p = url.searchParams;
    assert.equal(p.get('response_type'), 'code');
    assert.equal(p.get('code_challenge_method'), 'S256');
    assert.ok((p.get('code_challenge') ?? '').length >= 43);
    assert.ok((p.get('state') ?? '').length >= 32 && (p.get('nonce') ?? '').length >= 32);
    assert.equal(p.get('acr_values'), 'eidas1');
    assert.equal(p.get('scope'), 'openid given_name family_name birthdate gender birthplace birthcountry email preferred_username');
    assert.match(String(start.headers['set-cookie']), /guichet_fc_state=.*HttpOnly/i);
    // The stand-in's discovery says the same things the real FranceConnect does.
    const discovery = (await (await fetch(`${app.platform.publicUrl}/demo/franceconnect/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.deepEqual(discovery.acr_values_supported, ['eidas1']);
    assert.ok((discovery.claims_supported as string[]).includes('birthcountry'));
    assert.ok(String(discovery.end_session_endpoint).endsWith('/demo/franceconnect/session/end'));
  });

  test('first sign-in creates the account with certified fields; the next one finds it', async () => {
    const agent = new Agent(app);
    const { response } = await franceConnectAs(agent, 'jeanne-le-bihan');
    assert.equal(response.statusCode, 303, response.body.slice(0, 800));
    assert.equal(response.headers.location, '/mon-compte/profil');
    const [account] = await accountsWithEmail('jeanne.lebihan@exemple.fr');
    assert.ok(account);
    assert.equal(account.display_name, 'Jeanne Le Bihan');
    assert.equal(account.password_hash, null);
    const profile = await readProfile(app.platform.db, account.id);
    assert.equal(profile.given_name?.value, 'Jeanne Marie Thérèse');
    assert.equal(profile.family_name?.value, 'Morvan');
    assert.equal(profile.preferred_username?.value, 'Le Bihan');
    assert.equal(profile.birthplace?.value, '29019');
    assert.equal(profile.birthcountry?.value, '99100');
    assert.equal(profile.gender?.value, 'female');
    for (const f of [profile.given_name, profile.birthdate, profile.birthplace]) assert.equal(f?.source, 'franceconnect');
    const page = await agent.get('/mon-compte/profil');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Certifié par FranceConnect/);
    assert.match(page.body, /Brest/);
    const signIns = await audits('franceconnect.sign_in');
    assert.equal(signIns.at(-1)?.actor_id, account.id);
    assert.doesNotMatch(JSON.stringify(signIns), /eyJ/, 'no token in the audit trail');
    const session = await app.platform.db.selectFrom('platform_sessions').select('data').where('account_id', '=', account.id).executeTakeFirstOrThrow();
    const data = (typeof session.data === 'string' ? JSON.parse(session.data) : session.data) as Record<string, unknown>;
    assert.equal(data.method, 'franceconnect');
    assert.match(String(data.fcIdToken), /^eyJ/);

    const again = new Agent(app);
    const second = await franceConnectAs(again, 'jeanne-le-bihan', { next: '/mon-compte' });
    assert.equal(second.response.statusCode, 303);
    assert.equal((await accountsWithEmail('jeanne.lebihan@exemple.fr')).length, 1);
    const links = await fcDb(app.platform.db).selectFrom('franceconnect_links').selectAll().where('sub', '=', subOf(identityByKey('jeanne-le-bihan')!)).execute();
    assert.equal(links.length, 1);
    assert.equal(links[0]!.account_id, account.id);

    // Born abroad: no birthplace, the country's COG code.
    const karim = await franceConnectAs(new Agent(app), 'karim-benali');
    assert.equal(karim.response.statusCode, 303);
    const [karimAccount] = await accountsWithEmail('karim.benali@exemple.fr');
    const karimProfile = await readProfile(app.platform.db, karimAccount!.id);
    assert.equal(karimProfile.birthplace, undefined);
    assert.equal(karimProfile.birthcountry?.value, '99350');
  });

  test('an answer meant for another browser, or replayed, is refused', async () => {
    const victim = new Agent(app);
    const { callbackPath } = await franceConnectAs(victim, 'maelys-tanguy', { stopAtCallback: true });
    // Another browser (no state cookie) gets the callback URL: refused.
    const attacker = new Agent(app);
    const stolen = await attacker.get(callbackPath);
    assert.equal(stolen.statusCode, 400);
    assert.match(stolen.body, /ne correspond pas à une demande faite depuis ce navigateur/);
    // A tampered state: refused too.
    const tampered = await victim.get(callbackPath.replace(/state=[^&]+/, 'state=autre-chose'));
    assert.equal(tampered.statusCode, 400);
    assert.equal((await accountsWithEmail('maelys.tanguy@exemple.fr')).length, 0);

    // The same answer twice, state cookie and all: the flow is gone after its first use.
    const agent = new Agent(app);
    const start = await agent.get('/franceconnect/connexion?suite=%2Fmon-compte');
    const stateCookie = start.cookies.find((c) => c.name === 'guichet_fc_state')!;
    const done = await franceConnectAs(agent, 'maelys-tanguy', { start });
    assert.equal(done.response.statusCode, 303);
    const replay = await app.inject({ method: 'GET', url: done.callbackPath, headers: { host: 'localhost', cookie: `guichet_fc_state=${stateCookie.value}` } });
    assert.equal(replay.statusCode, 400);
    assert.match(replay.body, /expiré ou a déjà servi/);
    assert.ok((await audits('franceconnect.failure')).length >= 3);
  });

  test('cancelling at FranceConnect comes back with a French explanation', async () => {
    const agent = new Agent(app);
    const start = await agent.get('/franceconnect/connexion');
    const { response: pick, path } = await follow(agent, await agent.get(pathOf(start.headers.location)));
    assert.match(pick.body, /Environnement de démonstration — FranceConnect simulé/);
    const cancelled = await agent.post(path, { _csrf: csrfTokenFrom(pick.body), action: 'annuler' });
    const { path: callback } = await follow(agent, cancelled, /^\/franceconnect\/retour/);
    assert.match(callback, /error=access_denied/);
    const page = await agent.get(callback);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /Vous avez annulé la connexion/);
    assert.match(page.body, /href="\/connexion"/);
  });

  test('an email that already has an account is not linked automatically; linking after signing in works', async () => {
    const { agent, id } = await personWithPassword(app, 'yann.kerbrat@exemple.fr', 'Yann Kerbrat');
    const refused = await franceConnectAs(new Agent(app), 'yann-kerbrat');
    assert.equal(refused.response.statusCode, 409);
    assert.match(refused.response.body, /Un compte existe déjà avec cette adresse/);
    assert.equal(await fcDb(app.platform.db).selectFrom('franceconnect_links').select('sub').where('account_id', '=', id).executeTakeFirst(), undefined);

    // Signed in with the password, the person links FranceConnect from their space.
    const linkPage = await agent.get('/mon-compte/franceconnect');
    assert.equal(linkPage.statusCode, 200);
    const start = await agent.post('/mon-compte/franceconnect/lier', { _csrf: csrfTokenFrom(linkPage.body) });
    const linked = await franceConnectAs(agent, 'yann-kerbrat', { start });
    assert.equal(linked.response.statusCode, 303, linked.response.body.slice(0, 500));
    assert.equal(linked.response.headers.location, '/mon-compte/franceconnect?lien=ok');
    assert.equal((await readProfile(app.platform.db, id)).family_name?.source, 'franceconnect');
    assert.equal((await audits('franceconnect.link')).at(-1)?.actor_id, id);
    // Now FranceConnect alone signs into that same account.
    const viaFc = await franceConnectAs(new Agent(app), 'yann-kerbrat');
    assert.equal(viaFc.response.statusCode, 303);

    // Another account cannot take the same FranceConnect identity.
    const other = await personWithPassword(app, 'autre.personne@exemple.fr');
    const otherPage = await other.agent.get('/mon-compte/franceconnect');
    const otherStart = await other.agent.post('/mon-compte/franceconnect/lier', { _csrf: csrfTokenFrom(otherPage.body) });
    const stolen = await franceConnectAs(other.agent, 'yann-kerbrat', { start: otherStart });
    assert.equal(stolen.response.statusCode, 409);
    assert.match(stolen.response.body, /déjà liée à un autre compte/);

    // Unlinking, after confirmation, removes the certified fields.
    const confirm = await agent.get('/mon-compte/franceconnect/delier');
    assert.equal(confirm.statusCode, 200);
    const unlinked = await agent.post('/mon-compte/franceconnect/delier', { _csrf: csrfTokenFrom(confirm.body), confirmation: 'oui' });
    assert.equal(unlinked.statusCode, 303);
    assert.equal(await fcDb(app.platform.db).selectFrom('franceconnect_links').select('sub').where('account_id', '=', id).executeTakeFirst(), undefined);
    assert.deepEqual(await readProfile(app.platform.db, id), {});
    assert.equal((await audits('franceconnect.unlink')).at(-1)?.actor_id, id);
  });

  test('an account without a password cannot unlink FranceConnect', async () => {
    const agent = new Agent(app);
    await franceConnectAs(agent, 'jeanne-le-bihan');
    const page = await agent.get('/mon-compte/franceconnect');
    assert.match(page.body, /choisissez d’abord un mot de passe/);
    const form = await agent.get('/mon-compte/profil/telephone');
    const refused = await agent.post('/mon-compte/franceconnect/delier', { _csrf: csrfTokenFrom(form.body), confirmation: 'oui' });
    assert.equal(refused.statusCode, 409);
    const [account] = await accountsWithEmail('jeanne.lebihan@exemple.fr');
    assert.ok(await fcDb(app.platform.db).selectFrom('franceconnect_links').select('sub').where('account_id', '=', account!.id).executeTakeFirst());
  });

  test('signing out of a FranceConnect session ends the FranceConnect session too', async () => {
    const agent = new Agent(app);
    await franceConnectAs(agent, 'karim-benali');
    const page = await agent.get('/mon-compte/profil/telephone');
    const out = await agent.post('/deconnexion', { _csrf: csrfTokenFrom(page.body) });
    assert.equal(out.statusCode, 303);
    const endSession = new URL(String(out.headers.location));
    assert.equal(endSession.pathname, '/demo/franceconnect/session/end');
    assert.match(endSession.searchParams.get('id_token_hint') ?? '', /^eyJ/);
    assert.ok(endSession.searchParams.get('state'));
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${app.platform.publicUrl}/franceconnect/deconnexion/retour`);
    assert.equal((await agent.get('/mon-compte')).statusCode, 303, 'Guichet’s session is closed');
    const confirm = await agent.get(`${endSession.pathname}${endSession.search}`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /Voulez-vous aussi vous déconnecter de FranceConnect/);
    const action = pathOf(/<form method="post" action="([^"]+)"/.exec(confirm.body)![1]!.replace(/&amp;/g, '&'));
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(confirm.body)![1]!;
    const done = await agent.post(action, { xsrf, logout: 'yes' });
    const { response, path } = await follow(agent, done);
    assert.match(path, /^\/franceconnect\/deconnexion\/retour\?state=/);
    assert.match(response.body, /déconnecté de Guichet et de FranceConnect/);
  });

  test('a plain GET signs nobody out: only the sign-out button (POST /deconnexion, CSRF-checked) does', async () => {
    const agent = new Agent(app);
    await franceConnectAs(agent, 'maelys-tanguy');
    assert.equal((await agent.get('/franceconnect/deconnexion')).statusCode, 404);
    const back = await agent.get('/franceconnect/deconnexion/retour');
    assert.equal(back.headers.location, '/mon-compte', 'reached by hand, the page does not claim a sign-out');
    assert.equal((await agent.get('/mon-compte')).statusCode, 200, 'still signed in');
    const page = await agent.get('/mon-compte/profil/telephone');
    const refused = await agent.post('/deconnexion', {});
    assert.equal(refused.statusCode, 403);
    assert.equal((await agent.get('/mon-compte')).statusCode, 200, 'still signed in after a POST without token');
    const out = await agent.post('/deconnexion', { _csrf: csrfTokenFrom(page.body) });
    assert.match(String(out.headers.location), /\/demo\/franceconnect\/session\/end\?/);
    assert.equal((await agent.get('/mon-compte')).statusCode, 303);
  });

  test('the stand-in keeps its signing key, sealed, across restarts', async () => {
    const keys = await sql<{ n: number }>`select count(*)::int as n from franceconnect_standin_keys`.execute(app.platform.db);
    assert.equal(keys.rows[0]!.n, 1);
    const stored = await sql<{ jwk: string }>`select jwk::text as jwk from franceconnect_standin_keys`.execute(app.platform.db);
    assert.match(stored.rows[0]!.jwk, /"sealed": ?"v1\./, 'the private key is sealed at rest');
    assert.doesNotMatch(stored.rows[0]!.jwk, /"d"/);
    // What a restart does: read the keys again; the same key comes back, the JWKS is unchanged.
    const jwks = (await (await fetch(`${app.platform.publicUrl}/demo/franceconnect/jwks`)).json()) as { keys: Array<{ kid: string; alg: string; kty: string }> };
    assert.deepEqual(jwks.keys.map((k) => [k.alg, k.kty]), [['ES256', 'EC']], 'ES256, as FranceConnect v2 recommends');
    const again = await standinSigningKeys(app.platform.db, app.platform.config.SESSION_SECRET, 'ES256');
    assert.deepEqual(again.map((k) => k.kid), jwks.keys.map((k) => k.kid));
    // FRANCECONNECT_SIGNING_ALG=RS256 (the other choice FranceConnect offers): a key of that kind is made and kept.
    const rsa = await standinSigningKeys(app.platform.db, app.platform.config.SESSION_SECRET, 'RS256');
    assert.deepEqual(rsa.map((k) => k.kty), ['RSA']);
    assert.deepEqual((await standinSigningKeys(app.platform.db, app.platform.config.SESSION_SECRET, 'RS256')).map((k) => k.kid), rsa.map((k) => k.kid));
  });
});

