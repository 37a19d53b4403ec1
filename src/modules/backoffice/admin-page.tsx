import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { CurrentAccount } from '../../platform/auth/current-account';
import type { Tenant } from '../../platform/db/tables';
import { ForbiddenError } from '../../platform/http/errors';
import type { Crumb } from '../../platform/views/site';
import { tenantSections } from './admin-links';
import { AdminNav, adminBreadcrumb } from './views/admin-nav';

export interface AdminView {
  title: string;
  heading?: string;
  /** Crumbs after "Accueil › Espace agent › <tenant>". */
  crumbs?: Crumb[];
  /** The href of this page in the admin navigation. */
  current: string;
  notice?: ComponentChildren;
  main: (csrfToken: string) => ComponentChildren;
}

/** The signed-in account; the guard has already refused anyone else on back-office routes. */
export async function requireAccount(request: FastifyRequest): Promise<CurrentAccount> {
  const account = await request.currentAccount();
  if (!account) throw new ForbiddenError('Votre session a expiré. Reconnectez-vous puis recommencez.');
  return account;
}

/** Renders a back-office page: the admin bar (with sign-out) on top, never indexed. */
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
  return reply.header('cache-control', 'no-store').page(
    {
      title: view.title,
      heading: view.heading,
      noindex: true,
      breadcrumb: adminBreadcrumb(tenant, ...(view.crumbs ?? [{ label: view.title }])),
      main: (
        <>
          <AdminNav csrfToken={csrfToken} tenant={tenant} sections={sections} current={view.current} />
          {view.notice}
          {view.main(csrfToken)}
        </>
      ),
    },
    { status: options.status ?? 200, tenant: tenant ?? platform.tenants.portal() },
  );
}

/** Who did it, for the audit trail. */
export function actorOf(account: CurrentAccount, request: FastifyRequest) {
  return { id: account.id, label: account.displayName, ip: request.ip };
}
export type Actor = ReturnType<typeof actorOf>;
