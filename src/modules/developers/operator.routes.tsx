import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FormBody, NoQuery, Params, Query, Text, TextFields, Uuid } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit } from '../../platform/audit/audit';
import { signedInAccount } from '../../platform/auth/guards';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors';
import { SCOPES, type ApiScope } from '../../platform/http/api-access';
import type { FieldErrors } from '../../platform/views/form';
import { isOperator } from './access';
import { actorOf } from './apps.routes';
import { allApplications, findApplication, quotasOf, setQuotas, setSuspended } from './store';
import { usageOf } from './usage';
import { OPERATOR, PORTAL } from './views/docs';
import { OperatorList, QuotaForm } from './views/operator';

const agent = { config: { guard: { agent: true } } } as const;
const DONE: Record<string, string> = { suspendue: 'L’application est suspendue : ses clés sont refusées.', reactivee: 'L’application est réactivée.', quotas: 'Les quotas sont enregistrés.' };

/** The platform operator's view of every application: usage, quotas, « Suspendre » / « Réactiver » (audited). */
const AppParams = Params({ id: Uuid });
/** The quota form (views): per minute and per day, then the same per scope. */
const QuotaBody = FormBody(TextFields(['minute', 'jour', ...Object.keys(SCOPES).flatMap((scope) => [`minute-${scope}`, `jour-${scope}`])]));

export async function operatorRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const { db } = platform;
  const crumbs = [{ label: 'Accueil', href: '/' }, { label: 'Développeurs', href: PORTAL }];

  const operator = (request: FastifyRequest) => {
    const account = signedInAccount(request);
    if (!isOperator(app, account)) throw new ForbiddenError('Cette page est réservée à l’opérateur de la plateforme (un administrateur de la Région).');
    return account;
  };
  const page = (reply: FastifyReply, title: string, main: preact.JSX.Element, status = 200, extra: Array<{ label: string; href?: string }> = []) =>
    reply.header('cache-control', 'no-store').page({ title, heading: title, noindex: true, breadcrumb: [...crumbs, ...extra, { label: title }], main }, { status, tenant: platform.tenants.portal() });

  app.get(OPERATOR, { ...agent, schema: { querystring: Query({ fait: Text }) } }, async (request, reply) => {
    operator(request);
    const applications = await allApplications(db);
    const totals = new Map<string, { requests: number; errors: number }>();
    for (const a of applications) {
      const usage = await usageOf(db, [a.id]);
      totals.set(a.id, { requests: usage.reduce((s, u) => s + u.requests, 0), errors: usage.reduce((s, u) => s + u.errors, 0) });
    }
    const done = DONE[request.query.fait ?? ''];
    return page(reply, 'Applications de l’API', <OperatorList applications={applications} totals={totals} csrfToken={await reply.generateCsrf()} done={done} />);
  });

  app.post(`${OPERATOR}/:id/suspension`, { ...agent, schema: { params: AppParams, body: FormBody({ action: Text, motif: Text }) } }, async (request, reply) => {
    const account = operator(request);
    const application = await findApplication(db, request.params.id);
    if (!application) throw new NotFoundError('Cette application n’existe pas.');
    const body = request.body;
    const suspend = body.action === 'suspendre';
    const reason = body.motif?.trim() ? body.motif.trim().slice(0, 200) : null;
    await setSuspended(db, application.id, suspend, reason);
    await audit(db, { action: suspend ? 'developer.application_suspended' : 'developer.application_reactivated', actor: actorOf(account, request), tenantId: application.ownerTenantId, targetType: 'developer_application', targetId: application.id, details: reason ? { reason } : {} });
    return reply.redirect(`${OPERATOR}?fait=${suspend ? 'suspendue' : 'reactivee'}`, 303);
  });

  const quotaPage = async (request: FastifyRequest, reply: FastifyReply, id: string, values?: Record<string, string>, errors: FieldErrors = {}) => {
    operator(request);
    const application = await findApplication(db, id);
    if (!application) throw new NotFoundError('Cette application n’existe pas.');
    const current: Record<string, string> = { minute: String(application.perMinute), jour: String(application.perDay) };
    for (const [scope, q] of await quotasOf(db, application.id)) Object.assign(current, { [`minute-${scope}`]: String(q.perMinute), [`jour-${scope}`]: String(q.perDay) });
    return page(reply, `Quotas de « ${application.name} »`, <QuotaForm application={application} values={values ?? current} errors={errors} csrfToken={await reply.generateCsrf()} />, Object.keys(errors).length ? 422 : 200, [{ label: 'Applications de l’API', href: OPERATOR }]);
  };

  app.get(`${OPERATOR}/:id`, { ...agent, schema: { params: AppParams, querystring: NoQuery } }, async (request, reply) => quotaPage(request, reply, request.params.id));

  app.post(`${OPERATOR}/:id`, { ...agent, schema: { params: AppParams, body: QuotaBody } }, async (request, reply) => {
    const account = operator(request);
    const application = await findApplication(db, request.params.id);
    if (!application) throw new NotFoundError('Cette application n’existe pas.');
    const body: Record<string, string | undefined> = request.body;
    const values: Record<string, string> = {};
    const errors: FieldErrors = {};
    const count = (name: string, required: boolean): number | undefined => {
      const raw = body[name]?.trim() ?? '';
      values[name] = raw;
      if (raw === '') {
        if (required) errors[name] = 'Indiquez un nombre de requêtes.';
        return undefined;
      }
      if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) {
        errors[name] = 'Un nombre entier, au moins 1.';
        return undefined;
      }
      return Number(raw);
    };
    const perMinute = count('minute', true);
    const perDay = count('jour', true);
    const perScope = new Map<ApiScope, { perMinute: number; perDay: number }>();
    for (const scope of Object.keys(SCOPES) as ApiScope[]) {
      const m = count(`minute-${scope}`, false);
      const d = count(`jour-${scope}`, false);
      if ((m === undefined) !== (d === undefined) && !errors[`minute-${scope}`] && !errors[`jour-${scope}`]) errors[`jour-${scope}`] = 'Donnez les deux quotas de cette portée, ou aucun.';
      else if (m !== undefined && d !== undefined) perScope.set(scope, { perMinute: m, perDay: d });
    }
    if (Object.keys(errors).length || perMinute === undefined || perDay === undefined) return quotaPage(request, reply, application.id, values, errors);
    await setQuotas(db, application.id, { perMinute, perDay }, perScope);
    await audit(db, { action: 'developer.quotas_changed', actor: actorOf(account, request), tenantId: application.ownerTenantId, targetType: 'developer_application', targetId: application.id, details: { perMinute, perDay, scopes: Object.fromEntries(perScope) } });
    return reply.redirect(`${OPERATOR}?fait=quotas`, 303);
  });
}
