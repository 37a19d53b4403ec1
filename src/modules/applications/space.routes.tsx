import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileField as FileValue, FormBody, NoQuery, Params, Query, Text } from '../../platform/http/route-schemas';
import { signedInAccount } from '../../platform/auth/guards';
import { KeptByKey } from '../../platform/db/kept-by-key';
import { PersonalPages } from '../../platform/views/personal-pages';
import { sentenceSubject } from '../../platform/tenancy/names';
import type { PageView } from '../../platform/views/layout';
import { ErrorSummary, FileField, Form, SelectField, SubmitButton, TextArea, type FieldErrors } from '../../platform/views/form';
import { personOf, Reference, upload, type WithParams } from './http';
import { isClosed, messagesOf, requestedPieces } from './instruction';
import { applicationService } from './service';
import { applicationsOf, applicationsDb, documentsOf, historyOf, type ApplicationListItem } from './store';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from './tables';
import { Answers, frenchDateTime, frenchDay, grantedText, MessageList, NEXT_STEP, StatusTag } from './views';

const HOME = { label: 'Accueil', href: '/' };
const SPACE = { label: 'Mon compte', href: '/mon-compte' };
const MINE = { label: 'Mes démarches', href: '/mes-demarches' };

/** What each step of the history means, for the person (their page and their API). */
export const ACTIONS: Record<string, string> = { depot: 'Demande déposée', retrait: 'Demande retirée', statut: 'Changement d’étape', pieces_demandees: 'Documents demandés', decision: 'Décision', message: 'Message', document: 'Document ajouté' };

const RefParams = Params({ ref: Reference });
const DoneQuery = Query({ fait: Text });

