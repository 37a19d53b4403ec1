import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { Tenant } from '../db/tables';
import { themeHref } from '../assets/routes';
import { Layout, type PageView } from './layout';
import type { SiteContext } from './site';

declare module 'fastify' {
  interface FastifyReply {
    /** Renders a page in the layout of the request's tenant. */
    page(view: PageView, options?: { status?: number; tenant?: Tenant }): Promise<FastifyReply>;
  }
  interface FastifyRequest {
    /** The tenant whose space this request is in (route param `:tenant`, host name, or the portal). */
    tenant(): Tenant;
  }
}

export function requestTenant(this: FastifyRequest): Tenant {
  const { tenants } = this.server.platform;
  // Pages that matched no route (404) still belong to the space their URL names.
  const id = (this.params as { tenant?: string } | undefined)?.tenant ?? /^\/collectivites\/([a-z0-9-]+)/.exec(this.url)?.[1];
  return (id ? tenants.get(id) : undefined) ?? tenants.forHost(this.headers.host) ?? tenants.portal();
}

export async function siteContext(request: FastifyRequest, tenant: Tenant): Promise<SiteContext> {
  const { tenants, assets, menu } = request.server.platform;
  const portal = tenants.portal();
  const hostTenant = tenants.forHost(request.headers.host) ?? portal;
  const base = hostTenant.id === tenant.id ? '' : `/collectivites/${tenant.id}`;
  const account = request.cookies?.guichet_session ? await request.currentAccount().catch(() => null) : null;
  return {
    tenant,
    portal,
    base,
    menu: await menu.provider(tenant, base),
    tenants: tenants.all(),
    stylesheet: assets.stylesheet.href,
    themeStylesheet: themeHref(tenant),
    faviconHref: assets.favicon.href,
    account: account ? { name: account.displayName, isAgent: account.roles.size > 0 } : undefined,
  };
}

export function renderDocument(node: VNode): string {
  return `<!doctype html>${renderToString(node)}`;
}

/**
 * The whole page of a view in its layout; a view with `glossary` has the first use of each term
 * of its main content (after the heading) linked to the glossary, by the glossary module's linker.
 */
export async function renderPage(request: FastifyRequest, site: SiteContext, view: PageView): Promise<string> {
  const html = renderDocument(<Layout site={site} view={view} />);
  const linker = view.glossary ? request.server.platform.glossary.linker : undefined;
  if (!linker) return html;
  const link = await linker(site.tenant, site.base);
  const start = html.indexOf('<main id="contenu"');
  const from = start < 0 ? -1 : html.indexOf('</h1>', start);
  const end = html.lastIndexOf('</main>');
  if (from < 0 || end < from) return html;
  return html.slice(0, from + 5) + link(html.slice(from + 5, end)) + html.slice(end);
}

export async function page(this: FastifyReply, view: PageView, options: { status?: number; tenant?: Tenant } = {}) {
  const site = await siteContext(this.request, options.tenant ?? this.request.tenant());
  return this.status(options.status ?? this.statusCode ?? 200)
    .type('text/html; charset=utf-8')
    .send(await renderPage(this.request, site, view));
}
