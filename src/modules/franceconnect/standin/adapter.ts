import type { Kysely } from 'kysely';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { PlatformTables } from '../../../platform/db/tables';
import type { FranceConnectTables } from '../tables';

/** oidc-provider's storage for the stand-in, in the database (table franceconnect_standin_store). */
export function databaseAdapter(platformDb: Kysely<PlatformTables>) {
  const db = platformDb.withTables<FranceConnectTables>();
  const table = 'franceconnect_standin_store' as const;
  const live = (payload: unknown, expiresAt: Date | null): AdapterPayload | undefined => {
    if (expiresAt && new Date(expiresAt).getTime() <= Date.now()) return undefined;
    return (typeof payload === 'string' ? JSON.parse(payload) : payload) as AdapterPayload;
  };
  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const row = {
        payload: JSON.stringify(payload),
        grant_id: payload.grantId ?? null,
        uid: payload.uid ?? null,
        expires_at: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
      };
      await db
        .insertInto(table)
        .values({ model: this.model, id, ...row })
        .onConflict((oc) => oc.columns(['model', 'id']).doUpdateSet(row))
        .execute();
      // Now and then, forget what has expired.
      if (Math.random() < 0.05) await db.deleteFrom(table).where('expires_at', '<', new Date()).execute();
    }

    private async findWhere(column: 'id' | 'uid', value: string): Promise<AdapterPayload | undefined> {
      const row = await db.selectFrom(table).select(['payload', 'expires_at']).where('model', '=', this.model).where(column, '=', value).executeTakeFirst();
      return row ? live(row.payload, row.expires_at) : undefined;
    }

    find(id: string) {
      return this.findWhere('id', id);
    }

    findByUid(uid: string) {
      return this.findWhere('uid', uid);
    }

    async findByUserCode(): Promise<undefined> {
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const found = await this.find(id);
      if (!found) return;
      await db
        .updateTable(table)
        .set({ payload: JSON.stringify({ ...found, consumed: Math.floor(Date.now() / 1000) }) })
        .where('model', '=', this.model)
        .where('id', '=', id)
        .execute();
    }

    async destroy(id: string): Promise<void> {
      await db.deleteFrom(table).where('model', '=', this.model).where('id', '=', id).execute();
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.deleteFrom(table).where('grant_id', '=', grantId).execute();
    }
  };
}
