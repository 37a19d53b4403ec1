import type { FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../audit/audit';
import { clearSessionCookie, setSessionCookie } from './current-account';
import { SESSION_TTL_SECONDS } from './sessions';

/** How a session was opened: shown in "Mes sessions" and written to the audit trail. */
export type SignInMethod = 'password' | 'franceconnect' | 'sso';

export interface OpenSessionOptions {
  method: SignInMethod;
  /** Kept with the session (never tokens a person could replay elsewhere, never passwords). */
  data?: Record<string, unknown>;
}

/**
 * The one way a person becomes signed in: a new server-side session (a fresh token, so a
 * token planted before sign-in is worthless), its cookie, the last sign-in date and the audit
 * row. Returns the session token.
 */
export async function openSession(
  request: FastifyRequest,
  reply: FastifyReply,
  account: { id: string; displayName: string },
  options: OpenSessionOptions,
): Promise<string> {
  const { sessions, db, config } = request.server.platform;
  const token = await sessions.create({
    accountId: account.id,
    data: { ...options.data, method: options.method, ip: request.ip },
    userAgent: String(request.headers['user-agent'] ?? ''),
  });
  setSessionCookie(reply, token, config.NODE_ENV === 'production', SESSION_TTL_SECONDS);
  await db.updateTable('platform_accounts').set({ last_sign_in_at: new Date() }).where('id', '=', account.id).execute();
  await audit(db, {
    action: 'auth.sign_in',
    actor: { id: account.id, label: account.displayName, ip: request.ip },
    details: { method: options.method },
  });
  return token;
}

/** Ends the request's session (if any), clears its cookie and writes the audit row. */
export async function closeSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const account = await request.currentAccount();
  if (account) {
    await request.server.platform.sessions.destroy(account.sessionToken);
    await audit(request.server.platform.db, {
      action: 'auth.sign_out',
      actor: { id: account.id, label: account.displayName, ip: request.ip },
    });
  }
  clearSessionCookie(reply);
}
