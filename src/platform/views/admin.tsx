import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { CurrentAccount } from '../auth/current-account';
import { roleAllows } from '../auth/roles';
import type { AdminSectionDefinition, RegisteredRoute } from '../context';
import type { Role, Tenant } from '../db/tables';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { Crumb } from './site';

export type { AdminSectionDefinition } from '../context';

export interface AdminSection {
  label: string;
  href: string;
  description: string;
  /** The least role the section's page asks for, read from its route's guard. */
  role: Role;
}

export function tenantAdminHome(tenantId: string): string {
  return `/admin/t/${tenantId}/`;
}

/**
 * The sections an agent with `role` may open in a tenant's back office: modules register them;
 * a section shows only if its page exists and its route's guard lets the role in.
 */
export function tenantSections(
  platform: { routes: RegisteredRoute[]; adminSections: AdminSectionDefinition[] },
  tenantId: string,
  role: Role | undefined,
): AdminSection[] {
  const sections: AdminSection[] = [];
  for (const section of platform.adminSections) {
    const path = section.path.split('?')[0]!;
    const route = platform.routes.find(
      (r) => r.url === `/admin/t/:tenant${path}` && (r.method === 'GET' || (Array.isArray(r.method) && r.method.includes('GET'))),
    );
    const needed = route?.config?.guard?.tenantRole;
    if (!route || !needed || !roleAllows(role, needed)) continue;
    sections.push({ label: section.label, href: `/admin/t/${encodeURIComponent(tenantId)}${section.path}`, description: section.description, role: needed });
  }
  return sections;
}

/**
 * The bar on top of every back-office page: the way back to the dashboard, the sections of the
 * tenant being managed (only those the agent's role opens), and the sign-out button.
 */
export function AdminNav({ csrfToken, tenant, sections = [], current }: {
  csrfToken: string;
  tenant?: Tenant | undefined;
  sections?: AdminSection[];
  /** The path of the page being shown. */
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
        <button type="submit" class="button button--secondary">
          Se déconnecter
        </button>
      </form>
    </div>
  );
}

/** The other authorities the agent works for, one click away (folded: no JS needed). */
export function TenantSwitcher({ current, others }: { current: Tenant | undefined; others: Tenant[] }) {
  if (others.length === 0) return null;
  return (
    <details class="tenant-switcher">
      <summary>{current ? 'Changer de collectivité' : 'Mes collectivités'}</summary>
      <ul>
        {others.map((t) => (
          <li>
            <a href={tenantAdminHome(t.id)}>{t.name}</a>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Accueil › Espace agent › <tenant> › <page> */
export function adminBreadcrumb(tenant: Tenant | undefined, ...rest: Crumb[]): Crumb[] {
  const crumbs: Crumb[] = [{ label: 'Accueil', href: '/' }, { label: 'Espace agent', href: '/admin' }];
  if (tenant) crumbs.push({ label: tenant.short_name, href: tenantAdminHome(tenant.id) });
  return [...crumbs, ...rest];
}

export interface AdminView {
  title: string;
  heading?: string | undefined;
  /** Crumbs after "Accueil › Espace agent › <tenant>". */
  crumbs?: Crumb[];
  /** The href of this page in the admin navigation (defaults to the request's path). */
  current?: string;
  notice?: ComponentChildren;
  main: ComponentChildren | ((csrfToken: string) => ComponentChildren);
}

/** The signed-in account; the guard has already refused anyone else on back-office routes. */
export async function requireAccount(request: FastifyRequest): Promise<CurrentAccount> {
  const account = await request.currentAccount();
  if (!account) throw new ForbiddenError('Votre session a expiré. Reconnectez-vous puis recommencez.');
  return account;
}

/** Renders a back-office page: the admin bar (with sign-out) on top, never cached nor indexed. */
export async function adminPage(
  request: FastifyRequest,
  reply: FastifyReply,
  view: AdminView,
  options: { status?: number; tenant?: Tenant } = {},
) {
  const account = await requireAccount(request);
  const { platform } = request.server;
  const tenant = options.tenant;
  const csrfToken = await reply.generateCsrf();
  const sections = tenant ? tenantSections(platform, tenant.id, account.roles.get(tenant.id)) : [];
  const current = view.current ?? request.url.split('?')[0];
  return reply.header('cache-control', 'no-store').page(
    {
      title: view.title,
      heading: view.heading,
      noindex: true,
      siteSearch: false,
      breadcrumb: adminBreadcrumb(tenant, ...(view.crumbs ?? [{ label: view.title }])),
      backOffice: {
        sidebar: (
          <>
            <AdminNav csrfToken={csrfToken} tenant={tenant} sections={sections} current={current} />
            <TenantSwitcher current={tenant} others={[...account.roles.keys()].filter((id) => id !== tenant?.id).flatMap((id) => platform.tenants.get(id) ?? [])} />
          </>
        ),
      },
      main: (
        <>
          {view.notice}
          {typeof view.main === 'function' ? view.main(csrfToken) : view.main}
        </>
      ),
    },
    { status: options.status ?? 200, tenant: tenant ?? platform.tenants.portal() },
  );
}

/** The tenant named by the route's `:tenant` parameter; 404 when there is none. */
export function routeTenant(request: FastifyRequest): Tenant {
  const tenant = request.server.platform.tenants.get((request.params as { tenant?: string }).tenant ?? '');
  if (!tenant) throw new NotFoundError();
  return tenant;
}
