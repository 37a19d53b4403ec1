import { TooManyRequestsError } from '../http/errors';
import type { CounterStore } from './counters';

export interface ThrottleRule {
  /** e.g. 'login:account' */
  name: string;
  limit: number;
  windowSeconds: number;
}


/**
 * Brute-force protection for credential forms: failures are counted per key (account, IP);
 * once a key reaches its limit, every attempt is refused until the window closes, even with
 * the right password, so guessing cannot continue.
 */
export class Throttle {
  constructor(private readonly counters: CounterStore) {}

  async assertAllowed(rule: ThrottleRule, subject: string): Promise<void> {
    const state = await this.counters.peek(`${rule.name}:${subject}`);
    if (state.count >= rule.limit) throw new TooManyRequestsError(state.resetInSeconds);
  }

  async recordFailure(rule: ThrottleRule, subject: string): Promise<void> {
    await this.counters.increment(`${rule.name}:${subject}`, rule.windowSeconds);
  }

  async clear(rule: ThrottleRule, subject: string): Promise<void> {
    await this.counters.reset(`${rule.name}:${subject}`);
  }
}
