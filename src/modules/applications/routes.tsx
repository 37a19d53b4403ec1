import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CurrentAccount } from '../../platform/auth/current-account';
import { signedInAccount } from '../../platform/auth/guards';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { publishedAid, aidsDb } from '../aids';
import { readProfile, type Profile } from '../profile';
import { checkDocument, MAX_DOCUMENT_BYTES, safeFilename } from './documents';
import { isFilled, readSection, type FormDefinition, type FormField, type FormSection } from './form';
import { applicationMail } from './mails';
import { PaperForm, Recap } from './print';
import {
  applicationsDb,
  documentsOf,
  draftFor,
  existingDraft,
  formOf,
  ownedApplication,
  ownedDocument,
  previousAnswers,
  putDocument,
  saveDraft,
  submitDraft,
  type DocumentSummary,
} from './store';
import type { Answers, Application, PrefillSource, Sources } from './tables';
import { ReviewPage, SectionPage, type PrefillOffer } from './views';

const HOME = { label: 'Accueil', href: '/' };
const AIDS = { label: 'Les aides publiques', href: '/aides' };
const REVIEW = 'verification';
const AID_ID = /^[a-z0-9-]{2,120}$/;
/** Documents up to 5 MB: the file is read one byte past the limit, so checkDocument can say it is too big. */
const upload = { multipartOptions: { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1 }, throwFileSizeLimit: false } as object };

export function actorOf(account: CurrentAccount, request: FastifyRequest) {
  return { id: account.id, label: account.displayName, ip: request.ip };
}

/** The value a profile field gives to a form field, with its source. */
function fromProfile(field: FormField, profile: Profile): { value: unknown; source: PrefillSource } | undefined {
  if (!field.profile) return undefined;
  if (field.profile === 'organisation.siret') {
    const org = profile.organisation;
    return org ? { value: org.value.siret, source: org.source } : undefined;
  }
  if (field.profile === 'address') {
    const a = profile.address;
    return a ? { value: { street: a.value.street, postal_code: a.value.postal_code, city: a.value.commune_name }, source: a.source } : undefined;
  }
  const f = profile[field.profile];
  return f && typeof f.value === 'string' && f.value ? { value: f.value, source: f.source } : undefined;
}

export function missingAnswers(form: FormDefinition, answers: Answers, documents: DocumentSummary[]): Array<{ section: FormSection; field: FormField }> {
  const missing: Array<{ section: FormSection; field: FormField }> = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      if (!field.required) continue;
      const ok = field.type === 'file' ? documents.some((d) => d.field === field.name) : isFilled(field, answers[field.name]);
      if (!ok) missing.push({ section, field });
    }
  }
  return missing;
}

