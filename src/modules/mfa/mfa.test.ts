import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom, freshCode, secretFrom, signInAs, totpCode } from '../../../test/support/app';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { hashPassword } from '../../platform/auth/passwords';
import { textOf } from '../backoffice/test-support';

const ENROL = '/admin/double-authentification';
const CODE = '/connexion/code';
const EDITOR = demoAgentEmail('editeur', 'brest');

async function accountId(app: FastifyInstance, email: string): Promise<string> {
  const row = await app.platform.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  return row.id;
}

async function actions(app: FastifyInstance, action: string) {
  return app.platform.db.selectFrom('platform_audit').select(['actor_id', 'tenant_id', 'target_id', 'details']).where('action', '=', action).execute();
}

/** Password only: the answer of the agents' form /admin/connexion (or the people's /connexion). */
async function password(app: FastifyInstance, email: string, pass = DEMO_PASSWORD, form = '/admin/connexion') {
  const agent = new Agent(app);
  const response = await agent.submit(form, form, { email, password: pass });
  return { agent, response };
}

/** A person's own account (no role anywhere), email confirmed, made directly in the database. */
async function createPerson(app: FastifyInstance, email: string, pass: string): Promise<string> {
  const id = randomUUID();
  await app.platform.db.insertInto('platform_accounts').values({ id, email, display_name: 'Camille Usager', password_hash: await hashPassword(pass) }).execute();
  await sql`update platform_accounts set email_confirmed_at = now() where id = ${id}`.execute(app.platform.db);
  return id;
}

function step(offset = 0): number {
  return Math.floor(Date.now() / 30_000) + offset;
}

