import type { ColumnType, Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';

/** Migration 0343: favourites and reminders (Membre), selections (Pro). */
export type MembersFavouritesTable = {
  id: string;
  account_id: string;
  kind: string;
  item_key: string;
  note: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type MembersRemindersTable = {
  account_id: string;
  kind: string;
  item_key: string;
  occurs_at: Date;
  sent_at: ColumnType<Date, Date | undefined, never>;
};

export type MembersSelectionsTable = {
  id: string;
  tenant_id: string;
  title: string;
  created_by: string | null;
  created_by_label: ColumnType<string, string | undefined, string>;
  share_token_hash: ColumnType<string | null, string | null | undefined, string | null>;
  shared_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: ColumnType<Date, Date | undefined, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};

export type MembersSelectionItemsTable = {
  tenant_id: string;
  selection_id: string;
  kind: string;
  item_key: string;
  position: number;
  added_at: ColumnType<Date, Date | undefined, never>;
};

export type MembersTables = {
  members_favourites: MembersFavouritesTable;
  members_reminders: MembersRemindersTable;
  members_selections: MembersSelectionsTable;
  members_selection_items: MembersSelectionItemsTable;
};

export type MembersDb = Kysely<PlatformTables & MembersTables>;
export const membersDb = (db: Kysely<PlatformTables>): MembersDb => db.withTables<MembersTables>();
