/** What the aids' back-office route files share: route guards, the acting agent, breadcrumbs. */
import type { FastifyRequest } from 'fastify';
import type { Tenant } from '../../platform/db/tables';
import { requireAccount } from '../../platform/views/admin';
import { aidsAdminBase } from './views/admin';

export const read = { guard: { tenantRole: 'lecteur' as const } };
export const write = { guard: { tenantRole: 'editeur' as const } };
export const SECTION = 'Aides';

/** A page number from the query (1 when absent or not a number). */
export const pageOf = (q: unknown) => (typeof q === 'string' && /^\d{1,5}$/.test(q) ? Math.max(1, Number(q)) : 1);

export async function actorOf(request: FastifyRequest) {
  const account = await requireAccount(request);
  return { id: account.id, label: account.displayName, ip: request.ip };
}

export const crumbs = (tenant: Tenant, label: string) => [{ label: SECTION, href: aidsAdminBase(tenant.id) }, { label }];
