import type { ColumnType, Kysely } from 'kysely';
import type { PlatformTables, Timestamp } from '../../platform/db/tables';

export interface DeveloperTables {
  developer_applications: {
    id: string;
    name: string;
    description: ColumnType<string, string | undefined, string>;
    owner_account_id: string | null;
    owner_tenant_id: string | null;
    created_by: string | null;
    scopes: ColumnType<string[], string[] | undefined, string[]>;
    per_minute: ColumnType<number, number | undefined, number>;
    per_day: ColumnType<number, number | undefined, number>;
    suspended_at: Date | null;
    suspended_reason: string | null;
    created_at: Timestamp;
  };
  developer_quotas: {
    application_id: string;
    scope: string;
    per_minute: number;
    per_day: number;
  };
  developer_keys: {
    id: string;
    application_id: string;
    prefix: string;
    hash: Buffer;
    created_at: Timestamp;
    expires_at: Date | null;
    revoked_at: Date | null;
  };
  developer_usage: {
    day: ColumnType<string, string, string>;
    application_id: string;
    operation: string;
    status: number;
    latency_bucket: number;
    count: number;
  };
}

export type DevelopersDb = Kysely<PlatformTables & DeveloperTables>;
export const developersDb = (db: Kysely<PlatformTables>): DevelopersDb => db as unknown as DevelopersDb;
