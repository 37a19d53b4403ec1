/**
 * The authorities and their published content as an API: /api/v1/collectivites,
 * /api/v1/collectivites/{tenant}, its pages and its news (published versions only, never a
 * draft nor a page reserved to professionals).
 */
import { NoQuery } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { Nullable, pageInfo, Paginated, PaginationQuery, problems, SlugParam, TenantParams } from '../../platform/api/schemas';
import type { Tenant } from '../../platform/db/tables';
import { AppError, NotFoundError } from '../../platform/http/errors';
import { KeptAnswers } from '../../platform/views/kept-pages';
import { renderMarkdownCached } from './markdown';
import { publishedBySlug, publishedList, type PublishedContent, type PublishedSummary } from './public-store';
import { contentDb } from './store';
import type { ContentKind } from './tables';

const TenantSchema = Type.Object(
  {
    id: Type.String({ examples: ['brest'] }),
    nom: Type.String(),
    nom_court: Type.String(),
    type: Type.Union([Type.Literal('region'), Type.Literal('departement'), Type.Literal('epci'), Type.Literal('commune')]),
    code_cog: Type.String({ description: 'Code officiel géographique (INSEE) : région, département, SIREN de l’EPCI ou commune.' }),
    parent: Nullable(Type.String({ description: 'La collectivité qui la contient sur Guichet.' })),
    description: Type.String(),
    contact: Type.Object({ courriel: Type.String(), telephone: Type.String(), adresse: Type.String() }),
    page: Type.String({ format: 'uri', description: 'Son espace sur Guichet.' }),
    pages: Type.String({ format: 'uri', description: 'Ses pages, dans l’API.' }),
    actualites: Type.String({ format: 'uri', description: 'Ses actualités, dans l’API.' }),
    aides: Type.String({ format: 'uri', description: 'Ses aides, dans l’API.' }),
    rejointe_le: Type.String({ format: 'date-time' }),
  },
  { $id: 'Collectivite' },
);

const summaryProperties = {
  id: Type.String(),
  slug: Type.String(),
  titre: Type.String(),
  resume: Type.String(),
  etiquettes: Type.Array(Type.String()),
  collectivite: Type.String(),
  publie_le: Type.String({ format: 'date-time' }),
  modifie_le: Type.String({ format: 'date-time' }),
  page: Type.String({ format: 'uri', description: 'La page sur Guichet.' }),
};
const ContentSummarySchema = Type.Object(summaryProperties, { $id: 'ContenuResume' });
const ContentSchema = Type.Object(
  { ...summaryProperties, corps_markdown: Type.String({ description: 'Le texte, en Markdown.' }), corps_html: Type.String({ description: 'Le texte, en HTML assaini.' }) },
  { $id: 'Contenu' },
);

const ListQuery = Type.Object({ etiquette: Type.Optional(Type.String({ maxLength: 40, description: 'Seulement les contenus qui portent cette étiquette.' })), ...PaginationQuery });
const ItemParams = Type.Object({ ...TenantParams.properties, slug: SlugParam('L’identifiant du contenu dans l’adresse de sa page.') });

const KINDS: Record<'pages' | 'actualites', { kind: ContentKind; label: string; singular: string; path: string }> = {
  pages: { kind: 'page', label: 'pages', singular: 'une page', path: 'pages' },
  actualites: { kind: 'news', label: 'actualités', singular: 'une actualité', path: 'actualites' },
};

