/** A tenant's open data in its back office: the licence of each of its datasets (administrators choose). */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { OpenForm, Query, TenantParams, Text } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit';
import { roleAllows } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { ForbiddenError } from '../../platform/http/errors';
import { datasetSlug } from '../../platform/open-data';
import { adminPage, routeTenant } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { tenantDatasets } from './catalogue';
import { readLicences, saveLicences } from './licence-service';
import { LicencesView } from './views/admin-licences';

export const opendataAdminBase = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/donnees`;
const read = { guard: { tenantRole: 'lecteur' as const } };
const admin = { guard: { tenantRole: 'administrateur' as const } };

export async function actorOf(request: FastifyRequest): Promise<Actor> {
  const account = await request.currentAccount();
  if (!account) throw new ForbiddenError();
  return { id: account.id, label: account.displayName, ip: request.ip };
}

export async function opendataAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;

  const render = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, state: { values: Record<string, string>; errors: FieldErrors; saved: boolean }, status = 200) => {
    const own = await tenantDatasets(platform, tenant.id);
    const canEdit = roleAllows((await request.currentAccount())?.roles.get(tenant.id), 'administrateur');
    const base = opendataAdminBase(tenant.id);
    const invalid = Object.keys(state.errors).length > 0;
    return adminPage(
      request,
      reply,
      {
        title: `${invalid ? 'Erreur – ' : ''}Données ouvertes`,
        heading: 'Données ouvertes',
        current: base,
        main: (csrfToken) => (
          <LicencesView
            action={`${base}/licences`}
            datasets={own.map((d) => ({ id: d.declaration.id, title: d.declaration.title, slug: datasetSlug(d.declaration.id, tenant.id), count: d.count, licence: d.licence }))}
            canEdit={canEdit}
            csrfToken={csrfToken}
            errors={state.errors}
            values={state.values}
            saved={state.saved}
            reportsHref={`/admin/t/${encodeURIComponent(tenant.id)}/signalements`}
          />
        ),
      },
      { tenant, status },
    );
  };

  app.get('/admin/t/:tenant/donnees', { config: read, schema: { params: TenantParams, querystring: Query({ message: Text }) } }, async (request, reply) =>
    render(request, reply, routeTenant(request), { values: {}, errors: {}, saved: request.query.message === 'enregistre' }),
  );

  app.post('/admin/t/:tenant/donnees/licences', { config: admin, schema: { params: TenantParams, body: OpenForm({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const own = await tenantDatasets(platform, tenant.id);
    const { values, errors, chosen } = readLicences(request.body, own.map((d) => d.declaration.id));
    if (Object.keys(errors).length > 0) return render(request, reply, tenant, { values, errors, saved: false }, 422);
    await saveLicences(platform.db, await actorOf(request), tenant.id, chosen, new Map(own.map((d) => [d.declaration.id, d.licence.id])));
    return reply.redirect(`${opendataAdminBase(tenant.id)}?message=enregistre`, 303);
  });
}
