import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { pageInfo, problems } from '../../platform/api/schemas';
import { Type } from '@sinclair/typebox';
import { NoQuery, Params, Query, TenantId, Text } from '../../platform/http/route-schemas';
import { AidsAnswer, AidsQuery } from './api-schemas';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { KeptAnswers, KeptPages } from '../../platform/views/kept-pages';
import './application-port';
import { aidJsonSchema } from './format';
import { exportLine, searchAids, toCsv } from './service';
import { aidsDb, publishedAid, publishedDefinitions } from './store';
import { AidPage } from './views/aid-page';
import { AidsList } from './views/aids-list';
import { ReportLink } from '../../platform/views/report-link';

const TITLE = 'Les aides publiques';
/** What the public pages of aids read: the aids, their forms (« Faire une demande »), the menu. */
const READS = ['aids', 'application_forms', 'content_menu_entries', 'content_items'] as const;

class BadParameterError extends AppError {
  constructor(field: string, detail: string) {
    super(400, 'bad_parameter', 'Paramètre invalide', detail, { [field]: detail });
  }
}

/** An aid's id: a slug. */
export const AidId = Type.String({ pattern: '^[a-z0-9-]{2,120}$', maxLength: 120 });
/** The list's search form (service.ts checks each) and its page. */
const SearchQuery = Query({ q: Text, theme: Text, public: Text, niveau: Text, page: Text });

export async function aidsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = aidsDb(platform.db);
  const kept = new KeptPages(platform.db, READS);
  const keptExport = new KeptAnswers(platform.db, ['aids']);

  app.get('/aides', { schema: { querystring: SearchQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const outcome = await searchAids(db, request.query);
      const invalid = Object.keys(outcome.errors).length > 0;
      const pageNote = outcome.pages > 1 ? `, page ${outcome.page} sur ${outcome.pages}` : '';
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${TITLE}${pageNote}`,
          heading: TITLE,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE }],
          main: (
            <AidsList
              outcome={outcome}
              path="/aides"
              exportHref="/api/v1/aides?"
              intro="Les aides de la Région, des départements, des villes et intercommunalités de Bretagne, et les aides nationales : cherchez par mots ou choisissez un thème, un public, un organisme."
            />
          ),
        },
        status: invalid ? 422 : 200,
      };
    }),
  );

  app.get('/aides/:id', { schema: { params: Params({ id: AidId }), querystring: NoQuery } }, async (request, reply) =>
    kept.send(request, reply, async () => {
      const { id } = request.params;
      const row = await publishedAid(db, id);
      if (!row) throw new NotFoundError('Cette aide n’existe pas ou n’est pas publiée.');
      const aid = row.definition;
      const tenant = platform.tenants.get(row.tenant_id);
      return {
        view: {
          title: aid.name,
          heading: aid.name,
          breadcrumb: [{ label: 'Accueil', href: '/' }, { label: TITLE, href: '/aides' }, { label: aid.name }],
          glossary: true,
          main: (
            <>
              <AidPage aid={aid} tenantName={tenant?.name ?? row.tenant_id} applyHref={(await platform.aidApplications?.hasForm(id)) ? `/aides/${id}` : undefined} />
              <ReportLink dataset="aides" id={id} />
            </>
          ),
        },
      };
    }),
  );

  app.get('/collectivites/:tenant/aides', { schema: { params: Params({ tenant: TenantId }), querystring: SearchQuery } }, async (request, reply) => {
    const tenant = platform.tenants.get(request.params.tenant);
    if (!tenant) throw new NotFoundError();
    return kept.send(request, reply, async () => {
      const outcome = await searchAids(db, request.query, tenant.id);
      const invalid = Object.keys(outcome.errors).length > 0;
      const path = `/collectivites/${tenant.id}/aides`;
      const heading = `Les aides publiées par ${tenant.short_name}`;
      return {
        view: {
          title: `${invalid ? 'Erreur : ' : ''}${heading}`,
          heading,
          breadcrumb: [{ label: 'Accueil', href: `/collectivites/${tenant.id}/` }, { label: 'Aides' }],
          main: (
            <AidsList
              outcome={outcome}
              path={path}
              exportHref={`/api/v1/aides?collectivite=${tenant.id}&`}
              intro={`Les aides que ${tenant.name} publie sur Guichet. Les aides de toutes les collectivités sont sur la page « ${TITLE} » du portail.`}
            />
          ),
        },
        status: invalid ? 422 : 200,
        tenant,
      };
    });
  });

  /** The format of an aid, as JSON Schema (the same as docs/aid.schema.json). */
  app.get('/docs/aid.schema.json', { schema: { querystring: NoQuery } }, async (_request, reply) =>
    reply.type('application/schema+json; charset=utf-8').header('access-control-allow-origin', '*').send(aidJsonSchema()),
  );

  /** Open export of the published aids, of one tenant or of all, as JSON (the format) or CSV. */
  const schema = { operationId: 'lister-aides', tags: ['aides'], summary: 'Export ouvert des aides publiées (format docs/aid-format.md)', querystring: AidsQuery, response: { 200: AidsAnswer, ...problems(400) } };
  app.withTypeProvider<TypeBoxTypeProvider>().get('/api/v1/aides', { schema, config: { apiScope: 'aides:lecture' } }, async (request, reply) => {
    const { query } = request;
    const format = query.format ?? 'json';
    let tenantId: string | undefined;
    if (query.collectivite !== undefined) {
      const tenant = platform.tenants.get(query.collectivite);
      if (!tenant) throw new BadParameterError('collectivite', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
      tenantId = tenant.id;
    }
    const name = `aides-${tenantId ?? 'toutes'}${query.page !== undefined || query.par_page !== undefined ? `-page-${query.page ?? 1}` : ''}`;
    reply
      .header('cache-control', 'public, max-age=300')
      .header('content-disposition', format === 'csv' ? `attachment; filename="${name}.csv"` : `inline; filename="${name}.json"`);
    // A page when asked for one (a list in an application), else every aid (the open export).
    const paged = query.page !== undefined || query.par_page !== undefined;
    const build = async () => {
      const all = await publishedDefinitions(db, tenantId);
      const page = paged ? pageInfo(all.length, query.page ?? 1, query.par_page ?? 20) : undefined;
      const rows = page ? all.slice(page.offset, page.offset + page.par_page) : all;
      if (format === 'csv') return { status: 200, type: 'text/csv; charset=utf-8', text: toCsv(rows.map((r) => exportLine(r.tenant_id, r.definition))) };
      const body = {
        schema: `${platform.publicUrl}/docs/aid.schema.json`,
        sources: `${platform.publicUrl}/sources#aides`,
        collectivite: tenantId ?? null,
        total: all.length,
        ...(page ? { page: page.page, par_page: page.par_page, pages: page.pages } : {}),
        aides: rows.map((r) => ({ collectivite: r.tenant_id, ...r.definition })),
      };
      return { status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(body) };
    };
    // Kept built and compressed until an aid changes on any instance (platform/views/kept-pages.tsx):
    // the answer is the same with or without an API key.
    if (keptExport.keeps(request)) return keptExport.send(request, reply, build);
    const built = await build();
    return reply.type(built.type).send(built.text);
  });
}
