import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NoQuery } from '../../platform/http/route-schemas';
import type { VNode } from 'preact';
import type { Tenant } from '../../platform/db/tables';
import { datasets } from './sources';
import { measurePairs, paletteFor } from '../../platform/assets/palette';
import { AccessibilityStatement } from './views/accessibility';
import { CharterPage } from './views/charter';
import { AuthoritiesPage, type AuthorityView } from './views/authorities';
import { LegalNotice } from './views/legal-notice';
import { PersonalData } from './views/personal-data';
import { SourcesPage } from './views/sources';

interface SharedPage {
  path: string;
  title: string;
  main: (context: { request: FastifyRequest; reply: FastifyReply; publisher: Tenant; contactHref: string }) => VNode | Promise<VNode>;
}

/** Logos up to this size are inlined as data: URIs: the list then costs no extra request. */
const INLINE_LOGO_MAX_BYTES = 16_384;

/**
 * The authorities' logos as data: URIs (SVG are sanitized at upload, PNG checked), so that the
 * list of 13 or 300 authorities stays within the page's request budget. Bigger logos are
 * loaded lazily from /media.
 */
async function logoSources(request: FastifyRequest, reply: FastifyReply, tenants: Tenant[]): Promise<Map<string, string>> {
  const ids = tenants.flatMap((t) => (t.logo_media_id ? [t.logo_media_id] : []));
  const sources = new Map<string, string>();
  if (ids.length === 0) return sources;
  const media = await request.server.platform.db
    .selectFrom('platform_media')
    .select(['id', 'content_type', 'bytes'])
    .where('id', 'in', ids)
    .execute();
  for (const item of media) {
    if (item.bytes.byteLength <= INLINE_LOGO_MAX_BYTES && /^image\/(svg\+xml|png)$/.test(item.content_type)) {
      sources.set(item.id, `data:${item.content_type};base64,${Buffer.from(item.bytes).toString('base64')}`);
    }
  }
  if (sources.size > 0) allowDataImages(reply);
  return sources;
}

/** Adds data: to this response's img-src, keeping the rest of the platform's policy. */
function allowDataImages(reply: FastifyReply) {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  reply.header('content-security-policy', policy.replace(/img-src ([^;]*)/, (directive) => (directive.includes('data:') ? directive : `${directive} data:`)));
}

/** The authority's own site, on the scheme and port this request came in with. */
function ownSite(request: FastifyRequest, tenant: Tenant): string | undefined {
  if (!tenant.host) return undefined;
  const port = /:(\d+)$/.exec(request.headers.host ?? '')?.[1];
  return `${request.protocol}://${tenant.host}${port ? `:${port}` : ''}/`;
}

const PAGES: SharedPage[] = [
  {
    path: '/accessibilite',
    title: 'Accessibilité',
    main: ({ publisher, contactHref }) => <AccessibilityStatement publisher={publisher} contactHref={contactHref} />,
  },
  { path: '/mentions-legales', title: 'Mentions légales', main: ({ publisher }) => <LegalNotice publisher={publisher} /> },
  {
    path: '/donnees-personnelles',
    title: 'Données personnelles',
    main: ({ request, publisher, contactHref }) => <PersonalData publisher={publisher} contactHref={contactHref} register={request.server.platform.personalData} />,
  },
  { path: '/sources', title: 'Sources des données', main: () => <SourcesPage datasets={datasets()} /> },
  {
    path: '/charte',
    title: 'Charte graphique',
    main: ({ request, reply }) => {
      const tenant = request.tenant();
      allowDataImages(reply); // the colour samples are data: SVG images
      return <CharterPage pairs={measurePairs(paletteFor(tenant.accent_color))} tenantName={tenant.name} accent={tenant.accent_color} />;
    },
  },
  {
    path: '/collectivites/',
    title: 'Collectivités participantes',
    main: async ({ request, reply }) => {
      const { tenants } = request.server.platform;
      const ordered = tenants.ordered();
      const logos = await logoSources(request, reply, ordered);
      const authorities: AuthorityView[] = ordered.map((tenant) => ({
        tenant,
        parent: tenant.parent_id ? tenants.get(tenant.parent_id) : undefined,
        ownSite: ownSite(request, tenant),
        logo: tenant.logo_media_id ? (logos.get(tenant.logo_media_id) ?? `/media/${tenant.logo_media_id}`) : undefined,
      }));
      return <AuthoritiesPage authorities={authorities} />;
    },
  },
];

/** The pages shared by the whole platform, published by the Région (the portal tenant). */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  for (const page of PAGES) {
    app.get(page.path, { schema: { querystring: NoQuery } }, async (request, reply) => {
      const { tenants } = app.platform;
      const publisher = tenants.portal();
      // On the main host the Région's space is at the root; on an authority's own host it is not.
      const contactHref = tenants.forHost(request.headers.host) ? `/collectivites/${publisher.id}/contact` : '/contact';
      return reply.page({
        title: page.title,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: page.title }],
        main: await page.main({ request, reply, publisher, contactHref }),
      });
    });
  }
  app.get('/collectivites', { schema: { querystring: NoQuery } }, async (_request, reply) => reply.redirect('/collectivites/', 301));
}
