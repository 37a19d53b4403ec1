import { Query, TenantParams, Text } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage } from './admin-page';
import { journalActions, journalPage, nameOldTargets } from './journal.store';
import { JournalPage } from './views/journal';

export async function journalRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  app.get('/admin/t/:tenant/journal', { config: { guard: { tenantRole: 'administrateur' } }, schema: { params: TenantParams, querystring: Query({ action: Text, page: Text }) } }, async (request, reply) => {
    const tenant = platform.tenants.get(request.params.tenant);
    if (!tenant) throw new NotFoundError();
    const query = request.query;
    const action = typeof query.action === 'string' && /^[a-z0-9_.-]{1,60}$/.test(query.action) ? query.action : undefined;
    const requested = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? Number(query.page) : 1;
    const page = Math.max(1, requested);
    const [result, actions] = [await journalPage(platform.db, tenant.id, platform.tenants.portal().id, { action, page }), await journalActions(platform.db, tenant.id)];
    if (page > result.pages) throw new NotFoundError("Cette page du journal n'existe pas.");
    const entries = await nameOldTargets(result.entries, tenant.id, platform.auditTargets);
    const base = `/admin/t/${tenant.id}/journal`;
    return adminPage(
      request,
      reply,
      {
        title: `Journal${page > 1 ? ` – page ${page}` : ''}`,
        heading: `Journal de ${tenant.short_name}`,
        crumbs: [{ label: 'Journal' }],
        current: base,
        main: () => <JournalPage tenant={tenant} entries={entries} actions={actions} action={action} page={page} pages={result.pages} total={result.total} base={base} />,
      },
      { tenant },
    );
  });
}
