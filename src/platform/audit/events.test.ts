import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, freshCode, secretFrom, signInAs, totpCode } from '../../../test/support/app';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { hashPassword } from '../auth/passwords';
import { verifyAuditChain } from './chain';

const EDITOR = demoAgentEmail('editeur', 'brest');
const ENROL = '/admin/double-authentification';
const CODE = '/connexion/code';

async function rows(app: FastifyInstance, action: string) {
  const found = await app.platform.db.selectFrom('platform_audit').select(['actor_id', 'tenant_id', 'details', 'ip']).where('action', '=', action).orderBy('seq').execute();
  return found.map((row) => ({ ...row, details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown> }));
}

async function idOf(app: FastifyInstance, email: string): Promise<string> {
  return (await app.platform.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function passwordStep(app: FastifyInstance, email: string, password = DEMO_PASSWORD, form = '/admin/connexion') {
  const agent = new Agent(app);
  const response = await agent.submit(form, form, { email, password });
  return { agent, response };
}

test('an agent’s sign-ins and second-factor events are filed under their tenant, never with a secret', async (t) => {
  const { app } = await buildTestApp(t);
  const id = await idOf(app, EDITOR);

  const wrong = await passwordStep(app, EDITOR, 'pas-le-bon-mot-de-passe');
  assert.equal(wrong.response.statusCode, 422);
  const failed = await rows(app, 'auth.sign_in_failed');
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.tenant_id, 'brest');
  assert.equal(failed[0]!.actor_id, id);

  // Enrolment (the first sign-in opens a session without the factor, then the agent enrols).
  const { agent } = await passwordStep(app, EDITOR);
  const page = await agent.get(ENROL);
  const secret = secretFrom(page.body);
  const sealed = /name="enrolment" value="([^"]+)"/.exec(page.body)![1]!;
  const enrolled = await agent.post(ENROL, { _csrf: csrfTokenFrom(page.body), enrolment: sealed, code: totpCode(secret) });
  assert.equal(enrolled.statusCode, 200);
  const recoveryCodes = [...enrolled.body.matchAll(/<li><code>([A-Z0-9-]{14})<\/code><\/li>/g)].map((m) => m[1]!);
  assert.deepEqual((await rows(app, 'auth.sign_in')).map((r) => r.tenant_id), ['brest']);
  assert.deepEqual((await rows(app, 'mfa.enrol')).map((r) => r.tenant_id), ['brest']);

  // The code page: a wrong code, then the right one; then a recovery code.
  const second = await passwordStep(app, EDITOR);
  assert.equal(second.response.headers.location, CODE);
  assert.equal((await second.agent.submit(CODE, CODE, { code: totpCode(secret, Math.floor(Date.now() / 30_000) - 6) })).statusCode, 422);
  assert.equal((await second.agent.submit(CODE, CODE, { code: await freshCode(app, id, secret) })).statusCode, 303);
  const third = await passwordStep(app, EDITOR);
  assert.equal((await third.agent.submit(CODE, CODE, { code: recoveryCodes[0]! })).statusCode, 303);

  for (const action of ['mfa.verify_failed', 'mfa.verify', 'mfa.recovery_used']) {
    const audited = await rows(app, action);
    assert.equal(audited.length, 1, action);
    assert.equal(audited[0]!.tenant_id, 'brest', action);
    assert.equal(audited[0]!.actor_id, id, action);
  }
  assert.equal((await rows(app, 'auth.sign_in')).filter((r) => r.tenant_id === 'brest').length, 3);
  const trail = JSON.stringify(await app.platform.db.selectFrom('platform_audit').selectAll().execute());
  for (const secretText of ['pas-le-bon-mot-de-passe', DEMO_PASSWORD, secret, recoveryCodes[0]!]) assert.ok(!trail.includes(secretText), 'no secret in the audit trail');
  assert.equal((await verifyAuditChain(app.platform.db)).ok, true);
});

test('an agent of several tenants has them listed; a person’s sign-ins belong to no tenant', async (t) => {
  const { app } = await buildTestApp(t);
  const readerId = await idOf(app, demoAgentEmail('lecteur', 'brest'));
  await app.platform.db.insertInto('platform_memberships').values({ account_id: readerId, tenant_id: 'quimper', role: 'lecteur' }).execute();
  await signInAs(app, 'lecteur', 'brest');
  const [signIn] = await rows(app, 'auth.sign_in');
  assert.equal(signIn!.tenant_id, null);
  assert.deepEqual(signIn!.details.tenants, ['brest', 'quimper']);
  assert.equal(signIn!.details.method, 'password');

  const email = 'camille.usager@example.fr';
  const personId = randomUUID();
  await app.platform.db.insertInto('platform_accounts').values({ id: personId, email, display_name: 'Camille Usager', password_hash: await hashPassword('une phrase de passe assez longue') }).execute();
  await sql`update platform_accounts set email_confirmed_at = now() where id = ${personId}`.execute(app.platform.db);
  assert.equal((await passwordStep(app, email, 'pas la bonne phrase', '/connexion')).response.statusCode, 422);
  assert.equal((await passwordStep(app, email, 'une phrase de passe assez longue', '/connexion')).response.statusCode, 303);
  const personFailure = (await rows(app, 'auth.sign_in_failed')).find((r) => r.actor_id === personId);
  const personSignIn = (await rows(app, 'auth.sign_in')).find((r) => r.actor_id === personId);
  assert.equal(personFailure?.tenant_id, null);
  assert.equal(personFailure?.details.tenants, undefined);
  assert.equal(personSignIn?.tenant_id, null);
  assert.equal(personSignIn?.details.tenants, undefined);
});

test('a request refused because it crosses tenants is audited in the journal of the tenant it aimed at', async (t) => {
  const { app } = await buildTestApp(t);
  const quimper = await signInAs(app, 'administrateur', 'quimper');
  const quimperId = await idOf(app, demoAgentEmail('administrateur', 'quimper'));
  assert.equal((await quimper.get('/admin/t/brest/journal')).statusCode, 403);
  const refused = await quimper.submit('/admin', '/admin/t/brest/identite', { name: 'Pris' });
  assert.equal(refused.statusCode, 403);

  const crossings = await rows(app, 'access.cross_tenant_refused');
  assert.equal(crossings.length, 2);
  for (const row of crossings) {
    assert.equal(row.tenant_id, 'brest');
    assert.equal(row.actor_id, quimperId);
    assert.deepEqual(row.details.tenants, ['quimper']);
  }
  assert.deepEqual(crossings.map((r) => [r.details.method, r.details.route]), [['GET', '/admin/t/:tenant/journal'], ['POST', '/admin/t/:tenant/identite']]);

  // A role too low in one's own tenant is not a crossing.
  const reader = await signInAs(app, 'lecteur', 'brest');
  assert.equal((await reader.get('/admin/t/brest/journal')).statusCode, 403);
  assert.equal((await rows(app, 'access.cross_tenant_refused')).length, 2);

  // Brest's administrator reads it, in French.
  const admin = await signInAs(app, 'administrateur', 'brest');
  const journal = await admin.get('/admin/t/brest/journal?action=access.cross_tenant_refused');
  assert.equal(journal.statusCode, 200);
  assert.match(journal.body, /Accès refusé à un agent d’une autre collectivité/);
});
