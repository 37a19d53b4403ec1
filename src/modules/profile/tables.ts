import type { ColumnType } from 'kysely';
import type { Json, Timestamp } from '../../platform/db/tables';
import type { FieldSource } from './model';

export interface ProfileFieldsTable {
  account_id: string;
  field: string;
  value: Json<unknown>;
  source: FieldSource;
  received_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type ProfileTables = {
  profile_fields: ProfileFieldsTable;
};

export type { Timestamp };
