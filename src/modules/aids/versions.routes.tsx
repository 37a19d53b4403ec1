/**
 * An aid's versions in the back office: the history (lecteur), one old version as the public
 * would see it (lecteur), and « Rétablir cette version » (éditeur), which copies it into a new
 * version. Every query names the route's tenant: another tenant's aid is 404.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Digits, FormBody, NoQuery, Params, Query, TenantId, Text } from '../../platform/http/route-schemas';
import { NotFoundError } from '../../platform/http/errors';
import { adminBreadcrumb, adminPage, requireAccount } from '../../platform/views/admin';
import { formatDateTime, Notice } from '../../platform/views/components';
import { AidParams, canEdit, read, routeAid, write } from './admin-shared';
import { AidId } from './routes';
import { aidsDb } from './store';
import { fieldLabel } from './validate';
import { aidVersionOf, aidVersionsPage, restoreAidVersion } from './versions';
import { aidsAdminBase } from './views/admin';
import { AidPage } from './views/aid-page';
import { RestoreButton, RestoreExplanation, RestoreRefused, VersionHistory } from './views/versions';

const PER_PAGE = 20;
const STATUS = { draft: 'brouillon', published: 'publiée' } as const;

const VersionParams = Params({ tenant: TenantId, id: AidId, version: Digits });
type VersionRequest = FastifyRequest & { params: { id: string; version: string } };

export async function aidVersionsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = aidsDb(platform.db);

  const aidOf = (request: FastifyRequest & { params: { id: string } }) => routeAid(db, request);
  const versionNumber = (request: VersionRequest) => {
    const raw = request.params.version;
    if (!/^\d{1,6}$/.test(raw)) throw new NotFoundError('Cette version n’existe pas.');
    return Number(raw);
  };
  const historyUrl = (tenantId: string, aidId: string) => `${aidsAdminBase(tenantId)}/${aidId}/versions`;

  app.get('/admin/t/:tenant/aides/:id/versions', { config: read, schema: { params: AidParams, querystring: Query({ page: Text }) } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    const pages = Math.max(1, Math.ceil(row.version / PER_PAGE));
    const asked = request.query.page ?? '';
    const page = Math.min(pages, Math.max(1, /^\d{1,5}$/.test(asked) ? Number(asked) : 1));
    const versions = await aidVersionsPage(db, tenant.id, row.id, { offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
    const heading = `Versions : ${row.definition.name}`;
    const editor = await canEdit(request, tenant.id);
    return adminPage(
      request,
      reply,
      {
        title: `${heading}${pages > 1 ? `, page ${page} sur ${pages}` : ''}`,
        heading,
        current: aidsAdminBase(tenant.id),
        crumbs: [{ label: 'Aides', href: aidsAdminBase(tenant.id) }, { label: heading }],
        main: (csrfToken) => (
          <>
            <p>
              <a href={editor ? `${aidsAdminBase(tenant.id)}/${row.id}` : `${aidsAdminBase(tenant.id)}/${row.id}/apercu`}>{editor ? 'Revenir à la fiche' : 'Voir l’aide'}</a>
            </p>
            <VersionHistory tenantId={tenant.id} aidId={row.id} latest={row.version} published={row.status === 'published'} versions={versions} page={page} pages={pages} csrfToken={csrfToken} canEdit={editor} />
          </>
        ),
      },
      { tenant },
    );
  });

  /** One version as the public page would show it, with « Rétablir cette version » for an editor. */
  const renderVersion = async (request: VersionRequest, reply: Parameters<typeof adminPage>[1], refused?: Parameters<typeof RestoreRefused>[0]['errors']) => {
    const { tenant, row } = await aidOf(request);
    const number = versionNumber(request);
    const version = await aidVersionOf(db, tenant.id, row.id, number);
    if (!version) throw new NotFoundError('Cette version n’existe pas.');
    const history = historyUrl(tenant.id, row.id);
    const restorable = (await canEdit(request, tenant.id)) && number !== row.version;
    return reply
      .header('cache-control', 'no-store')
      .page(
        {
          title: `${refused ? 'Erreur – ' : ''}Version ${number} : ${version.definition.name}`,
          heading: version.definition.name,
          noindex: true,
          breadcrumb: adminBreadcrumb(tenant, { label: 'Aides', href: aidsAdminBase(tenant.id) }, { label: `Versions : ${row.definition.name}`, href: history }, { label: `Version ${number}` }),
          notice: (
            <>
              {refused ? <RestoreRefused version={number} errors={refused} fieldLabel={fieldLabel} /> : null}
              <Notice kind="info" title={`Version ${number} (${STATUS[version.status]}), enregistrée le ${formatDateTime(new Date(version.created_at))} par ${version.author ?? 'l’import des données de démonstration'}${number === row.version ? ' : c’est la version actuelle' : ''}`}>
                {restorable ? <RestoreExplanation published={row.status === 'published'} /> : null}
                <p>
                  <a href={history}>Revenir à l’historique</a>{' '}
                  {restorable ? <RestoreButton tenantId={tenant.id} aidId={row.id} version={number} csrfToken={await reply.generateCsrf()} /> : null}
                </p>
              </Notice>
            </>
          ),
          main: <AidPage aid={version.definition} tenantName={tenant.name} />,
        },
        { status: refused ? 422 : 200, tenant: platform.tenants.portal() },
      );
  };

  app.get('/admin/t/:tenant/aides/:id/versions/:version', { config: read, schema: { params: VersionParams, querystring: NoQuery } }, async (request, reply) => renderVersion(request, reply));

  app.post('/admin/t/:tenant/aides/:id/versions/:version/retablir', { config: write, schema: { params: VersionParams, body: FormBody({}) } }, async (request, reply) => {
    const { tenant, row } = await aidOf(request);
    const account = await requireAccount(request);
    const outcome = await restoreAidVersion(db, { tenantId: tenant.id, aidId: row.id, version: versionNumber(request), actor: { id: account.id, label: account.displayName, ip: request.ip } });
    if (!outcome.ok && outcome.reason === 'not_found') throw new NotFoundError('Cette version n’existe pas.');
    if (!outcome.ok) return renderVersion(request, reply, outcome.errors);
    return reply.redirect(`${aidsAdminBase(tenant.id)}/${row.id}?message=retabli`, 303);
  });
}
