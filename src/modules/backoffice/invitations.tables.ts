import type { ColumnType } from 'kysely';
import type { Role } from '../../platform/db/tables';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** A pending invitation to become an agent of a tenant (migration 0135). */
export interface InvitationsTable {
  id: string;
  tenant_id: string;
  /** lower-cased */
  email: string;
  role: Role;
  /** SHA-256 (hex) of the token mailed to the address */
  token_hash: string;
  invited_by: string | null;
  invited_by_label: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  expires_at: Timestamp;
}

export type InvitationsTables = { backoffice_invitations: InvitationsTable };
