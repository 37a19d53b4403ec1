import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** Timestamps are written as Date or ISO strings and read as Date. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type Json<T> = ColumnType<T, string, string>;

export interface TenantsTable {
  id: string;
  name: string;
  short_name: string;
  kind: 'region' | 'departement' | 'epci' | 'commune';
  cog_code: string;
  parent_id: string | null;
  host: string | null;
  accent_color: ColumnType<string, string | undefined, string>;
  logo_media_id: string | null;
  description: ColumnType<string, string | undefined, string>;
  contact_email: ColumnType<string, string | undefined, string>;
  contact_phone: ColumnType<string, string | undefined, string>;
  contact_address: ColumnType<string, string | undefined, string>;
  joined_at: Timestamp;
  updated_at: Timestamp;
}

export interface MediaTable {
  id: string;
  tenant_id: string;
  content_type: string;
  bytes: Uint8Array;
  sha256: string;
  created_at: Timestamp;
  created_by: string | null;
}

export interface AccountsTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled_at: Date | null;
  created_at: Timestamp;
  last_sign_in_at: Date | null;
  /** Set when an administrator gave a temporary password; cleared when the agent picks one. */
  password_must_change: ColumnType<boolean, boolean | undefined, boolean>;
}

export type Role = 'administrateur' | 'editeur' | 'instructeur' | 'conseiller' | 'lecteur';

export interface MembershipsTable {
  account_id: string;
  tenant_id: string;
  role: Role;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  account_id: string | null;
  data: Json<Record<string, unknown>>;
  user_agent: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface AuditTable {
  id: Generated<string>;
  at: Timestamp;
  actor_id: string | null;
  actor_label: ColumnType<string, string | undefined, string>;
  tenant_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
  /** The row's place in the hash chain and its hashes, set by the insert trigger (migration 0130). */
  seq: Generated<string>;
  prev_hash: Generated<string>;
  row_hash: Generated<string>;
}

export interface CountersTable {
  key: string;
  count: number;
  reset_at: ColumnType<Date, Date | string, Date | string>;
}

export interface MigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
}

export interface PlatformTables {
  platform_tenants: TenantsTable;
  platform_media: MediaTable;
  platform_accounts: AccountsTable;
  platform_memberships: MembershipsTable;
  platform_sessions: SessionsTable;
  platform_audit: AuditTable;
  platform_counters: CountersTable;
  platform_migrations: MigrationsTable;
  platform_demo_mails: DemoMailsTable;
  platform_mail_outbox: MailOutboxTable;
  platform_jobs: JobsTable;
}

/** Periodic jobs and their lease (platform/jobs.ts, migration 0341). */
export interface JobsTable {
  name: string;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_started_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
}

export type Tenant = Selectable<TenantsTable>;
export type NewTenant = Insertable<TenantsTable>;
export type Account = Selectable<AccountsTable>;

export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  next_attempt_at: Generated<Date>;
  attempts: Generated<number>;
  last_error: string | null;
  failed_at: Date | null;
}

export interface DemoMailsTable {
  id: Generated<string>;
  received_at: Timestamp;
  recipients: string;
  subject: string;
  body: string;
}
