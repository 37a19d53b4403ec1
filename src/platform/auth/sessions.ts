import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

export interface Session {
  accountId: string | null;
  data: Record<string, unknown>;
  userAgent: string;
  createdAt: Date;
  expiresAt: Date;
}

export const SESSION_TTL_SECONDS = 8 * 60 * 60;

/**
 * Server-side sessions. The cookie holds a random token; the store keeps only its SHA-256,
 * so reading the store does not let anyone take over a session.
 */
export interface SessionStore {
  create(session: Omit<Session, 'createdAt' | 'expiresAt'>): Promise<string>;
  get(token: string): Promise<Session | null>;
  destroy(token: string): Promise<void>;
  destroyAllFor(accountId: string): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class DatabaseSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<PlatformTables>, private readonly ttlSeconds = SESSION_TTL_SECONDS) {}

  async create(session: Omit<Session, 'createdAt' | 'expiresAt'>): Promise<string> {
    const token = newToken();
    await this.db
      .insertInto('platform_sessions')
      .values({
        id_hash: tokenHash(token),
        account_id: session.accountId,
        data: JSON.stringify(session.data),
        user_agent: session.userAgent.slice(0, 300),
        expires_at: new Date(Date.now() + this.ttlSeconds * 1000),
      })
      .execute();
    // Expired sessions are swept now and then, on sign-in rather than on every request.
    await this.db.deleteFrom('platform_sessions').where('expires_at', '<', new Date()).execute();
    return token;
  }

  async get(token: string): Promise<Session | null> {
    const row = await this.db
      .selectFrom('platform_sessions')
      .selectAll()
      .where('id_hash', '=', tokenHash(token))
      .where('expires_at', '>', new Date())
      .executeTakeFirst();
    if (!row) return null;
    return {
      accountId: row.account_id,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      userAgent: row.user_agent,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    };
  }

  async destroy(token: string): Promise<void> {
    await this.db.deleteFrom('platform_sessions').where('id_hash', '=', tokenHash(token)).execute();
  }

  async destroyAllFor(accountId: string): Promise<void> {
    await this.db.deleteFrom('platform_sessions').where('account_id', '=', accountId).execute();
  }
}

export class RedisSessionStore implements SessionStore {
  constructor(private readonly redis: Redis, private readonly ttlSeconds = SESSION_TTL_SECONDS, private readonly prefix = 'guichet:session:') {}

  async create(session: Omit<Session, 'createdAt' | 'expiresAt'>): Promise<string> {
    const token = newToken();
    const now = Date.now();
    const value: Session = { ...session, createdAt: new Date(now), expiresAt: new Date(now + this.ttlSeconds * 1000) };
    const key = this.prefix + tokenHash(token);
    const multi = this.redis.multi().set(key, JSON.stringify(value), 'EX', this.ttlSeconds);
    if (session.accountId) multi.sadd(this.accountKey(session.accountId), key).expire(this.accountKey(session.accountId), this.ttlSeconds);
    await multi.exec();
    return token;
  }

  async get(token: string): Promise<Session | null> {
    const raw = await this.redis.get(this.prefix + tokenHash(token));
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Session;
    return { ...parsed, createdAt: new Date(parsed.createdAt), expiresAt: new Date(parsed.expiresAt) };
  }

  async destroy(token: string): Promise<void> {
    await this.redis.del(this.prefix + tokenHash(token));
  }

  async destroyAllFor(accountId: string): Promise<void> {
    const keys = await this.redis.smembers(this.accountKey(accountId));
    if (keys.length) await this.redis.del(...keys);
    await this.redis.del(this.accountKey(accountId));
  }

  private accountKey(accountId: string): string {
    return `${this.prefix}account:${accountId}`;
  }
}
