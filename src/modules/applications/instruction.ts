/**
 * Instruction of applications by the agents of the authority (C5 d): the one table of allowed
 * status changes, and every change written with its history row and its audit row, in one
 * transaction. Mails to the person are sent by the caller after commit (afterCommit).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { audit, type Actor } from '../../platform/audit/audit';
import { withTransaction } from '../../platform/db/transaction';
import { agentMay, canTransition, DECISIONS, moveStatus } from './transitions';
import type { ApplicationsDb, InTransaction } from './tables';
import type { Application, ApplicationStatus } from './tables';
import { onlyUnread, unreadColumns, unreadOf, type Unread } from './unread';

export { agentMay, canTransition, DECISIONS, isClosed, TRANSITIONS, type Decision } from './transitions';

const asPlatform = (trx: unknown) => trx as Kysely<PlatformTables>;

export type InstructionRow = Pick<Application, 'id' | 'reference' | 'aid_id' | 'aid_name' | 'status' | 'submitted_at'> & { person: string; unread: Unread | undefined };

/**
 * The person's name; an application whose account was deleted stays with the authority, detached
 * (migration 0364): it is shown as « Compte supprimé » and no mail is sent for it.
 */
export const DELETED_ACCOUNT = 'Compte supprimé';
const personName = sql<string>`coalesce(p.display_name, ${DELETED_ACCOUNT})`;

/** The submitted applications of a tenant (never drafts), filtered and paginated. */
export async function tenantApplications(
  db: ApplicationsDb,
  tenantId: string,
  filter: { status?: ApplicationStatus | undefined; aid?: string | undefined; q?: string | undefined; unreadOnly?: boolean; page: number; perPage: number },
): Promise<{ rows: InstructionRow[]; total: number }> {
  let query = db
    .selectFrom('applications as a')
    .leftJoin('platform_accounts as p', 'p.id', 'a.account_id')
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '!=', 'brouillon');
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.aid) query = query.where('a.aid_id', '=', filter.aid);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('a.reference', 'ilike', like), eb('p.display_name', 'ilike', like)]));
  }
  if (filter.unreadOnly) query = query.where((eb) => onlyUnread(eb));
  const [rows, count] = await Promise.all([
    query
      .select(['a.id', 'a.reference', 'a.aid_id', 'a.aid_name', 'a.status', 'a.submitted_at', personName.as('person')])
      .select((eb) => unreadColumns(eb))
      .orderBy('a.submitted_at', 'desc')
      .orderBy('a.id')
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage)
      .execute(),
    query.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(({ seen_at, person_acted_at, person_action, ...row }) => ({ ...row, unread: unreadOf({ seen_at, person_acted_at, person_action }) })), total: Number(count.n) };
}

/** The aids that have submitted applications in this tenant (for the filter). */
export async function tenantAidsWithApplications(db: ApplicationsDb, tenantId: string) {
  return db.selectFrom('applications').select(['aid_id', 'aid_name']).distinct().where('tenant_id', '=', tenantId).where('status', '!=', 'brouillon').orderBy('aid_name').execute();
}

/** One submitted application of the tenant, with the person's name and address; never another tenant's. */
export async function tenantApplication(db: ApplicationsDb, tenantId: string, id: string) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  return db
    .selectFrom('applications as a')
    .leftJoin('platform_accounts as p', 'p.id', 'a.account_id')
    .selectAll('a')
    .select([personName.as('person_name'), 'p.email as person_email'])
    .where('a.id', '=', id)
    .where('a.tenant_id', '=', tenantId)
    .where('a.status', '!=', 'brouillon')
    .executeTakeFirst();
}

export type TenantApplication = NonNullable<Awaited<ReturnType<typeof tenantApplication>>>;

export async function tenantDocument(db: ApplicationsDb, tenantId: string, applicationId: string, documentId: string) {
  if (!/^[0-9a-f-]{36}$/.test(documentId)) return undefined;
  return db
    .selectFrom('application_documents')
    .select(['id', 'filename', 'content_type', 'bytes'])
    .where('id', '=', documentId)
    .where('application_id', '=', applicationId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
}

export async function messagesOf(db: ApplicationsDb, applicationId: string) {
  return db.selectFrom('application_messages').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
}

export async function annotationsOf(db: ApplicationsDb, applicationId: string) {
  return db.selectFrom('application_annotations').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
}

export type Change = {
  application: Application;
  to: ApplicationStatus;
  actor: Actor;
  actorKind: 'agent' | 'usager';
  note?: string | null;
  motivation?: string;
  amount?: string | null;
  requestedDocuments?: string[];
};

/**
 * Moves an application along the transition table, in one transaction: the update only applies if
 * the status is still the one read (two agents at once: the second gets false), a history row,
 * an audit row, and for a request of documents the message that lists them.
 */
export async function changeStatus(db: ApplicationsDb, change: Change, inTransaction?: InTransaction): Promise<boolean> {
  const { application, to } = change;
  if (!canTransition(application.status, to)) return false;
  if (change.actorKind === 'agent' && !agentMay(application.status, to)) return false;
  return withTransaction(db, async (trx) => {
    const decided = (DECISIONS as readonly string[]).includes(to);
    const now = new Date();
    const moved = await moveStatus(trx, {
      application,
      to,
      actorId: change.actor.id,
      actorKind: change.actorKind,
      action: decided ? 'decision' : to === 'pieces_demandees' ? 'pieces_demandees' : 'statut',
      note: decided ? change.motivation ?? null : change.note ?? null,
      set: decided ? { decided_at: now, decision_motivation: change.motivation ?? null, amount_granted: to === 'accepte' ? (change.amount ?? null) : null } : {},
      now,
    });
    if (!moved) return false;
    if (change.requestedDocuments?.length) {
      await trx
        .insertInto('application_messages')
        .values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, author_id: change.actor.id, author_kind: 'agent', body: change.note ?? '', requested_documents: JSON.stringify(change.requestedDocuments), read_at: null })
        .execute();
    }
    await audit(asPlatform(trx), {
      action: 'applications.status',
      actor: change.actor,
      tenantId: application.tenant_id,
      targetType: 'application',
      targetId: application.id,
      details: { reference: application.reference, from: application.status, to, ...(decided && to === 'accepte' ? { amount: change.amount } : {}) },
    });
    await inTransaction?.(trx as Parameters<InTransaction>[0]);
    return true;
  });
}

