import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';

export { adminPage, requireAccount } from '../../platform/views/admin';

/** Who did it, for the audit trail. */
export function actorOf(account: CurrentAccount, request: FastifyRequest): Actor {
  return { id: account.id, label: account.displayName, ip: request.ip };
}
export type { Actor };
