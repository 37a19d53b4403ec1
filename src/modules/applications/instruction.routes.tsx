/**
 * Back office: the instruction of applications (C5 d). Reading (list, file, documents): lecteur;
 * instructing (status, requests, messages, notes, decision): instructeur (an éditeur may not).
 * Every query names the tenant of the route: another tenant's application is a 404 on every route.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, NoQuery, Params, Query, TenantId, TenantParams, Text, TextFields, Uuid } from '../../platform/http/route-schemas';
import { audit, type Actor } from '../../platform/audit/audit';
import { roleAllows } from '../../platform/auth/roles';
import { NotFoundError } from '../../platform/http/errors';
import { adminPage, requireAccount, routeTenant } from '../../platform/views/admin';
import { Pagination } from '../../platform/views/components';
import { SelectField, SubmitButton, TextField, type FieldErrors } from '../../platform/views/form';
import type { Tenant } from '../../platform/db/tables';
import { sentenceSubject } from '../../platform/tenancy/names';
import { attachmentHeader } from './documents';
import { actorOf, type WithParams } from './http';
import { agentMay, annotationsOf, DECISIONS, isClosed, messagesOf, tenantAidsWithApplications, tenantApplication, tenantApplications, tenantDocument, type TenantApplication } from './instruction';
import { instructionService } from './instruction.service';
import type { Refusal } from './service';
import { applicationsDb, documentsOf, historyOf } from './store';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables';
import { markRead, UNREAD_LABELS } from './unread';
import { InstructionFile } from './instruction.views';
import { frenchDay, StatusTag } from './views';
import { formatNumber } from '../../platform/views/format';

/** People's applications: read by lecteurs, instructeurs and administrators; not by éditeurs nor conseillers, whose work is elsewhere. */
const read = { guard: { tenantRole: 'lecteur' as const, exceptRoles: ['editeur' as const, 'conseiller' as const] } };
const instruct = { guard: { tenantRole: 'instructeur' as const } };
const PER_PAGE = 20;

type Input = { errors: FieldErrors; values: Record<string, string>; done?: string | undefined };

const FileParams = Params({ tenant: TenantId, id: Uuid });

