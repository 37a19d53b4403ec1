/**
 * The person's use cases of an application: open a draft, accept a prefill, save a step, submit
 * (idempotent), withdraw, write to the authority, send a requested document. The routes parse the
 * request, call one of these and render what it answers; every rule lives here, every status change
 * goes through the transitions table (transitions.ts).
 */
import type { Actor } from '../../platform/audit/audit';
import type { Platform } from '../../platform/context';
import { NotFoundError } from '../../platform/http/errors';
import type { FieldErrors } from '../../platform/views/form';
import { aidsDb, publishedAid } from '../aids';
import { readProfile, type Profile } from '../profile';
import { uploadedName } from '../../platform/http/multipart';
import { checkDocument, documentName } from './documents';
import { isFilled, readSection, type FormDefinition, type FormField, type FormSection } from './form';
import { addMessage, addRequestedDocument, messagesOf, requestedPieces } from './instruction';
import { applicationMail, instructeurAlertMail } from './mails';
import { applicationsDb, documentsOf, draftFor, existingDraft, formOf, ownedApplication, previousAnswers, putDocument, saveDraft, submitDraft, withdraw, type DocumentSummary } from './store';
import type { Answers, Application, InTransaction, PrefillSource, Sources } from './tables';
import { isClosed, WITHDRAWABLE } from './transitions';
import { instructeursOf } from './unread';

const AID_ID = /^[a-z0-9-]{2,120}$/;
const REFERENCE = /^BZH-\d{4}-\d{6,}$/;
export const REVIEW_STEP = 'verification';

/** Who acts, as the routes know them: the signed-in account and the request's address. */
export interface Person {
  id: string;
  email: string;
  displayName: string;
  ip: string | null;
}

export type AidWithForm = { id: string; name: string; tenantId: string; tenantName: string; form: FormDefinition };
/**
 * What the pages of an application show: the person's draft, or, until they save something, the
 * form as it is now with nothing in it (`id` null: no row exists, « Mes démarches » lists nothing).
 */
export type DraftView = Pick<Application, 'form' | 'answers' | 'sources' | 'consents'> & { id: string | null };
export type PrefillOffer = { field: FormField; value: unknown; source: PrefillSource };
/** A use case refused with French messages by field, and the HTTP status that says why. */
export type Refusal = { ok: false; status: 409 | 422; errors: FieldErrors };

const actorOf = (person: Person): Actor => ({ id: person.id, label: person.displayName, ip: person.ip });

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

/** The required answers and documents still missing from a draft. */
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

export function sectionIndex(form: FormDefinition, step: string): number {
  const index = form.sections.findIndex((s) => s.id === step);
  if (index < 0) throw new NotFoundError('Cette étape n’existe pas.');
  return index;
}

