import type { ColumnType, Generated, Selectable } from 'kysely';
import type { Aid } from './format';

export type AidStatus = 'draft' | 'published';

export type AidsTable = {
  id: string;
  tenant_id: string;
  status: AidStatus;
  name: string;
  porteur_kind: string;
  porteur_name: string;
  definition: ColumnType<Aid, string, string>;
  territory_codes: string[];
  age_min: number | null;
  age_max: number | null;
  audiences: string[];
  themes: string[];
  search: ColumnType<string, unknown, unknown>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: Date | null;
};

export type AidsVersionsTable = {
  aid_id: string;
  version: number;
  status: AidStatus;
  definition: ColumnType<Aid, string, string>;
  created_by: string | null;
  created_at: Generated<Date>;
};

export type ImportAction = 'created' | 'updated' | 'unchanged' | 'error';
export interface ImportLine {
  line: number;
  id: string;
  action: ImportAction;
  errors: Array<{ field: string; message: string }>;
}
export interface ImportCounts {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

export type AidsImportsTable = {
  id: string;
  tenant_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  file_name: string;
  file_format: 'json' | 'csv';
  file_hash: string;
  counts: ColumnType<ImportCounts, string, string>;
  lines: ColumnType<ImportLine[], string, string>;
  items: ColumnType<Aid[] | null, string | null, string | null>;
  applied_at: Date | null;
};

export type AidsTables = {
  aids: AidsTable;
  aids_versions: AidsVersionsTable;
  aids_imports: AidsImportsTable;
};

export type AidRow = Selectable<AidsTable>;
