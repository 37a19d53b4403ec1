/**
 * Back office of the one search: « Recherche › Synonymes » (acronyms and everyday words) and
 * « Recherches sans résultat ». Roles are declared in each route's guard (the route walk checks
 * them): every agent of the tenant reads, éditeurs and administrateurs change the list.
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
import { missRecorderOf, weeklyMisses } from './misses';
import { deleteSynonym, getSynonym, listSynonyms, saveSynonym, type SynonymInput } from './synonyms-admin';
import { missesPath } from './views/misses';
import { MissesPage } from './views/misses';
import { formValuesOf, SynonymEditPage, SynonymsPage, synonymsPath, type SynonymFormValues } from './views/synonyms';

const read = { guard: { tenantRole: 'lecteur' as const } };
const write = { guard: { tenantRole: 'editeur' as const } };

const SYNONYMS_TITLE = 'Recherche › Synonymes';
const MISSES_TITLE = 'Recherches sans résultat';

/** The back-office sections of the search module, relative to /admin/t/:tenant. */
export const searchAdminSections: AdminSectionDefinition[] = [
  { path: '/recherche/synonymes', label: 'Synonymes de la recherche', description: 'Les sigles et mots courants que la recherche comprend (RSA, APL, « carte grise »…).', group: 'contenus' },
  { path: '/recherche/sans-resultat', label: 'Recherches sans résultat', description: 'Ce que les personnes ont cherché sans rien trouver, semaine par semaine.', group: 'contenus' },
];

/** The synonym form (views): the term, its equivalents, one way or both. */
const SynonymBody = FormBody({ term: Text, equivalents: Text, sens: Text });
const SynonymParams = Params({ tenant: TenantId, id: Uuid });

function formOf(fields: Fields<typeof SynonymBody>): { input: SynonymInput; values: SynonymFormValues } {
  const str = (key: 'term' | 'equivalents' | 'sens') => fields[key] ?? '';
  const values = { term: str('term').slice(0, 500), equivalents: str('equivalents').slice(0, 5000), sens: str('sens') === 'un' ? 'un' : 'deux' };
  return { values, input: { term: values.term, equivalents: values.equivalents, twoWay: values.sens !== 'un' } };
}

export async function searchAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  /** The platform's list is the Région's (the portal tenant); any other tenant keeps its own. */
  const scopeOf = (tenant: Tenant) => (tenant.id === platform.tenants.portal().id ? null : tenant.id);
  const actorOf = async (request: FastifyRequest): Promise<Actor> => {
    const account = await requireAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };

  const renderList = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, done: string | undefined, values: Partial<SynonymFormValues>, errors: FieldErrors, status = 200) => {
    const account = await requireAccount(request);
    const scope = scopeOf(tenant);
    const [own, platformRows] = [await listSynonyms(platform.db, scope), scope === null ? [] : await listSynonyms(platform.db, null)];
    const notice = done === 'ajout' ? 'L’entrée a été ajoutée : la recherche s’en sert dès maintenant.' : done === 'modification' ? 'L’entrée a été modifiée.' : done === 'suppression' ? 'L’entrée a été supprimée.' : undefined;
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}${SYNONYMS_TITLE}`,
        heading: 'Synonymes de la recherche',
        crumbs: [{ label: SYNONYMS_TITLE }],
        current: synonymsPath(tenant.id),
        main: (csrfToken) => (
          <SynonymsPage tenantId={tenant.id} isPlatform={scope === null} own={own} platformRows={platformRows} editable={roleAllows(account.roles.get(tenant.id), 'editeur')} values={values} errors={errors} csrfToken={csrfToken} notice={Object.keys(errors).length ? undefined : notice} />
        ),
      },
      { status, tenant },
    );
  };

  const renderEdit = (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, id: string, values: Partial<SynonymFormValues>, errors: FieldErrors, status = 200) =>
    adminPage(
      request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}Modifier « ${values.term ?? ''} » – ${SYNONYMS_TITLE}`,
        heading: `Modifier « ${values.term ?? ''} »`,
        crumbs: [{ label: SYNONYMS_TITLE, href: synonymsPath(tenant.id) }, { label: 'Modifier' }],
        current: synonymsPath(tenant.id),
        main: (csrfToken) => <SynonymEditPage tenantId={tenant.id} id={id} values={values} errors={errors} csrfToken={csrfToken} />,
      },
      { status, tenant },
    );

  app.get('/admin/t/:tenant/recherche/synonymes', { config: read, schema: { params: TenantParams, querystring: Query({ fait: Text }) } }, async (request, reply) => renderList(request, reply, routeTenant(request), request.query.fait, {}, {}));

  app.post('/admin/t/:tenant/recherche/synonymes', { config: write, schema: { params: TenantParams, body: SynonymBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const { input, values } = formOf(request.body);
    const result = await saveSynonym(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), undefined, input);
    if (!result.ok) return renderList(request, reply, tenant, undefined, values, result.errors, 422);
    return reply.redirect(`${synonymsPath(tenant.id)}?fait=ajout`, 303);
  });

  app.get('/admin/t/:tenant/recherche/synonymes/:id', { config: write, schema: { params: SynonymParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await getSynonym(platform.db, scopeOf(tenant), request.params.id);
    if (!row) throw new NotFoundError('Cette entrée n’existe pas ou a été supprimée.');
    return renderEdit(request, reply, tenant, row.id, formValuesOf(row), {});
  });

  app.post('/admin/t/:tenant/recherche/synonymes/:id', { config: write, schema: { params: SynonymParams, body: SynonymBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await getSynonym(platform.db, scopeOf(tenant), request.params.id);
    if (!row) throw new NotFoundError('Cette entrée n’existe pas ou a été supprimée.');
    const { input, values } = formOf(request.body);
    const result = await saveSynonym(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), row.id, input);
    if (!result.ok) return renderEdit(request, reply, tenant, row.id, values, result.errors, 422);
    return reply.redirect(`${synonymsPath(tenant.id)}?fait=modification`, 303);
  });

  app.post('/admin/t/:tenant/recherche/synonymes/:id/supprimer', { config: write, schema: { params: SynonymParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const deleted = await deleteSynonym(platform.db, await actorOf(request), tenant.id, scopeOf(tenant), request.params.id);
    if (!deleted) throw new NotFoundError('Cette entrée n’existe pas ou a déjà été supprimée.');
    return reply.redirect(`${synonymsPath(tenant.id)}?fait=suppression`, 303);
  });

  app.get('/admin/t/:tenant/recherche/sans-resultat', { config: read, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const account = await requireAccount(request);
    // The platform's operator: the Région's administrators see every space's searches.
    const platformWide = scopeOf(tenant) === null && roleAllows(account.roles.get(tenant.id), 'administrateur');
    // This instance's counts not written yet are written first.
    await missRecorderOf(platform.db).flush();
    const weeks = await weeklyMisses(platform.db, platformWide ? undefined : tenant.id);
    return adminPage(
      request,
      reply,
      {
        title: MISSES_TITLE,
        heading: platformWide ? `${MISSES_TITLE} sur toute la plateforme` : MISSES_TITLE,
        crumbs: [{ label: MISSES_TITLE }],
        current: missesPath(tenant.id),
        main: <MissesPage weeks={weeks} platformWide={platformWide} synonymsHref={synonymsPath(tenant.id)} />,
      },
      { tenant },
    );
  });
}
