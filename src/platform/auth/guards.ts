import type { FastifyReply, FastifyRequest, preValidationAsyncHookHandler } from 'fastify';
import { audit } from '../audit/audit';
import type { Role } from '../db/tables';
import type { CurrentAccount } from './current-account';
import { ForbiddenError, NotFoundError } from '../http/errors';
import { roleAllows } from './roles';

/** Route config read by the guard and by the test that walks the route table. */
export interface GuardConfig {
  /** The least role needed on the tenant named by the `:tenant` route parameter. */
  tenantRole?: Role;
  /**
   * Roles that `tenantRole` would let in but this route does not: people's applications are read by
   * lecteurs, instructeurs and administrators, not by éditeurs nor conseillers (least privilege).
   */
  exceptRoles?: Role[];
  /** Any signed-in agent (pages that list only the agent's own tenants). */
  agent?: boolean;
  /**
   * Open to an agent whose session has not proved the second factor yet: only the enrolment
   * page. Every other guarded route asks `session.data.mfa === true`.
   */
  beforeSecondFactor?: boolean;
  /** The password page itself: open to an agent who still has a temporary password. */
  passwordChange?: boolean;
  /**
   * Any signed-in account: a person's own pages (/mon-compte, /mes-demarches, an application form).
   * A visitor is sent to /connexion, then back; the handler reads the account with `signedInAccount`.
   */
  person?: boolean;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    guard?: GuardConfig;
  }
}

/** Whether an agent holding `held` in the route's tenant passes its guard's role rule. */
export function guardAllows(rule: Pick<GuardConfig, 'tenantRole' | 'exceptRoles'>, held: Role | undefined): boolean {
  if (!rule.tenantRole || !roleAllows(held, rule.tenantRole)) return false;
  return !(held && held !== 'administrateur' && rule.exceptRoles?.includes(held));
}

/** Where an agent who still has a temporary password is sent (src/modules/backoffice). */
export const PASSWORD_CHANGE_PAGE = '/admin/mot-de-passe';

/** Where an agent whose session has no second factor yet is sent (src/modules/mfa). */
export const SECOND_FACTOR_ENROLMENT = '/admin/double-authentification';

/** Where a person who is not signed in is sent, with the page they wanted. */
export function signInRedirect(request: FastifyRequest): string {
  return `/admin/connexion?suite=${encodeURIComponent(request.url)}`;
}

/** Where a visitor who wanted a person's page is sent, with the page they wanted. */
export function personSignInRedirect(request: FastifyRequest): string {
  return `/connexion?suite=${encodeURIComponent(request.url)}`;
}

const admitted = new WeakMap<FastifyRequest, CurrentAccount>();

/**
 * The account the guard admitted for this request. Only for routes whose config declares a guard:
 * anywhere else it is a programming mistake, refused loudly rather than answered as anonymous.
 */
export function signedInAccount(request: FastifyRequest): CurrentAccount {
  const account = admitted.get(request);
  if (!account) throw new Error(`${request.method} ${request.routeOptions.url ?? request.url}: signedInAccount() on a route without config.guard`);
  return account;
}

/**
 * The one guard of signed-in pages, a person's own as well as the back office. Registered as a
 * preValidation hook on every route (after the body is parsed, before it is validated and before
 * the CSRF check): it reads the route's `config.guard` and refuses what the account may not do.
 */
export const guard: preValidationAsyncHookHandler = async function (request: FastifyRequest, reply: FastifyReply) {
  const rule = request.routeOptions.config.guard;
  if (!rule) return;
  const account = await request.currentAccount();
  if (!account) {
    if (request.method === 'GET') return reply.redirect(rule.person ? personSignInRedirect(request) : signInRedirect(request), 303);
    throw new ForbiddenError('Votre session a expiré. Reconnectez-vous puis recommencez.');
  }
  admitted.set(request, account);
  // A person's own pages ask nothing more: people choose whether to have a second factor, and a
  // sign-in that needs one opens its session only once the code is given.
  if (rule.person) return;
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
    if (!guardAllows(rule, account.roles.get(tenantId))) {
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
