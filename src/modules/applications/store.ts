import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { audit, type Actor } from '../../platform/audit/audit';
import type { Transaction } from 'kysely';
import { withTransaction } from '../../platform/db/transaction';
import type { FormDefinition } from './form';
import { moveStatus, WITHDRAWABLE } from './transitions';
import type { Answers, Application, ApplicationsDb, ApplicationsTables, InTransaction, Sources } from './tables';

export type { ApplicationsDb } from './tables';
export { WITHDRAWABLE } from './transitions';

export function applicationsDb(db: Kysely<PlatformTables>): ApplicationsDb {
  return db.withTables<ApplicationsTables>();
}

export async function formOf(db: ApplicationsDb, aidId: string): Promise<{ tenant_id: string; definition: FormDefinition } | undefined> {
  return db.selectFrom('application_forms').select(['tenant_id', 'definition']).where('aid_id', '=', aidId).executeTakeFirst();
}

export async function saveForm(db: ApplicationsDb, input: { aidId: string; aidName: string; tenantId: string; definition: FormDefinition; actor: Actor }): Promise<void> {
  await withTransaction(db, async (trx) => {
    const json = JSON.stringify(input.definition);
    await trx
      .insertInto('application_forms')
      .values({ aid_id: input.aidId, tenant_id: input.tenantId, definition: json, updated_by: input.actor.id })
      .onConflict((oc) => oc.column('aid_id').doUpdateSet({ definition: json, updated_by: input.actor.id, updated_at: new Date() }))
      .execute();
    await audit(trx as unknown as Kysely<PlatformTables>, { action: 'applications.form_saved', actor: input.actor, tenantId: input.tenantId, targetType: 'aid', targetId: input.aidId, details: { title: input.aidName } });
  });
}

/** The person's draft for an aid (created on first visit, with the form as it is now). */
export async function draftFor(db: ApplicationsDb, input: { accountId: string; aidId: string; aidName: string; tenantId: string; form: FormDefinition }): Promise<Application> {
  const existing = await db.selectFrom('applications').selectAll().where('account_id', '=', input.accountId).where('aid_id', '=', input.aidId).where('status', '=', 'brouillon').executeTakeFirst();
  if (existing) return existing;
  const id = randomUUID();
  await db
    .insertInto('applications')
    .values({ id, tenant_id: input.tenantId, aid_id: input.aidId, aid_name: input.aidName, account_id: input.accountId, reference: null, form: JSON.stringify(input.form), answers: '{}', sources: '{}', consents: '{}', idempotency_key: null, amount_granted: null, decision_motivation: null, submitted_at: null, decided_at: null })
    .onConflict((oc) => oc.columns(['account_id', 'aid_id']).where('status', '=', 'brouillon').doNothing())
    .execute();
  return db.selectFrom('applications').selectAll().where('account_id', '=', input.accountId).where('aid_id', '=', input.aidId).where('status', '=', 'brouillon').executeTakeFirstOrThrow();
}

export async function existingDraft(db: ApplicationsDb, accountId: string, aidId: string): Promise<Application | undefined> {
  return db.selectFrom('applications').selectAll().where('account_id', '=', accountId).where('aid_id', '=', aidId).where('status', '=', 'brouillon').executeTakeFirst();
}

/** Saves a step of a draft (answers merged; only a draft can change). */
export async function saveDraft(db: ApplicationsDb, application: Application, patch: { answers?: Answers; sources?: Sources; consents?: Record<string, boolean> }): Promise<void> {
  await db
    .updateTable('applications')
    .set({
      answers: JSON.stringify({ ...application.answers, ...(patch.answers ?? {}) }),
      sources: JSON.stringify(patch.sources ?? application.sources),
      consents: JSON.stringify({ ...application.consents, ...(patch.consents ?? {}) }),
      updated_at: new Date(),
    })
    .where('id', '=', application.id)
    .where('status', '=', 'brouillon')
    .execute();
}

/** The answers of the person's latest submitted application (for « demande précédente »). */
export async function previousAnswers(db: ApplicationsDb, accountId: string): Promise<Answers> {
  const row = await db.selectFrom('applications').select('answers').where('account_id', '=', accountId).where('status', '!=', 'brouillon').orderBy('submitted_at', 'desc').limit(1).executeTakeFirst();
  return row?.answers ?? {};
}

export type DocumentSummary = { id: string; field: string; filename: string; content_type: string; size: number; created_at: Date };

export async function documentsOf(db: ApplicationsDb, applicationId: string): Promise<DocumentSummary[]> {
  return db.selectFrom('application_documents').select(['id', 'field', 'filename', 'content_type', 'size', 'created_at']).where('application_id', '=', applicationId).orderBy('created_at').execute();
}

/** Stores a document of a draft (replacing the one the field had). */
export async function putDocument(
  db: ApplicationsDb,
  input: { application: Application; field: string; filename: string; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; sha256: string; bytes: Buffer; accountId: string },
): Promise<void> {
  await withTransaction(db, async (trx) => {
    await trx.deleteFrom('application_documents').where('application_id', '=', input.application.id).where('field', '=', input.field).execute();
    await trx
      .insertInto('application_documents')
      .values({ id: randomUUID(), tenant_id: input.application.tenant_id, application_id: input.application.id, field: input.field, filename: input.filename, content_type: input.contentType, size: input.bytes.length, sha256: input.sha256, bytes: input.bytes, uploaded_by: input.accountId })
      .execute();
  });
}

