/**
 * Back office of a tenant's aids (issue 6 a, points 2 and 3): list, record and conditions editors,
 * preview, publish/unpublish, versions (the two-step import: import.routes.tsx). Reading: lecteur; writing: éditeur.
 * Every query names the tenant of the route: an agent never reaches another tenant's aid.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, ListFields, NoQuery, OpenForm, Query, TenantParams, Text, TextFields } from '../../platform/http/route-schemas';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { adminBreadcrumb, adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import { aidFromFiche, applyTreeAction, conditionFromTree, emptyFiche, FICHE_FIELDS, ficheField, ficheFromAid, ficheFromBody, treeErrors, treeFromBody, treeFromCondition, type FicheValues, type FormNode } from './editor-form';
import type { Aid, Condition } from './format';
import { actorOf, AidParams, canEdit, crumbs, pageOf, read, routeAid, SECTION, write } from './admin-shared';
import { aidsDb, listTenantAids, saveAid } from './store';
import { checkAid, fieldLabel } from './validate';
import { AidActions, AidsAdminList, aidsAdminBase, ConditionsForm, FicheForm } from './views/admin';
import { AidPage } from './views/aid-page';

const PER_PAGE = 20;

const today = () => new Date().toISOString().slice(0, 10);

/** The record's form (views/admin.tsx FicheForm): its texts, its checkboxes, « aide permanente ». */
const FicheBody = FormBody({ ...TextFields(FICHE_FIELDS), ...ListFields(['audiences', 'themes', 'aid_types']), permanent: Text });
/** The conditions' form: each node's fields are named after its place in the tree (`r_0-kind`…), and a button's `action`. */
const ConditionsBody = OpenForm({ action: Text });
/** Pages that say what was just done (`?message=`). */
const MessageQuery = Query({ message: Text });

