import type { ColumnType } from 'kysely';
import type { Timestamp } from '../../platform/db/tables';

export interface MfaFactorsTable {
  account_id: string;
  /** v1.<base64url(iv | tag | ciphertext)> (crypto.ts) */
  secret_encrypted: string;
  enrolled_at: ColumnType<Date, Date | string | undefined, Date | string>;
  /** bigint: read as string by pg, as number by PGlite */
  last_used_step: ColumnType<string | number, number | undefined, number>;
}

export interface MfaRecoveryCodesTable {
  id: string;
  account_id: string;
  salt: string;
  code_hash: string;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type MfaTables = {
  mfa_factors: MfaFactorsTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
};

export type { Timestamp };
