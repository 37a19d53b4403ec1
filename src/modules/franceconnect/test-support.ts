import type { LightMyRequestResponse } from 'fastify';
import { Agent, csrfTokenFrom } from '../../../test/support/app';

export { buildListeningTestApp as buildListeningApp } from '../../../test/support/app';

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
