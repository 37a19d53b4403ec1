import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables';

export type TokenPurpose = 'confirm' | 'reset' | 'email_change' | 'sign_in';

export interface AccountTokensTable {
  token_hash: string;
  account_id: string;
  purpose: TokenPurpose;
  new_email: string | null;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AccountSsoCodesTable {
  code_hash: string;
  account_id: string;
  host: string;
  parent_session: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  used_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface AccountKnownDevicesTable {
  account_id: string;
  device_hash: string;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
}

/** The warning sent before an unused account is deleted (migration 0363, inactive.ts). */
export interface AccountInactivityNoticesTable {
  account_id: string;
  warned_at: Timestamp;
  last_activity_at: ColumnType<Date, Date | string, Date | string>;
  deletes_on: ColumnType<Date, Date | string, Date | string>;
}

/** The column this module adds to platform_accounts (migration 0050). */
export interface AccountConfirmationColumns {
  email_confirmed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export type AccountsTables = {
  platform_accounts: AccountConfirmationColumns;
  account_tokens: AccountTokensTable;
  account_sso_codes: AccountSsoCodesTable;
  account_known_devices: AccountKnownDevicesTable;
  account_inactivity_notices: AccountInactivityNoticesTable;
};
