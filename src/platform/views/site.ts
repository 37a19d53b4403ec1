import type { Tenant } from '../db/tables';

export interface MenuLink {
  label: string;
  href: string;
}

export interface Crumb {
  label: string;
  href?: string;
}

/** Where a page is served: which tenant, under which base path, with which menu. */
export interface SiteContext {
  tenant: Tenant;
  portal: Tenant;
  /** '' when the tenant owns the host (or is the portal on the main host), else /collectivites/<id>. */
  base: string;
  menu: MenuLink[];
  /** Participating authorities, for the footer. */
  tenants: Tenant[];
  stylesheet: string;
  themeStylesheet: string;
  faviconHref: string;
  account?: { name: string; isAgent: boolean } | undefined;
  csrfToken?: string | undefined;
}

/** A link inside the current tenant's space. */
export function tenantHref(site: Pick<SiteContext, 'base'>, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return `${site.base}${clean}` || '/';
}

export function tenantHomeHref(tenant: Tenant, portal: Tenant): string {
  return tenant.id === portal.id ? '/' : `/collectivites/${tenant.id}/`;
}

/** "Page – Collectivité – Guichet", the title pattern of every page. */
export function documentTitle(pageTitle: string | undefined, tenant: Tenant): string {
  return [pageTitle, tenant.short_name, 'Guichet'].filter(Boolean).join(' – ');
}