export async function aidsAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = aidsDb(platform.db);

  const actor = actorOf;
  const aidOf = (request: FastifyRequest & { params: { id: string } }) => routeAid(db, request);

  app.get('/admin/t/:tenant/aides', { config: read, schema: { params: TenantParams, querystring: Query({ q: Text, statut: Text, page: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const query = request.query;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const statut = query.statut === 'draft' || query.statut === 'published' ? query.statut : '';
    const requested = pageOf(query.page);
    const found = await listTenantAids(db, tenant.id, { q: q || undefined, status: statut || undefined, limit: PER_PAGE, offset: (requested - 1) * PER_PAGE });
    const pages = Math.max(1, Math.ceil(found.total / PER_PAGE));
    const href = (p: number) => `${aidsAdminBase(tenant.id)}?${new URLSearchParams({ ...(q ? { q } : {}), ...(statut ? { statut } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
    return adminPage(
      request,
      reply,
      {
        title: `${SECTION}${pages > 1 ? `, page ${requested} sur ${pages}` : ''}`,
        heading: 'Les aides de la collectivité',
        current: aidsAdminBase(tenant.id),
        main: <AidsAdminList tenantId={tenant.id} rows={found.rows} total={found.total} page={requested} pages={pages} q={q} statut={statut} canEdit={await canEdit(request, tenant.id)} href={href} />,
      },
      { tenant },
    );
  });

  // ---------------------------------------------------------------- record

  const renderFiche = async (reply: FastifyReply, tenant: Tenant, state: { values: FicheValues; errors: FieldErrors; row?: { id: string; status: 'draft' | 'published' }; message?: string | undefined }, status = 200) => {
    const isNew = !state.row;
    const heading = isNew ? 'Créer une aide' : `Modifier : ${state.values.name || state.row!.id}`;
    const action = isNew ? `${aidsAdminBase(tenant.id)}/nouvelle` : `${aidsAdminBase(tenant.id)}/${state.row!.id}`;
    return adminPage(
      reply.request,
      reply,
      {
        title: `${Object.keys(state.errors).length ? 'Erreur – ' : ''}${heading}`,
        heading,
        current: aidsAdminBase(tenant.id),
        crumbs: crumbs(tenant, heading),
        main: (csrfToken) => (
          <>
            {state.row ? <AidActions tenantId={tenant.id} id={state.row.id} status={state.row.status} csrfToken={csrfToken} message={state.message} /> : null}
            <FicheForm action={action} values={state.values} errors={state.errors} csrfToken={csrfToken} isNew={isNew} />
          </>
        ),
      },
      { status, tenant },
    );
  };

  const ficheErrors = (errors: Array<{ path: string; message: string }>): FieldErrors => {
    const out: FieldErrors = {};
    for (const e of errors) {
      const field = e.path.startsWith('/eligibility') ? 'eligibility' : ficheField(e.path);
      out[field] ??= field === 'eligibility' ? `${fieldLabel(e.path)} : ${e.message}` : e.message;
    }
    return out;
  };

  /** A new aid starts with the conditions its territory implies (or an information), to be completed. */
  const startingConditions = (draft: Record<string, unknown>): Condition => {
    const territory = draft.territory as Aid['territory'] | undefined;
    if (territory?.scope === 'local' && Array.isArray(territory.areas) && territory.areas.length) {
      const byLevel = new Map<string, { codes: string[]; names: string[] }>();
      for (const a of territory.areas) {
        const entry = byLevel.get(a.level) ?? { codes: [], names: [] };
        entry.codes.push(a.code);
        entry.names.push(a.name);
        byLevel.set(a.level, entry);
      }
      const leaves = [...byLevel].map(([level, e]) => ({ type: 'residence', level, codes: e.codes, names: e.names }) as Condition);
      return { type: 'all', conditions: leaves.length === 1 ? leaves : [{ type: 'any', conditions: leaves }] };
    }
    return { type: 'all', conditions: [{ type: 'text', text: 'Les autres conditions décrites par l’organisme', blocking: false }] };
  };

  app.get('/admin/t/:tenant/aides/nouvelle', { config: write, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => renderFiche(reply, routeTenant(request), { values: emptyFiche(today()), errors: {} }));

  app.post('/admin/t/:tenant/aides/nouvelle', { config: write, schema: { params: TenantParams, body: FicheBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const values = ficheFromBody(request.body);
    const draft = aidFromFiche(values, undefined, {});
    draft.eligibility = startingConditions(draft);
    const errors = ficheErrors(checkAid(draft));
    if (!errors.id && values.id && (await db.selectFrom('aids').select('id').where('id', '=', values.id).executeTakeFirst())) errors.id = 'Cet identifiant est déjà pris : choisissez-en un autre.';
    if (Object.keys(errors).length) return renderFiche(reply, tenant, { values, errors }, 422);
    const who = await actor(request);
    await saveAid(db, { tenantId: tenant.id, status: 'draft', aid: draft as unknown as Aid, actorId: who.id });
    await audit(platform.db, { action: 'aid.create', actor: who, tenantId: tenant.id, targetType: 'aid', targetId: values.id, details: { title: draft.name } });
    return reply.redirect(`${aidsAdminBase(tenant.id)}/${values.id}/conditions?message=cree`, 303);
  });

  app.get('/admin/t/:tenant/aides/:id', { config: write, schema: { params: AidParams, querystring: MessageQuery } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    return renderFiche(reply, tenant, { values: ficheFromAid(row.definition), errors: {}, row, message: request.query.message });
  });

  app.post('/admin/t/:tenant/aides/:id', { config: write, schema: { params: AidParams, body: FicheBody } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    const values = { ...ficheFromBody(request.body), id: row.id };
    const draft = aidFromFiche(values, row.definition.eligibility, { tenant_id: row.definition.porteur.tenant_id });
    const errors = ficheErrors(checkAid(draft));
    if (Object.keys(errors).length) return renderFiche(reply, tenant, { values, errors, row }, 422);
    const who = await actor(request);
    const outcome = await saveAid(db, { tenantId: tenant.id, status: row.status, aid: draft as unknown as Aid, actorId: who.id });
    if (outcome !== 'unchanged') await audit(platform.db, { action: 'aid.update', actor: who, tenantId: tenant.id, targetType: 'aid', targetId: row.id, details: { title: draft.name, part: 'fiche' } });
    return reply.redirect(`${aidsAdminBase(tenant.id)}/${row.id}?message=enregistre`, 303);
  });

  // ---------------------------------------------------------------- conditions

  const renderConditions = async (reply: FastifyReply, tenant: Tenant, row: { id: string; status: 'draft' | 'published'; definition: Aid }, tree: FormNode, errors: FieldErrors, status = 200, message?: string) => {
    const heading = `Conditions : ${row.definition.name}`;
    const summary: FieldErrors = {};
    for (const [field, msg] of Object.entries(errors)) summary[field] = msg;
    return adminPage(
      reply.request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}${heading}`,
        heading,
        current: aidsAdminBase(tenant.id),
        crumbs: crumbs(tenant, heading),
        main: (csrfToken) => (
          <>
            <AidActions tenantId={tenant.id} id={row.id} status={row.status} csrfToken={csrfToken} message={message} />
            <ConditionsForm action={`${aidsAdminBase(tenant.id)}/${row.id}/conditions`} tree={tree} errors={errors} summary={summary} csrfToken={csrfToken} />
          </>
        ),
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/aides/:id/conditions', { config: write, schema: { params: AidParams, querystring: MessageQuery } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    return renderConditions(reply, tenant, row, treeFromCondition(row.definition.eligibility), {}, 200, request.query.message);
  });

  app.post('/admin/t/:tenant/aides/:id/conditions', { config: write, schema: { params: AidParams, body: ConditionsBody } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    const body: Record<string, unknown> = request.body;
    const tree = treeFromBody(body);
    const action = typeof body.action === 'string' ? body.action : 'enregistrer';
    if (action !== 'enregistrer') {
      applyTreeAction(tree, action, body);
      return renderConditions(reply, tenant, row, tree, {});
    }
    const { condition, where } = conditionFromTree(tree);
    const draft = { ...row.definition, eligibility: condition };
    const found = checkAid(draft);
    if (found.length) {
      const errors = treeErrors(found, where);
      for (const e of found) if (!e.path.startsWith('/eligibility')) errors[ficheField(e.path)] = `${fieldLabel(e.path)} : ${e.message} (à corriger dans la fiche)`;
      return renderConditions(reply, tenant, row, tree, errors, 422);
    }
    const who = await actor(request);
    const outcome = await saveAid(db, { tenantId: tenant.id, status: row.status, aid: draft as Aid, actorId: who.id });
    if (outcome !== 'unchanged') await audit(platform.db, { action: 'aid.update', actor: who, tenantId: tenant.id, targetType: 'aid', targetId: row.id, details: { title: draft.name, part: 'conditions' } });
    return reply.redirect(`${aidsAdminBase(tenant.id)}/${row.id}/conditions?message=enregistre`, 303);
  });

  // ---------------------------------------------------------------- preview, publication (versions: versions.routes.tsx)

  app.get('/admin/t/:tenant/aides/:id/apercu', { config: read, schema: { params: AidParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    const aid = row.definition;
    return reply.header('cache-control', 'no-store').page(
      {
        title: `Aperçu : ${aid.name}`,
        heading: aid.name,
        noindex: true,
        breadcrumb: adminBreadcrumb(tenant, { label: SECTION, href: aidsAdminBase(tenant.id) }, { label: `Aperçu : ${aid.name}` }),
        notice: (
          <Notice kind="warning" title={row.status === 'published' ? 'Aperçu – cette aide est publiée' : 'Aperçu – brouillon, non visible du public'}>
            <p>
              Version {row.version}.{' '}
              {(await canEdit(request, tenant.id)) ? <a href={`${aidsAdminBase(tenant.id)}/${row.id}`}>Revenir à la modification</a> : <a href={aidsAdminBase(tenant.id)}>Revenir à la liste</a>}
            </p>
          </Notice>
        ),
        main: <AidPage aid={aid} tenantName={tenant.name} />,
      },
      { tenant: platform.tenants.portal() },
    );
  });

  for (const [path, status] of [['publier', 'published'], ['depublier', 'draft']] as const) {
    app.post(`/admin/t/:tenant/aides/:id/${path}`, { config: write, schema: { params: AidParams, body: FormBody({}) } }, async (request, reply) => {
      const { tenant, row } = await aidOf(request);
      const who = await actor(request);
      const outcome = await saveAid(db, { tenantId: tenant.id, status, aid: row.definition, actorId: who.id });
      if (outcome !== 'unchanged') await audit(platform.db, { action: status === 'published' ? 'aid.publish' : 'aid.unpublish', actor: who, tenantId: tenant.id, targetType: 'aid', targetId: row.id, details: { title: row.definition.name } });
      return reply.redirect(`${aidsAdminBase(tenant.id)}/${row.id}?message=${status === 'published' ? 'publie' : 'depublie'}`, 303);
    });
  }
}
