/**
 * Back office « Lieux » (issue 15 c.6): an authority's agents list their places (lecteur), create,
 * edit, withdraw and publish them again (éditeur), each change audited and indexed in the same
 * transaction. Every query names the route's tenant: another authority's place, or an open-data
 * place, is 404. The CSV import: import.routes.tsx.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, TextFields, Uuid } from '../../platform/http/route-schemas';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import { roleAllows } from '../../platform/auth/roles';
import type { PlatformTables, Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant, type AdminSectionDefinition } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { setPublished, tenantPlace, tenantPlaces, writePlace } from './admin-store';
import { checkPlace, communeLookup, emptyFields, fieldsOfPlace, PLACE_COLUMNS, placeFields, type PlaceFields } from './place-input';
import { allCommunes, helpDb } from './store';
import { PlaceForm, PlacesAdminList, placesAdminPath, PublicationForm } from './views/admin';

export const read = { guard: { tenantRole: 'lecteur' as const } };
export const write = { guard: { tenantRole: 'editeur' as const } };
export const SECTION = 'Lieux d’accueil';
const PER_PAGE = 30;

export const placesAdminSections: AdminSectionDefinition[] = [
  { path: '/lieux', label: SECTION, description: 'Les lieux d’orientation, France Services et de médiation numérique de la collectivité : ajouter, modifier, retirer, importer (CSV).', group: 'contenus' },
];

export async function actorOf(request: FastifyRequest) {
  const account = await requireAccount(request);
  return { id: account.id, label: account.displayName, ip: request.ip };
}

export const pageOf = (q: unknown) => (typeof q === 'string' && /^\d{1,5}$/.test(q) ? Math.max(1, Number(q)) : 1);

const NOTICES: Record<string, string> = {
  ajout: 'Le lieu a été ajouté.',
  modification: 'Le lieu a été modifié.',
  retrait: 'Le lieu a été retiré : les visiteurs ne le voient plus.',
  publication: 'Le lieu est publié.',
};

const PlaceParams = Params({ tenant: TenantId, id: Uuid });
/** The place form (views/admin.tsx): every column, as text. */
const PlaceBody = FormBody(TextFields(PLACE_COLUMNS));

