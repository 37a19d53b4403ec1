import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../db/tables';
import type { Session } from './sessions';

export const SESSION_COOKIE = 'guichet_session';

export interface CurrentAccount {
  id: string;
  email: string;
  displayName: string;
  /** tenant id → role */
  roles: Map<string, Role>;
  /** A temporary password is still in use: the back office asks for a new one first. */
  mustChangePassword: boolean;
  session: Session;
  sessionToken: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in account, loaded on first use (public pages never pay for it). */
    currentAccount(): Promise<CurrentAccount | null>;
  }
}

const cache = new WeakMap<FastifyRequest, Promise<CurrentAccount | null>>();

export async function loadCurrentAccount(request: FastifyRequest): Promise<CurrentAccount | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { sessions, db } = request.server.platform;
  const session = await sessions.get(token);
  if (!session?.accountId) return null;
  const account = await db
    .selectFrom('platform_accounts')
    .select(['id', 'email', 'display_name', 'password_must_change'])
    .where('id', '=', session.accountId)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) return null;
  const memberships = await db
    .selectFrom('platform_memberships')
    .select(['tenant_id', 'role'])
    .where('account_id', '=', account.id)
    .execute();
  return {
    id: account.id,
    email: account.email,
    displayName: account.display_name,
    roles: new Map(memberships.map((m) => [m.tenant_id, m.role])),
    mustChangePassword: account.password_must_change,
    session,
    sessionToken: token,
  };
}

export function currentAccount(this: FastifyRequest): Promise<CurrentAccount | null> {
  let loaded = cache.get(this);
  if (!loaded) {
    loaded = loadCurrentAccount(this);
    cache.set(this, loaded);
  }
  return loaded;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
