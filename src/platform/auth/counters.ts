import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../db/tables';

export interface CounterState {
  count: number;
  /** Seconds until the window closes. */
  resetInSeconds: number;
}

/** Fixed-window counters shared by every instance: attempts per account, per IP… */
export interface CounterStore {
  /** Adds `by` (1 unless said) to the counter, opening a window of `windowSeconds` when none is open. */
  increment(key: string, windowSeconds: number, by?: number): Promise<CounterState>;
  peek(key: string): Promise<CounterState>;
  reset(key: string): Promise<void>;
}

export class DatabaseCounterStore implements CounterStore {
  constructor(private readonly db: Kysely<PlatformTables>) {}

  async increment(key: string, windowSeconds: number, by = 1): Promise<CounterState> {
    const row = await sql<{ count: number; reset_at: Date }>`
      insert into platform_counters (key, count, reset_at)
      values (${key}, ${by}, now() + make_interval(secs => ${windowSeconds}))
      on conflict (key) do update set
        count = case when platform_counters.reset_at <= now() then ${by} else platform_counters.count + ${by} end,
        reset_at = case when platform_counters.reset_at <= now()
          then now() + make_interval(secs => ${windowSeconds}) else platform_counters.reset_at end
      returning count, reset_at`.execute(this.db);
    const { count, reset_at } = row.rows[0]!;
    return { count, resetInSeconds: secondsUntil(reset_at) };
  }

  async peek(key: string): Promise<CounterState> {
    const row = await this.db
      .selectFrom('platform_counters')
      .select(['count', 'reset_at'])
      .where('key', '=', key)
      .where('reset_at', '>', new Date())
      .executeTakeFirst();
    return row ? { count: row.count, resetInSeconds: secondsUntil(row.reset_at) } : { count: 0, resetInSeconds: 0 };
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('platform_counters').where('key', '=', key).execute();
  }
}

/** INCRBY, and PEXPIRE when the key has no expiry yet (a new window); returns the count and the TTL. */
const INCREMENT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis, private readonly prefix = 'guichet:counter:') {}

  async increment(key: string, windowSeconds: number, by = 1): Promise<CounterState> {
    // One script, run atomically by Redis: the key never exists without its expiry, even if
    // this process dies between the two commands.
    const [count, ttlMs] = (await this.redis.eval(INCREMENT_SCRIPT, 1, this.prefix + key, String(windowSeconds * 1000), String(by))) as [number, number];
    return { count, resetInSeconds: Math.ceil(ttlMs / 1000) };
  }

  async peek(key: string): Promise<CounterState> {
    const k = this.prefix + key;
    const [[, count], [, ttl]] = (await this.redis.multi().get(k).pttl(k).exec()) as [[null, string | null], [null, number]];
    return { count: count ? Number(count) : 0, resetInSeconds: ttl > 0 ? Math.ceil(ttl / 1000) : 0 };
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}

function secondsUntil(date: Date | string): number {
  return Math.max(0, Math.ceil((new Date(date).getTime() - Date.now()) / 1000));
}
