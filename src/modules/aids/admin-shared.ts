/** What the aids' back-office route files share: route guards, the acting agent, breadcrumbs. */
import type { FastifyRequest } from 'fastify';
import { roleAllows } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { Params, TenantId } from '../../platform/http/route-schemas';
import { AidId } from './routes';
import { requireAccount, routeTenant } from '../../platform/views/admin';
import { tenantAid, type AidsDb } from './store';
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

/** May the signed-in agent edit this tenant's aids (to show or hide the editing buttons)? */
export const canEdit = async (request: FastifyRequest, tenantId: string) => roleAllows((await request.currentAccount())?.roles.get(tenantId), 'editeur');

/** `/admin/t/:tenant/aides/:id…` */
export const AidParams = Params({ tenant: TenantId, id: AidId });

/** The route's tenant and its aid named by `:id`; another tenant's aid is 404. */
export async function routeAid(db: AidsDb, request: FastifyRequest & { params: { id: string } }) {
  const tenant = routeTenant(request);
  const row = await tenantAid(db, tenant.id, request.params.id);
  if (!row) throw new NotFoundError('Cette aide n’existe pas dans votre collectivité.');
  return { tenant, row };
}

export const crumbs = (tenant: Tenant, label: string) => [{ label: SECTION, href: aidsAdminBase(tenant.id) }, { label }];
