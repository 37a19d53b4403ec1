/** The two-step CSV import of an authority's places (issue 15 c.6): checked line by line, then applied all or nothing. Éditeur and above. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { ImportFileForm, ImportReport, reportTitle, reportView, sentFile, uploadOptions } from '../../platform/imports';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import { actorOf, SECTION, write } from './admin.routes';
import { applyImport, dryRun, importOf, MAX_IMPORT_BYTES, parsePlacesCsv, storeDryRun } from './import';
import { communeLookup } from './place-input';
import { allCommunes, helpDb } from './store';
import { placesAdminPath } from './views/admin';

const upload = uploadOptions(write, MAX_IMPORT_BYTES);

export async function placesImportRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = helpDb(platform.db);
  const importBase = (tenantId: string) => `${placesAdminPath(tenantId)}/import`;
  const crumbs = (tenant: Tenant, label: string) => [{ label: SECTION, href: placesAdminPath(tenant.id) }, { label }];

  const renderForm = (reply: FastifyReply, tenant: Tenant, error?: string) =>
    adminPage(
      reply.request,
      reply,
      {
        title: `${error ? 'Erreur – ' : ''}Importer des lieux`,
        heading: 'Importer des lieux',
        current: placesAdminPath(tenant.id),
        crumbs: crumbs(tenant, 'Importer'),
        main: (csrfToken) => (
          <ImportFileForm
            action={importBase(tenant.id)}
            csrfToken={csrfToken}
            error={error}
            intro="Déposez un fichier CSV de lieux, une ligne par lieu (colonnes décrites dans la documentation, « Import CSV des lieux » : identifiant, type, nom, code_postal, commune obligatoires)."
            label="Fichier CSV"
            hint="UTF-8, colonnes séparées par « ; » ou « , ». 5 Mo et 5 000 lieux au plus."
            accept=".csv,text/csv"
          />
        ),
      },
      { status: error ? 422 : 200, tenant },
    );

  app.get('/admin/t/:tenant/lieux/import', { config: write }, async (request, reply) => renderForm(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/lieux/import', { config: upload }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sent = sentFile(request.body, MAX_IMPORT_BYTES, 'Choisissez un fichier CSV.');
    if (!sent.ok) return renderForm(reply, tenant, sent.error);
    const { bytes } = sent;
    const parsed = parsePlacesCsv(bytes);
    if (!parsed.ok) return renderForm(reply, tenant, parsed.error);
    const run = await dryRun(db, tenant.id, parsed.rows, communeLookup(await allCommunes(db)));
    const who = await actorOf(request);
    const id = await storeDryRun(db, { tenantId: tenant.id, actorId: who.id, fileName: sent.fileName ?? 'lieux.csv', bytes, run });
    await audit(platform.db, { action: 'help_place.import_checked', actor: who, tenantId: tenant.id, targetType: 'help_place_import', targetId: id, details: { ...run.counts } });
    return reply.redirect(`${importBase(tenant.id)}/${id}`, 303);
  });

  app.get('/admin/t/:tenant/lieux/import/:importId', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, (request.params as { importId: string }).importId);
    if (!row) throw new NotFoundError('Cet import n’existe pas dans votre collectivité.');
    const query = request.query as Record<string, unknown>;
    const view = reportView(row, query, `${importBase(tenant.id)}/${row.id}`);
    return adminPage(
      request,
      reply,
      {
        title: reportTitle('Vérification de l’import de lieux', view),
        heading: 'Vérification de l’import de lieux',
        current: placesAdminPath(tenant.id),
        crumbs: crumbs(tenant, 'Vérification de l’import'),
        notice: query.message === 'importe' ? <Notice kind="success" title="Import terminé." /> : null,
        main: (csrfToken) => <ImportReport {...view} csrfToken={csrfToken} noun={{ feminine: false, one: 'lieu', many: 'lieux' }} applyLabel="Importer les lieux" />,
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/lieux/import/:importId/appliquer', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const importId = (request.params as { importId: string }).importId;
    const outcome = await applyImport(db, tenant.id, importId);
    if (!outcome.ok && outcome.reason === 'missing') throw new NotFoundError('Cet import n’existe pas dans votre collectivité.');
    if (outcome.ok) {
      const { created, updated, unchanged } = outcome;
      await audit(platform.db, { action: 'help_place.import_applied', actor: await actorOf(request), tenantId: tenant.id, targetType: 'help_place_import', targetId: importId, details: { created, updated, unchanged } });
    }
    return reply.redirect(`${importBase(tenant.id)}/${importId}?message=importe`, 303);
  });
}
