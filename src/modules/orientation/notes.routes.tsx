/**
 * Back office « Mot des conseillers » (issue 15 a.2): a tenant's conseillers (and administrators)
 * write, version and restore the note their structure shows on a job sheet.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, Params, Query, RomeCode, TenantId, TenantParams, Text } from '../../platform/http/route-schemas';
import type { Actor } from '../../platform/audit/audit';
import type { Tenant } from '../../platform/db/tables';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant, type AdminSectionDefinition } from '../../platform/views/admin';
import { NOTE_MAX, noteVersions, saveNote, tenantNotes } from './notes-store';
import { ficheSheet, orientationDb } from './store';
import { NoteEditPage, notesAdminPath, NotesListPage } from './views/notes-admin';

const counsellor = { guard: { tenantRole: 'conseiller' as const } };
const TITLE = 'Mot des conseillers';

export const notesAdminSections: AdminSectionDefinition[] = [{ path: '/orientation/mots', label: TITLE, description: 'Le mot de votre structure sur les fiches métiers, avec son historique.', group: 'orientation' }];

const text = (value: string | undefined) => (value ?? '').replace(/\r\n/g, '\n');

const SheetParams = Params({ tenant: TenantId, code: RomeCode });
/** The list page's « aller à la fiche » form asks for a code, checked by the handler. */
const ListQuery = Query({ code: Text });
const DoneQuery = Query({ fait: Text });
const NoteBody = FormBody({ body: Text, note: Text });
const RestoreBody = FormBody({ version: Text });

export async function notesAdminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = orientationDb(platform.db);
  const actorOf = async (request: FastifyRequest): Promise<Actor> => {
    const account = await requireAccount(request);
    return { id: account.id, label: account.displayName, ip: request.ip };
  };
  const ficheOf = async (code: string) => {
    const sheet = /^[A-N]\d{4}$/.test(code) ? await ficheSheet(db, code) : undefined;
    if (!sheet) throw new NotFoundError('Cette fiche métier n’existe pas.');
    return sheet;
  };
  const renderEdit = async (request: FastifyRequest, reply: FastifyReply, tenant: Tenant, code: string, label: string, body: string | undefined, done: string | undefined, error?: string, status = 200) => {
    const versions = await noteVersions(db, tenant.id, code);
    return adminPage(
      request,
      reply,
      {
        title: `${error ? 'Erreur – ' : ''}${label} – ${TITLE}`,
        heading: `Mot des conseillers : ${label}`,
        crumbs: [{ label: TITLE, href: notesAdminPath(tenant.id) }, { label }],
        current: notesAdminPath(tenant.id),
        main: (csrfToken) => (
          <NoteEditPage tenantId={tenant.id} code={code} label={label} versions={versions} body={body ?? versions[0]?.body ?? ''} error={error} csrfToken={csrfToken} done={done === 'enregistre' ? 'Nouvelle version enregistrée.' : done === 'restaure' ? 'Version restaurée : elle est maintenant la dernière.' : undefined} />
        ),
      },
      { status, tenant },
    );
  };

  app.get('/admin/t/:tenant/orientation/mots', { config: counsellor, schema: { params: TenantParams, querystring: ListQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const asked = request.query.code;
    let error: string | undefined;
    if (typeof asked === 'string') {
      const code = asked.trim().toUpperCase();
      if (/^[A-N]\d{4}$/.test(code) && (await ficheSheet(db, code))) return reply.redirect(`${notesAdminPath(tenant.id)}/${code}`, 303);
      error = 'Saisissez le code ROME d’une fiche : une lettre et quatre chiffres, par exemple D1102.';
    }
    const notes = await tenantNotes(db, tenant.id);
    return adminPage(
      request,
      reply,
      { title: `${error ? 'Erreur – ' : ''}${TITLE}`, heading: TITLE, crumbs: [{ label: TITLE }], main: <NotesListPage tenantId={tenant.id} notes={notes} error={error} code={typeof asked === 'string' ? asked : undefined} /> },
      { status: error ? 422 : 200, tenant },
    );
  });

  app.get('/admin/t/:tenant/orientation/mots/:code', { config: counsellor, schema: { params: SheetParams, querystring: DoneQuery } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sheet = await ficheOf(request.params.code);
    return renderEdit(request, reply, tenant, sheet.code, sheet.label, undefined, request.query.fait);
  });

  app.post('/admin/t/:tenant/orientation/mots/:code', { config: counsellor, schema: { params: SheetParams, body: NoteBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sheet = await ficheOf(request.params.code);
    const body = text(request.body.body).trim();
    if (body.length > NOTE_MAX) return renderEdit(request, reply, tenant, sheet.code, sheet.label, body, undefined, `Le mot fait ${body.length} caractères : 4 000 au plus.`, 422);
    await saveNote(platform.db, await actorOf(request), tenant.id, sheet.code, body, text(request.body.note).trim().slice(0, 200));
    return reply.redirect(`${notesAdminPath(tenant.id)}/${sheet.code}?fait=enregistre`, 303);
  });

  app.post('/admin/t/:tenant/orientation/mots/:code/restaurer', { config: counsellor, schema: { params: SheetParams, body: RestoreBody } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const sheet = await ficheOf(request.params.code);
    const wanted = Number.parseInt(text(request.body.version), 10);
    const old = (await noteVersions(db, tenant.id, sheet.code)).find((v) => v.version === wanted);
    if (!old) throw new NotFoundError('Cette version n’existe pas.');
    await saveNote(platform.db, await actorOf(request), tenant.id, sheet.code, old.body, `Restauration de la version ${old.version}`);
    return reply.redirect(`${notesAdminPath(tenant.id)}/${sheet.code}?fait=restaure`, 303);
  });
}
