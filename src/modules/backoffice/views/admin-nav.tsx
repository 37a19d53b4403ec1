import type { Tenant } from '../../../platform/db/tables';
import type { Crumb } from '../../../platform/views/site';
import type { AdminSection } from '../admin-links';
import { tenantAdminHome } from '../admin-links';

/**
 * The bar on top of every back-office page: the way back to the dashboard, the sections of the
 * tenant being managed (only those the agent's role opens), and the sign-out button.
 */
export function AdminNav({ csrfToken, tenant, sections = [], current }: {
  csrfToken: string;
  tenant?: Tenant | undefined;
  sections?: AdminSection[];
  /** The href of the page being shown. */
  current?: string;
}) {
  const links = [{ label: 'Tableau de bord', href: '/admin' }];
  if (!tenant) links.push({ label: 'Changer mon mot de passe', href: '/admin/mot-de-passe' });
  // Sections only; actions such as "create a news item" stay on the tenant's back-office home.
  if (tenant) links.push({ label: `Accueil de la gestion (${tenant.short_name})`, href: tenantAdminHome(tenant.id) }, ...sections.filter((s) => !s.href.includes('?')));
  return (
    <div class="admin-bar">
      <nav aria-label="Espace agent">
        <ul class="admin-nav">
          {links.map((link) => (
            <li>
              <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form action="/admin/deconnexion" method="post" class="admin-bar__signout">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <button type="submit" class="button button--secondary">Se déconnecter</button>
      </form>
    </div>
  );
}

/** Accueil › Espace agent › <tenant> › <page> */
export function adminBreadcrumb(tenant: Tenant | undefined, ...rest: Crumb[]): Crumb[] {
  const crumbs: Crumb[] = [{ label: 'Accueil', href: '/' }, { label: 'Espace agent', href: '/admin' }];
  if (tenant) crumbs.push({ label: tenant.short_name, href: tenantAdminHome(tenant.id) });
  return [...crumbs, ...rest];
}