export function applicationService(platform: Platform) {
  const db = applicationsDb(platform.db);
  const aids = aidsDb(platform.db);

  /** Tells the tenant's instructeurs the person acted: mails written in the act's own transaction. */
  const tellInstructeurs =
    (application: Application, what: 'message' | 'document' | 'retrait'): InTransaction =>
    async (trx) => {
      for (const to of await instructeursOf(trx, application.tenant_id)) {
        await platform.mailer.send(instructeurAlertMail({ to, reference: application.reference!, tenantId: application.tenant_id, applicationId: application.id, publicUrl: platform.publicUrl, what }), trx);
      }
    };

  return {
    /** The published aid and its form, or 404. */
    async aidWithForm(id: string): Promise<AidWithForm> {
      if (!AID_ID.test(id)) throw new NotFoundError('Cette aide n’existe pas.');
      const [aid, form] = await Promise.all([publishedAid(aids, id), formOf(db, id)]);
      if (!aid || !form) throw new NotFoundError('On ne peut pas demander cette aide sur Guichet : suivez le lien vers la page officielle de l’aide.');
      return { id, name: aid.name, tenantId: aid.tenant_id, tenantName: platform.tenants.get(aid.tenant_id)?.name ?? aid.tenant_id, form: form.definition };
    },

    /** The person's draft for the aid, or an empty one that is not saved: opening the form creates nothing. */
    async draftView(person: Person, aid: AidWithForm): Promise<DraftView> {
      return (await existingDraft(db, person.id, aid.id)) ?? { id: null, form: aid.form, answers: {}, sources: {}, consents: {} };
    },

    /** What the profile or the previous application can fill in a step, until the person accepted it. */
    async prefillOffers(person: Person, section: FormSection, draft: DraftView): Promise<PrefillOffer[]> {
      if (draft.consents[section.id]) return [];
      const candidates = section.fields.filter((f) => f.profile || f.reuse);
      if (candidates.length === 0) return [];
      const [profile, previous] = await Promise.all([readProfile(platform.db, person.id), previousAnswers(db, person.id)]);
      const offers: PrefillOffer[] = [];
      for (const field of candidates) {
        const known = fromProfile(field, profile);
        if (known) offers.push({ field, ...known });
        else if (previous[field.name] !== undefined && previous[field.name] !== '') offers.push({ field, value: previous[field.name], source: 'application' });
      }
      return offers;
    },

    /** The person agrees (or not) to fill a step from what Guichet knows, each value with its source. */
    async acceptPrefill(person: Person, aid: AidWithForm, step: string, agreed: boolean): Promise<{ ok: true; section: FormSection } | { ok: false; reason: 'no_consent'; draft: DraftView; index: number }> {
      const shown = await this.draftView(person, aid);
      const index = sectionIndex(shown.form, step);
      if (!agreed) return { ok: false, reason: 'no_consent', draft: shown, index };
      // Accepting is the person's first act on this application: the draft is written now.
      const draft = await draftFor(db, { accountId: person.id, aidId: aid.id, aidName: aid.name, tenantId: aid.tenantId, form: aid.form });
      const section = draft.form.sections[sectionIndex(draft.form, step)]!;
      const answers: Answers = {};
      const sources: Sources = { ...draft.sources };
      for (const offer of await this.prefillOffers(person, section, draft)) {
        answers[offer.field.name] = offer.value;
        sources[offer.field.name] = { source: offer.source, value: offer.value };
      }
      await saveDraft(db, draft, { answers, sources, consents: { [section.id]: true } });
      return { ok: true, section };
    },

    /** Saves a step: every field checked, documents recognised by their bytes; the next step's id. */
    async saveStep(
      person: Person,
      aid: AidWithForm,
      step: string,
      body: Record<string, unknown>,
    ): Promise<{ ok: true; next: string } | { ok: false; reason: 'invalid'; draft: DraftView; index: number; values: Answers; errors: FieldErrors }> {
      const shown = await this.draftView(person, aid);
      const index = sectionIndex(shown.form, step);
      const section = shown.form.sections[index]!;
      const { values, errors } = readSection(section, body);
      const existingDocs = shown.id ? await documentsOf(db, shown.id) : [];
      const uploads: Array<{ field: FormField; bytes: Buffer; name: string | undefined; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; sha256: string }> = [];
      for (const field of section.fields.filter((f) => f.type === 'file')) {
        const file = body[field.name];
        const bytes = Buffer.isBuffer(file) ? file : undefined;
        if (!bytes || bytes.length === 0) {
          if (field.required && !existingDocs.some((d) => d.field === field.name)) errors[field.name] = 'Choisissez le document à envoyer (PDF, JPEG ou PNG).';
          continue;
        }
        const check = checkDocument(bytes);
        if (!check.ok) errors[field.name] = check.message;
        else uploads.push({ field, bytes, name: uploadedName(file), contentType: check.contentType, sha256: check.sha256 });
      }
      if (Object.keys(errors).length > 0) return { ok: false, reason: 'invalid', draft: shown, index, values, errors };
      // Saving a step is what creates the draft, with the form as it is now.
      const draft = shown.id ? (shown as Application) : await draftFor(db, { accountId: person.id, aidId: aid.id, aidName: aid.name, tenantId: aid.tenantId, form: aid.form });
      // A value the person changed is no longer the prefilled one: its source goes.
      const sources: Sources = { ...draft.sources };
      for (const [name, value] of Object.entries(values)) {
        if (sources[name] && JSON.stringify(sources[name].value) !== JSON.stringify(value)) delete sources[name];
      }
      await saveDraft(db, draft, { answers: values, sources });
      for (const upload of uploads) {
        await putDocument(db, { application: draft, field: upload.field.name, filename: documentName(upload.name, upload.field.label, upload.contentType), contentType: upload.contentType, sha256: upload.sha256, bytes: upload.bytes, accountId: person.id });
      }
      return { ok: true, next: draft.form.sections[index + 1]?.id ?? REVIEW_STEP };
    },

    /**
     * Submits the draft once certified and complete. Idempotent on `key` (the review page's hidden
     * key): a double click or a retry answers with the reference the first request got. The
     * acknowledgement mail leaves once the submission has committed.
     */
    async submit(
      person: Person,
      aid: AidWithForm,
      input: { key: string | undefined; certified: boolean },
    ): Promise<{ ok: true; reference: string; fresh: boolean } | { ok: false; reason: 'uncertified'; draft: Application } | { ok: false; reason: 'incomplete' | 'not_found' }> {
      const draft = await existingDraft(db, person.id, aid.id);
      if (draft) {
        if (!input.certified) return { ok: false, reason: 'uncertified', draft };
        if (missingAnswers(draft.form, draft.answers, await documentsOf(db, draft.id)).length > 0) return { ok: false, reason: 'incomplete' };
      }
      if (!input.key) return { ok: false, reason: 'incomplete' };
      // The acknowledgement is written to the outbox in the submission's transaction: never one without the other.
      return submitDraft(db, { accountId: person.id, aidId: aid.id, key: input.key, actor: actorOf(person) }, async (application, trx) => {
        await platform.mailer.send(applicationMail({ to: person.email, name: person.displayName, reference: application.reference!, aidName: aid.name, tenantName: aid.tenantName, publicUrl: platform.publicUrl }), trx);
      });
    },

    /** One submitted application of the person, by reference; never another person's (404). */
    async owned(person: Person, reference: string): Promise<Application> {
      const application = REFERENCE.test(reference) ? await ownedApplication(db, person.id, reference) : undefined;
      if (!application) throw new NotFoundError('Cette demande n’existe pas.');
      return application;
    },

    mayWithdraw: (application: Application) => WITHDRAWABLE.includes(application.status),

    /** The person withdraws their application; refused when the transitions table does not allow it. */
    async withdraw(person: Person, application: Application): Promise<{ ok: true } | Refusal> {
      if (!(await withdraw(db, { application, actor: actorOf(person) }, tellInstructeurs(application, 'retrait')))) {
        return { ok: false, status: 409, errors: { retrait: 'Cette demande ne peut plus être retirée : elle est terminée ou déjà retirée.' } };
      }
      return { ok: true };
    },

    /** A message from the person to the authority, while the application is open. */
    async sendMessage(person: Person, application: Application, message: string): Promise<{ ok: true } | Refusal> {
      if (isClosed(application.status)) return { ok: false, status: 409, errors: { message: 'Cette demande est terminée : vous ne pouvez plus envoyer de message.' } };
      if (!message) return { ok: false, status: 422, errors: { message: 'Écrivez votre message.' } };
      if (message.length > 5000) return { ok: false, status: 422, errors: { message: 'Votre message doit tenir en 5 000 caractères au plus.' } };
      await addMessage(db, { application, authorKind: 'usager', actor: actorOf(person), body: message }, tellInstructeurs(application, 'message'));
      return { ok: true };
    },

    /** A document the authority asked for; the last one sends the application back to instruction. */
    async sendRequestedDocument(person: Person, application: Application, piece: string, file: unknown): Promise<{ ok: true; complete: boolean } | Refusal> {
      const pieces = application.status === 'pieces_demandees' ? requestedPieces(await messagesOf(db, application.id)) : [];
      const wanted = pieces.find((p) => p.field === piece);
      if (!wanted) return pieces.length ? { ok: false, status: 422, errors: { piece: 'Choisissez le document que vous envoyez.' } } : { ok: false, status: 409, errors: { piece: 'Aucun document ne vous est demandé pour cette demande.' } };
      const bytes = Buffer.isBuffer(file) && file.length ? file : undefined;
      const check = bytes ? checkDocument(bytes) : ({ ok: false, message: 'Choisissez le fichier à envoyer (PDF, JPEG ou PNG).' } as const);
      if (!check.ok) return { ok: false, status: 422, errors: { fichier: check.message } };
      const { complete } = await addRequestedDocument(db, { application, field: wanted.field, filename: documentName(uploadedName(file), wanted.label, check.contentType), contentType: check.contentType, sha256: check.sha256, bytes: bytes!, actor: actorOf(person), pieces }, tellInstructeurs(application, 'document'));
      return { ok: true, complete };
    },
  };
}

export type ApplicationService = ReturnType<typeof applicationService>;
