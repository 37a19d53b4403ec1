import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { ForbiddenError } from '../../platform/http/errors';

/**
 * The signed-in person of a page of /mon-compte. A visitor is sent to /connexion (then back);
 * a form posted without a session is refused. Returns null once it has answered.
 */
export async function signedInPerson(request: FastifyRequest, reply: FastifyReply): Promise<CurrentAccount | null> {
  const account = await request.currentAccount();
  if (account) return account;
  if (request.method !== 'GET') throw new ForbiddenError('Votre session a expiré. Reconnectez-vous puis recommencez.');
  await reply.redirect(`/connexion?suite=${encodeURIComponent(request.url)}`, 303);
  return null;
}

/** A path of this site to go to after signing in: anything else becomes /mon-compte. */
export function safeNext(next: unknown, fallback = '/mon-compte'): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.length > 500) return fallback;
  return next;
}
