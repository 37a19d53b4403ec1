import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookie } from './current-account';
import { openSession, type SignInMethod } from './open-session';
import { SESSION_TTL_SECONDS } from './sessions';

export interface CompleteSignInOptions {
  method: SignInMethod;
  /** A path of this site to go to once signed in. */
  next: string;
  /** Kept with the session (e.g. FranceConnect's id_token hint for logout). */
  data?: Record<string, unknown>;
}

/**
 * What the platform asks of the second-factor module (src/modules/mfa registers it): the
 * platform never imports a module, so the module plugs this in at start.
 */
export interface SecondFactorPort {
  /** True when the account has a confirmed second factor. */
  hasFactor(accountId: string): Promise<boolean>;
}

declare module '../context' {
  interface Platform {
    secondFactor?: SecondFactorPort;
  }
}

/** The page asking the code, for agents and people alike (served by src/modules/mfa). */
export const SECOND_FACTOR_CODE_PAGE = '/connexion/code';
/** Cookie holding the token of a sign-in waiting for its code; it grants nothing else. */
export const PENDING_COOKIE = 'guichet_mfa';
export const PENDING_TTL_SECONDS = 10 * 60;

/** A sign-in whose password (or FranceConnect) held, waiting for the second factor. */
export interface PendingSignIn {
  token: string;
  accountId: string;
  displayName: string;
  method: SignInMethod;
  next: string;
  data: Record<string, unknown>;
}

/**
 * Called by every credential check (password, FranceConnect…) once the first factor holds.
 * It decides what comes next: the second factor when the account has one, else the session.
 * Always answers with a redirect.
 *
 * - account with a factor → a pending sign-in (server-side, in the session store, under an
 *   account-less record: it is never a session of anyone) and the code page;
 * - account without one → the session opens with `data.mfa = false`: the guard then sends agents
 *   to enrol before any back-office page; people are free to go on.
 */
export async function completeSignIn(
  request: FastifyRequest,
  reply: FastifyReply,
  account: { id: string; displayName: string },
  options: CompleteSignInOptions,
): Promise<FastifyReply> {
  const { platform } = request.server;
  if (await platform.secondFactor?.hasFactor(account.id)) {
    const pending = {
      accountId: account.id,
      displayName: account.displayName,
      method: options.method,
      next: options.next,
      data: options.data ?? {},
      expiresAt: Date.now() + PENDING_TTL_SECONDS * 1000,
    };
    const token = await platform.sessions.create({ accountId: null, data: { mfaPending: pending }, userAgent: String(request.headers['user-agent'] ?? '') });
    reply.setCookie(PENDING_COOKIE, token, {
      path: SECOND_FACTOR_CODE_PAGE,
      httpOnly: true,
      sameSite: 'lax',
      secure: platform.config.NODE_ENV === 'production',
      maxAge: PENDING_TTL_SECONDS,
    });
    return reply.redirect(SECOND_FACTOR_CODE_PAGE, 303);
  }
  await openSession(request, reply, account, { method: options.method, data: { ...options.data, mfa: false } });
  return reply.redirect(options.next, 303);
}

/** The sign-in waiting for a code in this browser, or null (none, expired, or tampered with). */
export async function readPendingSignIn(request: FastifyRequest): Promise<PendingSignIn | null> {
  const token = request.cookies[PENDING_COOKIE];
  if (!token) return null;
  const record = await request.server.platform.sessions.get(token);
  const pending = record?.accountId === null ? (record.data.mfaPending as (Omit<PendingSignIn, 'token'> & { expiresAt: number }) | undefined) : undefined;
  if (!pending || typeof pending.expiresAt !== 'number' || pending.expiresAt < Date.now()) return null;
  return { token, accountId: pending.accountId, displayName: pending.displayName, method: pending.method, next: pending.next, data: pending.data ?? {} };
}

/** Forgets the waiting sign-in (after success, or when the person starts again). */
export async function dropPendingSignIn(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = request.cookies[PENDING_COOKIE];
  if (token) await request.server.platform.sessions.destroy(token);
  reply.clearCookie(PENDING_COOKIE, { path: SECOND_FACTOR_CODE_PAGE });
}

/** The code held: the waiting sign-in becomes a session with `data.mfa = true`. */
export async function finishPendingSignIn(request: FastifyRequest, reply: FastifyReply, pending: PendingSignIn): Promise<FastifyReply> {
  await dropPendingSignIn(request, reply);
  await openSession(request, reply, { id: pending.accountId, displayName: pending.displayName }, { method: pending.method, data: { ...pending.data, mfa: true } });
  return reply.redirect(pending.next, 303);
}

/**
 * The signed-in person just proved the second factor (enrolment, or a code typed in a session
 * opened without it): the session is replaced by a new one, under a new token, with
 * `data.mfa = true`. The old token is worthless from now on.
 */
export async function upgradeSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const account = await request.currentAccount();
  if (!account) return;
  const { sessions, config } = request.server.platform;
  const token = await sessions.create({
    accountId: account.id,
    data: { ...account.session.data, mfa: true },
    userAgent: String(request.headers['user-agent'] ?? ''),
  });
  await sessions.destroy(account.sessionToken);
  setSessionCookie(reply, token, config.NODE_ENV === 'production', SESSION_TTL_SECONDS);
}
