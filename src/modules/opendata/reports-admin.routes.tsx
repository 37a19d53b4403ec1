/** A tenant's queue of reported errors (issue 16 c.10): nouveau → en cours → corrigé | rejeté. Every query names the route's tenant. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FormBody, Params, Query, TenantId, TenantParams, Text, Uuid } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, routeTenant } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { actorOf } from './admin.routes';
import { handleReport, NEXT } from './reports-service';
import { STATUSES } from './reports-store';
import { opendataDb, type ReportStatus } from './tables';
import { ReportDetail, ReportQueue } from './views/admin-reports';
import { formatNumber } from '../../platform/views/format';

const PER_PAGE = 20;
const write = { guard: { tenantRole: 'editeur' as const } };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const base = (tenantId: string) => `/admin/t/${encodeURIComponent(tenantId)}/signalements`;
const pageOf = (v: unknown) => (typeof v === 'string' && /^\d{1,4}$/.test(v) && Number(v) > 0 ? Number(v) : 1);

const ReportParams = Params({ tenant: TenantId, id: Uuid });

export async function reportAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = opendataDb(platform.db);
  const crumbs = (tenant: Tenant, label?: string) => [{ label: 'Signalements', href: base(tenant.id) }, ...(label ? [{ label }] : [])];

  app.get('/admin/t/:tenant/signalements', { config: write, schema: { params: TenantParams, querystring: Query({ page: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const page = pageOf(request.query.page);
    const counts = { nouveau: 0, en_cours: 0, corrige: 0, rejete: 0 };
    for (const r of await db.selectFrom('opendata_reports').select(['status', (eb) => eb.fn.countAll<string>().as('n')]).where('tenant_id', '=', tenant.id).groupBy('status').execute()) counts[r.status] = Number(r.n);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const reports = await db
      .selectFrom('opendata_reports')
      .select(['id', 'dataset_id', 'object_title', 'object_url', 'message', 'status', 'answer', 'created_at'])
      .where('tenant_id', '=', tenant.id)
      // Open ones first, then the most recent.
      .orderBy((eb) => eb.case().when('status', 'in', ['nouveau', 'en_cours']).then(0).else(1).end())
      .orderBy('created_at', 'desc')
      .offset((Math.min(page, pages) - 1) * PER_PAGE)
      .limit(PER_PAGE)
      .execute();
    return adminPage(request, reply, { title: 'Signalements d’erreurs', current: base(tenant.id), main: <ReportQueue base={base(tenant.id)} reports={reports} page={Math.min(page, pages)} pages={pages} counts={counts} /> }, { tenant });
  });

  const renderDetail = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, id: string, state: { values: { statut: string; reponse: string }; errors: FieldErrors; saved: boolean }, status = 200) => {
    const report = UUID.test(id) ? await db.selectFrom('opendata_reports').selectAll().where('tenant_id', '=', tenant.id).where('id', '=', id).executeTakeFirst() : undefined;
    if (!report) throw new NotFoundError();
    // The reporter's address is personal data: each agent's reading is journalled.
    if (report.email) await audit(platform.db, { action: 'opendata.report_read', actor: await actorOf(request), tenantId: tenant.id, targetType: 'data_report', targetId: id });
    const title = `Signalement sur « ${report.object_title} »`;
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(state.errors).length ? 'Erreur – ' : ''}${title}`,
        heading: title,
        current: base(tenant.id),
        crumbs: crumbs(tenant, report.object_title),
        main: (csrfToken) => <ReportDetail action={`${base(tenant.id)}/${id}`} report={report} next={NEXT[report.status]} values={state.values} errors={state.errors} saved={state.saved} csrfToken={csrfToken} />,
      },
      { tenant, status },
    );
  };

  app.get('/admin/t/:tenant/signalements/:id', { config: write, schema: { params: ReportParams, querystring: Query({ message: Text }) } }, async (request, reply) =>
    renderDetail(request, reply, routeTenant(request), request.params.id, { values: { statut: '', reponse: '' }, errors: {}, saved: request.query.message === 'enregistre' }),
  );

  app.post('/admin/t/:tenant/signalements/:id', { config: write, schema: { params: ReportParams, body: FormBody({ statut: Text, reponse: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const { id } = request.params;
    if (!UUID.test(id)) throw new NotFoundError();
    const body = request.body;
    const values = { statut: body.statut ?? '', reponse: body.reponse?.trim() ?? '' };
    const errors: FieldErrors = {};
    if (!(STATUSES as readonly string[]).includes(values.statut)) errors.statut = 'Choisissez le nouvel état du signalement.';
    if (values.reponse.length > 2000) errors.reponse = `Écrivez au plus ${formatNumber(2000)} caractères (vous en avez écrit ${formatNumber(values.reponse.length)}).`;
    if ((values.statut === 'rejete') && !values.reponse) errors.reponse = 'Expliquez pourquoi vous ne changez pas l’information.';
    if (Object.keys(errors).length === 0) {
      const outcome = await handleReport(platform, await actorOf(request), tenant.id, id, { status: values.statut as ReportStatus, answer: values.reponse });
      if (outcome === 'not-found') throw new NotFoundError();
      if (outcome === 'done') return reply.redirect(`${base(tenant.id)}/${id}?message=enregistre`, 303);
      errors.statut = 'Ce signalement ne peut plus passer à cet état.';
    }
    return renderDetail(request, reply, tenant, id, { values, errors, saved: false }, 422);
  });
}
