/** « Signaler une erreur » (issue 16 c.10): the public form on every object and its API. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { reportHref } from '../../platform/views/report-link';
import { checkReport, createReport, reportTarget, type ReportInput } from './reports-service';
import { ReportForm, ReportThanks } from './views/report-form';

/** Few reports per address: enough for a person, too few for a robot (per IP, shared across instances with Redis). */
const limited = { rateLimit: { max: 10, timeWindow: '1 hour' } };
const problem = (reply: FastifyReply, status: number, title: string, detail: string, extra: Record<string, unknown> = {}) =>
  reply.status(status).type('application/problem+json; charset=utf-8').send({ type: 'about:blank', title, status, detail, ...extra });

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const crumbs = (title: string, url: string) => [{ label: 'Accueil', href: '/' }, { label: title, href: url }, { label: 'Signaler une erreur' }];

  const load = async (params: unknown) => {
    const { dataset, id } = params as { dataset: string; id: string };
    const target = await reportTarget(platform, dataset, id);
    if (!target) throw new NotFoundError('Cette page n’existe pas, ou on ne peut pas y signaler d’erreur.');
    return { dataset, id, target };
  };

  const renderForm = async (reply: FastifyReply, loaded: Awaited<ReturnType<typeof load>>, values: ReportInput, errors: Record<string, string>, status = 200) => {
    const { target } = loaded;
    const invalid = Object.keys(errors).length > 0;
    return reply
      .header('cache-control', 'no-store')
      .page(
        {
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
              csrfToken={await reply.generateCsrf()}
            />
          ),
        },
        { status },
      );
  };

  app.get('/signaler/:dataset/:id', async (request, reply) => renderForm(reply, await load(request.params), { message: '', email: '' }, {}));

  app.post('/signaler/:dataset/:id', { config: limited }, async (request, reply) => {
    const loaded = await load(request.params);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { values, errors } = checkReport(body);
    if (Object.keys(errors).length > 0) return renderForm(reply, loaded, values, errors, 422);
    // The hidden field filled: a robot. It gets the same answer as a person, and nothing is kept.
    const robot = typeof body.site === 'string' && body.site !== '';
    if (!robot) await createReport(platform.db, loaded.target, loaded.dataset, loaded.id, values);
    return reply.page({ title: 'Signalement envoyé', noindex: true, breadcrumb: crumbs(loaded.target.title, loaded.target.url), main: <ReportThanks title={loaded.target.title} url={loaded.target.url} email={Boolean(values.email)} /> });
  });

  app.post('/api/v1/signalements', { config: { ...limited, apiScope: 'signalements:ecriture' } }, async (request, reply) => {
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const dataset = typeof body.jeu === 'string' ? body.jeu : '';
    const id = typeof body.objet === 'string' ? body.objet : '';
    const target = dataset && id ? await reportTarget(platform, dataset, id) : undefined;
    if (!target) return problem(reply, 404, 'Objet introuvable', 'Aucun objet public ne correspond à ce jeu de données (« jeu ») et à cet identifiant (« objet »).');
    const { values, errors } = checkReport(body);
    if (Object.keys(errors).length > 0) return problem(reply, 422, 'Signalement incomplet', Object.values(errors).join(' '), { errors });
    const created = await createReport(platform.db, target, dataset, id, values);
    return reply.status(201).type('application/json; charset=utf-8').send({ id: created, statut: 'nouveau', objet: { titre: target.title, page: platform.publicUrl + target.url } });
  });
}
