/**
 * Walks the route table of the built application: every back-office route of a tenant, whoever
 * registered it and whenever, must refuse agents of other tenants, people who are not signed
 * in, and agents whose role is too low; every guarded route must refuse a person's own account
 * (a usager, no role anywhere), an agent whose session has not proved the second factor, and a
 * sign-in still waiting for its code. A route added later is covered without touching this file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';
import { DEMO_PASSWORD, demoAgentEmail } from '../../../seed/accounts';
import { hashPassword } from '../../platform/auth/passwords';
import { guardAllows, type GuardConfig } from '../../platform/auth/guards';
import { ROLES } from '../../platform/auth/roles';
import type { Role } from '../../platform/db/tables';

const TENANT = 'brest';
const OTHER_TENANT = 'quimper';
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';
/** Routes that must stay open to people who are not signed in. */
const OPEN_ADMIN_ROUTES = new Set(['/admin/connexion', '/admin/deconnexion']);

interface WalkedRoute {
  method: string;
  url: string;
  role: Role | undefined;
  guard: GuardConfig;
  agentOnly: boolean;
  beforeSecondFactor: boolean;
  /** The route's config declares a back-office guard. */
  guarded: boolean;
}

/** Every registered route, one entry per method. */
function walkedRoutes(app: FastifyInstance): WalkedRoute[] {
  return app.platform.routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({
      method,
      url: route.url,
      role: route.config?.guard?.tenantRole,
      guard: route.config?.guard ?? {},
      agentOnly: Boolean(route.config?.guard?.agent),
      beforeSecondFactor: Boolean(route.config?.guard?.beforeSecondFactor),
      // A person's own pages (guard.person) are walked by accounts/person-walk.test.ts.
      guarded: Boolean(route.config?.guard) && !route.config?.guard?.person,
    })),
  );
}

/** Collects what went wrong, so that one run lists every failing route. */
function failureList() {
  const failures: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  return { failures, expect };
}

/** A concrete address for a route pattern: the tenant, then sample values for other parameters. */
function materialize(url: string, tenant: string): string {
  return url
    .replace(':tenant', tenant)
    .replace(/:(\w+)(\([^)]*\))?/g, (_match, _name: string, pattern: string | undefined) => (pattern ? '1' : SAMPLE_ID))
    .replace(/\*$/, 'x');
}

async function tokenOf(agent: Agent, page: string): Promise<string> {
  return csrfTokenFrom((await agent.get(page)).body);
}

