/**
 * Back office: the application form of an aid in « mode avancé », edited as JSON (checked by
 * checkForm, French errors); the form builder (form-builder.routes.tsx) is the usual way.
 * Reading: lecteur; writing: éditeur; every query names the tenant of the route.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { FormBody, Query, Text } from '../../platform/http/route-schemas';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { ErrorSummary, Form, SubmitButton, TextArea } from '../../platform/views/form';
import { checkForm, FIELD_TYPES, PREFILL_FROM, type FormDefinition } from './form';
import { TenantAidParams, type WithParams } from './http';
import { applicationsDb, formOf, saveForm, type ApplicationsDb } from './store';

export const read = { guard: { tenantRole: 'lecteur' as const } };
export const write = { guard: { tenantRole: 'editeur' as const } };

export type RouteAid = { id: string; name: string; status: string };

/** The aid named by the route, only if it belongs to the route's tenant (else 404). */
export async function routeAid(db: ApplicationsDb, request: WithParams<{ id: string }>): Promise<{ tenant: Tenant; aid: RouteAid }> {
  const tenant = routeTenant(request);
  const { id } = request.params;
  const aid = /^[a-z0-9-]{2,120}$/.test(id)
    ? await db
        .withTables<{ aids: { id: string; tenant_id: string; name: string; status: string } }>()
        .selectFrom('aids')
        .select(['id', 'name', 'status'])
        .where('id', '=', id)
        .where('tenant_id', '=', tenant.id)
        .executeTakeFirst()
    : undefined;
  if (!aid) throw new NotFoundError('Cette aide n’existe pas dans votre collectivité.');
  return { tenant, aid };
}

export async function applicationAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = applicationsDb(app.platform.db);
  const aidOf = (request: WithParams<{ id: string }>) => routeAid(db, request);

  const render = async (request: WithParams<{ id: string }>, reply: Parameters<typeof adminPage>[1], input: { text: string; errors: string[]; saved?: boolean }, status = 200) => {
    const { tenant, aid } = await aidOf(request);
    const builder = `/admin/t/${tenant.id}/aides/${aid.id}/formulaire`;
    const action = `${builder}/json`;
    return adminPage(
      request,
      reply,
      {
        title: `${input.errors.length ? 'Erreur : ' : ''}Formulaire de demande en JSON – ${aid.name}`,
        heading: `Formulaire de demande en JSON : ${aid.name}`,
        crumbs: [
          { label: 'Aides', href: `/admin/t/${tenant.id}/aides` },
          { label: aid.name, href: `/admin/t/${tenant.id}/aides/${aid.id}` },
          { label: 'Formulaire de demande', href: builder },
          { label: 'Mode avancé (JSON)' },
        ],
        current: `/admin/t/${tenant.id}/aides`,
        notice: input.saved ? <div class="notice notice--success" role="status">Le formulaire est enregistré. Les demandes déjà commencées gardent l’ancien formulaire.</div> : undefined,
        main: (csrf: string) => (
          <>
            <p>
              <a href={builder}>Revenir au formulaire par sections et champs</a> : c’est le plus simple pour la plupart des changements.
            </p>
            <p>
              Quand une aide a un formulaire, les personnes peuvent la demander sur Guichet (<a href={`${builder}/apercu`}>aperçu du formulaire</a>). Ici, le
              formulaire s’écrit en JSON : une liste « sections » (id, title, intro) de champs (name, label, type, required, hint, options, profile, reuse).
            </p>
            <p>
              Types : {Object.entries(FIELD_TYPES).map(([k, v]) => `${k} (${v})`).join(', ')}. Préremplissage « profile » : {PREFILL_FROM.join(', ')}.
            </p>
            {input.errors.length ? <ErrorSummary errors={{ definition: input.errors.join(' ') }} labels={{ definition: 'Formulaire' }} /> : null}
            <Form action={action} csrfToken={csrf}>
              <TextArea name="definition" label="Formulaire (JSON)" rows={24} value={input.text} error={input.errors.length ? input.errors.join(' ') : undefined} />
              <SubmitButton>Enregistrer le formulaire</SubmitButton>
            </Form>
          </>
        ),
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/aides/:id/formulaire/json', { config: read, schema: { params: TenantAidParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const { aid } = await aidOf(request);
    const form = await formOf(db, aid.id);
    const text = JSON.stringify(form?.definition ?? { sections: [] }, null, 2);
    return render(request, reply, { text, errors: [], saved: request.query.fait === '1' });
  });

  app.post('/admin/t/:tenant/aides/:id/formulaire/json', { config: write, schema: { params: TenantAidParams, body: FormBody({ definition: Text }) } }, async (request, reply) => {
    const { tenant, aid } = await aidOf(request);
    const text = request.body.definition ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return render(request, reply, { text, errors: ['Ce texte n’est pas du JSON valide : vérifiez les guillemets, virgules et accolades.'] }, 422);
    }
    const errors = checkForm(parsed);
    if (errors.length) return render(request, reply, { text, errors }, 422);
    const account = await requireAccount(request);
    await saveForm(db, { aidId: aid.id, aidName: aid.name, tenantId: tenant.id, definition: parsed as FormDefinition, actor: { id: account.id, label: account.displayName, ip: request.ip } });
    return reply.redirect(`/admin/t/${tenant.id}/aides/${aid.id}/formulaire/json?fait=1`, 303);
  });
}
