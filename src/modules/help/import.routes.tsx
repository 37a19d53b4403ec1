/** The two-step CSV import of an authority's places (issue 15 c.6): checked line by line, then applied all or nothing. Éditeur and above. */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { FormBody, NoQuery, Params, TenantId, TenantParams, Uuid } from '../../platform/http/route-schemas';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { ImportFileBody, ImportFileForm, ImportReport, ImportReportQuery, reportPage } from '../../platform/imports';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import { actorOf, SECTION, write } from './admin.routes';
import { applyImport, dryRun, importOf, MAX_IMPORT_BYTES, parsePlacesCsv, storeDryRun } from './import';
import { communeLookup } from './place-input';
import { allCommunes, helpDb } from './store';
import { placesAdminPath } from './views/admin';

const upload = { ...write, multipartOptions: { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 }, throwFileSizeLimit: false } as object };

const ImportParams = Params({ tenant: TenantId, importId: Uuid });

export async function placesImportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
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

  app.get('/admin/t/:tenant/lieux/import', { config: write, schema: { params: TenantParams, querystring: NoQuery } }, async (request, reply) => renderForm(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/lieux/import', { config: upload, schema: { params: TenantParams, body: ImportFileBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const body = request.body;
    const bytes = Buffer.isBuffer(body.fichier) ? body.fichier : undefined;
    if (!bytes || bytes.length === 0) return renderForm(reply, tenant, 'Choisissez un fichier CSV.');
    if (bytes.length > MAX_IMPORT_BYTES) return renderForm(reply, tenant, 'Le fichier est trop lourd : 5 Mo au plus.');
    const parsed = parsePlacesCsv(bytes);
    if (!parsed.ok) return renderForm(reply, tenant, parsed.error);
    const run = await dryRun(db, tenant.id, parsed.rows, communeLookup(await allCommunes(db)));
    const who = await actorOf(request);
    const fileName = typeof body.fichier_nom === 'string' ? body.fichier_nom : 'lieux.csv';
    const id = await storeDryRun(db, { tenantId: tenant.id, actorId: who.id, fileName, bytes, run });
    await audit(platform.db, { action: 'help_place.import_checked', actor: who, tenantId: tenant.id, targetType: 'help_place_import', targetId: id, details: { ...run.counts } });
    return reply.redirect(`${importBase(tenant.id)}/${id}`, 303);
  });

  app.get('/admin/t/:tenant/lieux/import/:importId', { config: write, schema: { params: ImportParams, querystring: ImportReportQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, request.params.importId);
    if (!row) throw new NotFoundError('Cet import n’existe pas dans votre collectivité.');
    const query = request.query;
    const { onlyErrors, lines, page, pages } = reportPage(row.lines, query);
    return adminPage(
      request,
      reply,
      {
        title: `Vérification de l’import de lieux${pages > 1 ? `, page ${page} sur ${pages}` : ''}`,
        heading: 'Vérification de l’import de lieux',
        current: placesAdminPath(tenant.id),
        crumbs: crumbs(tenant, 'Vérification de l’import'),
        notice: query.message === 'importe' ? <Notice kind="success" title="Import terminé." /> : null,
        main: (csrfToken) => (
          <ImportReport
            base={`${importBase(tenant.id)}/${row.id}`}
            fileName={row.file_name}
            counts={row.counts}
            lines={lines}
            page={page}
            pages={pages}
            onlyErrors={onlyErrors}
            applied={row.applied_at !== null}
            csrfToken={csrfToken}
            noun={{ feminine: false, one: 'lieu', many: 'lieux' }}
            applyLabel="Importer les lieux"
          />
        ),
      },
      { tenant },
    );
  });

  app.post('/admin/t/:tenant/lieux/import/:importId/appliquer', { config: write, schema: { params: ImportParams, body: FormBody({}) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const importId = request.params.importId;
    const outcome = await applyImport(db, tenant.id, importId);
    if (!outcome.ok && outcome.reason === 'missing') throw new NotFoundError('Cet import n’existe pas dans votre collectivité.');
    if (outcome.ok) {
      const { created, updated, unchanged } = outcome;
      await audit(platform.db, { action: 'help_place.import_applied', actor: await actorOf(request), tenantId: tenant.id, targetType: 'help_place_import', targetId: importId, details: { created, updated, unchanged } });
    }
    return reply.redirect(`${importBase(tenant.id)}/${importId}?message=importe`, 303);
  });
}
