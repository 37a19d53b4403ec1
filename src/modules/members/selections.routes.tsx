/**
 * Pro (issue 15 d.10): a tenant's conseillers (and administrators) build selections at
 * /admin/t/<tenant>/selections, share them by link (/selection/<token>, printable, no sign-in),
 * revoke the link, export them as CSV.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, Uuid } from '../../platform/http/route-schemas';
import { savedDateLabel } from '../../platform/saved';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/audit/audit';
import { csvDocument } from '../../platform/csv';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant, type AdminSectionDefinition } from '../../platform/views/admin';
import { addToSelection, createSelection, deleteSelection, getSelection, listSelections, removeFromSelection, revokeSelection, selectionItems, shareSelection, sharedSelection } from './selections';
import { SelectionPage, selectionsPath, SelectionsListPage, SHARED_PATH, SharedSelectionPage } from './views/selections';

const counsellor = { guard: { tenantRole: 'conseiller' as const } };
const TITLE = 'Sélections';

export const selectionsAdminSections: AdminSectionDefinition[] = [{ path: '/selections', label: TITLE, description: 'Des listes de métiers et de lieux pour les personnes que vous accompagnez, à partager par un lien ou à imprimer.', group: 'orientation' }];

const field = (body: unknown, key: string): string => {
  const value = (body as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : '';
};

const SelectionParams = Params({ tenant: TenantId, id: Uuid });
/** An item of a selection (views): its kind and key. */
const ItemBody = FormBody({ type: Text, cle: Text });

