import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit';
import type { Platform } from '../context';
import { clearSessionCookie, setSessionCookie } from './current-account';
import { SESSION_TTL_SECONDS, sessionId, type SessionStore } from './sessions';

/** How a session was opened: shown in "Mes sessions" and written to the audit trail. */
export type SignInMethod = 'password' | 'franceconnect' | 'sso' | 'mail_link';

export interface OpenSessionOptions {
  method: SignInMethod;
  /** Kept with the session (never tokens a person could replay elsewhere, never passwords). */
  data?: Record<string, unknown>;
}

/** What a listener learns about a session that was just opened. */
export interface SessionOpened {
  request: FastifyRequest;
  account: { id: string; displayName: string };
  method: SignInMethod;
  userAgent: string;
}

export type SessionOpenedListener = (event: SessionOpened) => Promise<void>;

/**
 * Listeners run after every openSession, per application (keyed by its Platform object, shared
 * by every encapsulated plugin). The accounts module registers the "new sign-in" notice here:
 * platform/ never imports a module.
 */
const listeners = new WeakMap<Platform, SessionOpenedListener[]>();

export function onSessionOpened(platform: Platform, listener: SessionOpenedListener): void {
  const list = listeners.get(platform) ?? [];
  list.push(listener);
  listeners.set(platform, list);
}

/**
 * The one way a person becomes signed in: a new server-side session (a fresh token, so a
 * token planted before sign-in is worthless), its cookie, the last sign-in date and the audit
 * row; then the listeners (the new sign-in notice). Returns the session token.
 */
export async function openSession(
  request: FastifyRequest,
  reply: FastifyReply,
  account: { id: string; displayName: string },
  options: OpenSessionOptions,
): Promise<string> {
  const { platform } = request.server;
  const { sessions, db, config } = platform;
  const userAgent = String(request.headers['user-agent'] ?? '');
  const token = await sessions.create({
    accountId: account.id,
    data: { ...options.data, method: options.method, ip: request.ip },
    userAgent,
  });
  setSessionCookie(reply, token, config.NODE_ENV === 'production', SESSION_TTL_SECONDS);
  await db.updateTable('platform_accounts').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
  await audit(db, {
    action: 'auth.sign_in',
    actor: { id: account.id, label: account.displayName, ip: request.ip },
    details: { method: options.method },
  });
  for (const listener of listeners.get(platform) ?? []) {
    // A notice that fails (mail server down) never prevents the sign-in.
    await listener({ request, account, method: options.method, userAgent }).catch((error: unknown) =>
      request.log.error({ err: error }, 'session listener failed'),
    );
  }
  return token;
}

/**
 * Replaces the request's session by a new one under a new token, same account and data (a
 * password change): whoever copied the old cookie holds nothing any more. Returns the new token.
 */
export async function rotateSession(request: FastifyRequest, reply: FastifyReply): Promise<string | undefined> {
  const account = await request.currentAccount();
  if (!account) return undefined;
  const { sessions, config } = request.server.platform;
  const token = await sessions.create({ accountId: account.id, data: account.session.data, userAgent: String(request.headers['user-agent'] ?? '') });
  await sessions.destroy(account.sessionToken);
  setSessionCookie(reply, token, config.NODE_ENV === 'production', SESSION_TTL_SECONDS);
  return token;
}

/**
 * The ids of the sessions linked to `id`: the portal session a tenant host's session came from
 * (data.ssoParent), and every session opened through SSO from that portal session. Signing out
 * on one host ends them all.
 */
export async function linkedSessionIds(sessions: SessionStore, accountId: string, id: string): Promise<string[]> {
  const all = await sessions.listFor(accountId);
  const own = all.find((s) => s.id === id);
  const parent = typeof own?.data.ssoParent === 'string' ? own.data.ssoParent : id;
  return all.filter((s) => s.id === parent || s.data.ssoParent === parent).map((s) => s.id);
}

/** Ends one session and the sessions linked to it through SSO; returns how many ended. */
export async function endLinkedSessions(sessions: SessionStore, accountId: string, id: string): Promise<number> {
  const ids = new Set([id, ...(await linkedSessionIds(sessions, accountId, id))]);
  let ended = 0;
  for (const each of ids) if (await sessions.destroyById(accountId, each)) ended += 1;
  return ended;
}

/**
 * Ends the request's session (if any) and the sessions linked to it through SSO (the portal's,
 * other tenant hosts'), clears its cookie and writes the audit row.
 */
export async function closeSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const account = await request.currentAccount();
  if (account) {
    const { sessions, db } = request.server.platform;
    const linked = await endLinkedSessions(sessions, account.id, sessionId(account.sessionToken));
    await sessions.destroy(account.sessionToken);
    await audit(db, {
      action: 'auth.sign_out',
      actor: { id: account.id, label: account.displayName, ip: request.ip },
      details: linked > 1 ? { linkedSessions: linked - 1 } : {},
    });
  }
  clearSessionCookie(reply);
}
