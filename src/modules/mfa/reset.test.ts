import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { demoAgentEmail } from '../../../seed/accounts';
import { createPerson } from '../accounts/test-support';
import { textOf } from '../backoffice/test-support';

async function accountId(app: FastifyInstance, email: string): Promise<string> {
  return (await app.platform.db.selectFrom('platform_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function audited(app: FastifyInstance, action: string) {
  return app.platform.db.selectFrom('platform_audit').select(['actor_id', 'tenant_id', 'target_id', 'details']).where('action', '=', action).orderBy('id').execute();
}

async function factorOf(app: FastifyInstance, id: string) {
  return app.platform.db.withTables<{ mfa_factors: { account_id: string } }>().selectFrom('mfa_factors').select('account_id').where('account_id', '=', id).executeTakeFirst();
}

test('an agent of two tenants: neither tenant’s administrator may reset the factor or close the sessions (refusal explained and audited); the platform operator does it from the Région’s page', async (t) => {
  const { app } = await buildTestApp(t);
  const readerId = await accountId(app, demoAgentEmail('lecteur', 'brest'));
  const reader = await signInAs(app, 'lecteur', 'brest');
  await app.platform.db.insertInto('platform_memberships').values({ account_id: readerId, tenant_id: 'quimper', role: 'lecteur' }).execute();
  const brest = await signInAs(app, 'administrateur', 'brest');
  const base = `/admin/t/brest/agents/${readerId}`;

  // The list says who to ask, and offers no link.
  const list = await brest.get('/admin/t/brest/agents');
  assert.match(textOf(list.body), /est aussi agent d’une autre collectivité : pour réinitialiser sa double authentification ou fermer ses sessions, adressez-vous à l’opérateur de la plateforme/);
  assert.doesNotMatch(list.body, new RegExp(`href="${base}/(double-authentification|sessions)"`));
  for (const [path, what] of [
    ['double-authentification', 'réinitialiser sa double authentification'],
    ['sessions', 'fermer ses sessions'],
  ] as const) {
    const page = await brest.get(`${base}/${path}`);
    assert.equal(page.statusCode, 403);
    assert.match(textOf(page.body), new RegExp(`aussi agent d'une autre collectivité : seul l'opérateur de la plateforme \\(un administrateur de la Région\\) peut ${what}`));
    const refused = await brest.post(`${base}/${path}`, { _csrf: csrfTokenFrom(list.body) });
    assert.equal(refused.statusCode, 403);
  }
  assert.ok(await factorOf(app, readerId), 'the factor is still there');
  assert.equal((await reader.get('/admin')).statusCode, 200, 'the sessions are still open');
  const refusals = await audited(app, 'agents.act_refused');
  assert.deepEqual(
    refusals.map((r) => [r.tenant_id, r.target_id, (r.details as { act: string }).act, (r.details as { reason: string }).reason]),
    [
      ['brest', readerId, 'mfa_reset', 'other_tenants'],
      ['brest', readerId, 'sessions_close', 'other_tenants'],
    ],
  );

  // The platform operator (administrator of the Région, not of Brest nor Quimper) finds the agent on the Région's page.
  const operator = await signInAs(app, 'administrateur', 'bretagne');
  const regionPage = await operator.get('/admin/t/bretagne/agents');
  assert.match(textOf(regionPage.body), /Agents de plusieurs collectivités \(1\)/);
  assert.match(textOf(regionPage.body), /Brest \(Lecteur\), Quimper \(Lecteur\)/);
  const close = `/admin/t/bretagne/agents/${readerId}/sessions`;
  assert.match(regionPage.body, new RegExp(`href="${close}"`));
  assert.equal((await operator.get(close)).statusCode, 200);
  const closed = await operator.submit(close, close, {});
  assert.equal(closed.statusCode, 303);
  assert.equal(closed.headers.location, '/admin/t/bretagne/agents?fait=sessions');
  assert.equal((await reader.get('/admin')).statusCode, 303, 'the agent’s sessions are closed');
  assert.deepEqual((await audited(app, 'agents.sessions_closed')).map((r) => r.tenant_id), ['bretagne', 'brest', 'quimper']);

  const reset = `/admin/t/bretagne/agents/${readerId}/double-authentification`;
  assert.equal((await operator.submit(reset, reset, {})).statusCode, 303);
  assert.equal(await factorOf(app, readerId), undefined);
  assert.deepEqual((await audited(app, 'mfa.reset')).map((r) => r.tenant_id), ['bretagne', 'brest', 'quimper']);

  // A tenant's administrator cannot use the Région's routes, nor name a person with no membership there.
  assert.equal((await brest.post(close, { _csrf: csrfTokenFrom(list.body) })).statusCode, 403);
});

test('an administrator closes the sessions of an agent of their tenant alone; not their own', async (t) => {
  const { app } = await buildTestApp(t);
  const editor = await signInAs(app, 'editeur', 'brest');
  const editorId = await accountId(app, demoAgentEmail('editeur', 'brest'));
  const adminId = await accountId(app, demoAgentEmail('administrateur', 'brest'));
  const admin = await signInAs(app, 'administrateur', 'brest');
  const list = await admin.get('/admin/t/brest/agents');
  assert.match(list.body, new RegExp(`href="/admin/t/brest/agents/${editorId}/sessions"`));
  const page = await admin.get(`/admin/t/brest/agents/${editorId}/sessions`);
  assert.match(textOf(page.body), /toutes ses sessions ouvertes, sur tous les appareils, seront fermées/);
  const closed = await admin.submit(`/admin/t/brest/agents/${editorId}/sessions`, `/admin/t/brest/agents/${editorId}/sessions`, {});
  assert.equal(closed.statusCode, 303);
  assert.match(textOf((await admin.get(String(closed.headers.location))).body), /Les sessions de l'agent sont fermées/);
  assert.equal((await editor.get('/admin')).statusCode, 303);
  assert.ok(await factorOf(app, editorId), 'closing sessions keeps the factor');
  const rows = await audited(app, 'agents.sessions_closed');
  assert.deepEqual(rows.map((r) => [r.tenant_id, r.actor_id, r.target_id]), [['brest', adminId, editorId]]);

  const self = await admin.post(`/admin/t/brest/agents/${adminId}/sessions`, { _csrf: csrfTokenFrom(list.body) });
  assert.equal(self.statusCode, 409);
  assert.deepEqual((await audited(app, 'agents.act_refused')).map((r) => (r.details as { reason: string }).reason), ['self']);
  // A person (no membership) is nobody's agent, even for the operator.
  const operator = await signInAs(app, 'administrateur', 'bretagne');
  const person = await createPerson(app.platform.db, { email: 'camille.usager@example.fr' });
  assert.equal((await operator.submit('/admin/t/bretagne/agents', `/admin/t/bretagne/agents/${person}/sessions`, {})).statusCode, 404);
});
