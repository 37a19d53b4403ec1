import type { ColumnType, Kysely } from 'kysely';
import type { PlatformTables, Timestamp } from '../../platform/db/tables';

export type LicenceId = 'lo-2.0' | 'odbl' | 'restrictive';
export type ReportStatus = 'nouveau' | 'en_cours' | 'corrige' | 'rejete';

export interface OpendataTables {
  opendata_licences: {
    tenant_id: string;
    dataset_id: string;
    licence: LicenceId;
    updated_by: string | null;
    updated_at: Timestamp;
  };
  opendata_reports: {
    id: string;
    tenant_id: string;
    dataset_id: string;
    object_id: string;
    object_title: string;
    object_url: string;
    message: string;
    email: string | null;
    status: ColumnType<ReportStatus, ReportStatus | undefined, ReportStatus>;
    answer: ColumnType<string, string | undefined, string>;
    handled_by: string | null;
    created_at: Timestamp;
    updated_at: Timestamp;
    closed_at: Date | null;
  };
}

export type OpendataDb = Kysely<PlatformTables & OpendataTables>;
export const opendataDb = (db: Kysely<PlatformTables>): OpendataDb => db as unknown as OpendataDb;