export async function selectionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const { db, savedKinds: kinds } = platform;
  const actorOf = async (request: FastifyRequest): Promise<Actor> => {
    const account = await requireAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };
  const selectionOf = async (id: string, tenant: Tenant) => {
    const selection = await getSelection(db, tenant.id, id);
    if (!selection) throw new NotFoundError('Cette sélection n’existe pas, ou plus.');
    return selection;
  };
  const renderSelection = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, id: string, extra: { shareUrl?: string; values?: { type?: string; cle?: string }; error?: string; done?: string | undefined } = {}, status = 200) => {
    const selection = await selectionOf(id, tenant);
    const items = await selectionItems(db, kinds, tenant.id, selection.id);
    return adminPage(
      request,
      reply,
      {
        title: `${extra.error ? 'Erreur – ' : ''}${selection.title} – ${TITLE}`,
        heading: selection.title,
        crumbs: [{ label: TITLE, href: selectionsPath(tenant.id) }, { label: selection.title }],
        current: selectionsPath(tenant.id),
        main: (csrfToken) => (
          <SelectionPage tenantId={tenant.id} selection={selection} items={items} kinds={kinds} csrfToken={csrfToken} shareUrl={extra.shareUrl} values={extra.values ?? {}} error={extra.error} done={extra.done ?? ''} />
        ),
      },
      { status, tenant },
    );
  };
  const renderList = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, title?: string, error?: string) => {
    const selections = await listSelections(db, tenant.id);
    return adminPage(
      request,
      reply,
      { title: `${error ? 'Erreur – ' : ''}${TITLE}`, heading: TITLE, crumbs: [{ label: TITLE }], main: (csrfToken) => <SelectionsListPage tenantId={tenant.id} selections={selections} csrfToken={csrfToken} title={title} error={error} /> },
      { status: error ? 422 : 200, tenant },
    );
  };

  app.get('/admin/t/:tenant/selections', { config: counsellor, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => renderList(request, reply, routeTenant(request)));

  app.post('/admin/t/:tenant/selections', { config: counsellor, schema: { params: TenantParams, body: FormBody({ title: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const title = field(request.body, 'title').trim();
    if (!title) return renderList(request, reply, tenant, title, 'Donnez un nom à la sélection.');
    if (title.length > 120) return renderList(request, reply, tenant, title, `Le nom fait ${title.length} caractères : 120 au plus.`);
    const id = await createSelection(db, await actorOf(request), tenant.id, title);
    return reply.redirect(`${selectionsPath(tenant.id)}/${id}`, 303);
  });

  app.get('/admin/t/:tenant/selections/:id', { config: counsellor, schema: { params: SelectionParams, querystring: Query({ fait: Text }) } }, async (request, reply) => renderSelection(request, reply, routeTenant(request), request.params.id, { done: request.query.fait }));

  app.post('/admin/t/:tenant/selections/:id/ajouter', { config: counsellor, schema: { params: SelectionParams, body: ItemBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    const values = { type: field(request.body, 'type'), cle: field(request.body, 'cle').slice(0, 500) };
    const outcome = await addToSelection(db, kinds, await actorOf(request), tenant.id, selection.id, values.type, values.cle);
    if (!outcome.ok) return renderSelection(request, reply, tenant, request.params.id, { values, error: outcome.error }, 422);
    return reply.redirect(`${selectionsPath(tenant.id)}/${selection.id}`, 303);
  });

  app.post('/admin/t/:tenant/selections/:id/retirer', { config: counsellor, schema: { params: SelectionParams, body: ItemBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    await removeFromSelection(db, await actorOf(request), tenant.id, selection.id, field(request.body, 'type'), field(request.body, 'cle'));
    return reply.redirect(`${selectionsPath(tenant.id)}/${selection.id}`, 303);
  });

  app.post('/admin/t/:tenant/selections/:id/partager', { config: counsellor, schema: { params: SelectionParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    const token = await shareSelection(db, await actorOf(request), tenant.id, selection.id);
    // Shown once, in this answer (not a redirect): the link is never stored.
    return renderSelection(request, reply, tenant, request.params.id, { shareUrl: `${platform.publicUrl}${SHARED_PATH}/${token}` });
  });

  app.post('/admin/t/:tenant/selections/:id/revoquer', { config: counsellor, schema: { params: SelectionParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    await revokeSelection(db, await actorOf(request), tenant.id, selection.id);
    return reply.redirect(`${selectionsPath(tenant.id)}/${selection.id}?fait=revoque`, 303);
  });

  app.post('/admin/t/:tenant/selections/:id/supprimer', { config: counsellor, schema: { params: SelectionParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    await deleteSelection(db, await actorOf(request), tenant.id, selection.id);
    return reply.redirect(selectionsPath(tenant.id), 303);
  });

  app.get('/admin/t/:tenant/selections/:id/export.csv', { config: counsellor, schema: { params: SelectionParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const selection = await selectionOf(request.params.id, tenant);
    const items = await selectionItems(db, kinds, tenant.id, selection.id);
    const lines = items.map((e) => ({
      type: kinds.get(e.kind)?.label ?? e.kind,
      titre: e.item?.title ?? '(n’existe plus)',
      adresse: e.item ? `${platform.publicUrl}${e.item.url}` : '',
      precision: e.item?.detail ?? '',
      date: e.item ? savedDateLabel(e.item) : '',
      lieu: e.item?.place ?? '',
    }));
    return reply
      .header('cache-control', 'no-store')
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="selection-${selection.id}.csv"`)
      .send(csvDocument(['type', 'titre', 'adresse', 'precision', 'date', 'lieu'], lines));
  });

  // The person's page: no sign-in, only the link's holder (the token) reaches it.
  app.get(`${SHARED_PATH}/:token`, { schema: { params: Params({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$', maxLength: 100 }) }), querystring: NoQuery } }, async (request, reply) => {
    const selection = await sharedSelection(db, request.params.token);
    if (!selection) throw new NotFoundError('Ce lien de sélection n’existe pas, ou le conseiller l’a retiré. Demandez-lui un nouveau lien.');
    const tenant = platform.tenants.get(selection.tenant_id);
    const items = await selectionItems(db, kinds, selection.tenant_id, selection.id);
    return reply
      .header('cache-control', 'no-store')
      .header('referrer-policy', 'no-referrer')
      .page({
        title: selection.title,
        heading: selection.title,
        noindex: true,
        breadcrumb: [{ label: 'Accueil', href: '/' }, { label: 'Sélection' }],
        main: <SharedSelectionPage items={items} kinds={kinds} tenantName={tenant?.name ?? 'Guichet'} updatedAt={selection.updated_at} />,
      });
  });
}