test('an agent enrols before any back-office page: QR code as SVG, the key in groups of 4, a wrong code refused, then 10 recovery codes and a new session', async (t) => {
  const { app } = await buildTestApp(t);
  const { agent, response } = await password(app, EDITOR);
  assert.equal(response.statusCode, 303);
  const sessionBefore = agent.cookie('guichet_session');
  assert.ok(sessionBefore, 'a session opens, without the second factor');

  for (const url of ['/admin', '/admin/t/brest/', '/admin/mot-de-passe']) {
    const refused = await agent.get(url);
    assert.equal(refused.statusCode, 303, url);
    assert.equal(refused.headers.location, `${ENROL}?suite=${encodeURIComponent(url)}`);
  }
  const page = await agent.get(`${ENROL}?suite=%2Fadmin%2Ft%2Fbrest%2F`);
  assert.equal(page.statusCode, 200);
  assert.equal(page.headers['cache-control'], 'no-store');
  assert.match(page.body, /<svg class="mfa-qr"[^>]*role="img"[^>]*>\s*<title id="mfa-qr-titre">/);
  assert.doesNotMatch(page.body, /data:image|<script|style=/);
  assert.match(page.body, /<code class="secret mfa-secret" id="mfa-cle">([A-Z2-7]{4} ){7}[A-Z2-7]{4}<\/code>/);
  assert.match(page.body, /otpauth:\/\/totp\/Guichet:editeur.brest%40demo.guichet.bzh\?/);
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)![1]!;
  assert.ok(!sealed.includes(secret), 'the form carries the key sealed, not in clear');

  // A wrong code: French message next to the field, same key shown again.
  const wrongCode = totpCode(secret, step(-5));
  const wrong = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, suite: '/admin/t/brest/', code: wrongCode });
  assert.equal(wrong.statusCode, 422);
  assert.match(textOf(wrong.body), /Code de vérification : Ce code n'est pas le bon/);
  assert.match(wrong.body, /aria-invalid="true"/);
  assert.equal(secretFrom(wrong.body), secret);
  const letters = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, suite: '/admin', code: 'abc' });
  assert.match(textOf(letters.body), /6 chiffres/);

  // A sealed enrolment of another account does not enrol this one.
  const other = await password(app, demoAgentEmail('lecteur', 'brest'));
  const otherPage = await other.agent.get(ENROL);
  const stolen = await other.agent.post(ENROL, { _csrf: csrfTokenFrom(otherPage.body), enrolment: sealed, code: totpCode(secret) });
  assert.equal(stolen.statusCode, 422);
  assert.match(textOf(stolen.body), /a expiré/);

  const done = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, suite: '/admin/t/brest/', code: totpCode(secret) });
  assert.equal(done.statusCode, 200);
  const codes = [...done.body.matchAll(/<li><code>([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  assert.equal(new Set(codes).size, 10);
  assert.match(done.body, /href="\/admin\/t\/brest\/"/);
  assert.match(textOf(done.body), /Ils ne seront plus jamais affichés/);

  // The session was replaced: the old token is worthless, the new one opens the back office.
  assert.notEqual(agent.cookie('guichet_session'), sessionBefore);
  assert.equal((await app.platform.sessions.get(sessionBefore!)), null);
  assert.equal((await agent.get('/admin/t/brest/')).statusCode, 200);

  // At rest: the key is encrypted, the recovery codes hashed.
  const id = await accountId(app, EDITOR);
  const stored = await app.platform.db.withTables<import('./tables').MfaTables>().selectFrom('mfa_factors').selectAll().where('account_id', '=', id).executeTakeFirstOrThrow();
  assert.match(stored.secret_encrypted, /^v2\.demo\./);
  assert.ok(!stored.secret_encrypted.includes(secret));
  const hashes = await app.platform.db.withTables<import('./tables').MfaTables>().selectFrom('mfa_recovery_codes').selectAll().where('account_id', '=', id).execute();
  assert.equal(hashes.length, 10);
  assert.ok(hashes.every((h) => !codes.some((c) => h.code_hash.includes(c) || h.salt.includes(c))));
  assert.equal(new Set(hashes.map((h) => h.salt)).size, 10, 'one salt per code');
  const audited = await actions(app, 'mfa.enrol');
  assert.equal(audited.length, 1);
  assert.doesNotMatch(JSON.stringify(await app.platform.db.selectFrom('platform_audit').selectAll().execute()), new RegExp(`${secret}|${codes[0]}`));

  // Enrolled: the page now manages the recovery codes, it never offers a new key.
  const manage = await agent.get(ENROL);
  assert.match(textOf(manage.body), /La double authentification est activée depuis le/);
  assert.match(textOf(manage.body), /Il vous reste 10 codes de secours/);
  assert.doesNotMatch(manage.body, /mfa-secret/);
});

test('next sign-in asks the code: the waiting step grants nothing, a wrong or replayed code is refused, a fresh one opens the session', async (t) => {
  const { app } = await buildTestApp(t);
  const { secret, id } = await enrolByHand(app, EDITOR);

  const { agent, response } = await password(app, EDITOR);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, CODE);
  assert.equal(agent.hasCookie('guichet_session'), false, 'no session before the code');
  assert.ok(agent.hasCookie('guichet_mfa'));
  // The waiting sign-in opens nothing.
  const refused = await agent.get('/admin');
  assert.equal(refused.statusCode, 303);
  assert.match(String(refused.headers.location), /^\/admin\/connexion/);

  const page = await agent.get(CODE);
  assert.equal(page.statusCode, 200);
  assert.match(textOf(page.body), /Saisissez votre code de vérification/);
  assert.match(page.body, /autocomplete="one-time-code"/);

  const wrong = await agent.submit(CODE, CODE, { code: totpCode(secret, step(-4)) });
  assert.equal(wrong.statusCode, 422);
  assert.match(textOf(wrong.body), /Ce code n'est pas le bon/);

  // The code of the step used by the last sign-in (or enrolment) is refused: replay.
  const row = await app.platform.db.withTables<import('./tables').MfaTables>().selectFrom('mfa_factors').select('last_used_step').where('account_id', '=', id).executeTakeFirstOrThrow();
  const replayed = await agent.submit(CODE, CODE, { code: totpCode(secret, Number(row.last_used_step)) });
  assert.equal(replayed.statusCode, 422);
  assert.match(textOf(replayed.body), /Ce code a déjà servi/);

  const ok = await agent.submit(CODE, CODE, { code: await freshCode(app, id, secret) });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/admin');
  assert.equal(agent.hasCookie('guichet_mfa'), false);
  const session = await app.platform.sessions.get(agent.cookie('guichet_session')!);
  assert.equal(session?.data.mfa, true);
  assert.equal((await agent.get('/admin/t/brest/')).statusCode, 200);
  // The code page of a finished sign-in is only a "start again" page.
  assert.match(textOf((await agent.get(CODE)).body), /Recommencez la connexion/);

  const failures = await actions(app, 'mfa.verify_failed');
  assert.deepEqual(failures.map((f) => (f.details as { reason: string }).reason).sort(), ['replayed_code', 'wrong_code']);
  assert.ok(failures.every((f) => f.actor_id === id));
  assert.equal((await actions(app, 'mfa.verify')).length, 1);
});


test('after 5 wrong codes the account is locked 15 minutes, even with the right code, with a French message', async (t) => {
  const { app } = await buildTestApp(t);
  const { secret, id } = await enrolByHand(app, EDITOR);
  const { agent } = await password(app, EDITOR);
  for (let i = 0; i < 5; i++) {
    const wrong = await agent.submit(CODE, CODE, { code: totpCode(secret, step(-10 - i)) });
    assert.equal(wrong.statusCode, 422);
  }
  const locked = await agent.submit(CODE, CODE, { code: await freshCode(app, id, secret) });
  assert.equal(locked.statusCode, 429);
  assert.match(textOf(locked.body), /Trop de tentatives\. Vous pourrez réessayer dans 15 minutes/);
  assert.ok(Number(locked.headers['retry-after']) > 800);
  assert.match(locked.body, /href="#champ-code"/);
  assert.equal(agent.hasCookie('guichet_session'), false);
  // Another account from the same address still gets in.
  await signInAs(app, 'lecteur', 'brest');
});

/** Enrols an account through the pages, returning the key it read. */
async function enrolByHand(app: FastifyInstance, email: string, pass = DEMO_PASSWORD): Promise<{ agent: Agent; secret: string; id: string; codes: string[] }> {
  const { agent } = await password(app, email, pass);
  const page = await agent.get(ENROL);
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)![1]!;
  const done = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, code: totpCode(secret) });
  assert.equal(done.statusCode, 200);
  const codes = [...done.body.matchAll(/<li><code>([A-Z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1]!);
  return { agent, secret, id: await accountId(app, email), codes };
}

test('a recovery code replaces the code once, is audited and consumed; new codes need a current code and void the old ones', async (t) => {
  const { app } = await buildTestApp(t);
  const { secret, id, codes } = await enrolByHand(app, EDITOR);
  assert.equal(codes.length, 10);

  const { agent } = await password(app, EDITOR);
  const used = await agent.submit(CODE, CODE, { code: codes[0]!.toLowerCase().replace(/-/g, ' ') });
  assert.equal(used.statusCode, 303, 'typed in lower case with spaces, it still counts');
  assert.equal((await actions(app, 'mfa.recovery_used')).length, 1);
  assert.match(textOf((await agent.get(ENROL)).body), /Il vous reste 9 codes de secours/);

  const again = await password(app, EDITOR);
  const reused = await again.agent.submit(CODE, CODE, { code: codes[0]! });
  assert.equal(reused.statusCode, 422);
  assert.match(textOf(reused.body), /Ce code de secours n'est pas valable/);

  // New codes: a wrong code is refused, a current one gives 10 new codes; the old ones stop working.
  const refused = await agent.submit(ENROL, `${ENROL}/codes-de-secours`, { code: totpCode(secret, step(-6)) });
  assert.equal(refused.statusCode, 422);
  const regenerated = await agent.submit(ENROL, `${ENROL}/codes-de-secours`, { code: await freshCode(app, id, secret) });
  assert.equal(regenerated.statusCode, 200);
  const fresh = [...regenerated.body.matchAll(/<li><code>([A-Z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.equal(fresh.length, 10);
  assert.equal((await actions(app, 'mfa.recovery_regenerate')).length, 1);
  const old = await again.agent.submit(CODE, CODE, { code: codes[1]! });
  assert.equal(old.statusCode, 422);
  const works = await again.agent.submit(CODE, CODE, { code: fresh[3]! });
  assert.equal(works.statusCode, 303);
});

test('a session opened without the code (e.g. copied by single sign-on) must type one; it can never enrol a new key over the old one', async (t) => {
  const { app } = await buildTestApp(t);
  const { secret, id } = await enrolByHand(app, EDITOR);
  const token = await app.platform.sessions.create({ accountId: id, data: { mfa: false, method: 'sso' }, userAgent: 'test' });
  const agent = new Agent(app);
  agent.setCookie('guichet_session', token);
  const sent = await agent.get('/admin/t/brest/');
  assert.equal(sent.statusCode, 303);
  const page = await agent.get(String(sent.headers.location));
  assert.match(textOf(page.body), /déjà activée\. Saisissez le code/);
  assert.doesNotMatch(page.body, /mfa-secret/);
  // Posting an enrolment of its own is taken as a code check, not as a new key.
  const attacker = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: 'v1.x', code: '000000', suite: '/admin/t/brest/' });
  assert.equal(attacker.statusCode, 422);
  const ok = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), code: await freshCode(app, id, secret), suite: '/admin/t/brest/' });
  assert.equal(ok.statusCode, 303);
  assert.equal(ok.headers.location, '/admin/t/brest/');
  assert.notEqual(agent.cookie('guichet_session'), token, 'the session token changes');
  assert.equal((await agent.get('/admin/t/brest/')).statusCode, 200);
});

test('an administrator resets an agent’s factor (audited, sessions ended, enrolment again); refused for agents of tenants they do not administer, and for themselves', async (t) => {
  const { app } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', 'brest');
  const editor = await signInAs(app, 'editeur', 'brest');
  const editorId = await accountId(app, EDITOR);
  const adminId = await accountId(app, demoAgentEmail('administrateur', 'brest'));

  const list = await admin.get('/admin/t/brest/agents');
  assert.match(textOf(list.body), /Double authentification : activée/);
  assert.match(list.body, new RegExp(`href="/admin/t/brest/agents/${editorId}/double-authentification"`));
  const confirm = await admin.get(`/admin/t/brest/agents/${editorId}/double-authentification`);
  assert.equal(confirm.statusCode, 200);
  assert.match(textOf(confirm.body), /Ses sessions ouvertes seront fermées/);

  const reset = await admin.submit(`/admin/t/brest/agents/${editorId}/double-authentification`, `/admin/t/brest/agents/${editorId}/double-authentification`, {});
  assert.equal(reset.statusCode, 303);
  assert.equal(reset.headers.location, '/admin/t/brest/agents?fait=double-authentification');
  assert.match(textOf((await admin.get(String(reset.headers.location))).body), /double authentification .* est réinitialisée/);
  const audited = await actions(app, 'mfa.reset');
  assert.equal(audited.length, 1);
  assert.equal(audited[0]!.tenant_id, 'brest');
  assert.equal(audited[0]!.target_id, editorId);
  assert.equal(audited[0]!.actor_id, adminId);
  // The editor's sessions are over; their next sign-in enrols again.
  assert.equal((await editor.get('/admin')).headers.location, '/admin/connexion?suite=%2Fadmin');
  const again = await password(app, EDITOR);
  assert.equal(again.response.headers.location, '/admin');
  assert.match(String((await again.agent.get('/admin')).headers.location), /^\/admin\/double-authentification/);

  // Oneself: refused.
  const self = await admin.submit('/admin/t/brest/agents', `/admin/t/brest/agents/${adminId}/double-authentification`, {});
  assert.equal(self.statusCode, 409);

  // The reader of Brest also works for Quimper: Brest's administrator may not reset them.
  const readerId = await accountId(app, demoAgentEmail('lecteur', 'brest'));
  await app.platform.db.insertInto('platform_memberships').values({ account_id: readerId, tenant_id: 'quimper', role: 'lecteur' }).execute();
  const csrf = csrfTokenFrom((await admin.get('/admin/t/brest/agents')).body);
  const across = await admin.post(`/admin/t/brest/agents/${readerId}/double-authentification`, { _csrf: csrf });
  assert.equal(across.statusCode, 403);
  assert.match(textOf(across.body), /seul l'opérateur de la plateforme \(un administrateur de la Région\) peut réinitialiser sa double authentification/);
  assert.equal((await admin.get(`/admin/t/brest/agents/${readerId}/double-authentification`)).statusCode, 403);
  // Quimper's administrator cannot reach Brest's agents at all.
  const quimper = await signInAs(app, 'administrateur', 'quimper');
  const foreign = await quimper.submit('/admin', `/admin/t/brest/agents/${readerId}/double-authentification`, {});
  assert.equal(foreign.statusCode, 403);
  // An administrator of the Région (here also administrator of Brest) may.
  const regionAdminId = await accountId(app, demoAgentEmail('administrateur', 'bretagne'));
  await app.platform.db.insertInto('platform_memberships').values({ account_id: regionAdminId, tenant_id: 'brest', role: 'administrateur' }).execute();
  const region = await signInAs(app, 'administrateur', 'bretagne');
  const allowed = await region.submit('/admin/t/brest/agents', `/admin/t/brest/agents/${readerId}/double-authentification`, {});
  assert.equal(allowed.statusCode, 303);
  // Audited in each tenant of the agent: Brest and Quimper.
  assert.deepEqual((await actions(app, 'mfa.reset')).map((row) => row.tenant_id).sort(), ['brest', 'brest', 'quimper']);
});

test('a person turns the optional factor on, is asked the code at next sign-in, and turns it off with the password', async (t) => {
  const { app } = await buildTestApp(t);
  const email = 'camille.usager@example.fr';
  const pass = 'une phrase de passe assez longue';
  const id = await createPerson(app, email, pass);
  assert.ok(app.platform.accountSections.some((s) => s.href === '/mon-compte/double-authentification'));

  // Without a factor, the person signs in with the password alone (people's form); no back office for them.
  const { agent, response } = await password(app, email, pass, '/connexion');
  assert.equal(response.statusCode, 303);
  assert.equal((await agent.get('/admin')).statusCode, 403);
  const page = await agent.get('/mon-compte/double-authentification');
  assert.equal(page.statusCode, 200);
  assert.match(textOf(page.body), /Elle est facultative/);
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)![1]!;
  const on = await agent.post('/mon-compte/double-authentification', { _csrf: csrfTokenFrom(page.body), enrolment: sealed, code: totpCode(secret) });
  assert.equal(on.statusCode, 200);
  assert.equal([...on.body.matchAll(/<li><code>[A-Z0-9-]{14}<\/code><\/li>/g)].length, 10);

  // Next sign-in: the code is asked, on the people's form as on the agents' one.
  const viaAgentsForm = await password(app, email, pass);
  assert.equal(viaAgentsForm.response.headers.location, CODE);
  const next = await password(app, email, pass, '/connexion');
  assert.equal(next.response.headers.location, CODE);
  const ok = await next.agent.submit(CODE, CODE, { code: await freshCode(app, id, secret) });
  assert.equal(ok.statusCode, 303);

  // Off: a wrong password is refused, the right one works; the next sign-in asks nothing.
  const manage = await next.agent.get('/mon-compte/double-authentification');
  assert.match(textOf(manage.body), /Désactiver la double authentification/);
  const wrong = await next.agent.submit('/mon-compte/double-authentification', '/mon-compte/double-authentification/desactiver', { current_code: '', password: 'pas le bon' });
  assert.equal(wrong.statusCode, 422);
  assert.match(textOf(wrong.body), /Mot de passe : Le mot de passe est incorrect/);
  assert.doesNotMatch(wrong.body, /pas le bon/);
  const off = await next.agent.submit('/mon-compte/double-authentification', '/mon-compte/double-authentification/desactiver', { current_code: '', password: pass });
  assert.equal(off.statusCode, 303);
  assert.equal((await actions(app, 'mfa.disable')).length, 1);
  const last = await password(app, email, pass, '/connexion');
  assert.notEqual(last.response.headers.location, CODE);
  assert.ok(last.agent.hasCookie('guichet_session'));

  // An agent cannot turn theirs off.
  const editor = await signInAs(app, 'editeur', 'brest');
  const agentPage = await editor.get('/mon-compte/double-authentification');
  assert.match(textOf(agentPage.body), /la double authentification y est obligatoire/);
  const refused = await editor.submit('/mon-compte/double-authentification', '/mon-compte/double-authentification/desactiver', { current_code: '', password: DEMO_PASSWORD });
  assert.equal(refused.statusCode, 403);
});
