import { NoQuery, TenantParams } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Role, Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { tenantAdminHome, tenantSections } from '../../platform/views/admin';
import { adminPage, requireAccount } from './admin-page';
import { recentChanges, nameOldTargets } from './journal.store';
import { Dashboard, TenantHome } from './views/dashboard';

export async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  app.get('/admin', { config: { guard: { agent: true } }, schema: { querystring: NoQuery } }, async (request, reply) => {
    const account = await requireAccount(request);
    const memberships: Array<{ tenant: Tenant; role: Role }> = [];
    for (const tenant of platform.tenants.ordered()) {
      const role = account.roles.get(tenant.id);
      if (role) memberships.push({ tenant, role });
    }
    return adminPage(request, reply, {
      title: 'Espace agent',
      crumbs: [],
      current: '/admin',
      main: () => <Dashboard name={account.displayName} memberships={memberships} />,
    });
  });

  app.get('/admin/t/:tenant', { config: { guard: { tenantRole: 'lecteur' } }, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant } = request.params;
    return reply.redirect(tenantAdminHome(tenant), 301);
  });

  app.get('/admin/t/:tenant/', { config: { guard: { tenantRole: 'lecteur' } }, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = platform.tenants.get(request.params.tenant);
    const role = tenant ? account.roles.get(tenant.id) : undefined;
    if (!tenant || !role) throw new NotFoundError();
    const sections = tenantSections(platform, tenant.id, role);
    const recent = await nameOldTargets(await recentChanges(platform.db, tenant.id, platform.tenants.portal().id), tenant.id, platform.auditTargets);
    const journal = sections.find((s) => s.href.endsWith('/journal'));
    return adminPage(
      request,
      reply,
      {
        title: `Gestion de ${tenant.short_name}`,
        heading: `Espace de gestion – ${tenant.name}`,
        crumbs: [],
        current: tenantAdminHome(tenant.id),
        main: () => <TenantHome tenant={tenant} role={role} sections={sections} recent={recent} journalHref={journal?.href} />,
      },
      { tenant },
    );
  });
}
