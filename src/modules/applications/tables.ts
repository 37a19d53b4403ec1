import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { FormDefinition } from './form';

export const APPLICATION_STATUSES = {
  brouillon: 'Brouillon',
  depose: 'Déposée',
  en_instruction: 'En cours d’examen',
  pieces_demandees: 'Documents demandés',
  accepte: 'Acceptée',
  refuse: 'Refusée',
  classe_sans_suite: 'Classée sans suite',
  retire: 'Retirée',
} as const;
export type ApplicationStatus = keyof typeof APPLICATION_STATUSES;

export type Answers = Record<string, unknown>;
export type PrefillSource = 'franceconnect' | 'declared' | 'application';
export type Sources = Record<string, { source: PrefillSource; value: unknown }>;

type Json<T> = ColumnType<T, string, string>;

export type ApplicationFormsTable = {
  aid_id: string;
  tenant_id: string;
  definition: Json<FormDefinition>;
  updated_by: string | null;
  updated_at: Generated<Date>;
};

export type ApplicationsTable = {
  id: string;
  tenant_id: string;
  aid_id: string;
  aid_name: string;
  account_id: string | null;
  status: Generated<ApplicationStatus>;
  reference: string | null;
  form: Json<FormDefinition>;
  answers: Json<Answers>;
  sources: Json<Sources>;
  consents: Json<Record<string, boolean>>;
  idempotency_key: string | null;
  amount_granted: string | null;
  decision_motivation: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  decided_at: Date | null;
};

export type ApplicationDocumentsTable = {
  id: string;
  tenant_id: string;
  application_id: string;
  field: string;
  filename: string;
  content_type: 'application/pdf' | 'image/jpeg' | 'image/png';
  size: number;
  sha256: string;
  bytes: Buffer;
  uploaded_by: string | null;
  created_at: Generated<Date>;
};

export type ApplicationHistoryTable = {
  id: string;
  tenant_id: string;
  application_id: string;
  actor_id: string | null;
  actor_kind: 'usager' | 'agent' | 'systeme';
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string | null;
  created_at: Generated<Date>;
};

export type ApplicationMessagesTable = {
  id: string;
  tenant_id: string;
  application_id: string;
  author_id: string | null;
  author_kind: 'usager' | 'agent';
  body: string;
  requested_documents: Json<string[]> | null;
  created_at: Generated<Date>;
  read_at: Date | null;
};

export type ApplicationAnnotationsTable = {
  id: string;
  tenant_id: string;
  application_id: string;
  author_id: string | null;
  author_label: string;
  body: string;
  created_at: Generated<Date>;
};

/** When an instructeur last opened an application (unread.ts). */
export type ApplicationReadsTable = {
  application_id: string;
  tenant_id: string;
  seen_at: Date;
};

export type ApplicationsTables = {
  application_reads: ApplicationReadsTable;
  application_annotations: ApplicationAnnotationsTable;
  application_forms: ApplicationFormsTable;
  applications: ApplicationsTable;
  application_documents: ApplicationDocumentsTable;
  application_history: ApplicationHistoryTable;
  application_messages: ApplicationMessagesTable;
  application_counters: { year: number; last: number };
};

export type Application = Selectable<ApplicationsTable>;

export type ApplicationsDb = Kysely<PlatformTables & ApplicationsTables>;

/**
 * Work done in the transaction of a change, by the service that asked for it: the mails about the
 * change are written to the outbox there, so a change never commits without its mails (nor a
 * mail leaves for a change that rolled back).
 */
export type InTransaction = (trx: Transaction<ApplicationsTables & PlatformTables>) => Promise<void>;
