/**
 * A person's applications as the person's API gives them (GET /api/v1/moi/demarches…, served by
 * the identity provider for an application the person allowed): only one person's, only those
 * made to one authority, never agents' internal notes nor the answers and documents themselves.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { messagesOf } from './instruction';
import { ACTIONS as HISTORY_ACTIONS } from './space.routes';
import { applicationsDb, historyOf } from './store';
import { APPLICATION_STATUSES, type Application, type ApplicationStatus } from './tables';
import { NEXT_STEP } from './views';

export interface PersonApplicationSummary {
  id: string;
  reference: string | null;
  aide: { id: string; nom: string };
  collectivite: string;
  statut: ApplicationStatus;
  statut_libelle: string;
  prochaine_etape: string;
  creee_le: string;
  deposee_le: string | null;
  mise_a_jour_le: string;
}

export interface PersonApplicationDetail extends PersonApplicationSummary {
  decision: { motivation: string | null; montant_accorde: string | null; decidee_le: string | null } | null;
  historique: Array<{ le: string; par: 'usager' | 'agent' | 'systeme'; action: string; action_libelle: string; de: ApplicationStatus | null; vers: ApplicationStatus | null; note: string | null }>;
  messages: Array<{ le: string; de: 'usager' | 'agent'; texte: string; documents_demandes: string[] }>;
}

/** The drivers give jsonb parsed; a value stored as JSON text is read too. */
function requestedDocuments(value: unknown): string[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

const iso = (value: Date | string) => new Date(value).toISOString();
const status = (value: string | null) => (value && value in APPLICATION_STATUSES ? (value as ApplicationStatus) : null);

type SummaryRow = Pick<Application, 'id' | 'reference' | 'aid_id' | 'aid_name' | 'tenant_id' | 'status' | 'created_at' | 'submitted_at' | 'updated_at'>;

function summary(row: SummaryRow): PersonApplicationSummary {
  return {
    id: row.id,
    reference: row.reference,
    aide: { id: row.aid_id, nom: row.aid_name },
    collectivite: row.tenant_id,
    statut: row.status,
    statut_libelle: APPLICATION_STATUSES[row.status],
    prochaine_etape: NEXT_STEP[row.status],
    creee_le: iso(row.created_at),
    deposee_le: row.submitted_at ? iso(row.submitted_at) : null,
    mise_a_jour_le: iso(row.updated_at),
  };
}

const SUMMARY_COLUMNS = ['id', 'reference', 'aid_id', 'aid_name', 'tenant_id', 'status', 'created_at', 'submitted_at', 'updated_at'] as const;

/** The person's applications made to `tenantId` (drafts included), latest change first. */
export async function personApplications(db: Kysely<PlatformTables>, accountId: string, tenantId: string, onlyStatus?: ApplicationStatus): Promise<PersonApplicationSummary[]> {
  let query = applicationsDb(db).selectFrom('applications').select([...SUMMARY_COLUMNS]).where('account_id', '=', accountId).where('tenant_id', '=', tenantId);
  if (onlyStatus) query = query.where('status', '=', onlyStatus);
  return (await query.orderBy('updated_at', 'desc').orderBy('id').execute()).map(summary);
}

/** One of the person's applications made to `tenantId`, with its steps and messages; undefined for anyone else's. */
export async function personApplication(db: Kysely<PlatformTables>, accountId: string, tenantId: string, id: string): Promise<PersonApplicationDetail | undefined> {
  const apps = applicationsDb(db);
  const row = await apps
    .selectFrom('applications')
    .select([...SUMMARY_COLUMNS, 'decision_motivation', 'amount_granted', 'decided_at'])
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [history, messages] = await Promise.all([historyOf(apps, row.id), messagesOf(apps, row.id)]);
  const decided = row.decision_motivation !== null || row.amount_granted !== null || row.decided_at !== null;
  return {
    ...summary(row),
    decision: decided ? { motivation: row.decision_motivation, montant_accorde: row.amount_granted, decidee_le: row.decided_at ? iso(row.decided_at) : null } : null,
    historique: history.map((h) => ({
      le: iso(h.created_at),
      par: h.actor_kind,
      action: h.action,
      action_libelle: HISTORY_ACTIONS[h.action] ?? h.action,
      de: status(h.from_status),
      vers: status(h.to_status),
      note: h.note,
    })),
    messages: messages.map((m) => ({
      le: iso(m.created_at),
      de: m.author_kind,
      texte: m.body,
      documents_demandes: requestedDocuments(m.requested_documents),
    })),
  };
}
