import { FileField, FormBody, Query, TenantParams, Text, TextFields } from '../../platform/http/route-schemas';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
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

/** The identity form (views): names, contact, and the accent colour with its picker and suggestion. */
const BrandingBody = FormBody(TextFields(['name', 'short_name', 'description', 'contact_address', 'contact_email', 'contact_phone', 'accent_color', 'accent_initial', 'accent_picker', 'picker_initial', 'use_suggestion']));

export async function brandingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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

  app.get('/admin/t/:tenant/identite', { ...admin, schema: { params: TenantParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const done = request.query.fait;
    return render(request, reply, tenant, { values: brandingOf(tenant), errors: {} }, 200, done ? NOTICES[done] : undefined);
  });

  app.post('/admin/t/:tenant/identite', { ...admin, schema: { params: TenantParams, body: BrandingBody } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const { input, errors, suggestion } = validateBranding(request.body);
    if (Object.keys(errors).length) return render(request, reply, tenant, { values: input, errors, suggestion }, 422);
    await saveBranding(platform.db, tenant, input, actorOf(account, request));
    await platform.tenants.load();
    return reply.redirect(`${pageUrl(tenant)}?fait=enregistre`, 303);
  });

  app.post('/admin/t/:tenant/identite/logo', { ...admin, schema: { params: TenantParams, body: FormBody({ logo: FileField }) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    const logo = checkLogo(request.body.logo);
    if (!logo.ok) return render(request, reply, tenant, { values: brandingOf(tenant), errors: {}, logoError: logo.message }, 422);
    await saveLogo(platform.db, tenant, logo, actorOf(account, request));
    await platform.tenants.load();
    return reply.redirect(`${pageUrl(tenant)}?fait=${logo.removed > 0 ? 'logo-nettoye' : 'logo'}`, 303);
  });

  app.post('/admin/t/:tenant/identite/logo/retirer', { ...admin, schema: { params: TenantParams, body: FormBody({}) } }, async (request, reply) => {
    const account = await requireAccount(request);
    const tenant = routeTenant(request);
    if (tenant.logo_media_id) {
      await removeLogo(platform.db, tenant, actorOf(account, request));
      await platform.tenants.load();
    }
    return reply.redirect(`${pageUrl(tenant)}?fait=logo-retire`, 303);
  });
}
