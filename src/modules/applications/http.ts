import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { MAX_DOCUMENT_BYTES } from './documents';
import type { Person } from './service';

/** Route options of a form that sends one document: up to 5 MB, read one byte past so the check can say it is too big. */
export const upload = { multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1 }, throwFileSizeLimit: false } as object };

/** The person the guard admitted, as the service needs them. */
export function personOf(request: FastifyRequest): Person {
  const account = signedInAccount(request);
  return { id: account.id, email: account.email, displayName: account.displayName, ip: request.ip };
}

export function actorOf(account: CurrentAccount, request: FastifyRequest): Actor {
  return { id: account.id, label: account.displayName, ip: request.ip };
}
