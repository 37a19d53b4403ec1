import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ImportsTable } from '../../platform/imports';
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

export type { ImportAction, ImportCounts, ImportLine } from '../../platform/imports';

export type AidsImportsTable = ImportsTable<Aid> & { file_format: 'json' | 'csv' };

export type AidsTables = {
  aids: AidsTable;
  aids_versions: AidsVersionsTable;
  aids_imports: AidsImportsTable;
};

export type AidRow = Selectable<AidsTable>;