/** A document, only if the application belongs to this person. */
export async function ownedDocument(db: ApplicationsDb, accountId: string, documentId: string) {
  return db
    .selectFrom('application_documents as d')
    .innerJoin('applications as a', 'a.id', 'd.application_id')
    .select(['d.id', 'd.filename', 'd.content_type', 'd.bytes', 'd.tenant_id', 'd.application_id'])
    .where('d.id', '=', documentId)
    .where('a.account_id', '=', accountId)
    .executeTakeFirst();
}

function referenceOf(year: number, n: number): string {
  return `BZH-${year}-${String(n).padStart(6, '0')}`;
}

export type SubmitOutcome = { ok: true; reference: string; fresh: boolean } | { ok: false; reason: 'not_found' };

/**
 * Submits a draft, in one transaction: reference number, status « déposé », history row, audit.
 * Idempotent on `key` (the final form's hidden key): a double click or a retry finds the
 * application the first request submitted and answers with its reference.
 */
export async function submitDraft(
  db: ApplicationsDb,
  input: { accountId: string; aidId: string; key: string; actor: Actor; now?: Date },
  inTransaction: (application: Application, trx: Transaction<ApplicationsTables & PlatformTables>) => Promise<void>,
): Promise<SubmitOutcome> {
  return withTransaction(db, async (trx) => {
    const already = await trx.selectFrom('applications').select(['reference']).where('idempotency_key', '=', input.key).where('account_id', '=', input.accountId).executeTakeFirst();
    if (already?.reference) return { ok: true, reference: already.reference, fresh: false };
    const draft = await trx.selectFrom('applications').selectAll().where('account_id', '=', input.accountId).where('aid_id', '=', input.aidId).where('status', '=', 'brouillon').forUpdate().executeTakeFirst();
    if (!draft) {
      // A concurrent request with the same key may have submitted the draft while this one waited
      // for its lock: read again (a new statement sees what has committed since).
      const raced = await trx.selectFrom('applications').select(['reference']).where('idempotency_key', '=', input.key).where('account_id', '=', input.accountId).executeTakeFirst();
      return raced?.reference ? { ok: true, reference: raced.reference, fresh: false } : { ok: false, reason: 'not_found' };
    }
    const now = input.now ?? new Date();
    const year = now.getUTCFullYear();
    const counter = await trx
      .insertInto('application_counters')
      .values({ year, last: 1 })
      .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('application_counters.last', '+', 1) })))
      .returning('last')
      .executeTakeFirstOrThrow();
    const reference = referenceOf(year, Number(counter.last));
    const moved = await moveStatus(trx, { application: draft, to: 'depose', actorId: input.accountId, actorKind: 'usager', action: 'depot', set: { reference, idempotency_key: input.key, submitted_at: now }, now });
    if (!moved) throw new Error(`application ${draft.id}: the draft read under lock could not be submitted`);
    await audit(trx as unknown as Kysely<PlatformTables>, { action: 'applications.submit', actor: input.actor, tenantId: draft.tenant_id, targetType: 'application', targetId: draft.id, details: { reference, aid: draft.aid_id } });
    await inTransaction({ ...draft, status: 'depose', reference, submitted_at: now }, trx as Transaction<ApplicationsTables & PlatformTables>);
    return { ok: true, reference, fresh: true };
  });
}

export type ApplicationListItem = Pick<Application, 'id' | 'tenant_id' | 'aid_id' | 'aid_name' | 'status' | 'reference' | 'created_at' | 'submitted_at' | 'updated_at'>;

/** Every application of the person, across all authorities (drafts included), latest first. */
export async function applicationsOf(db: ApplicationsDb, accountId: string): Promise<ApplicationListItem[]> {
  return db
    .selectFrom('applications')
    .select(['id', 'tenant_id', 'aid_id', 'aid_name', 'status', 'reference', 'created_at', 'submitted_at', 'updated_at'])
    .where('account_id', '=', accountId)
    .orderBy('updated_at', 'desc')
    .execute();
}

/** One submitted application of the person, by reference (never another person's). */
export async function ownedApplication(db: ApplicationsDb, accountId: string, reference: string): Promise<Application | undefined> {
  return db.selectFrom('applications').selectAll().where('reference', '=', reference).where('account_id', '=', accountId).executeTakeFirst();
}

export async function historyOf(db: ApplicationsDb, applicationId: string) {
  return db.selectFrom('application_history').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
}

/** The person withdraws their application: false when the table does not allow it from its status. */
export async function withdraw(db: ApplicationsDb, input: { application: Application; actor: Actor }, inTransaction?: InTransaction): Promise<boolean> {
  if (!WITHDRAWABLE.includes(input.application.status)) return false;
  return withTransaction(db, async (trx) => {
    if (!(await moveStatus(trx, { application: input.application, to: 'retire', actorId: input.actor.id, actorKind: 'usager', action: 'retrait' }))) return false;
    await audit(trx as unknown as Kysely<PlatformTables>, { action: 'applications.withdraw', actor: input.actor, tenantId: input.application.tenant_id, targetType: 'application', targetId: input.application.id, details: { reference: input.application.reference } });
    await inTransaction?.(trx as Transaction<ApplicationsTables & PlatformTables>);
    return true;
  });
}
