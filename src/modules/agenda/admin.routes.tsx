/** Agents' events: list, create, change, import from OpenAgenda. Every query is scoped by the route's tenant. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, type Actor } from '../../platform/audit/audit';
import { roleAllows } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors';
import { ImportFileForm, ImportReport, reportTitle, reportView, sentFile, uploadOptions } from '../../platform/imports';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { listDomains, orientationDb } from '../orientation';
import { applyImport, changeEvent, createEvent } from './editing';
import { checkEventForm, emptyValues, valuesOf, valuesOfEvent, type EventFormValues } from './event-form';
import { dryRun, importOf, MAX_IMPORT_BYTES, parseOpenAgenda, storeDryRun } from './import';
import { eventHref } from './service';
import { agendaDb, tenantEvent, tenantEvents } from './store';
import { AdminList, agendaAdminBase, EventForm } from './views/admin';

const PER_PAGE = 20;
const read = { guard: { tenantRole: 'lecteur' as const } };
const write = { guard: { tenantRole: 'editeur' as const } };
const upload = uploadOptions(write, MAX_IMPORT_BYTES);
const pageOf = (v: unknown) => (typeof v === 'string' && /^\d{1,4}$/.test(v) && Number(v) > 0 ? Number(v) : 1);

async function actorOf(request: FastifyRequest): Promise<Actor> {
  const account = await request.currentAccount();
  if (!account) throw new ForbiddenError();
  return { id: account.id, label: account.displayName, ip: request.ip };
}

export async function agendaAdminRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = agendaDb(platform.db);
  const domainCodes = async () => new Set((await listDomains(orientationDb(platform.db))).flatMap((d) => [d.code, d.grand_domain_code]));
  const crumbs = (tenant: Tenant, label?: string) => [{ label: 'Agenda', href: agendaAdminBase(tenant.id) }, ...(label ? [{ label }] : [])];

  app.get('/admin/t/:tenant/agenda', { config: read }, async (request, reply) => {
    const tenant = routeTenant(request);
    const page = pageOf((request.query as { page?: unknown }).page);
    const list = await tenantEvents(db, tenant.id, (page - 1) * PER_PAGE, PER_PAGE);
    const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
    const canEdit = roleAllows((await request.currentAccount())?.roles.get(tenant.id), 'editeur');
    return adminPage(request, reply, { title: 'Agenda', current: agendaAdminBase(tenant.id), main: <AdminList tenantId={tenant.id} events={list.events} page={Math.min(page, pages)} pages={pages} total={list.total} canEdit={canEdit} /> }, { tenant });
  });

  const renderForm = (reply: FastifyReply, tenant: Tenant, state: { id?: string; values: EventFormValues; errors: Record<string, string>; saved?: boolean }, status = 200) => {
    const heading = state.id ? `Modifier : ${state.values.titre}` : 'Créer un événement';
    const action = `${agendaAdminBase(tenant.id)}/${state.id ?? 'nouveau'}`;
    return adminPage(
      reply.request,
      reply,
      {
        title: `${Object.keys(state.errors).length ? 'Erreur – ' : ''}${heading}`,
        heading,
        current: agendaAdminBase(tenant.id),
        crumbs: crumbs(tenant, heading),
        main: (csrfToken) => <EventForm action={action} values={state.values} errors={state.errors} csrfToken={csrfToken} saved={state.saved} publicHref={state.id && state.values.publie ? eventHref(state.id) : undefined} />,
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/agenda/nouveau', { config: write }, async (request, reply) => renderForm(reply, routeTenant(request), { values: emptyValues, errors: {} }));

  app.post('/admin/t/:tenant/agenda/nouveau', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const values = valuesOf((request.body ?? {}) as Record<string, unknown>);
    const checked = await checkEventForm(platform.db, values, await domainCodes());
    if (!checked.ok) return renderForm(reply, tenant, { values, errors: checked.errors }, 422);
    const id = await createEvent(platform.db, await actorOf(request), tenant.id, checked.input);
    return reply.redirect(`${agendaAdminBase(tenant.id)}/${id}?message=enregistre`, 303);
  });

  app.get('/admin/t/:tenant/agenda/:id', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const { id } = request.params as { id: string };
    const event = /^[\w-]{1,80}$/.test(id) ? await tenantEvent(db, tenant.id, id) : undefined;
    if (!event) throw new NotFoundError();
    return renderForm(reply, tenant, { id, values: valuesOfEvent(event), errors: {}, saved: (request.query as { message?: string }).message === 'enregistre' });
  });

  app.post('/admin/t/:tenant/agenda/:id', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const { id } = request.params as { id: string };
    const event = /^[\w-]{1,80}$/.test(id) ? await tenantEvent(db, tenant.id, id) : undefined;
    if (!event) throw new NotFoundError();
    const values = valuesOf((request.body ?? {}) as Record<string, unknown>);
    const checked = await checkEventForm(platform.db, values, await domainCodes());
    if (!checked.ok) return renderForm(reply, tenant, { id, values, errors: checked.errors }, 422);
    if (!(await changeEvent(platform.db, await actorOf(request), tenant.id, id, checked.input))) throw new NotFoundError();
    return reply.redirect(`${agendaAdminBase(tenant.id)}/${id}?message=enregistre`, 303);
  });

  const renderImport = (reply: FastifyReply, tenant: Tenant, error?: string) =>
    adminPage(
      reply.request,
      reply,
      {
        title: `${error ? 'Erreur – ' : ''}Importer des événements`,
        heading: 'Importer des événements',
        current: agendaAdminBase(tenant.id),
        crumbs: crumbs(tenant, 'Importer'),
        main: (csrfToken) => (
          <ImportFileForm
            action={`${agendaAdminBase(tenant.id)}/import`}
            csrfToken={csrfToken}
            error={error}
            intro="Importez l’export JSON de votre agenda OpenAgenda (« events.v2.json »). Importer deux fois le même fichier ne change rien."
            label="Fichier JSON d’OpenAgenda"
            accept=".json,application/json"
          />
        ),
      },
      { status: error ? 422 : 200, tenant },
    );

  app.get('/admin/t/:tenant/agenda/import', { config: write }, async (request, reply) => renderImport(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/agenda/import', { config: upload }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sent = sentFile(request.body, MAX_IMPORT_BYTES, 'Choisissez le fichier JSON exporté d’OpenAgenda.');
    if (!sent.ok) return renderImport(reply, tenant, sent.error);
    const { bytes } = sent;
    const parsed = parseOpenAgenda(bytes);
    if (!parsed.ok) return renderImport(reply, tenant, parsed.error);
    const run = await dryRun(db, tenant.id, parsed.records);
    const who = await actorOf(request);
    const id = await storeDryRun(db, { tenantId: tenant.id, actorId: who.id, fileName: sent.fileName ?? 'export.json', bytes, run });
    await audit(platform.db, { action: 'agenda.import_checked', actor: who, tenantId: tenant.id, targetType: 'agenda_import', targetId: id, details: { ...run.counts } });
    return reply.redirect(`${agendaAdminBase(tenant.id)}/import/${id}`, 303);
  });

  app.get('/admin/t/:tenant/agenda/import/:importId', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, (request.params as { importId: string }).importId);
    if (!row) throw new NotFoundError();
    const view = reportView(row, request.query, `${agendaAdminBase(tenant.id)}/import/${row.id}`);
    return adminPage(
      request,
      reply,
      {
        title: reportTitle('Vérification de l’import', view),
        heading: 'Vérification de l’import',
        current: agendaAdminBase(tenant.id),
        crumbs: crumbs(tenant, 'Vérification de l’import'),
        main: (csrfToken) => (
          <ImportReport
            {...view}
            csrfToken={csrfToken}
            noun={{ feminine: false, one: 'événement', many: 'événements' }}
            applyLabel="Importer ces événements"
            fixHint="Corrigez le fichier dans OpenAgenda ou à la main, puis importez-le de nouveau."
          />
        ),
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/agenda/import/:importId/appliquer', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const importId = (request.params as { importId: string }).importId;
    const outcome = await applyImport(platform.db, await actorOf(request), tenant.id, importId);
    if (!outcome.ok && outcome.reason === 'missing') throw new NotFoundError();
    return reply.redirect(`${agendaAdminBase(tenant.id)}/import/${importId}`, 303);
  });
}
