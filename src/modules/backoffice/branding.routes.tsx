import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Tenant } from '../../platform/db/tables';
import { Notice } from '../../platform/views/components';
import { routeTenant } from '../../platform/views/admin';
import { actorOf, adminPage, requireAccount } from './admin-page';
import { brandingOf, removeLogo, saveBranding, saveLogo, validateBranding } from './branding.service';
import { checkLogo } from './logo';
import { BrandingPage, type BrandingState } from './views/branding';

const NOTICES: Record<string, string> = {
  enregistre: 'L’identité visuelle est enregistrée. Elle s’affiche dès maintenant sur le site.',
  logo: 'Le nouveau logo est en ligne.',
  'logo-nettoye': 'Le nouveau logo est en ligne. Des éléments non autorisés (scripts, liens externes…) ont été retirés du fichier SVG : vérifiez son apparence.',
  'logo-retire': 'Le logo est retiré.',
};

export async function brandingRoutes(app: FastifyInstance) {
  const { platform } = app;
  const admin = { config: { guard: { tenantRole: 'administrateur' as const } } };

  const pageUrl = (tenant: Tenant) => `/admin/t/${tenant.id}/identite`;

  const render = (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, state: BrandingState, status = 200, notice?: string) => {
    const failed = Object.keys(state.errors).length > 0 || Boolean(state.logoError);
    return adminPage(
      request,
      reply,
      {
        title: `${failed ? 'Erreur – ' : ''}Identité visuelle`,
        heading: 'Identité visuelle',
        crumbs: [{ label: 'Identité visuelle' }],
        current: pageUrl(tenant),
        notice: notice ? <Notice kind="success">{notice}</Notice> : undefined,
        main: (csrfToken) => <BrandingPage tenant={tenant} csrfToken={csrfToken} state={state} action={pageUrl(tenant)} />,
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/identite', admin, async (request, reply) => {
    const tenant = routeTenant(request);
    const done = (request.query as { fait?: string }).fait;
    return render(request, reply, tenant, { values: brandingOf(tenant), errors: {} }, 200, done ? NOTICES[done] : undefined);
  });

  app.post('/admin/t/:tenant/identite', admin, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const { input, errors, suggestion } = validateBranding((request.body ?? {}) as Record<string, unknown>);
    if (Object.keys(errors).length) return render(request, reply, tenant, { values: input, errors, suggestion }, 422);
    await saveBranding(platform.db, tenant, input, actorOf(account, request));
    await platform.tenants.load();
    return reply.redirect(`${pageUrl(tenant)}?fait=enregistre`, 303);
  });

  app.post('/admin/t/:tenant/identite/logo', admin, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const logo = checkLogo(((request.body ?? {}) as Record<string, unknown>).logo);
    if (!logo.ok) return render(request, reply, tenant, { values: brandingOf(tenant), errors: {}, logoError: logo.message }, 422);
    await saveLogo(platform.db, tenant, logo, actorOf(account, request));
    await platform.tenants.load();
    return reply.redirect(`${pageUrl(tenant)}?fait=${logo.removed > 0 ? 'logo-nettoye' : 'logo'}`, 303);
  });

  app.post('/admin/t/:tenant/identite/logo/retirer', admin, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    if (tenant.logo_media_id) {
      await removeLogo(platform.db, tenant, actorOf(account, request));
      await platform.tenants.load();
    }
    return reply.redirect(`${pageUrl(tenant)}?fait=logo-retire`, 303);
  });
}
