import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NoQuery, Params, Query, Slug, TenantId, TenantParams, Text } from '../../platform/http/route-schemas';
import type { Tenant } from '../../platform/db/tables';
import { audit } from '../../platform/audit/audit';
import { NotFoundError } from '../../platform/http/errors';
import { Notice } from '../../platform/views/components';
import type { Crumb } from '../../platform/views/site';
import { mostUsedProcedures } from '../applications';
import { latestNewsAllTenants, publishedBySlug, publishedList, publishedProPage, publishedTags } from './public-store';
import { sendPublicPage, TenantMemo, type CachedPage } from './page-cache';
import { contentDb } from './store';
import { Article } from './views/article';
import { PortalHome, TenantHome } from './views/home';
import { ContactView, NewsListView, SiteMapView } from './views/public';
import { ReportLink } from '../../platform/views/report-link';

const NEWS_PER_PAGE = 10;

/** The path prefix of a tenant's space as seen from this request's host ('' on its own host). */
export function spaceBaseFor(request: FastifyRequest, tenant: Tenant): string {
  const { tenants } = request.server.platform;
  const hostTenant = tenants.forHost(request.headers.host) ?? tenants.portal();
  return hostTenant.id === tenant.id ? '' : `/collectivites/${tenant.id}`;
}

export function homeCrumb(base: string): Crumb {
  return { label: 'Accueil', href: `${base}/` };
}

function pageNumber(value: unknown): number {
  const n = typeof value === 'string' && /^\d{1,4}$/.test(value) ? Number(value) : 1;
  return Math.max(1, n);
}

const SlugParams = Params({ tenant: TenantId, slug: Slug });
const page = { params: TenantParams, querystring: NoQuery };

