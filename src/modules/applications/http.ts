import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { Key, Params, TenantId } from '../../platform/http/route-schemas';
import type { Actor } from '../../platform/audit/audit';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { MAX_DOCUMENT_BYTES } from './documents';
import type { Person } from './service';
import { AidId } from '../aids';

/** An aid's identifier in a path, as the aids module declares it. */
export { AidId };
/** An application's number (`BZH-2026-000123`). */
export const Reference = Type.String({ pattern: '^BZH-[0-9]{4}-[0-9]{6,12}$', maxLength: 30 });
/** `/admin/t/:tenant/aides/:id…` */
export const TenantAidParams = Params({ tenant: TenantId, id: AidId });
/** A step of the person's form: a section's id, `verification` or `deposer`. */
export const StepParams = Params({ id: AidId, step: Key });
/** A request whose route declares (at least) these params. */
export type WithParams<P> = FastifyRequest & { params: P };

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
