import type { Kysely } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { PlatformTables } from '../../platform/db/tables';
import { clientMetadata, findClient } from './clients.store';
import type { IdpTables } from './tables';

export type IdpDb = Kysely<PlatformTables & IdpTables>;

export function idpDb(db: Kysely<PlatformTables>): IdpDb {
  return db.withTables<IdpTables>();
}

export function parseJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/**
 * oidc-provider's storage over our database: one row per object (session, interaction, code,
 * token, grant) in idp_payloads; every call is one short statement (PGlite has one backend).
 * Clients are not stored here: they are read from idp_clients, as the back office keeps them.
 */
export class DatabaseAdapter implements Adapter {
  constructor(
    private readonly db: IdpDb,
    private readonly model: string,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const row = {
      payload: JSON.stringify(payload),
      grant_id: payload.grantId ?? null,
      user_code: payload.userCode ?? null,
      uid: payload.uid ?? null,
      expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    };
    await this.db
      .insertInto('idp_payloads')
      .values({ model: this.model, id, ...row })
      .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
      .execute();
  }

  private async findWhere(column: 'id' | 'uid' | 'user_code', value: string): Promise<AdapterPayload | undefined> {
    const row = await this.db
      .selectFrom('idp_payloads')
      .select(['payload', 'expires_at', 'consumed_at'])
      .where('model', '=', this.model)
      .where(column, '=', value)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.expires_at && new Date(row.expires_at).getTime() <= Date.now()) return undefined;
    const payload = parseJson<AdapterPayload>(row.payload);
    return row.consumed_at ? { ...payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) } : payload;
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    if (this.model === 'Client') {
      const client = await findClient(this.db, id);
      return client && !client.disabled_at ? (clientMetadata(client) as AdapterPayload) : undefined;
    }
    return this.findWhere('id', id);
  }

  findByUid(uid: string) {
    return this.findWhere('uid', uid);
  }

  findByUserCode(userCode: string) {
    return this.findWhere('user_code', userCode);
  }

  async consume(id: string): Promise<void> {
    await this.db.updateTable('idp_payloads').set({ consumed_at: new Date() }).where('model', '=', this.model).where('id', '=', id).execute();
  }

  async destroy(id: string): Promise<void> {
    await this.db.deleteFrom('idp_payloads').where('model', '=', this.model).where('id', '=', id).execute();
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await this.db.deleteFrom('idp_payloads').where('model', '=', this.model).where('grant_id', '=', grantId).execute();
  }
}

/** Deletes a grant and every code and token issued under it (a revoked consent). */
export async function destroyGrant(db: IdpDb, grantId: string): Promise<void> {
  await db
    .deleteFrom('idp_payloads')
    .where((eb) => eb.or([eb('grant_id', '=', grantId), eb.and([eb('model', '=', 'Grant'), eb('id', '=', grantId)])]))
    .execute();
}

/** Removes what has expired (called now and then; expired rows are already ignored on read). */
export async function purgeExpired(db: IdpDb): Promise<void> {
  await db.deleteFrom('idp_payloads').where('expires_at', '<', new Date()).execute();
}
