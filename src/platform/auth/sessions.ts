import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { changeFeedOf } from '../db/changes';
import { KeptByKey } from '../db/kept-by-key';
import type { PlatformTables } from '../db/tables';

export interface Session {
  accountId: string | null;
  data: Record<string, unknown>;
  userAgent: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A session as its owner sees it in "Mes sessions": `id` is the token's hash, never the token. */
export interface SessionSummary extends Session {
  id: string;
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
  /** The account's live sessions, newest first. */
  listFor(accountId: string): Promise<SessionSummary[]>;
  /** Ends one of the account's sessions by its id (from listFor); false if it was not theirs. */
  destroyById(accountId: string, id: string): Promise<boolean>;
}

/** The id listFor gives the session a token opened. */
export function sessionId(token: string): string {
  return tokenHash(token);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Sessions in the database, kept in memory by their token's hash (platform/db/kept-by-key.ts):
 * a signed-in page no longer reads its session. Every change of a session row is notified to
 * every instance by a row-level trigger (migration 0210), so a session that ends here (sign-out,
 * password change, second factor reset, « Mes sessions ») or on another instance stops working
 * at once everywhere: the ending write forgets it here, then waits until this instance has
 * received the trigger's notification — sent to every instance at the same moment — before
 * answering. Expiry is checked on every use. Nothing is kept while the change feed is down.
 */
export class DatabaseSessionStore implements SessionStore {
  private readonly kept: KeptByKey<Session | null>;

  constructor(private readonly db: Kysely<PlatformTables>, private readonly ttlSeconds = SESSION_TTL_SECONDS) {
    this.kept = new KeptByKey(db, 'platform_sessions', { localWrites: false, maxEntries: 50_000, keep: (session) => session !== null });
  }

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
    const hash = tokenHash(token);
    const session = await this.kept.get(hash, () => this.read(hash));
    return session && session.expiresAt.getTime() > Date.now() ? session : null;
  }

  private async read(hash: string): Promise<Session | null> {
    const row = await this.db
      .selectFrom('platform_sessions')
      .selectAll()
      .where('id_hash', '=', hash)
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
    const hash = tokenHash(token);
    await this.ended([hash], () => this.db.deleteFrom('platform_sessions').where('id_hash', '=', hash).returning('id_hash').execute());
  }

  async destroyAllFor(accountId: string): Promise<void> {
    await this.ended([], () => this.db.deleteFrom('platform_sessions').where('account_id', '=', accountId).returning('id_hash').execute());
  }

  async listFor(accountId: string): Promise<SessionSummary[]> {
    const rows = await this.db
      .selectFrom('platform_sessions')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('expires_at', '>', new Date())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id_hash,
      accountId: row.account_id,
      data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      userAgent: row.user_agent,
      createdAt: new Date(row.created_at),
      expiresAt: new Date(row.expires_at),
    }));
  }

  async destroyById(accountId: string, id: string): Promise<boolean> {
    const deleted = await this.ended([id], () => this.db.deleteFrom('platform_sessions').where('id_hash', '=', id).where('account_id', '=', accountId).returning('id_hash').execute());
    return deleted > 0;
  }

  /**
   * Runs a delete of sessions, forgets them here (the known ones before, the deleted ones after),
   * then waits until this instance received the trigger's notification of each deleted one.
   */
  private async ended(known: string[], remove: () => Promise<Array<{ id_hash: string }>>): Promise<number> {
    const since = Date.now();
    for (const hash of known) this.kept.forget(hash);
    const deleted = (await remove()).map((row) => row.id_hash);
    for (const hash of deleted) this.kept.forget(hash);
    await changeFeedOf(this.db)?.received('platform_sessions', deleted, since);
    return deleted.length;
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

  async listFor(accountId: string): Promise<SessionSummary[]> {
    const keys = await this.redis.smembers(this.accountKey(accountId));
    if (keys.length === 0) return [];
    const values = await this.redis.mget(...keys);
    const sessions: SessionSummary[] = [];
    const gone: string[] = [];
    keys.forEach((key, i) => {
      const raw = values[i];
      if (!raw) return void gone.push(key);
      const parsed = JSON.parse(raw) as Session;
      sessions.push({ ...parsed, id: key.slice(this.prefix.length), createdAt: new Date(parsed.createdAt), expiresAt: new Date(parsed.expiresAt) });
    });
    if (gone.length) await this.redis.srem(this.accountKey(accountId), ...gone);
    return sessions.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async destroyById(accountId: string, id: string): Promise<boolean> {
    const key = this.prefix + id;
    if (!(await this.redis.sismember(this.accountKey(accountId), key))) return false;
    await this.redis.multi().del(key).srem(this.accountKey(accountId), key).exec();
    return true;
  }

  private accountKey(accountId: string): string {
    return `${this.prefix}account:${accountId}`;
  }
}