/** A message from an agent or the person, with its history row and audit row. */
export async function addMessage(db: ApplicationsDb, input: { application: Application; authorKind: 'agent' | 'usager'; actor: Actor; body: string }, inTransaction?: InTransaction): Promise<void> {
  await withTransaction(db, async (trx) => {
    const { application } = input;
    await trx.insertInto('application_messages').values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, author_id: input.actor.id, author_kind: input.authorKind, body: input.body, requested_documents: null, read_at: null }).execute();
    await trx.insertInto('application_history').values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, actor_id: input.actor.id, actor_kind: input.authorKind, action: 'message', from_status: null, to_status: null, note: null }).execute();
    await audit(asPlatform(trx), { action: 'applications.message', actor: input.actor, tenantId: application.tenant_id, targetType: 'application', targetId: application.id, details: { reference: application.reference, from: input.authorKind } });
    await inTransaction?.(trx as Parameters<InTransaction>[0]);
  });
}

/** A private note of the agents (never shown to the person; not in the person's history). */
export async function addAnnotation(db: ApplicationsDb, input: { application: Application; actor: Actor; body: string }): Promise<void> {
  await withTransaction(db, async (trx) => {
    const { application } = input;
    await trx.insertInto('application_annotations').values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, author_id: input.actor.id, author_label: input.actor.label, body: input.body }).execute();
    await audit(asPlatform(trx), { action: 'applications.annotation', actor: input.actor, tenantId: application.tenant_id, targetType: 'application', targetId: application.id, details: { reference: application.reference } });
  });
}

/** The documents asked for in the latest request, each with the field name its answer is stored under. */
export function requestedPieces(messages: Awaited<ReturnType<typeof messagesOf>>): Array<{ field: string; label: string }> {
  const latest = [...messages].reverse().find((m) => m.requested_documents?.length);
  if (!latest) return [];
  return latest.requested_documents!.map((label, i) => ({ field: `piece-${latest.id}-${i + 1}`, label }));
}

/**
 * The person adds a requested document. When every document of the latest request has been
 * provided, the application goes back from « documents demandés » to « en cours d’examen ».
 */
export async function addRequestedDocument(
  db: ApplicationsDb,
  input: { application: Application; field: string; filename: string; contentType: 'application/pdf' | 'image/jpeg' | 'image/png'; sha256: string; bytes: Buffer; actor: Actor; pieces: Array<{ field: string }> },
  inTransaction?: InTransaction,
): Promise<{ complete: boolean }> {
  const { application } = input;
  const complete = await withTransaction(db, async (trx) => {
    await trx.deleteFrom('application_documents').where('application_id', '=', application.id).where('field', '=', input.field).execute();
    await trx
      .insertInto('application_documents')
      .values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, field: input.field, filename: input.filename, content_type: input.contentType, size: input.bytes.length, sha256: input.sha256, bytes: input.bytes, uploaded_by: input.actor.id })
      .execute();
    await trx.insertInto('application_history').values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, actor_id: input.actor.id, actor_kind: 'usager', action: 'document', from_status: null, to_status: null, note: input.filename }).execute();
    await audit(asPlatform(trx), { action: 'applications.document_added', actor: input.actor, tenantId: application.tenant_id, targetType: 'application', targetId: application.id, details: { reference: application.reference, field: input.field } });
    await inTransaction?.(trx as Parameters<InTransaction>[0]);
    const have = new Set((await trx.selectFrom('application_documents').select('field').where('application_id', '=', application.id).execute()).map((d) => d.field));
    return input.pieces.every((p) => have.has(p.field));
  });
  if (complete && application.status === 'pieces_demandees') {
    await changeStatus(db, { application, to: 'en_instruction', actor: input.actor, actorKind: 'usager', note: 'Tous les documents demandés sont envoyés.' });
  }
  return { complete };
}