export async function spaceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = applicationsDb(platform.db);
  const tenantName = (id: string) => platform.tenants.get(id)?.name ?? id;

  const service = applicationService(platform);
  /**
   * Each person's list, kept until their applications change on any instance (row-level trigger
   * of migration 0211) or this instance writes the table (platform/db/kept-by-key.ts).
   */
  const lists = new KeptByKey<ApplicationListItem[]>(platform.db, 'applications', { localWrites: true });
  /** The page itself, kept per session until the list (or the menu) changes. */
  const listPages = new PersonalPages(platform.db, ['content_menu_entries', 'content_items']);

  app.get('/mes-demarches', { config: { guard: { person: true } }, schema: { querystring: DoneQuery } }, async (request, reply) => {
    const account = signedInAccount(request);
    const list = lists.get(account.id, () => applicationsOf(db, account.id));
    return listPages.send(request, reply, { key: '', deps: [list] }, async () => ({ view: listView(await list, request.query.fait === 'retrait') }));
  });

  const listView = (rows: ApplicationListItem[], done: boolean): PageView => ({
    title: 'Mes démarches',
    noindex: true,
    breadcrumb: [HOME, SPACE, { label: 'Mes démarches' }],
    notice: done ? <div class="notice notice--success" role="status">Votre demande est retirée.</div> : undefined,
    main: rows.length === 0 ? (
      <div class="empty-state">
        <p>Vous n’avez encore fait aucune demande.</p>
        <p>
          <a href="/aides/simulateur">Trouver les aides auxquelles vous avez droit</a> en quelques questions, ou{' '}
          <a href="/aides">parcourir toutes les aides</a> : celles qui se demandent sur Guichet proposent « Déposer une demande ».
        </p>
      </div>
    ) : (
      <>
        <p>Toutes vos demandes, quel que soit l’organisme qui les examine.</p>
        <ul class="application-list">
          {rows.map((row) => (
            <li class="card">
              <h2>
                <a href={row.reference ? `/mes-demarches/${row.reference}` : `/aides/${row.aid_id}/demande`}>{row.aid_name}</a>
              </h2>
              <p>
                <StatusTag status={row.status} /> – {tenantName(row.tenant_id)}
              </p>
              <p>{row.reference ? `Numéro ${row.reference}, déposée le ${frenchDay(row.submitted_at!)}.` : `Commencée le ${frenchDay(row.created_at)}, pas encore déposée.`}</p>
              <p>Prochaine étape : {NEXT_STEP[row.status]}</p>
            </li>
          ))}
        </ul>
      </>
    ),
  });

  const owned = (request: WithParams<{ ref: string }>) => service.owned(personOf(request), request.params.ref);

  app.get('/mes-demarches/:ref/accuse', { config: { guard: { person: true } }, schema: { params: RefParams, querystring: NoQuery } }, async (request, reply) => {
    const account = signedInAccount(request);
    const application = await owned(request);
    return reply.page({
      title: `Demande déposée : ${application.reference}`,
      heading: 'Votre demande est déposée',
      noindex: true,
      breadcrumb: [HOME, SPACE, MINE, { label: 'Accusé de réception' }],
      main: (
        <>
          <div class="notice notice--success" role="status">
            <p>
              Votre demande « {application.aid_name} » est bien enregistrée. Son numéro est <strong>{application.reference}</strong>.
            </p>
          </div>
          <p>Un courriel de confirmation vous est envoyé à {account.email}.</p>
          <p>{sentenceSubject(tenantName(application.tenant_id))} va l’examiner. Vous recevrez un courriel à chaque étape.</p>
          <ul>
            <li>
              <a href={`/mes-demarches/${application.reference}/recapitulatif`}>Voir et imprimer ce que vous avez envoyé</a>
            </li>
            <li>
              <a href={`/mes-demarches/${application.reference}`}>Suivre cette demande</a>
            </li>
            <li>
              <a href="/mes-demarches">Toutes mes démarches</a>
            </li>
          </ul>
        </>
      ),
    });
  });

  type Input = { errors: FieldErrors; values: Record<string, string>; done?: string | undefined };

  async function renderDetail(request: FastifyRequest, reply: FastifyReply, application: Application, input: Input, status = 200) {
    const [history, documents, messages] = await Promise.all([historyOf(db, application.id), documentsOf(db, application.id), messagesOf(db, application.id)]);
    const pieces = application.status === 'pieces_demandees' ? requestedPieces(messages) : [];
    const open = !isClosed(application.status);
    const url = `/mes-demarches/${application.reference}`;
    const csrf = await reply.generateCsrf();
    const DONE: Record<string, string> = { message: 'Votre message est envoyé.', document: 'Votre document est envoyé.', complet: 'Merci : tous les documents demandés sont envoyés. Votre demande est de nouveau en cours d’examen.' };
    return reply.status(status).page({
      title: `${Object.keys(input.errors).length ? 'Erreur : ' : ''}Demande ${application.reference}`,
      heading: application.aid_name,
      noindex: true,
      breadcrumb: [HOME, SPACE, MINE, { label: application.reference! }],
      notice: input.done && DONE[input.done] ? <div class="notice notice--success" role="status">{DONE[input.done]}</div> : undefined,
      main: (
        <>
          <ErrorSummary errors={input.errors} labels={{ piece: 'Document', fichier: 'Fichier', message: 'Votre message', retrait: 'Retrait' }} />
          <p>
            Numéro {application.reference} – <StatusTag status={application.status} /> – examinée par {tenantName(application.tenant_id)}.
          </p>
          <p>Prochaine étape : {NEXT_STEP[application.status]}</p>
          {application.decision_motivation ? (
            <section class="application-decision">
              <h2>Décision</h2>
              <p>{application.decision_motivation}</p>
              {application.amount_granted ? <p>Montant accordé : {grantedText(application.amount_granted)}.</p> : null}
            </section>
          ) : null}
          {pieces.length ? (
            <section>
              <h2>Documents demandés</h2>
              <ul>
                {pieces.map((p) => (
                  <li>
                    {p.label} : {documents.some((d) => d.field === p.field) ? 'envoyé' : 'à envoyer'}
                  </li>
                ))}
              </ul>
              <Form action={`${url}/document`} csrfToken={csrf} multipart>
                <SelectField name="piece" label="Quel document envoyez-vous ?" value={input.values.piece} error={input.errors.piece} options={pieces.map((p) => ({ value: p.field, label: p.label }))} />
                <FileField name="fichier" label="Fichier" hint="PDF, JPEG ou PNG, 5 Mo au plus. Un fichier à la fois." accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" error={input.errors.fichier} required />
                <SubmitButton>Envoyer ce document</SubmitButton>
              </Form>
            </section>
          ) : null}
          <h2>Messages</h2>
          <MessageList messages={messages} author={(kind) => (kind === 'agent' ? tenantName(application.tenant_id) : 'Vous')} />
          {open ? (
            <Form action={`${url}/message`} csrfToken={csrf}>
              <TextArea name="message" label="Votre message" hint={`Il sera lu par ${tenantName(application.tenant_id)}.`} rows={4} value={input.values.message} error={input.errors.message} required />
              <SubmitButton>Envoyer le message</SubmitButton>
            </Form>
          ) : null}
          <h2>Suivi</h2>
          <ol class="application-history">
            {history.map((h) => (
              <li>
                {frenchDateTime(h.created_at)} : {ACTIONS[h.action] ?? h.action}
                {h.to_status ? ` (${APPLICATION_STATUSES[h.to_status as ApplicationStatus] ?? h.to_status})` : ''}
                {h.note ? ` – ${h.note}` : ''}
              </li>
            ))}
          </ol>
          <h2>Documents envoyés</h2>
          {documents.length ? (
            <ul>
              {documents.map((d) => (
                <li>
                  <a href={`/mes-demarches/documents/${d.id}`}>{d.filename}</a>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun document.</p>
          )}
          <p>
            <a href={`/mes-demarches/${application.reference}/recapitulatif`}>Voir et imprimer ce que vous avez envoyé</a>
          </p>
          {service.mayWithdraw(application) ? (
            <p>
              <a href={`/mes-demarches/${application.reference}/retirer`}>Retirer ma demande</a>
            </p>
          ) : null}
          <h2>Vos réponses</h2>
          <Answers form={application.form} answers={application.answers} documents={documents} headingLevel={3} />
        </>
      ),
    });
  }

  app.get('/mes-demarches/:ref', { config: { guard: { person: true } }, schema: { params: RefParams, querystring: DoneQuery } }, async (request, reply) => {
    const application = await owned(request);
    return renderDetail(request, reply, application, { errors: {}, values: {}, done: request.query.fait });
  });

  app.post('/mes-demarches/:ref/message', { config: { guard: { person: true } }, schema: { params: RefParams, body: FormBody({ message: Text }) } }, async (request, reply) => {
    const application = await owned(request);
    const message = (request.body.message ?? '').trim();
    const outcome = await service.sendMessage(personOf(request), application, message);
    if (!outcome.ok) return renderDetail(request, reply, application, { errors: outcome.errors, values: { message } }, outcome.status);
    return reply.redirect(`/mes-demarches/${application.reference}?fait=message`, 303);
  });

  app.post('/mes-demarches/:ref/document', { config: { ...upload, guard: { person: true } }, schema: { params: RefParams, body: FormBody({ piece: Text, fichier: FileValue }) } }, async (request, reply) => {
    const application = await owned(request);
    const body = request.body;
    const piece = body.piece ?? '';
    const outcome = await service.sendRequestedDocument(personOf(request), application, piece, body.fichier);
    if (!outcome.ok) return renderDetail(request, reply, application, { errors: outcome.errors, values: outcome.errors.fichier ? { piece } : {} }, outcome.status);
    return reply.redirect(`/mes-demarches/${application.reference}?fait=${outcome.complete ? 'complet' : 'document'}`, 303);
  });

  app.get('/mes-demarches/:ref/retirer', { config: { guard: { person: true } }, schema: { params: RefParams, querystring: NoQuery } }, async (request, reply) => {
    const application = await owned(request);
    if (!service.mayWithdraw(application)) return reply.redirect(`/mes-demarches/${application.reference}`, 303);
    return reply.page({
      title: `Retirer la demande ${application.reference}`,
      heading: 'Retirer ma demande',
      noindex: true,
      breadcrumb: [HOME, SPACE, MINE, { label: application.reference!, href: `/mes-demarches/${application.reference}` }, { label: 'Retirer' }],
      main: (
        <>
          <p>
            Vous allez retirer votre demande « {application.aid_name} » ({application.reference}). {tenantName(application.tenant_id)} ne l’examinera plus. Vous ne pourrez pas
            annuler ce retrait, mais vous pourrez faire une nouvelle demande.
          </p>
          <Form action={`/mes-demarches/${application.reference}/retirer`} csrfToken={await reply.generateCsrf()}>
            <SubmitButton>Oui, retirer ma demande</SubmitButton>
          </Form>
          <p>
            <a href={`/mes-demarches/${application.reference}`}>Non, garder ma demande</a>
          </p>
        </>
      ),
    });
  });

  app.post('/mes-demarches/:ref/retirer', { config: { guard: { person: true } }, schema: { params: RefParams, body: FormBody({}) } }, async (request, reply) => {
    const application = await owned(request);
    const outcome = await service.withdraw(personOf(request), application);
    if (!outcome.ok) return renderDetail(request, reply, application, { errors: outcome.errors, values: {} }, outcome.status);
    return reply.redirect('/mes-demarches?fait=retrait', 303);
  });
}
