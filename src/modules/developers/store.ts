import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { isScope, type ApiScope } from '../../platform/http/api-access';
import { newKey, ROTATION_OVERLAP_MS } from './keys';
import { developersDb } from './tables';

export type Owner = { accountId: string } | { tenantId: string };

export interface Application {
  id: string;
  name: string;
  description: string;
  ownerAccountId: string | null;
  ownerTenantId: string | null;
  scopes: ApiScope[];
  perMinute: number;
  perDay: number;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  createdAt: Date;
}

export interface KeyRow {
  id: string;
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

const columns = ['id', 'name', 'description', 'owner_account_id', 'owner_tenant_id', 'scopes', 'per_minute', 'per_day', 'suspended_at', 'suspended_reason', 'created_at'] as const;

type Row = { id: string; name: string; description: string; owner_account_id: string | null; owner_tenant_id: string | null; scopes: string[]; per_minute: number; per_day: number; suspended_at: Date | null; suspended_reason: string | null; created_at: Date | string };

function toApplication(row: Row): Application {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    ownerAccountId: row.owner_account_id,
    ownerTenantId: row.owner_tenant_id,
    scopes: row.scopes.filter(isScope),
    perMinute: row.per_minute,
    perDay: row.per_day,
    suspendedAt: row.suspended_at ? new Date(row.suspended_at) : null,
    suspendedReason: row.suspended_reason,
    createdAt: new Date(row.created_at),
  };
}

/** Registers an application and its first key; the key itself is returned once, never stored. */
export async function createApplication(
  db: Kysely<PlatformTables>,
  input: { name: string; description: string; owner: Owner; createdBy: string; scopes: ApiScope[] },
): Promise<{ application: Application; key: string }> {
  const id = randomUUID();
  const { key, prefix, hash } = newKey();
  await db.transaction().execute(async (trx) => {
    const ddb = developersDb(trx);
    await ddb
      .insertInto('developer_applications')
      .values({
        id,
        name: input.name,
        description: input.description,
        owner_account_id: 'accountId' in input.owner ? input.owner.accountId : null,
        owner_tenant_id: 'tenantId' in input.owner ? input.owner.tenantId : null,
        created_by: input.createdBy,
        scopes: input.scopes,
      })
      .execute();
    await ddb.insertInto('developer_keys').values({ id: randomUUID(), application_id: id, prefix, hash }).execute();
  });
  return { application: (await findApplication(db, id))!, key };
}

export async function findApplication(db: Kysely<PlatformTables>, id: string): Promise<Application | undefined> {
  if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
  const row = await developersDb(db).selectFrom('developer_applications').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toApplication(row as Row) : undefined;
}

/** The applications of a person and of the authorities they administer. */
export async function applicationsOf(db: Kysely<PlatformTables>, accountId: string, tenantIds: readonly string[]): Promise<Application[]> {
  const rows = await developersDb(db)
    .selectFrom('developer_applications')
    .select(columns)
    .where((eb) => (tenantIds.length ? eb.or([eb('owner_account_id', '=', accountId), eb('owner_tenant_id', 'in', tenantIds)]) : eb('owner_account_id', '=', accountId)))
    .orderBy('created_at')
    .execute();
  return rows.map((r) => toApplication(r as Row));
}

export async function allApplications(db: Kysely<PlatformTables>): Promise<Application[]> {
  const rows = await developersDb(db).selectFrom('developer_applications').select(columns).orderBy('created_at', 'desc').execute();
  return rows.map((r) => toApplication(r as Row));
}

export async function keysOf(db: Kysely<PlatformTables>, applicationId: string): Promise<KeyRow[]> {
  const rows = await developersDb(db)
    .selectFrom('developer_keys')
    .select(['id', 'prefix', 'created_at', 'expires_at', 'revoked_at'])
    .where('application_id', '=', applicationId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({ id: r.id, prefix: r.prefix, createdAt: new Date(r.created_at), expiresAt: r.expires_at ? new Date(r.expires_at) : null, revokedAt: r.revoked_at ? new Date(r.revoked_at) : null }));
}

export async function setScopes(db: Kysely<PlatformTables>, applicationId: string, scopes: ApiScope[]): Promise<void> {
  await developersDb(db).updateTable('developer_applications').set({ scopes }).where('id', '=', applicationId).execute();
}

/**
 * A new key; every key still valid without an end keeps working 24 hours from `now` (the clients
 * change it meanwhile). Returns the new key, shown once.
 */
export async function rotateKey(db: Kysely<PlatformTables>, applicationId: string, now = new Date()): Promise<string> {
  const { key, prefix, hash } = newKey();
  await db.transaction().execute(async (trx) => {
    const ddb = developersDb(trx);
    await ddb
      .updateTable('developer_keys')
      .set({ expires_at: new Date(now.getTime() + ROTATION_OVERLAP_MS) })
      .where('application_id', '=', applicationId)
      .where('revoked_at', 'is', null)
      .where('expires_at', 'is', null)
      .execute();
    await ddb.insertInto('developer_keys').values({ id: randomUUID(), application_id: applicationId, prefix, hash, created_at: now }).execute();
  });
  return key;
}

/** Revokes one key of the application at once. Returns whether a key was revoked. */
export async function revokeKey(db: Kysely<PlatformTables>, applicationId: string, keyId: string, now = new Date()): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/.test(keyId)) return false;
  const result = await developersDb(db)
    .updateTable('developer_keys')
    .set({ revoked_at: now })
    .where('application_id', '=', applicationId)
    .where('id', '=', keyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function setSuspended(db: Kysely<PlatformTables>, applicationId: string, suspended: boolean, reason: string | null, now = new Date()): Promise<void> {
  await developersDb(db)
    .updateTable('developer_applications')
    .set(suspended ? { suspended_at: now, suspended_reason: reason } : { suspended_at: null, suspended_reason: null })
    .where('id', '=', applicationId)
    .execute();
}

/** The application's own quotas and, per scope, narrower ones (the operator sets them). */
export async function setQuotas(db: Kysely<PlatformTables>, applicationId: string, quota: { perMinute: number; perDay: number }, perScope: ReadonlyMap<ApiScope, { perMinute: number; perDay: number }> = new Map()): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ddb = developersDb(trx);
    await ddb.updateTable('developer_applications').set({ per_minute: quota.perMinute, per_day: quota.perDay }).where('id', '=', applicationId).execute();
    await ddb.deleteFrom('developer_quotas').where('application_id', '=', applicationId).execute();
    if (perScope.size) {
      await ddb
        .insertInto('developer_quotas')
        .values([...perScope].map(([scope, q]) => ({ application_id: applicationId, scope, per_minute: q.perMinute, per_day: q.perDay })))
        .execute();
    }
  });
}

export async function quotasOf(db: Kysely<PlatformTables>, applicationId: string): Promise<Map<ApiScope, { perMinute: number; perDay: number }>> {
  const rows = await developersDb(db).selectFrom('developer_quotas').selectAll().where('application_id', '=', applicationId).execute();
  return new Map(rows.flatMap((r) => (isScope(r.scope) ? [[r.scope, { perMinute: r.per_minute, perDay: r.per_day }] as const] : [])));
}
