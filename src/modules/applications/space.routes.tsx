import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../../platform/http/errors';
import { Form, SubmitButton } from '../../platform/views/form';
import { signedInPerson } from '../profile/person';
import { actorOf } from './routes';
import { applicationsOf, applicationsDb, documentsOf, historyOf, ownedApplication, withdraw, WITHDRAWABLE } from './store';
import { APPLICATION_STATUSES, type ApplicationStatus } from './tables';
import { Answers, frenchDateTime, frenchDay, NEXT_STEP, StatusTag } from './views';

const HOME = { label: 'Accueil', href: '/' };
const SPACE = { label: 'Mon compte', href: '/mon-compte' };
const MINE = { label: 'Mes démarches', href: '/mes-demarches' };

const ACTIONS: Record<string, string> = { depot: 'Demande déposée', retrait: 'Demande retirée', statut: 'Changement d’étape' };

export async function spaceRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = applicationsDb(platform.db);
  const tenantName = (id: string) => platform.tenants.get(id)?.name ?? id;

  app.get('/mes-demarches', async (request, reply) => {
    const account = await signedInPerson(request, reply);
    if (!account) return reply;
    const rows = await applicationsOf(db, account.id);
    const done = (request.query as { fait?: string }).fait === 'retrait';
    return reply.page({
      title: 'Mes démarches',
      noindex: true,
      breadcrumb: [HOME, SPACE, { label: 'Mes démarches' }],
      notice: done ? <div class="notice notice--success" role="status">Votre demande est retirée.</div> : undefined,
      main: rows.length === 0 ? (
        <p>
          Vous n’avez encore fait aucune demande. <a href="/aides">Trouver une aide</a>
        </p>
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
  });

  async function owned(request: Parameters<typeof signedInPerson>[0], accountId: string) {
    const { ref } = request.params as { ref: string };
    const application = /^BZH-\d{4}-\d{6,}$/.test(ref) ? await ownedApplication(db, accountId, ref) : undefined;
    if (!application) throw new NotFoundError('Cette demande n’existe pas.');
    return application;
  }

  app.get('/mes-demarches/:ref/accuse', async (request, reply) => {
    const account = await signedInPerson(request, reply);
    if (!account) return reply;
    const application = await owned(request, account.id);
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
          <p>C’est {tenantName(application.tenant_id)} qui va l’examiner. {NEXT_STEP.depose}</p>
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

  app.get('/mes-demarches/:ref', async (request, reply) => {
    const account = await signedInPerson(request, reply);
    if (!account) return reply;
    const application = await owned(request, account.id);
    const [history, documents] = await Promise.all([historyOf(db, application.id), documentsOf(db, application.id)]);
    return reply.page({
      title: `Demande ${application.reference}`,
      heading: application.aid_name,
      noindex: true,
      breadcrumb: [HOME, SPACE, MINE, { label: application.reference! }],
      main: (
        <>
          <p>
            Numéro {application.reference} – <StatusTag status={application.status} /> – examinée par {tenantName(application.tenant_id)}.
          </p>
          <p>Prochaine étape : {NEXT_STEP[application.status]}</p>
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
          {WITHDRAWABLE.includes(application.status) ? (
            <p>
              <a href={`/mes-demarches/${application.reference}/retirer`}>Retirer ma demande</a>
            </p>
          ) : null}
          <h2>Vos réponses</h2>
          <Answers form={application.form} answers={application.answers} documents={documents} headingLevel={3} />
        </>
      ),
    });
  });

  app.get('/mes-demarches/:ref/retirer', async (request, reply) => {
    const account = await signedInPerson(request, reply);
    if (!account) return reply;
    const application = await owned(request, account.id);
    if (!WITHDRAWABLE.includes(application.status)) return reply.redirect(`/mes-demarches/${application.reference}`, 303);
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

  app.post('/mes-demarches/:ref/retirer', async (request, reply) => {
    const account = await signedInPerson(request, reply);
    if (!account) return reply;
    const application = await owned(request, account.id);
    await withdraw(db, { application, actor: actorOf(account, request) });
    return reply.redirect('/mes-demarches?fait=retrait', 303);
  });
}