function send(agent: Agent, method: string, url: string, token: string) {
  if (method === 'GET' || method === 'HEAD') return agent.request({ method, url });
  return agent.request({
    method: method as 'POST',
    url,
    payload: new URLSearchParams({ _csrf: token }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
}

test('every back-office route of a tenant refuses other tenants’ agents, visitors and too-low roles', async (t) => {
  const { app, database } = await buildTestApp(t);
  const routes = walkedRoutes(app);

  // Every /admin route but the sign-in ones declares a guard; a tenant's route names a role.
  const adminRoutes = routes.filter((r) => r.url === '/admin' || r.url.startsWith('/admin/'));
  for (const route of adminRoutes) {
    if (OPEN_ADMIN_ROUTES.has(route.url)) continue;
    assert.ok(route.role || route.agentOnly, `${route.method} ${route.url} has no guard in its config`);
  }
  const tenantRoutes = adminRoutes.filter((r) => r.url.startsWith('/admin/t/:tenant'));
  for (const route of tenantRoutes) assert.ok(route.role, `${route.method} ${route.url} names no tenant role`);
  assert.ok(tenantRoutes.length > 10, `only ${tenantRoutes.length} tenant routes were found: the walk is broken`);

  const visitor = new Agent(app);
  const visitorToken = await tokenOf(visitor, '/admin/connexion');
  const outsider = await signInAs(app, 'administrateur', OTHER_TENANT);
  const members = new Map<Role, Agent>();
  for (const role of ROLES) members.set(role, await signInAs(app, role, TENANT));
  const tokens = new Map<Agent, string>([[visitor, visitorToken], [outsider, await tokenOf(outsider, '/admin')]]);
  for (const agent of members.values()) tokens.set(agent, await tokenOf(agent, '/admin'));
  const auditBefore = await database.db.selectFrom('platform_audit').select('id').where('tenant_id', '=', TENANT).execute();

  const { failures, expect } = failureList();
  let walked = 0;
  for (const route of tenantRoutes) {
    const url = materialize(route.url, TENANT);
    const label = `${route.method} ${route.url}`;
    walked++;

    const anonymous = await send(visitor, route.method, url, visitorToken);
    if (route.method === 'GET') {
      expect(anonymous.statusCode === 303 && String(anonymous.headers.location).startsWith('/admin/connexion?suite='), `${label} as a visitor: ${anonymous.statusCode}`);
    } else {
      expect(anonymous.statusCode === 403 && !/Formulaire expiré/.test(anonymous.body), `${label} as a visitor: ${anonymous.statusCode}`);
    }

    const foreign = await send(outsider, route.method, url, tokens.get(outsider)!);
    expect((foreign.statusCode === 403 || foreign.statusCode === 404) && !/Formulaire expiré/.test(foreign.body), `${label} as an agent of ${OTHER_TENANT}: ${foreign.statusCode}`);

    for (const role of ROLES) {
      const agent = members.get(role)!;
      if (!guardAllows(route.guard, role)) {
        const response = await send(agent, route.method, url, tokens.get(agent)!);
        expect(response.statusCode === 403 && !/Formulaire expiré/.test(response.body), `${label} as ${role} of ${TENANT}: ${response.statusCode}`);
      } else if (route.method === 'GET' && !/:(?!tenant)/.test(route.url)) {
        // With the role, a page without other parameters opens: the refusals above are not blanket.
        const response = await send(agent, route.method, url, tokens.get(agent)!);
        expect(response.statusCode < 400, `${label} as ${role} of ${TENANT} should open: ${response.statusCode}`);
      }
    }
  }
  // Pages of any agent (dashboard, own password): a visitor is sent to sign in, or refused.
  for (const route of adminRoutes.filter((r) => r.agentOnly)) {
    const response = await send(visitor, route.method, materialize(route.url, TENANT), visitorToken);
    const ok = route.method === 'GET' ? response.statusCode === 303 && String(response.headers.location).startsWith('/admin/connexion?suite=') : response.statusCode === 403 && !/Formulaire expiré/.test(response.body);
    expect(ok, `${route.method} ${route.url} as a visitor: ${response.statusCode}`);
  }
  assert.deepEqual(failures, []);
  assert.ok(walked > 10);
  t.diagnostic(`${walked} back-office routes walked (${tenantRoutes.map((r) => `${r.method} ${r.url}`).join(', ')})`);

  // The refused requests changed nothing (the allowed ones were only pages, which write no audit)
  // but the journal of the tenant: every request of the other tenant's agent is audited there.
  const auditAfter = await database.db.selectFrom('platform_audit').select('id').where('tenant_id', '=', TENANT).where('action', '!=', 'access.cross_tenant_refused').execute();
  assert.equal(auditAfter.length, auditBefore.length);
  const crossings = await database.db.selectFrom('platform_audit').select(['actor_id', 'details']).where('tenant_id', '=', TENANT).where('action', '=', 'access.cross_tenant_refused').execute();
  assert.equal(crossings.length, tenantRoutes.length);
});

test('a tenant that does not exist answers 404 on its back-office routes, never a page', async (t) => {
  const { app } = await buildTestApp(t);
  const admin = await signInAs(app, 'administrateur', TENANT);
  const routes = app.platform.routes.filter((r) => r.url.startsWith('/admin/t/:tenant') && (r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET'))));
  assert.ok(routes.length > 5);
  for (const route of routes) {
    const response = await admin.get(materialize(route.url, 'nulle-part'));
    assert.equal(response.statusCode, 404, `GET ${route.url}`);
  }
});

/** Signs in with the password only, through the agents' form; returns the browser and where it was sent. */
async function passwordOnly(app: FastifyInstance, email: string, password: string) {
  const agent = new Agent(app);
  const response = await agent.submit('/admin/connexion', '/admin/connexion', { email, password });
  assert.equal(response.statusCode, 303, `password of ${email}`);
  return { agent, location: String(response.headers.location) };
}

test('every guarded route refuses a usager, an agent without the second factor yet, and a sign-in waiting for its code', async (t) => {
  const { app, database } = await buildTestApp(t);
  const guarded = walkedRoutes(app).filter((route) => route.guarded);
  assert.ok(guarded.length > 15, `only ${guarded.length} guarded routes`);

  // A usager: a plain account, no role anywhere, signed in with a password (no second factor).
  const usagerPassword = 'une phrase de passe de usager';
  await database.db
    .insertInto('platform_accounts')
    .values({ id: randomUUID(), email: 'usager.walk@example.fr', display_name: 'Usager Marche', password_hash: await hashPassword(usagerPassword) })
    .execute();
  await sql`update platform_accounts set email_confirmed_at = now() where email = 'usager.walk@example.fr'`.execute(database.db);
  const usager = new Agent(app);
  const usagerSignIn = await usager.submit('/connexion', '/connexion', { email: 'usager.walk@example.fr', password: usagerPassword });
  assert.equal(usagerSignIn.statusCode, 303, 'the usager signs in on the people’s form');
  const usagerToken = await tokenOf(usager, '/mon-compte/double-authentification');

  // An administrator of the tenant who has not enrolled yet: the session opens with mfa = false.
  const newcomerId = randomUUID();
  await database.db.insertInto('platform_accounts').values({ id: newcomerId, email: 'nouvel.admin@brest.example', display_name: 'Nouvel Admin', password_hash: await hashPassword(DEMO_PASSWORD) }).execute();
  await database.db.insertInto('platform_memberships').values({ account_id: newcomerId, tenant_id: TENANT, role: 'administrateur' }).execute();
  const noFactor = (await passwordOnly(app, 'nouvel.admin@brest.example', DEMO_PASSWORD)).agent;
  const noFactorToken = await tokenOf(noFactor, '/admin/double-authentification');
  assert.equal((await app.platform.sessions.get(noFactor.cookie('guichet_session')!))?.data.mfa, false);

  // An enrolled administrator who typed the password but not the code yet.
  await signInAs(app, 'administrateur', TENANT);
  const waiting = await passwordOnly(app, demoAgentEmail('administrateur', TENANT), DEMO_PASSWORD);
  assert.equal(waiting.location, '/connexion/code');
  assert.equal(waiting.agent.hasCookie('guichet_session'), false);
  const waitingToken = await tokenOf(waiting.agent, '/connexion/code');
  const auditBefore = await database.db.selectFrom('platform_audit').select('id').where('tenant_id', '=', TENANT).execute();

  const { failures, expect } = failureList();
  const refusedAsStranger = (response: { statusCode: number; body: string }) => response.statusCode === 403 && !/Formulaire expiré/.test(response.body);
  for (const route of guarded) {
    const url = materialize(route.url, TENANT);
    const label = `${route.method} ${route.url}`;

    const asUsager = await send(usager, route.method, url, usagerToken);
    expect(refusedAsStranger(asUsager), `${label} as a usager: ${asUsager.statusCode}`);

    const asWaiting = await send(waiting.agent, route.method, url, waitingToken);
    if (route.method === 'GET') {
      expect(asWaiting.statusCode === 303 && String(asWaiting.headers.location).startsWith('/admin/connexion?suite='), `${label} waiting for the code: ${asWaiting.statusCode} ${asWaiting.headers.location}`);
    } else {
      expect(refusedAsStranger(asWaiting), `${label} waiting for the code: ${asWaiting.statusCode}`);
    }

    const asNoFactor = await send(noFactor, route.method, url, noFactorToken);
    if (route.beforeSecondFactor) {
      expect(route.method !== 'GET' || asNoFactor.statusCode === 200, `${label} is where an agent enrols: ${asNoFactor.statusCode}`);
    } else if (route.method === 'GET') {
      expect(
        asNoFactor.statusCode === 303 && String(asNoFactor.headers.location).startsWith('/admin/double-authentification?suite='),
        `${label} without the second factor: ${asNoFactor.statusCode} ${asNoFactor.headers.location}`,
      );
    } else {
      expect(refusedAsStranger(asNoFactor), `${label} without the second factor: ${asNoFactor.statusCode}`);
    }
  }
  assert.deepEqual(failures, []);
  t.diagnostic(`${guarded.length} guarded routes walked as a usager, without second factor, and waiting for the code`);
  const auditAfter = await database.db.selectFrom('platform_audit').select('id').where('tenant_id', '=', TENANT).execute();
  assert.equal(auditAfter.length, auditBefore.length);
});

test('least privilege: an éditeur cannot instruct applications, an instructeur cannot edit aids nor pages', async (t) => {
  const { app } = await buildTestApp(t);
  const tenant = 'bretagne';
  const aid = `/admin/t/${tenant}/aides/bretagne-aide-code-permis`;
  const file = `/admin/t/${tenant}/demandes/${SAMPLE_ID}`;
  const editor = await signInAs(app, 'editeur', tenant);
  const instructor = await signInAs(app, 'instructeur', tenant);
  const editorToken = await tokenOf(editor, '/admin');
  const instructorToken = await tokenOf(instructor, '/admin');

  // Both read the aids (lecteur's rights); people's applications are read by the instructeur, not the éditeur.
  for (const agent of [editor, instructor]) assert.equal((await agent.get(`/admin/t/${tenant}/aides`)).statusCode, 200);
  assert.equal((await instructor.get(`/admin/t/${tenant}/demandes`)).statusCode, 200);
  assert.equal((await editor.get(`/admin/t/${tenant}/demandes`)).statusCode, 403, 'an éditeur does not read people’s applications');
  // The instructing actions: the guard refuses the éditeur (403) and lets the instructeur reach
  // the handler (404: the sample application does not exist).
  for (const action of ['statut', 'pieces', 'message', 'notes', 'decision']) {
    const refused = await send(editor, 'POST', `${file}/${action}`, editorToken);
    assert.equal(refused.statusCode, 403, `éditeur → ${action}`);
    assert.match(refused.body, /Votre rôle dans cette collectivité ne permet pas cette action/);
    assert.equal((await send(instructor, 'POST', `${file}/${action}`, instructorToken)).statusCode, 404, `instructeur → ${action}`);
  }
  // Editing an aid, its application form, a page: the éditeur's work, refused to the instructeur.
  assert.equal((await editor.get(aid)).statusCode, 200);
  assert.equal((await instructor.get(aid)).statusCode, 403);
  assert.equal((await send(instructor, 'POST', aid, instructorToken)).statusCode, 403);
  assert.equal((await send(instructor, 'POST', `${aid}/formulaire`, instructorToken)).statusCode, 403);
  assert.equal((await instructor.get(`/admin/t/${tenant}/aides/nouvelle`)).statusCode, 403);
  assert.equal((await instructor.get(`/admin/t/${tenant}/contenus/nouveau`)).statusCode, 403);
  assert.equal((await editor.get(`/admin/t/${tenant}/contenus/nouveau`)).statusCode, 200);
  // The back office's menu offers each only what its role opens.
  const home = (await instructor.get(`/admin/t/${tenant}/`)).body;
  assert.match(home, /Votre rôle dans .*<span class="badge badge--success">Instructeur<\/span>/s);
  assert.match(home, /href="\/admin\/t\/bretagne\/demandes"/);
  assert.doesNotMatch(home, /href="\/admin\/t\/bretagne\/agents"/);
});
