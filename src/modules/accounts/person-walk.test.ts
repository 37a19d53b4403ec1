/**
 * Walks the route table of the built application: every route of a person's own space
 * (/mon-compte, /mes-demarches, an application form), whoever registered it and whenever, declares
 * the person guard, sends a visitor to /connexion and back, refuses a form posted without a session,
 * and admits a signed-in person. A route added later is covered without touching this file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signedInAccount } from '../../platform/auth/guards';
import { Agent, buildTestApp, csrfTokenFrom } from '../../../test/support/app';
import { createPerson, signInPerson } from './test-support';

/** The addresses only a signed-in account may reach. */
const PERSON_ONLY = [/^\/mon-compte(\/|$)/, /^\/mes-demarches(\/|$)/, /^\/aides\/:id\/demande(\/|$)/];
/** Open on purpose: the link mailed to confirm a new address works without a session. */
const OPEN = new Set(['/mon-compte/adresse/confirmer']);
const SAMPLE_ID = '00000000-0000-4000-8000-000000000001';

function materialize(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => (name === 'id' ? 'bretagne-aide-code-permis' : name === 'ref' ? 'BZH-2026-000001' : SAMPLE_ID));
}

test('every route of a person’s own space declares the person guard, sends visitors to /connexion and admits the person', async (t) => {
  const { app, database } = await buildTestApp(t);
  const routes = app.platform.routes
    .flatMap((route) => (Array.isArray(route.method) ? route.method : [route.method]).map((method) => ({ method, url: route.url, guard: route.config?.guard })))
    .filter((route) => route.method !== 'HEAD' && route.method !== 'OPTIONS');

  const personOnly = routes.filter((route) => PERSON_ONLY.some((pattern) => pattern.test(route.url)) && !OPEN.has(route.url));
  for (const route of personOnly) assert.ok(route.guard?.person || route.guard?.tenantRole || route.guard?.agent, `${route.method} ${route.url} declares no guard in its config`);
  const guarded = routes.filter((route) => route.guard?.person);
  assert.ok(guarded.length >= personOnly.length && guarded.length > 25, `only ${guarded.length} person routes were found: the walk is broken`);

  const visitor = new Agent(app);
  const visitorToken = csrfTokenFrom((await visitor.get('/connexion')).body);
  await createPerson(database.db, { email: 'marche@exemple.fr' });
  const person = await signInPerson(app, 'marche@exemple.fr');

  const failures: string[] = [];
  for (const route of guarded) {
    const url = materialize(route.url);
    const label = `${route.method} ${route.url}`;
    if (route.method === 'GET') {
      const anonymous = await visitor.get(url);
      if (anonymous.statusCode !== 303 || anonymous.headers.location !== `/connexion?suite=${encodeURIComponent(url)}`) failures.push(`${label} as a visitor: ${anonymous.statusCode} ${String(anonymous.headers.location)}`);
      const admitted = await person.get(url);
      if (admitted.statusCode === 403 || String(admitted.headers.location ?? '').startsWith('/connexion')) failures.push(`${label} as a signed-in person: ${admitted.statusCode}`);
    } else {
      const anonymous = await visitor.request({
        method: route.method as 'POST',
        url,
        payload: new URLSearchParams({ _csrf: visitorToken }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      if (anonymous.statusCode !== 403 || !/session a expiré/.test(anonymous.body)) failures.push(`${label} as a visitor: ${anonymous.statusCode}`);
    }
  }
  assert.deepEqual(failures, []);

  // The open exception is open indeed: the mailed link answers without a session.
  const link = await visitor.get('/mon-compte/adresse/confirmer?jeton=inconnu');
  assert.equal(link.statusCode, 400);
});

test('asking for the signed-in account on a route without a guard is a programming mistake, refused loudly', () => {
  assert.throws(() => signedInAccount({ method: 'GET', url: '/x', routeOptions: { url: '/x' } } as never), /without config\.guard/);
});