export async function applicationRoutes(app: FastifyInstance): Promise<void> {
  const { platform } = app;
  const db = applicationsDb(platform.db);
  const aids = aidsDb(platform.db);

  /** The published aid and its form, or 404. */
  async function aidWithForm(request: FastifyRequest) {
    const { id } = request.params as { id: string };
    if (!AID_ID.test(id)) throw new NotFoundError('Cette aide n’existe pas.');
    const [aid, form] = await Promise.all([publishedAid(aids, id), formOf(db, id)]);
    if (!aid || !form) throw new NotFoundError('On ne peut pas demander cette aide sur Guichet : suivez le lien vers la page officielle de l’aide.');
    const tenant = platform.tenants.get(aid.tenant_id);
    return { id, name: aid.name, tenantId: aid.tenant_id, tenantName: tenant?.name ?? aid.tenant_id, form: form.definition };
  }

  const base = (aidId: string) => `/aides/${aidId}/demande`;
  const crumbs = (aid: { id: string; name: string }, last: string) => [HOME, AIDS, { label: aid.name, href: `/aides/${aid.id}` }, { label: last }];

  async function offersFor(accountId: string, section: FormSection, draft: Application): Promise<PrefillOffer[]> {
    if (draft.consents[section.id]) return [];
    const candidates = section.fields.filter((f) => f.profile || f.reuse);
    if (candidates.length === 0) return [];
    const [profile, previous] = await Promise.all([readProfile(platform.db, accountId), previousAnswers(db, accountId)]);
    const offers: PrefillOffer[] = [];
    for (const field of candidates) {
      const known = fromProfile(field, profile);
      if (known) offers.push({ field, ...known });
      else if (previous[field.name] !== undefined && previous[field.name] !== '') offers.push({ field, value: previous[field.name], source: 'application' });
    }
    return offers;
  }

  async function renderSection(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { aid: Awaited<ReturnType<typeof aidWithForm>>; draft: Application; index: number; answers?: Answers; errors?: FieldErrors; consentError?: string; accountId: string },
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
            documents={await documentsOf(db, draft.id)}
            offers={await offersFor(input.accountId, section, draft)}
            consentError={input.consentError}
            csrf={await reply.generateCsrf()}
          />
        ),
      },
      { status },
    );
  }

  const sectionIndex = (form: FormDefinition, step: string) => {
    const index = form.sections.findIndex((s) => s.id === step);
    if (index < 0) throw new NotFoundError('Cette étape n’existe pas.');
    return index;
  };

  app.get('/aides/:id/demande', { config: { guard: { person: true } } }, async (request, reply) => {
    const aid = await aidWithForm(request);
    const account = signedInAccount(request);
    const draft = await draftFor(db, { accountId: account.id, aidId: aid.id, aidName: aid.name, tenantId: aid.tenantId, form: aid.form });
    return reply.redirect(`${base(aid.id)}/${draft.form.sections[0]!.id}`, 303);
  });

  app.get('/aides/:id/demande/:step', { config: { guard: { person: true } } }, async (request, reply) => {
    const aid = await aidWithForm(request);
    const account = signedInAccount(request);
    const draft = await draftFor(db, { accountId: account.id, aidId: aid.id, aidName: aid.name, tenantId: aid.tenantId, form: aid.form });
    const { step } = request.params as { step: string };
    if (step === REVIEW) return renderReview(reply, aid, draft);
    return renderSection(request, reply, { aid, draft, index: sectionIndex(draft.form, step), accountId: account.id });
  });

  async function renderReview(reply: FastifyReply, aid: Awaited<ReturnType<typeof aidWithForm>>, draft: Application, certifyError?: string) {
    const documents = await documentsOf(db, draft.id);
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

  app.post('/aides/:id/demande/:step/preremplir', { config: { guard: { person: true } } }, async (request, reply) => {
    const aid = await aidWithForm(request);
    const account = signedInAccount(request);
    const draft = await existingDraft(db, account.id, aid.id);
    if (!draft) return reply.redirect(base(aid.id), 303);
    const index = sectionIndex(draft.form, (request.params as { step: string }).step);
    const section = draft.form.sections[index]!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.accord !== 'oui') {
      return renderSection(request, reply, { aid, draft, index, accountId: account.id, consentError: 'Cochez la case pour accepter, ou remplissez l’étape vous-même plus bas.' }, 422);
    }
    const offers = await offersFor(account.id, section, draft);
    const answers: Answers = {};
    const sources: Sources = { ...draft.sources };
    for (const offer of offers) {
      answers[offer.field.name] = offer.value;
      sources[offer.field.name] = { source: offer.source, value: offer.value };
    }
    await saveDraft(db, draft, { answers, sources, consents: { [section.id]: true } });
    return reply.redirect(`${base(aid.id)}/${section.id}`, 303);
  });

  app.post('/aides/:id/demande/:step', { config: { ...upload, guard: { person: true } } }, async (request, reply) => {
    const aid = await aidWithForm(request);
    const account = signedInAccount(request);
    const { step } = request.params as { step: string };
    if (step === 'deposer') return submit(request, reply, aid, account);
    const draft = await existingDraft(db, account.id, aid.id);
    if (!draft) return reply.redirect(base(aid.id), 303);
    const index = sectionIndex(draft.form, step);
    const section = draft.form.sections[index]!;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { values, errors } = readSection(section, body);
    const existingDocs = await documentsOf(db, draft.id);
    const uploads: Array<{ field: FormField; bytes: Buffer; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; sha256: string }> = [];
    for (const field of section.fields.filter((f) => f.type === 'file')) {
      const file = body[field.name];
      const bytes = Buffer.isBuffer(file) ? file : undefined;
      if (!bytes || bytes.length === 0) {
        if (field.required && !existingDocs.some((d) => d.field === field.name)) errors[field.name] = 'Choisissez le document à envoyer (PDF, JPEG ou PNG).';
        continue;
      }
      const check = checkDocument(bytes);
      if (!check.ok) errors[field.name] = check.message;
      else uploads.push({ field, bytes, contentType: check.contentType, sha256: check.sha256 });
    }
    if (Object.keys(errors).length > 0) {
      return renderSection(request, reply, { aid, draft, index, answers: values, errors, accountId: account.id }, 422);
    }
    // A value the person changed is no longer the prefilled one: its source goes.
    const sources: Sources = { ...draft.sources };
    for (const [name, value] of Object.entries(values)) {
      if (sources[name] && JSON.stringify(sources[name].value) !== JSON.stringify(value)) delete sources[name];
    }
    await saveDraft(db, draft, { answers: values, sources });
    for (const upload of uploads) {
      await putDocument(db, { application: draft, field: upload.field.name, filename: safeFilename(upload.field.name, upload.contentType), contentType: upload.contentType, sha256: upload.sha256, bytes: upload.bytes, accountId: account.id });
    }
    const next = draft.form.sections[index + 1];
    return reply.redirect(`${base(aid.id)}/${next ? next.id : REVIEW}`, 303);
  });

  async function submit(request: FastifyRequest, reply: FastifyReply, aid: Awaited<ReturnType<typeof aidWithForm>>, account: CurrentAccount) {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const key = typeof body.cle === 'string' && /^[0-9a-f-]{36}$/.test(body.cle) ? body.cle : undefined;
    const draft = await existingDraft(db, account.id, aid.id);
    if (draft) {
      if (body.certifie !== 'oui') return renderReview(reply, aid, draft, 'Cochez la case pour certifier que vos informations sont exactes.');
      if (missingAnswers(draft.form, draft.answers, await documentsOf(db, draft.id)).length > 0) return reply.redirect(`${base(aid.id)}/${REVIEW}`, 303);
    }
    if (!key) return reply.redirect(`${base(aid.id)}/${REVIEW}`, 303);
    const outcome = await submitDraft(db, { accountId: account.id, aidId: aid.id, key, actor: actorOf(account, request) }, (application, afterCommit) => {
      afterCommit(async () => {
        try {
          await platform.mailer.send(applicationMail({ to: account.email, name: account.displayName, reference: application.reference!, aidName: aid.name, tenantName: aid.tenantName, publicUrl: platform.publicUrl }));
        } catch (error) {
          request.log.error({ err: error }, 'acknowledgement mail not sent');
        }
      });
    });
    if (!outcome.ok) return reply.redirect('/mes-demarches', 303);
    return reply.redirect(`/mes-demarches/${outcome.reference}/accuse`, 303);
  }

  app.get('/aides/:id/formulaire-papier', async (request, reply) => {
    const aid = await aidWithForm(request);
    return reply.page({
      title: `Formulaire papier – ${aid.name}`,
      heading: `Demande d’aide : ${aid.name}`,
      breadcrumb: crumbs(aid, 'Formulaire papier'),
      main: <PaperForm form={aid.form} tenantName={aid.tenantName} />,
    });
  });

  app.get('/mes-demarches/documents/:doc', { config: { guard: { person: true } } }, async (request, reply) => {
    const account = signedInAccount(request);
    const { doc } = request.params as { doc: string };
    if (!/^[0-9a-f-]{36}$/.test(doc)) throw new NotFoundError();
    const found = await ownedDocument(db, account.id, doc);
    if (!found) throw new NotFoundError('Ce document n’existe pas.');
    return reply
      .header('content-type', found.content_type)
      .header('content-disposition', `attachment; filename="${found.filename}"`)
      .header('cache-control', 'no-store')
      .header('x-content-type-options', 'nosniff')
      .send(found.bytes);
  });

  app.get('/mes-demarches/:ref/recapitulatif', { config: { guard: { person: true } } }, async (request, reply) => {
    const account = signedInAccount(request);
    const application = await ownedApplication(db, account.id, (request.params as { ref: string }).ref);
    if (!application) throw new NotFoundError('Cette demande n’existe pas.');
    return reply.page({
      title: `Récapitulatif de la demande ${application.reference}`,
      heading: `Récapitulatif de votre demande ${application.reference}`,
      noindex: true,
      breadcrumb: [HOME, { label: 'Mes démarches', href: '/mes-demarches' }, { label: application.reference!, href: `/mes-demarches/${application.reference}` }, { label: 'Récapitulatif' }],
      main: <Recap application={application} documents={await documentsOf(db, application.id)} tenantName={platform.tenants.get(application.tenant_id)?.name ?? application.tenant_id} />,
    });
  });
}

