import type { CounterStore } from '../../platform/auth/counters';

/** One limit to check: a counter per fixed window (a minute, a UTC day). */
export interface Limit {
  /** Who is counted: `app:<id>`, `app:<id>:<scope>`, `ip:<address>`. */
  subject: string;
  max: number;
  window: 'minute' | 'day';
}

export interface LimitOutcome {
  allowed: boolean;
  /** The limit that binds (the one with the least left, or the one that refused). */
  limit: number;
  remaining: number;
  /** Seconds until that limit's window closes: the true Retry-After when refused. */
  resetSeconds: number;
}

const WINDOW_MS = { minute: 60_000, day: 86_400_000 } as const;

interface Lease {
  /** Requests this instance may still let through without asking the shared counter. */
  left: number;
  /** The shared counter's total after this instance's last reservation. */
  total: number;
  window: Limit['window'];
  index: number;
  /** The next block being reserved: the requests that find this one spent wait for it. */
  pending?: Promise<void>;
  /** The last reservation found the limit reached: refused until the window ends. */
  refused?: boolean;
}

/**
 * Quotas shared by every instance (the counters of platform/auth/counters.ts: Redis when
 * REDIS_URL is set, the database otherwise), without a round trip per request: an instance
 * reserves a block of its window's allowance at once — 1 request below 100 per window, up to
 * 1 % of the limit (at most 100) above — and spends it locally. The shared counter counts what
 * is reserved, so all instances together never let more than the limit through; an instance may
 * refuse up to one unspent block early, which small limits (block of 1) never do.
 */
export class QuotaLimiter {
  private leases = new Map<string, Lease>();

  constructor(private readonly counters: CounterStore) {}

  /** Counts one request against every limit (in order: a refusal stops there). */
  async take(limits: readonly Limit[], now = Date.now()): Promise<LimitOutcome> {
    let binding: LimitOutcome | undefined;
    for (const limit of limits) {
      const outcome = await this.takeOne(limit, now);
      if (!outcome.allowed) return outcome;
      if (!binding || outcome.remaining < binding.remaining) binding = outcome;
    }
    return binding ?? { allowed: true, limit: 0, remaining: 0, resetSeconds: 0 };
  }

  private async takeOne(limit: Limit, now: number): Promise<LimitOutcome> {
    const length = WINDOW_MS[limit.window];
    const windowIndex = Math.floor(now / length);
    const resetSeconds = Math.max(1, Math.ceil(((windowIndex + 1) * length - now) / 1000));
    const key = `api:${limit.subject}:${limit.window}:${windowIndex}`;
    for (;;) {
      const lease = this.leases.get(key);
      // The counter only grows within a window: once it is past the limit, refuse without asking again.
      if (lease?.refused) return { allowed: false, limit: limit.max, remaining: 0, resetSeconds };
      if (lease && lease.left > 0) {
        lease.left -= 1;
        const remaining = Math.max(0, limit.max - Math.min(limit.max, lease.total) + lease.left);
        return { allowed: true, limit: limit.max, remaining, resetSeconds };
      }
      // The block is spent: one request reserves the next, the others wait for it (100 connections
      // would otherwise make 100 writes at once, and reserve 100 blocks).
      await (lease?.pending ?? this.reserve(key, limit, length, windowIndex));
    }
  }

  /** Reserves the next block of `key`'s window; meanwhile its lease holds the reservation in progress. */
  private reserve(key: string, limit: Limit, length: number, windowIndex: number): Promise<void> {
    const block = limit.max < 100 ? 1 : Math.min(100, Math.floor(limit.max / 100));
    const reservation = (async () => {
      try {
        const { count } = await this.counters.increment(key, Math.ceil(length / 1000) + 60, block);
        // What of this block fits under the limit (the rest was reserved past it: refused).
        const granted = Math.max(0, Math.min(block, limit.max - (count - block)));
        this.forgetPastWindows(windowIndex, limit.window);
        this.leases.set(key, { left: granted, total: count, window: limit.window, index: windowIndex, refused: granted === 0 });
      } catch (error) {
        this.leases.delete(key);
        throw error;
      }
    })();
    this.leases.set(key, { left: 0, total: 0, window: limit.window, index: windowIndex, pending: reservation.catch(() => undefined) });
    return reservation;
  }

  private forgetPastWindows(current: number, window: Limit['window']): void {
    if (this.leases.size < 10_000) return;
    for (const [key, lease] of this.leases) {
      if (lease.window === window && lease.index < current) this.leases.delete(key);
    }
  }
}
