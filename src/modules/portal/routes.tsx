import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Tenant } from '../../platform/db/tables';
import { datasets } from './sources';
import { AccessibilityStatement } from './views/accessibility';
import { AuthoritiesPage, type AuthorityView } from './views/authorities';
import { LegalNotice } from './views/legal-notice';
import { PersonalData } from './views/personal-data';
import { SourcesPage } from './views/sources';

interface SharedPage {
  path: string;
  title: string;
  main: (context: { request: FastifyRequest; publisher: Tenant; contactHref: string }) => VNode;
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
    main: ({ publisher, contactHref }) => <PersonalData publisher={publisher} contactHref={contactHref} />,
  },
  { path: '/sources', title: 'Sources des données', main: () => <SourcesPage datasets={datasets()} /> },
  {
    path: '/collectivites/',
    title: 'Collectivités participantes',
    main: ({ request }) => {
      const { tenants } = request.server.platform;
      const authorities: AuthorityView[] = tenants.ordered().map((tenant) => ({
        tenant,
        parent: tenant.parent_id ? tenants.get(tenant.parent_id) : undefined,
        ownSite: ownSite(request, tenant),
      }));
      return <AuthoritiesPage authorities={authorities} />;
    },
  },
];

/** The pages shared by the whole platform, published by the Région (the portal tenant). */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  for (const page of PAGES) {
    app.get(page.path, async (request, reply) => {
      const { tenants } = app.platform;
      const publisher = tenants.portal();
      // On the main host the Région's space is at the root; on an authority's own host it is not.
      const contactHref = tenants.forHost(request.headers.host) ? `/collectivites/${publisher.id}/contact` : '/contact';
      return reply.page({
        title: page.title,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: page.title }],
        main: page.main({ request, publisher, contactHref }),
      });
    });
  }
  app.get('/collectivites', async (_request, reply) => reply.redirect('/collectivites/', 301));
}
