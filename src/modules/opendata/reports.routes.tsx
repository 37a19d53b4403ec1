/** « Signaler une erreur » (issue 16 c.10): the public form on every object and its API. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Text } from '../../platform/http/route-schemas';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { problems } from '../../platform/api/schemas';
import { ReportBody, ReportCreatedSchema } from './api-schemas';
import { NotFoundError } from '../../platform/http/errors';
import { reportHref } from '../../platform/views/report-link';
import { checkReport, createReport, reportTarget, type ReportInput } from './reports-service';
import { ReportForm, ReportThanks } from './views/report-form';
import { KeptForms } from '../../platform/views/kept-forms';
import type { PageView } from '../../platform/views/layout';

/** Few reports per address: enough for a person, too few for a robot (per IP, shared across instances with Redis). */
const limited = { rateLimit: { max: 10, timeWindow: '1 hour' } };
const problem = (reply: FastifyReply, status: number, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  reply.status(status).type('application/problem+json; charset=utf-8').send({ type: 'about:blank', title, status, detail, ...extra });

/** A dataset's id and the id of one of its objects (a uuid, a slug, a ROME code, a training's id). */
const TargetParams = Params({
  dataset: Type.String({ pattern: '^[a-z][a-z0-9-]{0,59}$', maxLength: 60 }),
  id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,159}$', maxLength: 160 }),
});
/** The report form (views): the message, an address for the answer, and the field robots fill. */
const ReportFormBody = FormBody({ message: Text, courriel: Text, site: Text });

export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const crumbs = (title: string, url: string) => [{ label: 'Accueil', href: '/' }, { label: title, href: url }, { label: 'Signaler une erreur' }];

  const load = async ({ dataset, id }: { dataset: string; id: string }) => {
    const target = await reportTarget(platform, dataset, id);
    if (!target) throw new NotFoundError('Cette page n’existe pas, ou on ne peut pas y signaler d’erreur.');
    return { dataset, id, target };
  };

  const formView = (loaded: Awaited<ReturnType<typeof load>>, values: ReportInput, errors: Record<string, string>, csrfToken: string): PageView => {
    const { target } = loaded;
    const invalid = Object.keys(errors).length > 0;
    return {
      title: `${invalid ? 'Erreur : ' : ''}Signaler une erreur sur « ${target.title} »`,
      heading: 'Signaler une erreur',
      noindex: true,
      breadcrumb: crumbs(target.title, target.url),
      main: (
        <ReportForm
          action={reportHref(loaded.dataset, loaded.id)}
          title={target.title}
          url={target.url}
          producer={platform.tenants.get(target.tenantId)?.name ?? 'la collectivité'}
          values={values}
          errors={errors}
          csrfToken={csrfToken}
        />
      ),
    };
  };
  const renderForm = async (reply: FastifyReply, loaded: Awaited<ReturnType<typeof load>>, values: ReportInput, errors: Record<string, string>, status = 200) =>
    reply.header('cache-control', 'no-store').page(formView(loaded, values, errors, await reply.generateCsrf()), { status });

  /**
   * The empty form, kept rendered per target for visitors without a session until the target's
   * tables (its dataset's), the menu or the tenant directory change; each visitor gets a fresh
   * CSRF token of their own (platform/views/kept-forms.tsx).
   */
  const keptForms = new KeptForms(platform.db, ['content_menu_entries', 'content_items']);
  app.get('/signaler/:dataset/:id', { schema: { params: TargetParams, querystring: NoQuery } }, async (request, reply) => {
    const tables = platform.datasets.find((d) => d.id === request.params.dataset)?.tables ?? [];
    reply.header('cache-control', 'no-store');
    return keptForms.send(request, reply, tables, async (csrfToken) => ({ view: formView(await load(request.params), { message: '', email: '' }, {}, csrfToken) }));
  });

  app.post('/signaler/:dataset/:id', { config: limited, schema: { params: TargetParams, body: ReportFormBody } }, async (request, reply) => {
    const loaded = await load(request.params);
    const body = request.body;
    const { values, errors } = checkReport(body);
    if (Object.keys(errors).length > 0) return renderForm(reply, loaded, values, errors, 422);
    // The hidden field filled: a robot. It gets the same answer as a person, and nothing is kept.
    const robot = body.site !== undefined && body.site !== '';
    if (!robot) await createReport(platform.db, loaded.target, loaded.dataset, loaded.id, values);
    return reply.page({ title: 'Signalement envoyé', noindex: true, breadcrumb: crumbs(loaded.target.title, loaded.target.url), main: <ReportThanks title={loaded.target.title} url={loaded.target.url} email={Boolean(values.email)} /> });
  });

  const schema = {
    operationId: 'signaler-erreur',
    tags: ['donnees'],
    summary: 'Signaler une erreur sur un objet public (aide, lieu, page…) à la collectivité qui le produit',
    description: 'Limite : 10 signalements par heure et par adresse IP.',
    body: ReportBody,
    response: { 201: ReportCreatedSchema, ...problems(400, 404, 422) },
  };
  app.post('/api/v1/signalements', { schema, config: { ...limited, apiScope: 'signalements:ecriture' } }, async (request, reply) => {
    const body = request.body;
    const dataset = body.jeu ?? '';
    const id = body.objet ?? '';
    const target = dataset && id ? await reportTarget(platform, dataset, id) : undefined;
    if (!target) return problem(reply, 404, 'Objet introuvable', 'Aucun objet public ne correspond à ce jeu de données (« jeu ») et à cet identifiant (« objet »).');
    const { values, errors } = checkReport(body);
    if (Object.keys(errors).length > 0) return problem(reply, 422, 'Signalement incomplet', Object.values(errors).join(' '), { errors });
    const created = await createReport(platform.db, target, dataset, id, values);
    return reply.status(201).type('application/json; charset=utf-8').send({ id: created, statut: 'nouveau', objet: { titre: target.title, page: platform.publicUrl + target.url } });
  });
}
