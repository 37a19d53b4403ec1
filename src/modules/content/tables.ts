import type { ColumnType, Selectable } from 'kysely';
import type { Timestamp } from '../../platform/db/tables';

export type ContentKind = 'page' | 'news';

export type ContentItemsTable = {
  id: string;
  tenant_id: string;
  kind: ContentKind;
  slug: string;
  latest_version: ColumnType<number, number | undefined, number>;
  published_version: ColumnType<number | null, number | null | undefined, number | null>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Reserved to orientation professionals (migration 0345). */
  pro_only: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ContentVersionsTable = {
  item_id: string;
  tenant_id: string;
  version: number;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  body: ColumnType<string, string | undefined, string>;
  image_media_id: string | null;
  /** '' when the image is decorative. */
  image_alt: string | null;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  author_id: string | null;
  author_label: ColumnType<string, string | undefined, string>;
  note: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
};

export type ContentMenuEntriesTable = {
  id: string;
  tenant_id: string;
  position: number;
  label: string;
  target: ContentKind;
  target_item_id: string | null;
};

export type ContentTables = {
  content_items: ContentItemsTable;
  content_versions: ContentVersionsTable;
  content_menu_entries: ContentMenuEntriesTable;
};

export type ContentItem = Selectable<ContentItemsTable>;
export type ContentVersion = Selectable<ContentVersionsTable>;
export type MenuEntry = Selectable<ContentMenuEntriesTable>;
