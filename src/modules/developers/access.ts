import type { FastifyInstance } from 'fastify';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { isPlatformOperator } from '../mfa';
import type { Application } from './store';

/**
 * The authorities on whose behalf this account may register and manage applications: those it
 * administers, with a session that proved the second factor (as the back office asks).
 */
export function managedTenants(account: CurrentAccount): string[] {
  if (account.session.data.mfa !== true) return [];
  return [...account.roles].filter(([, role]) => role === 'administrateur').map(([tenant]) => tenant);
}

export function mayManage(account: CurrentAccount, application: Application): boolean {
  if (application.ownerAccountId === account.id) return true;
  return application.ownerTenantId !== null && managedTenants(account).includes(application.ownerTenantId);
}

/** The platform operator (an administrator of the Région, second factor proved). */
export function isOperator(app: FastifyInstance, account: CurrentAccount): boolean {
  return account.session.data.mfa === true && isPlatformOperator(app.platform, account);
}
