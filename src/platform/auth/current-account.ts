import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changeFeedOf } from '../db/changes';
import type { PlatformTables, Role } from '../db/tables';
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
  const account = await accountWithRoles(db, session.accountId);
  if (!account) return null;
  return {
    id: account.id,
    email: account.email,
    displayName: account.display_name,
    roles: new Map(account.roles),
    mustChangePassword: account.password_must_change,
    session,
    sessionToken: token,
  };
}

type AccountWithRoles = { id: string; email: string; display_name: string; password_must_change: boolean; roles: Array<[string, Role]> };

/**
 * Accounts and their roles, read once per change of either table on any instance
 * (platform/db/changes.ts; triggers of migration 0155): a signed-in page no longer pays two
 * queries for them. Nothing is kept while the change feed is down. The session itself is
 * always read (its expiry and revocation are checked on every request).
 */
const ACCOUNT_TABLES = ['platform_accounts', 'platform_memberships'] as const;
const MAX_KEPT_ACCOUNTS = 10_000;
const keptAccounts = new WeakMap<object, { version: string; byId: Map<string, Promise<AccountWithRoles | undefined>> }>();

function accountWithRoles(db: Kysely<PlatformTables>, id: string): Promise<AccountWithRoles | undefined> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return readAccountWithRoles(db, id);
  const version = feed.version(ACCOUNT_TABLES);
  let kept = keptAccounts.get(db);
  if (!kept || kept.version !== version || kept.byId.size >= MAX_KEPT_ACCOUNTS) keptAccounts.set(db, (kept = { version, byId: new Map() }));
  let account = kept.byId.get(id);
  if (!account) {
    account = readAccountWithRoles(db, id);
    const byId = kept.byId;
    byId.set(id, account);
    account.catch(() => byId.delete(id));
  }
  return account;
}

async function readAccountWithRoles(db: Kysely<PlatformTables>, id: string): Promise<AccountWithRoles | undefined> {
  const account = await db
    .selectFrom('platform_accounts')
    .select(['id', 'email', 'display_name', 'password_must_change'])
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!account) return undefined;
  const memberships = await db.selectFrom('platform_memberships').select(['tenant_id', 'role']).where('account_id', '=', account.id).execute();
  return { ...account, roles: memberships.map((m) => [m.tenant_id, m.role]) };
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