export async function contentApiRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = contentDb(platform.db);
  const kept = new KeptAnswers(platform.db, ['content_items']);
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const scope = { apiScope: 'collectivites:lecture' as const };
  const base = (t: string) => `${platform.publicUrl}/collectivites/${t}`;

  const tenantOf = (id: string): Tenant => {
    const tenant = platform.tenants.get(id);
    if (!tenant) throw new AppError(404, 'not_found', 'Collectivité introuvable', 'Aucune collectivité de Guichet ne porte cet identifiant (par exemple « bretagne » ou « brest »).');
    return tenant;
  };
  const toTenant = (t: Tenant) => ({
    id: t.id,
    nom: t.name,
    nom_court: t.short_name,
    type: t.kind,
    code_cog: t.cog_code,
    parent: t.parent_id,
    description: t.description,
    contact: { courriel: t.contact_email, telephone: t.contact_phone, adresse: t.contact_address },
    page: `${base(t.id)}/`,
    pages: `${platform.publicUrl}/api/v1/collectivites/${t.id}/pages`,
    actualites: `${platform.publicUrl}/api/v1/collectivites/${t.id}/actualites`,
    aides: `${platform.publicUrl}/api/v1/aides?collectivite=${t.id}`,
    rejointe_le: new Date(t.joined_at).toISOString(),
  });
  const toSummary = (c: PublishedSummary, path: string) => ({
    id: c.id,
    slug: c.slug,
    titre: c.title,
    resume: c.summary,
    etiquettes: c.tags,
    collectivite: c.tenant_id,
    publie_le: new Date(c.published_at).toISOString(),
    modifie_le: new Date(c.updated_at).toISOString(),
    page: `${base(c.tenant_id)}/${path}/${c.slug}`,
  });

  api.get(
    '/api/v1/collectivites',
    {
      schema: {
        operationId: 'lister-collectivites', querystring: NoQuery,
        tags: ['collectivites'],
        summary: 'Les collectivités de Guichet : région, départements, intercommunalités, communes',
        response: { 200: Type.Object({ total: Type.Integer(), resultats: Type.Array(TenantSchema) }, { description: 'Toutes les collectivités, de la région aux communes.' }), ...problems() },
      },
      config: scope,
    },
    async (_request, reply) => {
      const all = platform.tenants.ordered().map(toTenant);
      return reply.type('application/json; charset=utf-8').send({ total: all.length, resultats: all });
    },
  );

  api.get(
    '/api/v1/collectivites/:tenant',
    { schema: { operationId: 'lire-collectivite', querystring: NoQuery, tags: ['collectivites'], summary: 'Une collectivité', params: TenantParams, response: { 200: TenantSchema, ...problems(404) } }, config: scope },
    async (request, reply) => reply.type('application/json; charset=utf-8').send(toTenant(tenantOf(request.params.tenant))),
  );

  for (const [segment, what] of Object.entries(KINDS)) {
    api.get(
      `/api/v1/collectivites/:tenant/${segment}`,
      {
        schema: {
          operationId: `lister-${segment}`,
          tags: ['collectivites'],
          summary: `Les ${what.label} publiées par une collectivité`,
          description: what.kind === 'news' ? 'Les plus récentes d’abord.' : 'Par ordre alphabétique de titre.',
          params: TenantParams,
          querystring: ListQuery,
          response: { 200: Paginated(ContentSummarySchema, `Une page de ${what.label}.`), ...problems(400, 404) },
        },
        config: scope,
      },
      async (request, reply) => {
        const tenant = tenantOf(request.params.tenant);
        const build = async () => {
          const { page, par_page: perPage, etiquette } = request.query;
          const first = pageInfo(0, page, perPage);
          const list = await publishedList(db, tenant.id, what.kind, { tag: etiquette?.trim() || undefined, offset: first.offset, limit: first.par_page });
          const { offset: _offset, ...paging } = pageInfo(list.total, page, perPage);
          return { ...paging, resultats: list.rows.map((c) => toSummary(c, what.path)) };
        };
        if (!kept.keeps(request)) return reply.type('application/json; charset=utf-8').send(await build());
        return kept.send(request, reply, async () => ({ status: 200, type: 'application/json; charset=utf-8', text: JSON.stringify(await build()) }));
      },
    );

    api.get(
      `/api/v1/collectivites/:tenant/${segment}/:slug`,
      {
        schema: {
          operationId: `lire-${segment === 'pages' ? 'page' : 'actualite'}`, querystring: NoQuery,
          tags: ['collectivites'],
          summary: `${what.singular[0]!.toUpperCase()}${what.singular.slice(1)} publiée par une collectivité, avec son texte`,
          params: ItemParams,
          response: { 200: ContentSchema, ...problems(404) },
        },
        config: scope,
      },
      async (request, reply) => {
        const tenant = tenantOf(request.params.tenant);
        const content: PublishedContent | undefined = await publishedBySlug(db, tenant.id, what.kind, request.params.slug);
        if (!content) throw new NotFoundError(`La collectivité n’a pas publié ${what.singular} à cette adresse.`);
        return reply.type('application/json; charset=utf-8').send({
          ...toSummary(content, what.path),
          corps_markdown: content.body,
          corps_html: renderMarkdownCached(`${content.id}:${content.version}`, content.body),
        });
      },
    );
  }
}
