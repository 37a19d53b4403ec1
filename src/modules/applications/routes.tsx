import { randomUUID } from 'node:crypto';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FormBody, NoQuery, OpenForm, Params, Text, Uuid } from '../../platform/http/route-schemas';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { attachmentHeader } from './documents';
import { AidId, personOf, Reference, StepParams, upload } from './http';
import { PaperForm, Recap } from './print';
import { applicationService, missingAnswers, REVIEW_STEP, sectionIndex, type AidWithForm, type DraftView, type Person } from './service';
import { applicationsDb, documentsOf, ownedDocument } from './store';
import type { Answers } from './tables';
import { ReviewPage, SectionPage } from './views';

const HOME = { label: 'Accueil', href: '/' };
const AIDS = { label: 'Les aides publiques', href: '/aides' };
const AidParams = Params({ id: AidId });

export async function applicationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { platform } = app;
  const db = applicationsDb(platform.db);
  const service = applicationService(platform);
  const aidWithForm = (id: string) => service.aidWithForm(id);

  const base = (aidId: string) => `/aides/${aidId}/demande`;
  const crumbs = (aid: { id: string; name: string }, last: string) => [HOME, AIDS, { label: aid.name, href: `/aides/${aid.id}` }, { label: last }];

  async function renderSection(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { aid: AidWithForm; draft: DraftView; index: number; answers?: Answers; errors?: FieldErrors; consentError?: string; person: Person },
    status = 200,
  ) {
    const { aid, draft, index } = input;
    const form = draft.form;
    const section = form.sections[index]!;
    const errors = input.errors ?? {};
    const failed = Object.keys(errors).length > 0 || Boolean(input.consentError);
    return reply.page(
      {
        title: `${failed ? 'Erreur : ' : ''}${section.title} – Demande : ${aid.name}`,
        heading: section.title,
        noindex: true,
        breadcrumb: crumbs(aid, 'Faire la demande'),
        main: (
          <SectionPage
            base={base(aid.id)}
            form={form}
            index={index}
            answers={{ ...draft.answers, ...(input.answers ?? {}) }}
            sources={draft.sources}
            errors={errors}
            documents={draft.id ? await documentsOf(db, draft.id) : []}
            offers={await service.prefillOffers(input.person, section, draft)}
            consentError={input.consentError}
            csrf={await reply.generateCsrf()}
          />
        ),
      },
      { status },
    );
  }

  // Opening the form writes nothing: the draft exists from the first step the person saves.
  app.get('/aides/:id/demande', { config: { guard: { person: true } }, schema: { params: AidParams, querystring: NoQuery } }, async (request, reply) => {
    const aid = await aidWithForm(request.params.id);
    const draft = await service.draftView(personOf(request), aid);
    return reply.redirect(`${base(aid.id)}/${draft.form.sections[0]!.id}`, 303);
  });

  app.get('/aides/:id/demande/:step', { config: { guard: { person: true } }, schema: { params: StepParams, querystring: NoQuery } }, async (request, reply) => {
    const aid = await aidWithForm(request.params.id);
    const person = personOf(request);
    const draft = await service.draftView(person, aid);
    const { step } = request.params;
    if (step === REVIEW_STEP) return renderReview(reply, aid, draft);
    return renderSection(request, reply, { aid, draft, index: sectionIndex(draft.form, step), person });
  });

  async function renderReview(reply: FastifyReply, aid: AidWithForm, draft: DraftView, certifyError?: string) {
    const documents = draft.id ? await documentsOf(db, draft.id) : [];
    return reply.page(
      {
        title: `${certifyError ? 'Erreur : ' : ''}Vérifier et déposer – Demande : ${aid.name}`,
        heading: 'Vérifier et déposer votre demande',
        noindex: true,
        breadcrumb: crumbs(aid, 'Vérifier et déposer'),
        main: (
          <ReviewPage
            base={base(aid.id)}
            form={draft.form}
            answers={draft.answers}
            documents={documents}
            missing={missingAnswers(draft.form, draft.answers, documents)}
            csrf={await reply.generateCsrf()}
            idempotencyKey={randomUUID()}
            certifyError={certifyError}
            aidName={aid.name}
            tenantName={aid.tenantName}
          />
        ),
      },
      { status: certifyError ? 422 : 200 },
    );
  }

  app.post('/aides/:id/demande/:step/preremplir', { config: { guard: { person: true } }, schema: { params: StepParams, body: FormBody({ accord: Text }) } }, async (request, reply) => {
    const aid = await aidWithForm(request.params.id);
    const person = personOf(request);
    const agreed = request.body.accord === 'oui';
    const outcome = await service.acceptPrefill(person, aid, request.params.step, agreed);
    if (outcome.ok) return reply.redirect(`${base(aid.id)}/${outcome.section.id}`, 303);
    return renderSection(request, reply, { aid, draft: outcome.draft, index: outcome.index, person, consentError: 'Cochez la case pour accepter, ou remplissez l’étape vous-même plus bas.' }, 422);
  });

  // The fields are the form's own (named by its definition), files included; `cle` and `certifie` are the review's.
  app.post('/aides/:id/demande/:step', { config: { ...upload, guard: { person: true } }, schema: { params: StepParams, body: OpenForm({ cle: Text, certifie: Text }) } }, async (request, reply) => {
    const aid = await aidWithForm(request.params.id);
    const person = personOf(request);
    const { step } = request.params;
    const body = request.body;
    if (step === 'deposer') {
      const key = typeof body.cle === 'string' && /^[0-9a-f-]{36}$/.test(body.cle) ? body.cle : undefined;
      const outcome = await service.submit(person, aid, { key, certified: body.certifie === 'oui' });
      if (outcome.ok) return reply.redirect(`/mes-demarches/${outcome.reference}/accuse`, 303);
      if (outcome.reason === 'uncertified') return renderReview(reply, aid, outcome.draft, 'Cochez la case pour certifier que vos informations sont exactes.');
      return reply.redirect(outcome.reason === 'not_found' ? '/mes-demarches' : `${base(aid.id)}/${REVIEW_STEP}`, 303);
    }
    const outcome = await service.saveStep(person, aid, step, body);
    if (outcome.ok) return reply.redirect(`${base(aid.id)}/${outcome.next}`, 303);
    return renderSection(request, reply, { aid, draft: outcome.draft, index: outcome.index, answers: outcome.values, errors: outcome.errors, person }, 422);
  });

  app.get('/aides/:id/formulaire-papier', { schema: { params: AidParams, querystring: NoQuery } }, async (request, reply) => {
    const aid = await aidWithForm(request.params.id);
    return reply.page({
      title: `Formulaire papier – ${aid.name}`,
      heading: `Demande d’aide : ${aid.name}`,
      breadcrumb: crumbs(aid, 'Formulaire papier'),
      main: <PaperForm form={aid.form} tenantName={aid.tenantName} />,
    });
  });

  app.get('/mes-demarches/documents/:doc', { config: { guard: { person: true } }, schema: { params: Params({ doc: Uuid }), querystring: NoQuery } }, async (request, reply) => {
    const { doc } = request.params;
    if (!/^[0-9a-f-]{36}$/.test(doc)) throw new NotFoundError();
    const found = await ownedDocument(db, personOf(request).id, doc);
    if (!found) throw new NotFoundError('Ce document n’existe pas.');
    return reply
      .header('content-type', found.content_type)
      .header('content-disposition', attachmentHeader(found.filename))
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(found.bytes);
  });

  app.get('/mes-demarches/:ref/recapitulatif', { config: { guard: { person: true } }, schema: { params: Params({ ref: Reference }), querystring: NoQuery } }, async (request, reply) => {
    const application = await service.owned(personOf(request), request.params.ref);
    return reply.page({
      title: `Récapitulatif de la demande ${application.reference}`,
      heading: `Récapitulatif de votre demande ${application.reference}`,
      noindex: true,
      breadcrumb: [HOME, { label: 'Mes démarches', href: '/mes-demarches' }, { label: application.reference!, href: `/mes-demarches/${application.reference}` }, { label: 'Récapitulatif' }],
      main: <Recap application={application} documents={await documentsOf(db, application.id)} tenantName={platform.tenants.get(application.tenant_id)?.name ?? application.tenant_id} />,
    });
  });
}

