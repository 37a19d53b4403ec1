import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { audit } from '../audit/audit';
import type { Role } from '../db/tables';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { roleAllows } from './roles';

/** Route config read by the guard and by the test that walks the route table. */
export interface GuardConfig {
  /** The least role needed on the tenant named by the `:tenant` route parameter. */
  tenantRole?: Role;
  /** Any signed-in agent (pages that list only the agent's own tenants). */
  agent?: boolean;
  /**
   * Open to an agent whose session has not proved the second factor yet: only the enrolment
   * page. Every other guarded route asks `session.data.mfa === true`.
   */
  beforeSecondFactor?: boolean;
  /** The password page itself: open to an agent who still has a temporary password. */
  passwordChange?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: GuardConfig;
  }
}

/** Where an agent who still has a temporary password is sent (src/modules/backoffice). */
export const PASSWORD_CHANGE_PAGE = '/admin/mot-de-passe';

/** Where an agent whose session has no second factor yet is sent (src/modules/mfa). */
export const SECOND_FACTOR_ENROLMENT = '/admin/double-authentification';

/** Where a person who is not signed in is sent, with the page they wanted. */
export function signInRedirect(request: FastifyRequest): string {
  return `/admin/connexion?suite=${encodeURIComponent(request.url)}`;
}

/**
 * The one guard of the back office. Registered as a preValidation hook on every route (after the
 * body is parsed, before it is validated and before the CSRF check): it reads the
 * route's `config.guard` and refuses what the signed-in account may not do.
 */
export const guard: preValidationAsyncHookHandler = async function (request: FastifyRequest, reply: FastifyReply) {
  const rule = request.routeOptions.config.guard;
  if (!rule) return;
  const account = await request.currentAccount();
  if (!account) {
    if (request.method === 'GET') return reply.redirect(signInRedirect(request), 303);
    throw new ForbiddenError('Votre session a expiré. Reconnectez-vous puis recommencez.');
  }
  // The back office is for agents: an account with no role anywhere (a person's own account) is refused.
  if ((rule.tenantRole || rule.agent) && account.roles.size === 0) {
    throw new ForbiddenError("Cet espace est réservé aux agents des collectivités. Votre espace personnel est « Mon compte ».");
  }
  // Strong authentication: a session that has not proved the second factor reaches nothing but enrolment.
  if (!rule.beforeSecondFactor && account.session.data.mfa !== true) {
    if (request.method === 'GET') return reply.redirect(`${SECOND_FACTOR_ENROLMENT}?suite=${encodeURIComponent(request.url)}`, 303);
    throw new ForbiddenError('Confirmez d’abord votre connexion avec la double authentification, puis recommencez.');
  }
  // A temporary password given by an administrator is replaced before anything else.
  if (account.mustChangePassword && !rule.passwordChange && !rule.beforeSecondFactor) {
    if (request.method === 'GET') return reply.redirect(`${PASSWORD_CHANGE_PAGE}?obligatoire=1`, 303);
    throw new ForbiddenError('Choisissez d’abord votre propre mot de passe, puis recommencez.');
  }
  if (rule.tenantRole) {
    const tenantId = (request.params as { tenant?: string }).tenant;
    if (!tenantId || !request.server.platform.tenants.get(tenantId)) throw new NotFoundError();
    if (!roleAllows(account.roles.get(tenantId), rule.tenantRole)) {
      if (!account.roles.has(tenantId)) {
        // An agent of another tenant: the tenant they tried to reach reads it in its journal.
        await audit(request.server.platform.db, {
          action: 'access.cross_tenant_refused',
          actor: { id: account.id, label: account.displayName, ip: request.ip },
          tenantId,
          details: { method: request.method, route: request.routeOptions.url ?? '', tenants: [...account.roles.keys()].sort() },
        });
      }
      throw new ForbiddenError(
        account.roles.has(tenantId)
          ? "Votre rôle dans cette collectivité ne permet pas cette action. Demandez-le à l'administrateur de votre collectivité."
          : "Vous n'êtes pas agent de cette collectivité.",
      );
    }
  }
};
