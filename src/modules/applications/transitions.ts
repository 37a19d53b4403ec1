/**
 * The one table of allowed status changes, and the one function that writes a change: every move
 * of an application — submission, withdrawal, an agent's step or decision, the return to
 * « en cours d’examen » when the person sent every document — goes through `moveStatus`.
 */
import { randomUUID } from 'node:crypto';
import type { ApplicationsDb } from './tables';
import type { Application, ApplicationsTable, ApplicationStatus } from './tables';

export const TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  brouillon: ['depose'],
  depose: ['en_instruction', 'retire'],
  en_instruction: ['pieces_demandees', 'accepte', 'refuse', 'classe_sans_suite', 'retire'],
  pieces_demandees: ['en_instruction', 'retire'],
  accepte: [],
  refuse: [],
  classe_sans_suite: [],
  retire: [],
};

/** Statuses an application may only reach by the person's own act (submission, withdrawal). */
const PERSON_ONLY: readonly ApplicationStatus[] = ['depose', 'retire'];
export const DECISIONS = ['accepte', 'refuse', 'classe_sans_suite'] as const satisfies readonly ApplicationStatus[];
export type Decision = (typeof DECISIONS)[number];

export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** A decided or withdrawn application: nothing more can happen to it. */
export function isClosed(status: ApplicationStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Whether an agent may move an application from `from` to `to`. */
export function agentMay(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return canTransition(from, to) && !PERSON_ONLY.includes(to);
}

/** Statuses from which the person may withdraw their application (read from the table). */
export const WITHDRAWABLE: ApplicationStatus[] = (Object.keys(TRANSITIONS) as ApplicationStatus[]).filter((status) => canTransition(status, 'retire'));

export interface Move {
  application: Pick<Application, 'id' | 'tenant_id' | 'status'>;
  to: ApplicationStatus;
  actorId: string | null;
  actorKind: 'usager' | 'agent' | 'systeme';
  /** The history's word for it: depot, retrait, statut, pieces_demandees, decision. */
  action: string;
  note?: string | null;
  /** Other columns written with the status (reference on submission, decision fields…). */
  set?: Partial<{ [K in 'reference' | 'idempotency_key' | 'submitted_at' | 'decided_at' | 'decision_motivation' | 'amount_granted']: ApplicationsTable[K] }>;
  now?: Date;
}

/**
 * Moves an application, inside the caller's transaction: refused (false) when the table does not
 * allow the change from the status read, or when the status changed meanwhile (the update names the
 * status it read, so of two concurrent moves only one applies); otherwise writes the status and its
 * history row.
 */
export async function moveStatus(trx: ApplicationsDb, move: Move): Promise<boolean> {
  const { application, to } = move;
  if (!canTransition(application.status, to)) return false;
  const now = move.now ?? new Date();
  const updated = await trx
    .updateTable('applications')
    .set({ ...move.set, status: to, updated_at: now })
    .where('id', '=', application.id)
    .where('status', '=', application.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('application_history')
    .values({ id: randomUUID(), tenant_id: application.tenant_id, application_id: application.id, actor_id: move.actorId, actor_kind: move.actorKind, action: move.action, from_status: application.status, to_status: to, note: move.note ?? null })
    .execute();
  return true;
}