export async function instructionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = applicationsDb(platform.db);
  const base = (tenant: Tenant) => `/admin/t/${tenant.id}/demandes`;

  async function load(request: WithParams<{ id: string }>) {
    const tenant = routeTenant(request);
    const application = await tenantApplication(db, tenant.id, request.params.id);
    if (!application) throw new NotFoundError('Cette demande n’existe pas dans votre collectivité.');
    return { tenant, application };
  }

  app.get('/admin/t/:tenant/demandes', { config: read, schema: { params: TenantParams, querystring: Query({ statut: Text, aide: Text, q: Text, a_lire: Text, page: Text }) } }, async (request, reply) => {
    const tenant = routeTenant(request);
    const query = request.query;
    const statut = query.statut;
    const status = statut && Object.hasOwn(APPLICATION_STATUSES, statut) && statut !== 'brouillon' ? (statut as ApplicationStatus) : undefined;
    const aide = query.aide;
    const aid = aide && /^[a-z0-9-]{2,120}$/.test(aide) ? aide : undefined;
    const q = (query.q ?? '').trim().slice(0, 100) || undefined;
    const unreadOnly = query.a_lire === '1';
    const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
    const [{ rows, total }, aids] = await Promise.all([tenantApplications(db, tenant.id, { status, aid, q, unreadOnly, page, perPage: PER_PAGE }), tenantAidsWithApplications(db, tenant.id)]);
    const pages = Math.max(1, Math.ceil(total / PER_PAGE));
    const href = (p: number) =>
      `${base(tenant)}?${new URLSearchParams({ ...(status ? { statut: status } : {}), ...(aid ? { aide: aid } : {}), ...(q ? { q } : {}), ...(unreadOnly ? { a_lire: '1' } : {}), page: String(p) }).toString()}`;
    return adminPage(request, reply, {
      title: 'Demandes d’aide',
      crumbs: [{ label: 'Demandes d’aide' }],
      main: (
        <>
          <form action={base(tenant)} method="get" class="filters">
            <SelectField name="statut" label="Étape" value={status ?? ''} options={[{ value: '', label: 'Toutes' }, ...Object.entries(APPLICATION_STATUSES).filter(([k]) => k !== 'brouillon').map(([value, label]) => ({ value, label }))]} />
            <SelectField name="aide" label="Aide" value={aid ?? ''} options={[{ value: '', label: 'Toutes' }, ...aids.map((a) => ({ value: a.aid_id, label: a.aid_name }))]} />
            <TextField name="q" label="Numéro ou nom de la personne" value={q ?? ''} />
            <div class="checkbox">
              <input type="checkbox" name="a_lire" value="1" id="champ-a_lire" checked={unreadOnly} />
              <label for="champ-a_lire">Seulement les demandes à lire (nouvelles, ou avec une réponse de la personne)</label>
            </div>
            <SubmitButton>Filtrer</SubmitButton>
          </form>
          <p role="status">{total === 0 ? 'Aucune demande.' : total === 1 ? '1 demande.' : `${formatNumber(total)} demandes.`}</p>
          {total === 0 ? <NoApplication filtered={Boolean(status || aid || q || unreadOnly)} tenant={tenant} listHref={base(tenant)} /> : null}
          {rows.length ? (
            <div class="table-scroll" role="region" aria-labelledby="demandes-legende" tabIndex={0}>
            <table class="data-table">
              <caption id="demandes-legende" class="visually-hidden">Demandes d’aide, les plus récentes d’abord</caption>
              <thead>
                <tr>
                  <th scope="col">Numéro</th>
                  <th scope="col">Personne</th>
                  <th scope="col">Aide</th>
                  <th scope="col">Étape</th>
                  <th scope="col">À lire</th>
                  <th scope="col">Déposée le</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <td>
                      <a href={`${base(tenant)}/${row.id}`}>{row.reference}</a>
                    </td>
                    <td>{row.person}</td>
                    <td>{row.aid_name}</td>
                    <td>
                      <StatusTag status={row.status} />
                    </td>
                    <td>{row.unread ? <strong class="tag">{UNREAD_LABELS[row.unread]}</strong> : null}</td>
                    <td>{row.submitted_at ? frenchDay(row.submitted_at) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            </div>
          ) : null}
          <Pagination page={page} pages={pages} href={href} label="Pages de demandes" />
        </>
      ),
    }, { tenant });
  });

  async function renderFile(request: FastifyRequest, reply: FastifyReply, tenant: Tenant, application: TenantApplication, input: Input, status = 200) {
    const account = await requireAccount(request);
    const mayInstruct = roleAllows(account.roles.get(tenant.id), 'instructeur');
    const [history, documents, messages, notes] = await Promise.all([historyOf(db, application.id), documentsOf(db, application.id), messagesOf(db, application.id), annotationsOf(db, application.id)]);
    const url = `${base(tenant)}/${application.id}`;
    const from = application.status;
    const DONE: Record<string, string> = { statut: 'L’étape est changée.', pieces: 'Les documents sont demandés.', message: 'Le message est envoyé.', note: 'La note est enregistrée.', decision: 'La décision est enregistrée.' };
    return adminPage(
      request,
      reply,
      {
        title: `${Object.keys(input.errors).length ? 'Erreur : ' : ''}Demande ${application.reference}`,
        heading: `Demande ${application.reference}`,
        crumbs: [{ label: 'Demandes d’aide', href: base(tenant) }, { label: application.reference! }],
        current: base(tenant),
        notice: input.done && DONE[input.done] ? <div class="notice notice--success" role="status">{DONE[input.done]}</div> : undefined,
        main: (csrf: string) => (
          <InstructionFile
            url={url}
            application={application}
            history={history}
            documents={documents}
            messages={messages}
            notes={notes}
            mayInstruct={mayInstruct}
            decisions={mayInstruct ? DECISIONS.filter((d) => agentMay(from, d)) : []}
            mayMessage={mayInstruct && !isClosed(from)}
            mayRequest={mayInstruct && agentMay(from, 'pieces_demandees')}
            errors={input.errors}
            values={input.values}
            csrf={csrf}
          />
        ),
      },
      { status, tenant },
    );
  }

  app.get('/admin/t/:tenant/demandes/:id', { config: read, schema: { params: FileParams, querystring: Query({ fait: Text }) } }, async (request, reply) => {
    const { tenant, application } = await load(request);
    const account = await requireAccount(request);
    // Who saw which person's data, when.
    await audit(platform.db, { action: 'applications.view', actor: actorOf(account, request), tenantId: tenant.id, targetType: 'account', targetId: application.account_id ?? undefined, details: { reference: application.reference } });
    // Only those who handle the file mark what the person did as seen.
    if (roleAllows(account.roles.get(tenant.id), 'instructeur')) await markRead(db, application);
    return renderFile(request, reply, tenant, application, { errors: {}, values: {}, done: request.query.fait });
  });

  app.get('/admin/t/:tenant/demandes/:id/documents/:doc', { config: read, schema: { params: Params({ tenant: TenantId, id: Uuid, doc: Uuid }), querystring: NoQuery } }, async (request, reply) => {
    const { tenant, application } = await load(request);
    const doc = await tenantDocument(db, tenant.id, application.id, request.params.doc);
    if (!doc) throw new NotFoundError('Ce document n’existe pas.');
    const account = await requireAccount(request);
    await audit(platform.db, { action: 'applications.document_download', actor: actorOf(account, request), tenantId: tenant.id, targetType: 'account', targetId: application.account_id ?? undefined, details: { reference: application.reference, document: doc.id } });
    return reply
      .header('content-type', doc.content_type)
      .header('content-disposition', attachmentHeader(doc.filename))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(doc.bytes);
  });

  /** The values a form sent, trimmed, without its CSRF token. */
  const trimmed = (body: Record<string, string | undefined>) => {
    const out: Record<string, string> = {};
    for (const [k, val] of Object.entries(body)) if (val !== undefined && k !== '_csrf') out[k] = val.trim();
    return out;
  };

  const service = instructionService(platform);
  /** Parse → the service's use case → the file again (with the refusal) or a redirect. */
  const act = (path: string, fields: readonly string[], done: string, use: (actor: Actor, tenant: Tenant, application: TenantApplication, values: Record<string, string>) => Promise<{ ok: true } | Refusal>) =>
    app.post(`/admin/t/:tenant/demandes/:id/${path}`, { config: instruct, schema: { params: FileParams, body: FormBody(TextFields(fields)) } }, async (request, reply) => {
      const { tenant, application } = await load(request);
      const values = trimmed(request.body);
      const outcome = await use(actorOf(await requireAccount(request), request), tenant, application, values);
      if (!outcome.ok) return renderFile(request, reply, tenant, application, { errors: outcome.errors, values: outcome.status === 409 ? {} : values }, outcome.status);
      return reply.redirect(`${base(tenant)}/${application.id}?fait=${done}`, 303);
    });

  act('statut', ['statut'], 'statut', (actor, tenant, application, values) => service.startInstruction(actor, tenant, application, values.statut ?? ''));
  act('pieces', ['pieces', 'pieces_message'], 'pieces', (actor, tenant, application, values) => service.requestDocuments(actor, tenant, application, { pieces: values.pieces ?? '', message: values.pieces_message ?? '' }));
  act('decision', ['decision', 'motivation', 'montant'], 'decision', (actor, tenant, application, values) => service.decide(actor, tenant, application, { decision: values.decision ?? '', motivation: values.motivation ?? '', amount: values.montant ?? '' }));
  act('message', ['message'], 'message', (actor, tenant, application, values) => service.sendMessage(actor, tenant, application, values.message ?? ''));
  act('notes', ['annotation'], 'note', (actor, _tenant, application, values) => service.annotate(actor, application, values.annotation ?? ''));
}

/** What to do when the list is empty: widen the filters, or how applications come to be. */
function NoApplication({ filtered, tenant, listHref }: { filtered: boolean; tenant: Tenant; listHref: string }) {
  return filtered ? (
    <div class="empty-state">
      <p>Aucune demande ne correspond à ces filtres.</p>
      <p>
        <a href={listHref}>Voir toutes les demandes</a>, ou cherchez avec moins de mots (un numéro de demande, ou le nom de la personne).
      </p>
    </div>
  ) : (
    <div class="empty-state">
      <p>{sentenceSubject(tenant.name)} n’a encore reçu aucune demande sur Guichet.</p>
      <p>
        Une demande arrive ici quand une personne la dépose sur une aide qui a un formulaire de demande. Un éditeur l’ajoute depuis{' '}
        <a href={`/admin/t/${tenant.id}/aides`}>les aides</a>, lien « Formulaire de demande » de chaque aide.
      </p>
    </div>
  );
}
