import { createServer, type AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { Agent, buildTestApp, csrfTokenFrom, type TestApp } from '../../../test/support/app';
import type { Config } from '../../config';

/** A port the system says is free now (the app then listens on it, its PUBLIC_URL known). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * The whole app listening on a real port, PUBLIC_URL set to it: openid-client (the relying
 * party) calls the stand-in's discovery, token and userinfo endpoints over real HTTP.
 */
export async function buildListeningApp(t: Parameters<typeof buildTestApp>[0], overrides: Partial<Config> = {}): Promise<TestApp & { origin: string }> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const built = await buildTestApp(t, { PUBLIC_URL: origin, ...overrides });
  await built.app.listen({ port, host: '127.0.0.1' });
  return { ...built, origin };
}

/** The path and query of a Location header (absolute ones point at this same app). */
export function pathOf(location: string | string[] | number | undefined): string {
  const value = String(location ?? '');
  const url = new URL(value, 'http://localhost');
  return `${url.pathname}${url.search}`;
}

/** Follows redirects with the agent's cookies until a page answers (or `stopAt` matches). */
export async function follow(agent: Agent, response: LightMyRequestResponse, stopAt?: RegExp): Promise<{ response: LightMyRequestResponse; path: string }> {
  let current = response;
  let path = '';
  for (let i = 0; i < 10 && current.statusCode >= 300 && current.statusCode < 400; i++) {
    path = pathOf(current.headers.location);
    if (stopAt?.test(path)) return { response: current, path };
    current = await agent.get(path);
  }
  return { response: current, path };
}

/**
 * Signs in with FranceConnect through the stand-in as one of its test identities: the button,
 * the authorization request, the identity picked on the stand-in's page, the answer checked by
 * Guichet. Returns the last answer (Guichet's redirect after sign-in, or an error page).
 */
export async function franceConnectAs(agent: Agent, identity: string, options: { start?: LightMyRequestResponse; next?: string; stopAtCallback?: boolean } = {}) {
  const start = options.start ?? (await agent.get(`/franceconnect/connexion?suite=${encodeURIComponent(options.next ?? '/mon-compte/profil')}`));
  if (start.statusCode !== 303) throw new Error(`The flow did not start: ${start.statusCode} ${start.body.slice(0, 300)}`);
  const authorize = pathOf(start.headers.location);
  const { response: pick, path: pickPath } = await follow(agent, await agent.get(authorize));
  if (pick.statusCode !== 200 || !pickPath.includes('/interaction/')) throw new Error(`No identity page: ${pick.statusCode} ${pickPath} ${pick.body.slice(0, 500)}`);
  const picked = await agent.post(pickPath, { _csrf: csrfTokenFrom(pick.body), identite: identity });
  const { response: callback, path: callbackPath } = await follow(agent, picked, /^\/franceconnect\/retour/);
  if (!callbackPath.startsWith('/franceconnect/retour')) throw new Error(`No callback: ${callback.statusCode} ${callbackPath} ${callback.body.slice(0, 500)}`);
  if (options.stopAtCallback) return { response: callback, callbackPath };
  return { response: await agent.get(callbackPath), callbackPath };
}

/** A person's account with a password (confirmed address), signed in through /connexion. */
export async function personWithPassword(app: import('fastify').FastifyInstance, email: string, displayName = 'Personne de test'): Promise<{ agent: Agent; id: string }> {
  const { randomUUID } = await import('node:crypto');
  const { sql } = await import('kysely');
  const { hashPassword } = await import('../../platform/auth/passwords');
  const id = randomUUID();
  const password = 'Un-mot-de-passe-solide-2026';
  await app.platform.db.insertInto('platform_accounts').values({ id, email, display_name: displayName, password_hash: await hashPassword(password) }).execute();
  await sql`update platform_accounts set email_confirmed_at = now() where id = ${id}`.execute(app.platform.db);
  const agent = new Agent(app);
  const response = await agent.submit('/connexion', '/connexion', { email, password });
  if (response.statusCode !== 303) throw new Error(`Sign-in of ${email} failed: ${response.statusCode} ${response.body.slice(0, 500)}`);
  return { agent, id };
}
