/**
 * Walks the route table of the built application: every POST, PUT, PATCH and DELETE route,
 * whoever registered it and whenever, refuses a request that does not carry the browser's CSRF
 * token — with the French "Formulaire expiré" page (403) and without doing anything. The only
 * routes left out are listed in EXEMPT below, each with its reason: a route added later is
 * walked without touching this file, and an exemption that no longer exists fails the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom, signInAs } from '../../../test/support/app';

const UNSAFE = ['POST', 'PUT', 'PATCH', 'DELETE'];
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';

/**
 * The documented exemptions (docs/identity.md, src/platform/http/csrf.ts), as `METHOD url`
 * exactly as registered. Nothing else may skip the check.
 */
const EXEMPT = new Map<string, string>([
  // oidc-provider answers everything under /oidc but our interaction pages: its token,
  // revocation and introspection endpoints are called by applications (client authentication),
  // its own forms carry its own xsrf token. The request leaves Fastify in onRequest.
  ...['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [`${m} /oidc/*`, 'oidc-provider (Guichet as a provider)'] as const),
  // The FranceConnect stand-in (oidc-provider too): its token endpoint is called by Guichet's
  // relying party; the identity-picking page /demo/franceconnect/interaction/:uid is walked.
  ['POST /demo/franceconnect/*', 'oidc-provider (FranceConnect stand-in)'],
  // Public JSON API: no cookie gives it anything (no session is read), so nothing to forge.
  ['POST /api/v1/eligibilite', 'public JSON API, no cookie authority'],
  // « Signaler une erreur » by the API (issue 16 c.10): anonymous, reads no cookie; rate limited.
  ['POST /api/v1/signalements', 'public JSON API, no cookie authority'],
]);

/**
 * A concrete address for a route pattern (the guard and the CSRF check run before any handler).
 * Parameters keep the form their route's schema declares, or the path is a 404 before the check.
 */
function materialize(url: string): string {
  return url
    .replace(':tenant', 'brest')
    .replace(':groupe', 'adresse')
    .replace('/simulateur/question/:id', '/simulateur/question/commune')
    .replace(':code', 'D1102')
    .replace(':dataset', 'aides')
    .replace(':ref', 'BZH-2026-000001')
    .replace(':section', 'etape')
    .replace(':field', 'champ')
    .replace(':version', '1')
    .replace(/:(\w+)(\([^)]*\))?/g, (_match, _name: string, pattern: string | undefined) => (pattern ? '1' : SAMPLE_ID));
}

function send(agent: Agent, method: string, url: string, fields: Record<string, string>, json = false) {
  return agent.request({
    method: method as 'POST',
    url,
    payload: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
  });
}

const refusedForCsrf = (response: LightMyRequestResponse) => response.statusCode === 403 && /Formulaire expiré/.test(response.body) && /lang="fr"/.test(response.body);

test('every unsafe route refuses a request without the browser’s CSRF token, but the listed exemptions', async (t) => {
  const { app, database } = await buildTestApp(t);
  const unsafe = app.platform.routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => UNSAFE.includes(m)).map((method) => ({ method, url: route.url, guarded: Boolean(route.config?.guard) })),
  );
  const registered = new Set(unsafe.map((r) => `${r.method} ${r.url}`));
  for (const exempt of EXEMPT.keys()) assert.ok(registered.has(exempt), `the exemption "${exempt}" names no route any more: remove it`);
  const walked = unsafe.filter((r) => !EXEMPT.has(`${r.method} ${r.url}`));
  assert.ok(walked.length > 40, `only ${walked.length} routes to walk: the walk is broken`);
  for (const route of walked) assert.ok(!route.url.startsWith('/api/'), `${route.method} ${route.url} is under /api/, where the check is skipped: list it in EXEMPT with its reason, or move it`);

  // An administrator of Brest who passed the second factor: every guard lets them through, so
  // a refusal can only come from the CSRF check (which runs after the guard, before the handler).
  const admin = await signInAs(app, 'administrateur', 'brest');
  const adminToken = csrfTokenFrom((await admin.get('/mon-compte')).body);
  // Another browser's valid token: worthless with this browser's cookie.
  const other = new Agent(app);
  const otherToken = csrfTokenFrom((await other.get('/connexion')).body);
  // A visitor with no cookie at all (the secret cookie is missing).
  const visitor = () => new Agent(app);
  const auditBefore = (await database.db.selectFrom('platform_audit').select('id').execute()).length;

  const failures: string[] = [];
  for (const route of walked) {
    const url = materialize(route.url);
    const label = `${route.method} ${route.url}`;
    const attempts: Array<[string, () => Promise<LightMyRequestResponse>]> = [
      ['without a token', () => send(admin, route.method, url, { nom: 'x' })],
      ['with an empty token', () => send(admin, route.method, url, { _csrf: '' })],
      ['with another browser’s token', () => send(admin, route.method, url, { _csrf: otherToken })],
      ['with a forged token', () => send(admin, route.method, url, { _csrf: `${adminToken.slice(0, -4)}AAAA` })],
      ['as JSON without a token', () => send(admin, route.method, url, { nom: 'x' }, true)],
    ];
    // Unguarded routes (people's forms) are reached by visitors too: no cookie, no way through.
    if (!route.guarded) attempts.push(['from a visitor without cookies', () => send(visitor(), route.method, url, { _csrf: otherToken })]);
    for (const [how, attempt] of attempts) {
      const response = await attempt();
      if (!refusedForCsrf(response)) failures.push(`${label} ${how}: ${response.statusCode} ${response.body.slice(0, 120).replace(/\s+/g, ' ')}`);
    }
  }
  assert.deepEqual(failures, []);

  // Nothing happened: no audit row, and the administrator is still signed in (the sign-out,
  // "close other sessions" and delete-account routes were among those refused).
  assert.equal((await database.db.selectFrom('platform_audit').select('id').execute()).length, auditBefore);
  assert.equal((await admin.get('/mon-compte')).statusCode, 200);
  assert.equal((await admin.get('/admin/t/brest/')).statusCode, 200);
  // The walk is not blanket: the same browser's token goes through the check.
  const accepted = await send(admin, 'POST', '/mon-compte/double-authentification/codes-de-secours', { _csrf: adminToken, code: '' });
  assert.ok(!refusedForCsrf(accepted), `a valid token should pass the check: ${accepted.statusCode}`);
  t.diagnostic(`${walked.length} unsafe routes walked, ${EXEMPT.size} exempt: ${[...EXEMPT.keys()].join(', ')}`);
});
