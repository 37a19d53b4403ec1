/**
 * The public glossary (/glossaire in each space) and the linker that pages use
 * (platform.glossary, PageView.glossary), and the back office « Glossaire »: every agent of the
 * tenant reads, éditeurs and administrateurs change it (guards checked by the route walk).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, Uuid, type Fields } from '../../platform/http/route-schemas';
import type { Actor } from '../../platform/audit/audit';
import { roleAllows } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant, type AdminSectionDefinition } from '../../platform/views/admin';
import type { FieldErrors } from '../../platform/views/form';
import { KeptPages } from '../../platform/views/kept-pages';
import { buildLinker, type Linker } from './linker';
import { deleteTerm, getTerm, listTerms, saveTerm, type GlossaryInput } from './store';
import type { GlossaryRow } from './tables';
import { allTerms, GLOSSARY_TABLES, termsOfSpace } from './terms';
import { formValuesOf, GlossaryAdminPage, glossaryAdminPath, TermEditPage, type TermFormValues } from './views/admin';
import { GlossaryPage } from './views/glossary';

const read = { guard: { tenantRole: 'lecteur' as const } };
const write = { guard: { tenantRole: 'editeur' as const } };
const TITLE = 'Glossaire';

export const glossaryAdminSections: AdminSectionDefinition[] = [{ path: '/glossaire', label: TITLE, description: 'Les mots et sigles des services publics (QF, RSA, instruction…) expliqués en mots simples, liés depuis les pages.', group: 'contenus' }];

/** The term form (views): its three fields. */
const TermBody = FormBody({ term: Text, long_form: Text, definition: Text });
const TermParams = Params({ tenant: TenantId, id: Uuid });
/** The list page reads its notice (« fait ») after a change. */
const ListQuery = Query({ fait: Text });

function formOf(fields: Fields<typeof TermBody>): GlossaryInput {
  const str = (value: string | undefined, max: number) => (value ?? '').slice(0, max);
  return { term: str(fields.term, 500), long_form: str(fields.long_form, 1000), definition: str(fields.definition, 5000) };
}

/** One linker per (list of rows, space): built once per version of the glossary. */
const linkers = new WeakMap<readonly GlossaryRow[], Map<string, Linker>>();

