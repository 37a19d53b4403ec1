import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { KeptByKey } from '../../platform/db/kept-by-key';
import { isScope, type ApiScope } from '../../platform/http/api-access';
import { developersDb } from './tables';

/** How long a key replaced by a rotation keeps working, for the clients to change it. */
export const ROTATION_OVERLAP_MS = 24 * 3600_000;

export interface Quota {
  perMinute: number;
  perDay: number;
}

/** What a valid key gives: its application, scopes and quotas. */
export interface KeyGrant {
  keyId: string;
  applicationId: string;
  hash: Buffer;
  expiresAt: Date | null;
  revokedAt: Date | null;
  suspended: boolean;
  scopes: ReadonlySet<ApiScope>;
  quota: Quota;
  scopeQuotas: ReadonlyMap<ApiScope, Quota>;
}

/** A new key: `gk_` and 32 random bytes; only its SHA-256 is stored, its first 11 characters shown. */
export function newKey(): { key: string; prefix: string; hash: Buffer } {
  const key = `gk_${randomBytes(32).toString('base64url')}`;
  return { key, prefix: key.slice(0, 11), hash: hashOf(key) };
}

export function hashOf(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

const NO_HASH = Buffer.alloc(32);

/**
 * Finds the grant of a presented key. Every key, well-formed or not, known or not, takes the
 * same path: hashed, looked up by its hash (kept in memory per instance, forgotten on every
 * instance when the key or its application changes: migration 0430's triggers), then compared
 * in constant time with what was found (or with zeros when nothing was).
 */
export class KeyDirectory {
  private readonly kept: KeptByKey<KeyGrant | null>;

  constructor(private readonly db: Kysely<PlatformTables>) {
    this.kept = new KeptByKey(db, 'developer_keys', { localWrites: true, maxEntries: 20_000 });
  }

  async grantOf(presented: string, now = new Date()): Promise<KeyGrant | undefined> {
    const hash = hashOf(presented.slice(0, 200));
    const found = await this.kept.get(hash.toString('hex'), () => this.read(hash));
    const same = timingSafeEqual(found?.hash ?? NO_HASH, hash);
    if (!found || !same) return undefined;
    if (found.revokedAt || found.suspended) return undefined;
    if (found.expiresAt && found.expiresAt.getTime() <= now.getTime()) return undefined;
    return found;
  }

  private async read(hash: Buffer): Promise<KeyGrant | null> {
    const db = developersDb(this.db);
    const row = await db
      .selectFrom('developer_keys as k')
      .innerJoin('developer_applications as a', 'a.id', 'k.application_id')
      .select(['k.id', 'k.application_id', 'k.hash', 'k.expires_at', 'k.revoked_at', 'a.suspended_at', 'a.scopes', 'a.per_minute', 'a.per_day'])
      .where('k.hash', '=', hash)
      .executeTakeFirst();
    if (!row) return null;
    const quotas = await db.selectFrom('developer_quotas').selectAll().where('application_id', '=', row.application_id).execute();
    return {
      keyId: row.id,
      applicationId: row.application_id,
      hash: Buffer.from(row.hash),
      expiresAt: row.expires_at ? new Date(row.expires_at) : null,
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      suspended: row.suspended_at !== null,
      scopes: new Set(row.scopes.filter(isScope)),
      quota: { perMinute: row.per_minute, perDay: row.per_day },
      scopeQuotas: new Map(quotas.flatMap((q) => (isScope(q.scope) ? [[q.scope, { perMinute: q.per_minute, perDay: q.per_day }] as const] : []))),
    };
  }
}