export async function placesAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = helpDb(platform.db);
  const crumbs = (tenant: Tenant, label: string) => [{ label: SECTION, href: placesAdminPath(tenant.id) }, { label }];

  const placeOf = async (id: string, tenant: Tenant) => {
    const row = await tenantPlace(db, tenant.id, id);
    if (!row) throw new NotFoundError('Ce lieu n’existe pas dans votre collectivité.');
    return row;
  };

  app.get('/admin/t/:tenant/lieux', { config: read, schema: { params: TenantParams, querystring: Query({ page: Text, fait: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const query = request.query;
    const requested = pageOf(query.page);
    const found = await tenantPlaces(db, tenant.id, { limit: PER_PAGE, offset: (requested - 1) * PER_PAGE });
    const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
    const editable = roleAllows((await requireAccount(request)).roles.get(tenant.id), 'editeur');
    return adminPage(
      request,
      reply,
      {
        title: `${SECTION}${pages > 1 ? `, page ${requested} sur ${pages}` : ''}`,
        heading: 'Les lieux d’accueil de la collectivité',
        current: placesAdminPath(tenant.id),
        crumbs: [{ label: SECTION }],
        main: <PlacesAdminList tenantId={tenant.id} rows={found.rows} total={found.total} page={requested} pages={pages} editable={editable} notice={query.fait !== undefined ? NOTICES[query.fait] : undefined} />,
      },
      { tenant },
    );
  });

  const renderForm = (reply: FastifyReply, tenant: Tenant, state: { values: PlaceFields; errors: FieldErrors; row?: { id: string; published: boolean; name: string } }, status = 200) => {
    const heading = state.row ? `Modifier : ${state.row.name}` : 'Ajouter un lieu';
    const failed = Object.keys(state.errors).length > 0;
    return adminPage(
      reply.request,
      reply,
      {
        title: `${failed ? 'Erreur – ' : ''}${heading}`,
        heading,
        current: placesAdminPath(tenant.id),
        crumbs: crumbs(tenant, state.row ? 'Modifier' : 'Ajouter'),
        main: (csrfToken) => (
          <>
            <PlaceForm action={state.row ? `${placesAdminPath(tenant.id)}/${state.row.id}` : `${placesAdminPath(tenant.id)}/nouveau`} values={state.values} errors={state.errors} csrfToken={csrfToken} isNew={!state.row} />
            {state.row ? <PublicationForm action={`${placesAdminPath(tenant.id)}/${state.row.id}/publication`} published={state.row.published} name={state.row.name} csrfToken={csrfToken} /> : null}
          </>
        ),
      },
      { status, tenant },
    );
  };

  /** Checks and writes the form; a duplicate identifier is the field's error. */
  const save = async (request: FastifyRequest, body: Record<string, unknown>, reply: FastifyReply, tenant: Tenant, row?: { id: string; published: boolean; name: string }) => {
    const values = placeFields(body);
    const checked = checkPlace(values, communeLookup(await allCommunes(db)), { requireId: false });
    if (!checked.ok) return renderForm(reply, tenant, { values, errors: checked.errors, ...(row ? { row } : {}) }, 422);
    if (checked.place.external_id) {
      const taken = await db.selectFrom('help_places').select('id').where('tenant_id', '=', tenant.id).where('external_id', '=', checked.place.external_id).executeTakeFirst();
      if (taken && taken.id !== row?.id) return renderForm(reply, tenant, { values, errors: { identifiant: 'Un autre de vos lieux a déjà cet identifiant : choisissez-en un autre.' }, ...(row ? { row } : {}) }, 422);
    }
    const who = await actorOf(request);
    await db.transaction().execute(async (trx) => {
      const id = await writePlace(trx, tenant.id, checked.place, row?.id);
      await audit(trx as unknown as Kysely<PlatformTables>, { action: row ? 'help_place.updated' : 'help_place.created', actor: who, tenantId: tenant.id, targetType: 'help_place', targetId: id, details: { kind: checked.place.kind, published: checked.place.published } });
    });
    return reply.redirect(`${placesAdminPath(tenant.id)}?fait=${row ? 'modification' : 'ajout'}`, 303);
  };

  app.get('/admin/t/:tenant/lieux/nouveau', { config: write, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => renderForm(reply, routeTenant(request), { values: emptyFields(), errors: {} }));
  app.post('/admin/t/:tenant/lieux/nouveau', { config: write, schema: { params: TenantParams, body: PlaceBody } }, async (request, reply) => save(request, request.body, reply, routeTenant(request)));

  app.get('/admin/t/:tenant/lieux/:id', { config: write, schema: { params: PlaceParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await placeOf(request.params.id, tenant);
    return renderForm(reply, tenant, { values: fieldsOfPlace(row), errors: {}, row });
  });

  app.post('/admin/t/:tenant/lieux/:id', { config: write, schema: { params: PlaceParams, body: PlaceBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    return save(request, request.body, reply, tenant, await placeOf(request.params.id, tenant));
  });

  app.post('/admin/t/:tenant/lieux/:id/publication', { config: write, schema: { params: PlaceParams, body: FormBody({ publie: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await placeOf(request.params.id, tenant);
    const published = request.body.publie === 'oui';
    const who = await actorOf(request);
    await db.transaction().execute(async (trx) => {
      if (!(await setPublished(trx, tenant.id, row.id, published))) throw new NotFoundError();
      await audit(trx as unknown as Kysely<PlatformTables>, { action: published ? 'help_place.published' : 'help_place.unpublished', actor: who, tenantId: tenant.id, targetType: 'help_place', targetId: row.id });
    });
    return reply.redirect(`${placesAdminPath(tenant.id)}?fait=${published ? 'publication' : 'retrait'}`, 303);
  });
}
