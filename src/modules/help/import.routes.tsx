/** The two-step CSV import of an authority's places (issue 15 c.6): checked line by line, then applied all or nothing. Éditeur and above. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { audit } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, routeTenant } from '../../platform/views/admin';
import { Notice } from '../../platform/views/components';
import { actorOf, pageOf, SECTION, write } from './admin.routes';
import { applyImport, dryRun, importOf, MAX_IMPORT_BYTES, parsePlacesCsv, storeDryRun } from './import';
import { communeLookup } from './place-input';
import { allCommunes, helpDb } from './store';
import { PlacesDryRun, placesAdminPath, PlacesImportForm } from './views/admin';

const upload = { ...write, multipartOptions: { limits: { fileSize: MAX_IMPORT_BYTES + 1, files: 1 }, throwFileSizeLimit: false } as object };
const LINES_PER_PAGE = 20;

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
        main: (csrfToken) => <PlacesImportForm action={importBase(tenant.id)} csrfToken={csrfToken} error={error} />,
      },
      { status: error ? 422 : 200, tenant },
    );

  app.get('/admin/t/:tenant/lieux/import', { config: write }, async (request, reply) => renderForm(reply, routeTenant(request)));

  app.post('/admin/t/:tenant/lieux/import', { config: upload }, async (request, reply) => {
    const tenant = routeTenant(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
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

  app.get('/admin/t/:tenant/lieux/import/:importId', { config: write }, async (request, reply) => {
    const tenant = routeTenant(request);
    const row = await importOf(db, tenant.id, (request.params as { importId: string }).importId);
    if (!row) throw new NotFoundError('Cet import n’existe pas dans votre collectivité.');
    const query = request.query as Record<string, unknown>;
    const pages = Math.max(1, Math.ceil(row.lines.length / LINES_PER_PAGE));
    const page = Math.min(pages, pageOf(query.page));
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
          <PlacesDryRun base={`${importBase(tenant.id)}/${row.id}`} fileName={row.file_name} counts={row.counts} lines={row.lines.slice((page - 1) * LINES_PER_PAGE, page * LINES_PER_PAGE)} page={page} pages={pages} applied={row.applied_at !== null} csrfToken={csrfToken} />
        ),
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
