import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../../platform/auth/passwords';
import type { PlatformTables } from '../../platform/db/tables';
import { Agent } from '../../../test/support/app';
import { accountsDb } from './store';

export const PERSON_PASSWORD = 'trois chats gris sur le quai';

/** A person's account made directly in the database (tests only). */
export async function createPerson(
  db: Kysely<PlatformTables>,
  input: { email: string; name?: string; password?: string | null; confirmed?: boolean },
): Promise<string> {
  const id = randomUUID();
  const password = input.password === undefined ? PERSON_PASSWORD : input.password;
  await accountsDb(db)
    .insertInto('platform_accounts')
    .values({
      id,
      email: input.email,
      display_name: input.name ?? 'Camille',
      password_hash: password === null ? null : await hashPassword(password),
      email_confirmed_at: input.confirmed === false ? null : new Date(),
    })
    .execute();
  return id;
}

/** Signs a person in through /connexion, as a browser would, with a given User-Agent. */
export async function signInPerson(app: FastifyInstance, email: string, options: { password?: string; host?: string; userAgent?: string } = {}): Promise<Agent> {
  const agent = new Agent(app, options.host ?? 'localhost');
  const page = await agent.get('/connexion');
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const response = await agent.request({
    method: 'POST',
    url: '/connexion',
    payload: new URLSearchParams({ _csrf: token, email, password: options.password ?? PERSON_PASSWORD }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(options.userAgent ? { 'user-agent': options.userAgent } : {}) },
  });
  if (response.statusCode !== 303) throw new Error(`Sign-in of ${email} failed: ${response.statusCode}`);
  return agent;
}
