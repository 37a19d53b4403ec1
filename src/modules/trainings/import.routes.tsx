/**
 * The two-step LHEO import of trainings in the back office (like the aids import): the file is
 * checked formation by formation (dry run, stored), then applied all or nothing. Administrateur
 * of the tenant (the Région, or an authority that runs orientation); the rows carry its tenant.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { ImportFileForm, ImportReport, reportTitle, reportView, sentFile, uploadOptions } from '../../platform/imports';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import { applyImport, dryRun, importOf, MAX_IMPORT_BYTES, readImportFile, storeDryRun } from './import';
import { trainingsDb } from './store';

const guard = { guard: { tenantRole: 'administrateur' as const } };
const upload = uploadOptions(guard, MAX_IMPORT_BYTES);
const base = (tenantId: string) => `/admin/t/${tenantId}/formations/import`;

export async function trainingsImportRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = trainingsDb(platform.db);

  const renderForm = async (reply: FastifyReply, tenant: Tenant, error?: string) =>
    adminPage(
      reply.request,
      reply,
      {
        title: `${error ? 'Erreur – ' : ''}Importer des formations`,
        heading: 'Importer des formations',
        current: base(tenant.id),
        crumbs: [{ label: 'Importer des formations' }],
        main: (csrfToken) => (
          <ImportFileForm
            action={base(tenant.id)}
            csrfToken={csrfToken}
            error={error}
            intro="Déposez un fichier LHEO 2.3 (XML, le format d’échange des Carif-Oref)."
            label="Fichier LHEO (XML)"
            hint="20 Mo au plus, 20 000 formations au plus."
            accept=".xml,application/xml,text/xml"
          />
        ),
      },
      { status: error ? 422 : 200, tenant },
    );


  app.get('/admin/t/:tenant/formations/import', { config: guard }, async (request, reply) => renderForm(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/formations/import', { config: upload }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sent = sentFile(request.body, MAX_IMPORT_BYTES, 'Choisissez un fichier LHEO (XML).');
    if (!sent.ok) return renderForm(reply, tenant, sent.error);
    const { bytes } = sent;
    const parsed = readImportFile(bytes);
    if (!parsed.ok) return renderForm(reply, tenant, parsed.error);
    const run = await dryRun(platform.db, tenant.id, parsed.records);
    const account = await requireAccount(request);
    const who = { id: account.id, label: account.displayName, ip: request.ip };
    const id = await storeDryRun(db, { tenantId: tenant.id, actorId: who.id, fileName: sent.fileName ?? 'formations.xml', bytes, run });
    await audit(platform.db, { action: 'training.import_checked', actor: who, tenantId: tenant.id, targetType: 'trainings_import', targetId: id, details: { ...run.counts } });
    return reply.redirect(`${base(tenant.id)}/${id}`, 303);
  });

  app.get('/admin/t/:tenant/formations/import/:importId', { config: guard }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, (request.params as { importId: string }).importId);
    if (!row) throw new NotFoundError();
    const query = request.query as Record<string, unknown>;
    const view = reportView(row, query, `${base(tenant.id)}/${row.id}`);
    return adminPage(
      request,
      reply,
      {
        title: reportTitle('Vérification de l’import', view),
        heading: 'Vérification de l’import',
        current: base(tenant.id),
        crumbs: [{ label: 'Importer des formations', href: base(tenant.id) }, { label: 'Vérification' }],
        notice: query.message === 'importe' ? <Notice kind="success" title="Import terminé." /> : null,
        main: (csrfToken) => <ImportReport {...view} csrfToken={csrfToken} noun={{ feminine: true }} applyLabel="Importer" />,
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/formations/import/:importId/appliquer', { config: guard }, async (request, reply) => {
    const tenant = routeTenant(request);
    const importId = (request.params as { importId: string }).importId;
    const outcome = await applyImport(db, tenant.id, importId);
    if (!outcome.ok && outcome.reason === 'missing') throw new NotFoundError();
    const account = await requireAccount(request);
    if (outcome.ok) {
      await audit(platform.db, { action: 'training.import_applied', actor: { id: account.id, label: account.displayName, ip: request.ip }, tenantId: tenant.id, targetType: 'trainings_import', targetId: importId, details: { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged } });
    }
    if (!outcome.ok && outcome.reason === 'conflict') return renderForm(reply, tenant, outcome.detail);
    return reply.redirect(`${base(tenant.id)}/${importId}?message=importe`, 303);
  });
}
