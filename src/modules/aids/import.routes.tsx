/**
 * The two-step import of a tenant's aids (issue 6 a, point 3): the file is checked line by line
 * (dry run, stored), then applied all or nothing. Éditeur and above.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Params, TenantId, TenantParams, Uuid } from '../../platform/http/route-schemas';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { ImportFileBody, ImportFileForm, ImportReport, ImportReportQuery, reportTitle, reportView, sentFile, uploadOptions } from '../../platform/imports';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import { actorOf, crumbs, write } from './admin-shared';
import { applyImport, dryRun, importOf, MAX_IMPORT_BYTES, parseImportFile, storeDryRun } from './import';
import { aidsDb } from './store';
import { aidsAdminBase } from './views/admin';

const upload = uploadOptions(write, MAX_IMPORT_BYTES);

const ImportParams = Params({ tenant: TenantId, importId: Uuid });

export async function aidsImportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = aidsDb(platform.db);
  const actor = actorOf;

  const importBase = (tenantId: string) => `${aidsAdminBase(tenantId)}/import`;
  const renderImport = async (reply: FastifyReply, tenant: Tenant, error?: string) =>
    adminPage(
      reply.request,
      reply,
      {
        title: `${error ? 'Erreur – ' : ''}Importer des aides`,
        heading: 'Importer des aides',
        current: aidsAdminBase(tenant.id),
        crumbs: crumbs(tenant, 'Importer'),
        main: (csrfToken) => (
          <ImportFileForm
            action={importBase(tenant.id)}
            csrfToken={csrfToken}
            error={error}
            intro="Déposez un fichier JSON (un tableau d’aides au format Guichet, ou l’export ouvert de Guichet) ou CSV (les colonnes sont décrites dans la documentation du format, l’arbre des conditions dans la colonne « conditions » en JSON)."
            label="Fichier JSON ou CSV"
            hint="20 Mo au plus, 20 000 aides au plus."
            accept=".json,.csv,application/json,text/csv"
          />
        ),
      },
      { status: error ? 422 : 200, tenant },
    );

  app.get('/admin/t/:tenant/aides/import', { config: write, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => renderImport(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/aides/import', { config: upload, schema: { params: TenantParams, body: ImportFileBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sent = sentFile(request.body, MAX_IMPORT_BYTES, 'Choisissez un fichier JSON ou CSV.');
    if (!sent.ok) return renderImport(reply, tenant, sent.error);
    const { bytes } = sent;
    const fileName = sent.fileName ?? (/^\s*[[{]/.test(bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '')) ? 'import.json' : 'import.csv');
    const parsed = parseImportFile(bytes, fileName, tenant.id);
    if (!parsed.ok) return renderImport(reply, tenant, parsed.error);
    const run = await dryRun(db, tenant.id, parsed.records);
    const who = await actor(request);
    const id = await storeDryRun(db, { tenantId: tenant.id, actorId: who.id, fileName, format: parsed.format, bytes, run });
    await audit(platform.db, { action: 'aid.import_checked', actor: who, tenantId: tenant.id, targetType: 'aids_import', targetId: id, details: { ...run.counts } });
    return reply.redirect(`${importBase(tenant.id)}/${id}`, 303);
  });

  app.get('/admin/t/:tenant/aides/import/:importId', { config: write, schema: { params: ImportParams, querystring: ImportReportQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, request.params.importId);
    if (!row) throw new NotFoundError();
    const query = request.query;
    const view = reportView(row, query, `${importBase(tenant.id)}/${row.id}`);
    return adminPage(
      request,
      reply,
      {
        title: reportTitle('Vérification de l’import', view),
        heading: 'Vérification de l’import',
        current: aidsAdminBase(tenant.id),
        crumbs: crumbs(tenant, 'Vérification de l’import'),
        notice: (query.message === 'importe' ? <Notice kind="success" title="Import terminé." /> : null),
        main: (csrfToken) => <ImportReport {...view} csrfToken={csrfToken} noun={{ feminine: true }} applyLabel="Importer" />,
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/aides/import/:importId/appliquer', { config: write, schema: { params: ImportParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const importId = request.params.importId;
    const who = await actor(request);
    const outcome = await applyImport(db, tenant.id, importId, who.id);
    if (!outcome.ok && outcome.detail === 'Cet import n’existe pas.') throw new NotFoundError();
    if (outcome.ok) await audit(platform.db, { action: 'aid.import_applied', actor: who, tenantId: tenant.id, targetType: 'aids_import', targetId: importId, details: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged } });
    if (!outcome.ok && outcome.reason === 'conflict') return renderImport(reply, tenant, outcome.detail);
    return reply.redirect(`${importBase(tenant.id)}/${importId}?message=importe`, 303);
  });
}
