/**
 * The agents' use cases of instruction: start examining, ask for documents, decide, write to the
 * person, keep a private note. Each checks its input (French messages by field) and the transitions
 * table, writes through instruction.ts, and mails the person once the change has committed.
 */
import type { Actor } from '../../platform/audit/audit';
import type { Platform } from '../../platform/context';
import type { Tenant } from '../../platform/db/tables';
import type { FieldErrors } from '../../platform/views/form';
import { addAnnotation, addMessage, changeStatus, type TenantApplication } from './instruction';
import { instructionMail } from './mails';
import type { Refusal } from './service';
import { applicationsDb } from './store';
import { APPLICATION_STATUSES, type InTransaction } from './tables';
import { agentMay, DECISIONS, isClosed, type Decision } from './transitions';

type Done = { ok: true } | Refusal;

const invalid = (errors: FieldErrors): Refusal => ({ ok: false, status: 422, errors });
/** The change the table does not allow from the application's status (or a colleague was faster). */
const conflict = (application: TenantApplication, field: string): Refusal => ({
  ok: false,
  status: 409,
  errors: { [field]: `Ce changement n’est pas possible : la demande est à l’étape « ${APPLICATION_STATUSES[application.status]} ». Rechargez la page.` },
});

export function instructionService(platform: Platform) {
  const db = applicationsDb(platform.db);

  /** The mail to the person, written to the outbox in the change's own transaction. */
  const notify =
    (tenant: Tenant, application: TenantApplication, what: Parameters<typeof instructionMail>[0]['what']): InTransaction =>
    async (trx) => {
      // A detached application (its account deleted) has nobody to write to.
      if (application.person_email === null) return;
      await platform.mailer.send(instructionMail({ to: application.person_email, name: application.person_name, reference: application.reference!, aidName: application.aid_name, tenantName: tenant.name, publicUrl: platform.publicUrl, what }), trx);
    };

  return {
    async startInstruction(actor: Actor, tenant: Tenant, application: TenantApplication, to: string): Promise<Done> {
      if (to !== 'en_instruction' || !agentMay(application.status, to)) return conflict(application, 'statut');
      const ok = await changeStatus(db, { application, to, actor, actorKind: 'agent' }, notify(tenant, application, 'en_instruction'));
      return ok ? { ok: true } : conflict(application, 'statut');
    },

    /** Asks the person for documents, one per line (at most 10). */
    async requestDocuments(actor: Actor, tenant: Tenant, application: TenantApplication, input: { pieces: string; message: string }): Promise<Done> {
      const pieces = input.pieces.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).slice(0, 10);
      if (!agentMay(application.status, 'pieces_demandees')) return conflict(application, 'pieces');
      if (pieces.length === 0) return invalid({ pieces: 'Écrivez au moins un document à demander, un par ligne.' });
      if (pieces.some((p) => p.length > 200)) return invalid({ pieces: 'Chaque document doit tenir en 200 caractères au plus.' });
      const ok = await changeStatus(db, { application, to: 'pieces_demandees', actor, actorKind: 'agent', note: input.message.slice(0, 5000) || null, requestedDocuments: pieces }, notify(tenant, application, 'pieces_demandees'));
      return ok ? { ok: true } : conflict(application, 'pieces');
    },

    /** The decision, always motivated; an acceptance names the amount granted. */
    async decide(actor: Actor, tenant: Tenant, application: TenantApplication, input: { decision: string; motivation: string; amount: string }): Promise<Done> {
      const errors: FieldErrors = {};
      const decision = input.decision as Decision;
      if (!(DECISIONS as readonly string[]).includes(decision)) errors.decision = 'Choisissez la décision.';
      if (!input.motivation) errors.motivation = 'Écrivez la motivation : la personne doit savoir pourquoi.';
      else if (input.motivation.length > 5000) errors.motivation = 'La motivation doit tenir en 5 000 caractères au plus.';
      let amount: string | null = null;
      if (decision === 'accepte') {
        const normalized = input.amount.replace(/\s/g, '').replace(',', '.');
        if (!/^\d{1,9}(\.\d{1,2})?$/.test(normalized)) errors.montant = 'Écrivez le montant accordé en euros, par exemple 450 ou 450,50.';
        else amount = normalized;
      }
      if (Object.keys(errors).length) return invalid(errors);
      if (!agentMay(application.status, decision)) return conflict(application, 'decision');
      const ok = await changeStatus(db, { application, to: decision, actor, actorKind: 'agent', motivation: input.motivation, amount }, notify(tenant, application, decision));
      return ok ? { ok: true } : conflict(application, 'decision');
    },

    async sendMessage(actor: Actor, tenant: Tenant, application: TenantApplication, message: string): Promise<Done> {
      if (isClosed(application.status)) return conflict(application, 'message');
      if (!message) return invalid({ message: 'Écrivez le message.' });
      if (message.length > 5000) return invalid({ message: 'Le message doit tenir en 5 000 caractères au plus.' });
      await addMessage(db, { application, authorKind: 'agent', actor, body: message }, notify(tenant, application, 'message'));
      return { ok: true };
    },

    /** A private note of the agents, never shown to the person. */
    async annotate(actor: Actor, application: TenantApplication, note: string): Promise<Done> {
      if (!note) return invalid({ annotation: 'Écrivez la note.' });
      if (note.length > 5000) return invalid({ annotation: 'La note doit tenir en 5 000 caractères au plus.' });
      await addAnnotation(db, { application, actor, body: note });
      return { ok: true };
    },
  };
}