export async function publicRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = contentDb(platform.db);
  const memo = new TenantMemo<CachedPage>(platform.db);

  function tenantOf(request: FastifyRequest & { params: { tenant: string } }): { tenant: Tenant; base: string } {
    const tenant = platform.tenants.get(request.params.tenant);
    if (!tenant) throw new NotFoundError();
    return { tenant, base: spaceBaseFor(request, tenant) };
  }

  app.get('/collectivites/:tenant', { schema: page }, async (request, reply) => {
    const { tenant } = tenantOf(request);
    return reply.redirect(`/collectivites/${tenant.id}/`, 301);
  });

  app.get('/collectivites/:tenant/', { schema: page }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    const portal = platform.tenants.portal();
    return sendPublicPage(memo, request, reply, tenant, base, async () => {
      if (tenant.id === portal.id) {
        const [news, pages, procedures] = [await latestNewsAllTenants(db, 6), await publishedList(db, tenant.id, 'page', { offset: 0, limit: 6 }), await mostUsedProcedures(platform.db, 6)];
        return {
          title: 'Accueil',
          heading: `${portal.name}\u00a0: vos services publics en ligne`,
          breadcrumb: [{ label: 'Accueil' }],
          main: <PortalHome portal={portal} base={base} news={news} pages={pages.rows} tenants={platform.tenants.ordered()} procedures={procedures} />,
        };
      }
      const [news, pages] = [
        await publishedList(db, tenant.id, 'news', { offset: 0, limit: 4 }),
        await publishedList(db, tenant.id, 'page', { offset: 0, limit: 12 }),
      ];
      const procedures = await mostUsedProcedures(platform.db, 6, tenant.id);
      return {
        title: 'Accueil',
        heading: tenant.name,
        breadcrumb: [{ label: 'Accueil' }],
        main: (
          <>
            <TenantHome tenant={tenant} base={base} news={news.rows} pages={pages.rows} procedures={procedures} />
            <ReportLink dataset="collectivites" id={tenant.id} />
          </>
        ),
      };
    });
  });

  app.get('/collectivites/:tenant/pages/:slug', { schema: { params: SlugParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    // A page reserved to orientation professionals: only for a conseiller of any tenant, or an
    // agent of the page's own tenant, signed in with the second factor; anyone else gets a 404.
    const account = await request.currentAccount();
    if (account && account.session.data.mfa === true && ([...account.roles.values()].includes('conseiller') || account.roles.has(tenant.id))) {
      const pro = await publishedProPage(db, tenant.id, request.params.slug);
      if (pro) {
        await audit(platform.db, { action: 'content.pro_page_read', actor: { id: account.id, label: account.displayName, ip: request.ip }, tenantId: tenant.id, targetType: 'content_item', targetId: pro.id });
        return reply.header('cache-control', 'no-store').page(
          {
            title: pro.title,
            noindex: true,
            breadcrumb: [homeCrumb(base), { label: pro.title }],
            main: (
              <>
                <Notice title="Page réservée aux professionnels de l’orientation">Elle n’est pas visible du public. Ne la partagez pas.</Notice>
                <Article content={pro} base={base} />
              </>
            ),
            glossary: true,
          },
          { tenant },
        );
      }
    }
    return sendPublicPage(memo, request, reply, tenant, base, async () => {
      const content = await publishedBySlug(db, tenant.id, 'page', request.params.slug);
      if (!content) throw new NotFoundError();
      return { title: content.title, breadcrumb: [homeCrumb(base), { label: content.title }], main: <><Article content={content} base={base} /><ReportLink dataset="pages-actualites" id={content.id} /></>, glossary: true };
    });
  });

  app.get('/collectivites/:tenant/actualites', { schema: { params: TenantParams, querystring: Query({ page: Text, etiquette: Text }) } }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    return sendPublicPage(memo, request, reply, tenant, base, async () => {
      const query = request.query;
      const tag = typeof query.etiquette === 'string' && query.etiquette.trim() ? query.etiquette.trim().slice(0, 40) : undefined;
      const page = pageNumber(query.page);
      const list = await publishedList(db, tenant.id, 'news', { tag, offset: (page - 1) * NEWS_PER_PAGE, limit: NEWS_PER_PAGE });
      const pages = Math.max(1, Math.ceil(list.total / NEWS_PER_PAGE));
      if (page > pages) throw new NotFoundError();
      const tags = await publishedTags(db, tenant.id);
      const title = [tag ? `Actualités : ${tag}` : 'Actualités', pages > 1 ? `page ${page} sur ${pages}` : ''].filter(Boolean).join(', ');
      return {
        title,
        heading: tag ? `Actualités : ${tag}` : 'Actualités',
        breadcrumb: [homeCrumb(base), tag ? { label: 'Actualités', href: `${base}/actualites` } : { label: 'Actualités' }, ...(tag ? [{ label: tag }] : [])],
        main: <NewsListView items={list.rows} base={base} page={page} pages={pages} tag={tag} tags={tags} />,
      };
    });
  });

  app.get('/collectivites/:tenant/actualites/:slug', { schema: { params: SlugParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    return sendPublicPage(memo, request, reply, tenant, base, async () => {
      const content = await publishedBySlug(db, tenant.id, 'news', request.params.slug);
      if (!content) throw new NotFoundError();
      return {
        title: content.title,
        breadcrumb: [homeCrumb(base), { label: 'Actualités', href: `${base}/actualites` }, { label: content.title }],
        main: (
          <>
            <Article content={content} base={base} />
            <ReportLink dataset="pages-actualites" id={content.id} />
          </>
        ),
        glossary: true,
      };
    });
  });

  app.get('/collectivites/:tenant/plan-du-site', { schema: page }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    return sendPublicPage(memo, request, reply, tenant, base, async () => {
      const pages = await publishedList(db, tenant.id, 'page', { offset: 0, limit: 200 });
      return { title: 'Plan du site', breadcrumb: [homeCrumb(base), { label: 'Plan du site' }], main: <SiteMapView base={base} pages={pages.rows} /> };
    });
  });

  app.get('/collectivites/:tenant/contact', { schema: page }, async (request, reply) => {
    const { tenant, base } = tenantOf(request);
    return sendPublicPage(memo, request, reply, tenant, base, async () => ({
      title: 'Contact',
      heading: `Contacter ${tenant.short_name}`,
      breadcrumb: [homeCrumb(base), { label: 'Contact' }],
      main: <ContactView tenant={tenant} />,
    }));
  });
}