export async function glossaryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const portalId = () => platform.tenants.portal().id;
  /** The Région's terms are the platform's; any other tenant keeps its own. */
  const scopeOf = (tenant: Tenant) => (tenant.id === portalId() ? null : tenant.id);

  platform.glossary.tables = GLOSSARY_TABLES;
  platform.glossary.linker = async (tenant, base) => {
    const rows = await allTerms(platform.db);
    let byRows = linkers.get(rows);
    if (!byRows) linkers.set(rows, (byRows = new Map()));
    const key = `${tenant.id}|${base}`;
    let linker = byRows.get(key);
    if (!linker) {
      const href = `${base}/glossaire`;
      try {
        linker = buildLinker(termsOfSpace(rows, scopeOf(tenant)), (slug) => `${href}#${slug}`);
      } catch (error) {
        // A page never fails for its glossary links: it is sent without them.
        app.log.error({ err: error }, 'glossary: terms could not be compiled');
        linker = (html: string) => html;
      }
      byRows.set(key, linker);
    }
    return linker;
  };

  const kept = new KeptPages(platform.db, [...GLOSSARY_TABLES, 'content_menu_entries']);
  app.get('/collectivites/:tenant/glossaire', { schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    return kept.send(request, reply, async () => {
      const scope = scopeOf(tenant);
      const terms = termsOfSpace(await allTerms(platform.db), scope);
      const hostTenant = platform.tenants.forHost(request.headers.host) ?? platform.tenants.portal();
      const home = hostTenant.id === tenant.id ? '/' : `/collectivites/${tenant.id}/`;
      return {
        tenant,
        view: { title: TITLE, breadcrumb: [{ label: 'Accueil', href: home }, { label: TITLE }], main: <GlossaryPage terms={terms} tenantName={tenant.short_name} ownTenant={scope} /> },
      };
    });
  });

  const actorOf = async (request: FastifyRequest): Promise<Actor> => {
    const account = await requireAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };
  const publicHref = (tenant: Tenant) => (tenant.id === portalId() ? '/glossaire' : `/collectivites/${tenant.id}/glossaire`);

  const renderList = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, done: string | undefined, values: Partial<TermFormValues>, errors: FieldErrors, status = 200) => {
    const account = await requireAccount(request);
    const scope = scopeOf(tenant);
    const own = await listTerms(platform.db, scope);
    const platformRows = scope === null ? [] : await listTerms(platform.db, null);
    const notice = done === 'ajout' ? 'Le terme a été ajouté : les pages le lient dès maintenant.' : done === 'modification' ? 'Le terme a été modifié.' : done === 'suppression' ? 'Le terme a été supprimé.' : undefined;
    const failed = Object.keys(errors).length > 0;
    return adminPage(
      request,
      reply,
      {
        title: `${failed ? 'Erreur – ' : ''}${TITLE}`,
        heading: TITLE,
        crumbs: [{ label: TITLE }],
        current: glossaryAdminPath(tenant.id),
        main: (csrfToken) => (
          <GlossaryAdminPage tenantId={tenant.id} isPlatform={scope === null} own={own} platformRows={platformRows} editable={roleAllows(account.roles.get(tenant.id), 'editeur')} values={values} errors={errors} csrfToken={csrfToken} notice={failed ? undefined : notice} publicHref={publicHref(tenant)} />
        ),
      },
      { status, tenant },
    );
  };

  const renderEdit = (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, id: string, values: Partial<TermFormValues>, errors: FieldErrors, status = 200) =>
    adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Modifier « ${values.term ?? ''} » – ${TITLE}`,
        heading: `Modifier « ${values.term ?? ''} »`,
        crumbs: [{ label: TITLE, href: glossaryAdminPath(tenant.id) }, { label: 'Modifier' }],
        current: glossaryAdminPath(tenant.id),
        main: (csrfToken) => <TermEditPage tenantId={tenant.id} id={id} values={values} errors={errors} csrfToken={csrfToken} />,
      },
      { status, tenant },
    );

  const termOf = async (id: string, tenant: Tenant) => {
    const row = await getTerm(platform.db, scopeOf(tenant), id);
    if (!row) throw new NotFoundError('Ce terme n’existe pas ou a été supprimé.');
    return row;
  };

  app.get('/admin/t/:tenant/glossaire', { config: read, schema: { params: TenantParams, querystring: ListQuery } }, async (request, reply) => renderList(request, reply, routeTenant(request), request.query.fait, {}, {}));

  app.post('/admin/t/:tenant/glossaire', { config: write, schema: { params: TenantParams, body: TermBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const input = formOf(request.body);
    const result = await saveTerm(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), undefined, input);
    if (!result.ok) return renderList(request, reply, tenant, undefined, input, result.errors, 422);
    return reply.redirect(`${glossaryAdminPath(tenant.id)}?fait=ajout`, 303);
  });

  app.get('/admin/t/:tenant/glossaire/:id', { config: write, schema: { params: TermParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await termOf(request.params.id, tenant);
    return renderEdit(request, reply, tenant, row.id, formValuesOf(row), {});
  });

  app.post('/admin/t/:tenant/glossaire/:id', { config: write, schema: { params: TermParams, body: TermBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await termOf(request.params.id, tenant);
    const input = formOf(request.body);
    const result = await saveTerm(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), row.id, input);
    if (!result.ok) return renderEdit(request, reply, tenant, row.id, input, result.errors, 422);
    return reply.redirect(`${glossaryAdminPath(tenant.id)}?fait=modification`, 303);
  });

  app.post('/admin/t/:tenant/glossaire/:id/supprimer', { config: write, schema: { params: TermParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const deleted = await deleteTerm(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), request.params.id);
    if (!deleted) throw new NotFoundError('Ce terme n’existe pas ou a déjà été supprimé.');
    return reply.redirect(`${glossaryAdminPath(tenant.id)}?fait=suppression`, 303);
  });
}
