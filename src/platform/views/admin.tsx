import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { CurrentAccount } from '../auth/current-account';
import { guardAllows } from '../auth/guards';
import type { AdminGroup, AdminSectionDefinition, RegisteredRoute } from '../context';
import type { Role, Tenant } from '../db/tables';
import { ForbiddenError, NotFoundError } from '../http/errors';
import type { Crumb } from './site';

export type { AdminGroup, AdminSectionDefinition } from '../context';

export interface AdminSection {
  label: string;
  href: string;
  description: string;
  /** The least role the section's page asks for, read from its route's guard. */
  role: Role;
  group: AdminGroup;
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
    const guard = route?.config?.guard;
    const needed = guard?.tenantRole;
    if (!route || !guard || !needed || !guardAllows(guard, role)) continue;
    sections.push({ label: section.label, href: `/admin/t/${encodeURIComponent(tenantId)}${section.path}`, description: section.description, role: needed, group: section.group });
  }
  return sections;
}

/** The groups of the sidebar, in order; a group shows only when the agent's role opens one of its sections. */
export const ADMIN_GROUPS: ReadonlyArray<{ id: AdminGroup; label: string }> = [
  { id: 'contenus', label: 'Contenus' },
  { id: 'aides', label: 'Aides et demandes' },
  { id: 'orientation', label: 'Orientation' },
  { id: 'equipe', label: 'Équipe' },
  { id: 'reglages', label: 'Réglages' },
];

/** The sections by group, in ADMIN_GROUPS' order, empty groups left out. */
export function groupSections(sections: AdminSection[]): Array<{ id: AdminGroup; label: string; sections: AdminSection[] }> {
  return ADMIN_GROUPS.map((group) => ({ ...group, sections: sections.filter((s) => s.group === group.id) })).filter((g) => g.sections.length > 0);
}

/** The section the page belongs to: the longest section address the path starts with. */
function currentHref(hrefs: string[], path: string | undefined): string | undefined {
  if (!path) return undefined;
  return hrefs.filter((href) => path === href || (!href.endsWith('/') && path.startsWith(`${href}/`))).sort((a, b) => b.length - a.length)[0];
}

/**
 * The sidebar of every back-office page: the way back to the dashboard, then the sections of the
 * tenant being managed (only those the agent's role opens), by group. Folded behind
 * « Rubriques » on small screens (no JS: <details>), always open beside the page on wide ones.
 */
export function AdminNav({ tenant, sections = [], current }: {
  tenant?: Tenant | undefined;
  sections?: AdminSection[];
  /** The path of the page being shown. */
  current?: string;
}) {
  const top = [{ label: 'Tableau de bord', href: '/admin' }];
  if (!tenant) top.push({ label: 'Changer mon mot de passe', href: '/admin/mot-de-passe' });
  // The header names the tenant; the link says where it goes.
  if (tenant) top.push({ label: 'Accueil de la gestion', href: tenantAdminHome(tenant.id) });
  // Sections only; actions such as "create a news item" stay on the tenant's back-office home.
  const groups = groupSections(sections.filter((s) => !s.href.includes('?')));
  const here = currentHref([...top.map((l) => l.href).filter((h) => h === current), ...groups.flatMap((g) => g.sections.map((s) => s.href))], current);
  const link = (l: { label: string; href: string }) => (
    <li>
      <a href={l.href} aria-current={l.href === here ? 'page' : undefined}>
        {l.label}
      </a>
    </li>
  );
  return (
    <details class="admin-menu">
      <summary>Rubriques</summary>
      <nav aria-label="Espace agent" class="admin-nav">
        <ul class="admin-nav__list">{top.map(link)}</ul>
        {groups.map((group) => (
          <>
            <p class="admin-nav__group" id={`rubriques-${group.id}`}>
              {group.label}
            </p>
            <ul class="admin-nav__list" aria-labelledby={`rubriques-${group.id}`}>
              {group.sections.map(link)}
            </ul>
          </>
        ))}
      </nav>
    </details>
  );
}

/** Sign-out, in the back office's header. */
export function SignOut({ csrfToken }: { csrfToken: string }) {
  return (
    <form action="/admin/deconnexion" method="post" class="inline-form">
      <input type="hidden" name="_csrf" value={csrfToken} />
      <button type="submit" class="link-button">
        Se déconnecter
      </button>
    </form>
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

/** Renders a back-office page: the sidebar beside it, the tenant switcher and sign-out in the header; never cached nor indexed. */
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
        sidebar: <AdminNav tenant={tenant} sections={sections} current={current} />,
        switcher: <TenantSwitcher current={tenant} others={[...account.roles.keys()].filter((id) => id !== tenant?.id).flatMap((id) => platform.tenants.get(id) ?? [])} />,
        signOut: <SignOut csrfToken={csrfToken} />,
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
