import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Digits, FileField, FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, TextFields, Uuid } from '../../platform/http/route-schemas';
import { roleAllows } from '../../platform/auth/roles';
import type { Tenant } from '../../platform/db/tables';
import { ForbiddenError, NotFoundError } from '../../platform/http/errors';
import { adminBreadcrumb, adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import type { FieldErrors } from '../../platform/views/form';
import type { ContentFormValues } from './content-form';
import { MAX_IMAGE_BYTES } from './images';
import { spaceBaseFor } from './public.routes';
import { publishContent, restoreVersion, saveContent, type Actor } from './service';
import { contentDb, getItem, getVersion, listItems, listVersions, statusOf } from './store';
import type { ContentItem, ContentKind } from './tables';
import { adminBase, KIND_LABELS, kindFromParam } from './views/admin-common';
import { ContentListView } from './views/admin-list';
import { Article } from './views/article';
import { EditorForm, emptyValues, ItemActions } from './views/editor';
import { HistoryView, RestoreButton } from './views/history';

const PER_PAGE = 20;
const read = { guard: { tenantRole: 'lecteur' as const } };
const write = { guard: { tenantRole: 'editeur' as const } };
/** Uploads: a file over the limit is cut one byte past it, then refused with a message next to the field. */
const upload = { ...write, multipartOptions: { limits: { fileSize: MAX_IMAGE_BYTES + 1 }, throwFileSizeLimit: false } as object };

const ItemParams = Params({ tenant: TenantId, id: Uuid });
const VersionParams = Params({ tenant: TenantId, id: Uuid, version: Digits });
/** `?type=page` or `?type=actualite`: the kind of content listed or created. */
const KindQuery = Query({ type: Text });
/** The editor (views/editor.tsx): its text inputs, checkboxes and the image. */
const ContentBody = FormBody({
  ...TextFields(['title', 'slug', 'summary', 'body', 'tags', 'image_alt', 'image_decorative', 'image_remove', 'image_pending', 'pro_only']),
  image: FileField,
});

export async function actorOf(request: FastifyRequest): Promise<Actor> {
  const account = await request.currentAccount();
  if (!account) throw new ForbiddenError();
  return { id: account.id, label: account.displayName, ip: request.ip };
}

export async function adminRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = contentDb(platform.db);

  const itemOf = async (request: FastifyRequest & { params: { id: string } }): Promise<{ tenant: Tenant; item: ContentItem }> => {
    const tenant = routeTenant(request);
    const item = await getItem(db, tenant.id, request.params.id);
    if (!item) throw new NotFoundError();
    return { tenant, item };
  };
  const canEdit = async (request: FastifyRequest, tenantId: string) => roleAllows((await request.currentAccount())?.roles.get(tenantId), 'editeur');
  const publicHref = (request: FastifyRequest, tenant: Tenant, item: ContentItem) =>
    `${spaceBaseFor(request, tenant)}/${item.kind === 'page' ? 'pages' : 'actualites'}/${item.slug}`;
  const itemUrl = (tenantId: string, id: string) => `${adminBase(tenantId)}/contenus/${id}`;

  app.get('/admin/t/:tenant/contenus', { config: read, schema: { params: TenantParams, querystring: Query({ type: Text, page: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const query = request.query;
    const kind = kindFromParam(query.type);
    const page = Math.max(1, /^\d{1,4}$/.test(query.page ?? '') ? Number(query.page) : 1);
    const list = await listItems(db, tenant.id, { kind, offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
    const pages = Math.max(1, Math.ceil(list.total / PER_PAGE));
    return adminPage(
      request,
      reply,
      {
        title: 'Pages et actualités',
        current: `${adminBase(tenant.id)}/contenus`,
        main: <ContentListView tenantId={tenant.id} items={list.rows} kind={kind} page={page} pages={pages} total={list.total} canEdit={await canEdit(request, tenant.id)} />,
      },
      { tenant },
    );
  });

  const renderEditor = async (
    reply: FastifyReply,
    state: { tenant: Tenant; kind: ContentKind; item?: ContentItem; values: ContentFormValues; errors: FieldErrors; saved?: string | undefined },
    status = 200,
  ) => {
    const { tenant, kind, item, values, errors } = state;
    const csrfToken = await reply.generateCsrf();
    const latest = item ? await getVersion(db, tenant.id, item.id, item.latest_version) : undefined;
    const currentImage = latest?.image_media_id ? { id: latest.image_media_id, alt: latest.image_alt ?? '' } : undefined;
    const heading = item ? `Modifier : ${latest?.title ?? ''}` : kind === 'page' ? 'Créer une page' : 'Créer une actualité';
    return adminPage(
      reply.request,
      reply,
      {
        title: `${Object.keys(errors).length ? 'Erreur – ' : ''}${heading}`,
        heading,
        current: `${adminBase(tenant.id)}/contenus`,
        crumbs: [{ label: 'Pages et actualités', href: `${adminBase(tenant.id)}/contenus` }, { label: heading }],
        main: (
          <>
            {item ? (
              <ItemActions tenantId={tenant.id} item={item} publicHref={publicHref(reply.request, tenant, item)} csrfToken={csrfToken} saved={state.saved} />
            ) : null}
            <EditorForm tenantId={tenant.id} kind={kind} item={item} currentImage={currentImage} values={values} errors={errors} csrfToken={csrfToken} />
          </>
        ),
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/contenus/nouveau', { config: write, schema: { params: TenantParams, querystring: KindQuery } }, async (request, reply) => {
    const kind = kindFromParam(request.query.type) ?? 'page';
    return renderEditor(reply, { tenant: routeTenant(request), kind, values: emptyValues, errors: {} });
  });

  app.post('/admin/t/:tenant/contenus/nouveau', { config: upload, schema: { params: TenantParams, querystring: KindQuery, body: ContentBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const kind = kindFromParam(request.query.type) ?? 'page';
    const result = await saveContent(platform.db, await actorOf(request), tenant.id, { kind }, request.body);
    if (!result.ok) return renderEditor(reply, { tenant, kind, values: result.values, errors: result.errors }, 422);
    return reply.redirect(`${itemUrl(tenant.id, result.itemId)}?message=enregistre`, 303);
  });

  app.get('/admin/t/:tenant/contenus/:id', { config: write, schema: { params: ItemParams, querystring: Query({ message: Text }) } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const latest = await getVersion(db, tenant.id, item.id, item.latest_version);
    if (!latest) throw new NotFoundError();
    const values: ContentFormValues = {
      ...emptyValues,
      title: latest.title,
      slug: item.slug,
      summary: latest.summary,
      body: latest.body,
      tags: latest.tags.join(', '),
      image_alt: latest.image_alt ?? '',
      image_decorative: latest.image_media_id !== null && latest.image_alt === '',
      pro_only: item.pro_only,
    };
    return renderEditor(reply, { tenant, kind: item.kind, item, values, errors: {}, saved: request.query.message });
  });

  app.post('/admin/t/:tenant/contenus/:id', { config: upload, schema: { params: ItemParams, body: ContentBody } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const result = await saveContent(platform.db, await actorOf(request), tenant.id, { kind: item.kind, item }, request.body);
    if (!result.ok) return renderEditor(reply, { tenant, kind: item.kind, item, values: result.values, errors: result.errors }, 422);
    return reply.redirect(`${itemUrl(tenant.id, item.id)}?message=enregistre`, 303);
  });

  for (const [path, publish] of [['publier', true], ['depublier', false]] as const) {
    app.post(`/admin/t/:tenant/contenus/:id/${path}`, { config: write, schema: { params: ItemParams, body: FormBody({}) } }, async (request, reply) => {
      const { tenant, item } = await itemOf(request);
      await publishContent(platform.db, await actorOf(request), tenant.id, item.id, publish);
      return reply.redirect(`${itemUrl(tenant.id, item.id)}?message=${publish ? 'publie' : 'depublie'}`, 303);
    });
  }

  app.get('/admin/t/:tenant/contenus/:id/apercu', { config: read, schema: { params: ItemParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const latest = await getVersion(db, tenant.id, item.id, item.latest_version);
    if (!latest) throw new NotFoundError();
    const base = spaceBaseFor(request, tenant);
    const isPublished = statusOf(item) === 'publie';
    return reply.page({
      title: `Aperçu : ${latest.title}`,
      heading: latest.title,
      noindex: true,
      breadcrumb: adminBreadcrumb(tenant, { label: 'Pages et actualités', href: `${adminBase(tenant.id)}/contenus` }, { label: `Aperçu : ${latest.title}` }),
      notice: (
        <Notice kind="warning" title={isPublished ? 'Aperçu – cette version est publiée' : 'Aperçu – brouillon, non visible du public'}>
          <p>
            {KIND_LABELS[item.kind]}, version {latest.version}.{' '}
            {(await canEdit(request, tenant.id)) ? <a href={itemUrl(tenant.id, item.id)}>Revenir à la modification</a> : <a href={`${itemUrl(tenant.id, item.id)}/historique`}>Voir l’historique</a>}
          </p>
        </Notice>
      ),
      main: <Article content={{ ...latest, id: item.id, kind: item.kind, published_at: item.published_at }} base={base} />,
    });
  });

  app.get('/admin/t/:tenant/contenus/:id/historique', { config: read, schema: { params: ItemParams, querystring: Query({ page: Text }) } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const pages = Math.max(1, Math.ceil(item.latest_version / PER_PAGE));
    const page = Math.min(pages, Math.max(1, /^\d{1,4}$/.test(request.query.page ?? '') ? Number(request.query.page) : 1));
    const versions = await listVersions(db, tenant.id, item.id, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
    const latest = await getVersion(db, tenant.id, item.id, item.latest_version);
    const title = latest?.title ?? '';
    const canRestore = await canEdit(request, tenant.id);
    return adminPage(
      request,
      reply,
      {
        title: `Historique : ${title}`,
        current: `${adminBase(tenant.id)}/contenus`,
        crumbs: [{ label: 'Pages et actualités', href: `${adminBase(tenant.id)}/contenus` }, { label: `Historique : ${title}` }],
        main: (csrfToken) => <HistoryView tenantId={tenant.id} item={item} versions={versions} page={page} pages={pages} csrfToken={csrfToken} canEdit={canRestore} />,
      },
      { tenant },
    );
  });

  /** A version number as the table holds it (integer): anything else names no version. */
  const versionNumber = (raw: string) => {
    if (!/^\d{1,6}$/.test(raw)) throw new NotFoundError('Cette version n’existe pas.');
    return Number(raw);
  };

  app.get('/admin/t/:tenant/contenus/:id/versions/:version', { config: read, schema: { params: VersionParams, querystring: NoQuery } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const number = versionNumber(request.params.version);
    const version = await getVersion(db, tenant.id, item.id, number);
    if (!version) throw new NotFoundError();
    const history = `${itemUrl(tenant.id, item.id)}/historique`;
    return adminPage(request, reply, {
      title: `Version ${version.version} : ${version.title}`,
      heading: version.title,
      current: `${adminBase(tenant.id)}/contenus`,
      crumbs: [{ label: 'Pages et actualités', href: `${adminBase(tenant.id)}/contenus` }, { label: 'Historique', href: history }, { label: `Version ${version.version}` }],
      notice: (
        <Notice kind="info" title={`Version ${version.version}, enregistrée par ${version.author_label || 'inconnu'} (${version.note})`}>
          <p>
            <a href={history}>Revenir à l’historique</a>{' '}
            {(await canEdit(request, tenant.id)) && version.version !== item.latest_version ? (
              <RestoreButton tenantId={tenant.id} itemId={item.id} version={version.version} csrfToken={await reply.generateCsrf()} />
            ) : null}
          </p>
        </Notice>
      ),
      main: <Article content={{ ...version, id: item.id, kind: item.kind, published_at: null }} base={spaceBaseFor(request, tenant)} />,
    }, { tenant });
  });

  app.post('/admin/t/:tenant/contenus/:id/versions/:version/restaurer', { config: write, schema: { params: VersionParams, body: FormBody({}) } }, async (request, reply) => {
    const { tenant, item } = await itemOf(request);
    const number = versionNumber(request.params.version);
    await restoreVersion(platform.db, await actorOf(request), tenant.id, item.id, number);
    return reply.redirect(`${itemUrl(tenant.id, item.id)}?message=restaure`, 303);
  });
}
