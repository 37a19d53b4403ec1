import { formatDelay, TooManyRequestsError } from '../http/errors';
import type { CounterStore } from './counters';

/**
 * How password guessing is slowed down (issue 12). Failures are counted per (account, source)
 * and per source; past a few free failures each further one makes that source wait longer
 * (1 s, 2 s, 4 s… up to a cap). Failures from other sources never lock the owner out. Only when
 * an account collects very many failures from everywhere is the password refused for a while
 * for everyone — and the owner then signs in with a link sent by mail.
 */
export interface LoginThrottleRules {
  /** Failures a source may make on one account before it has to wait. */
  pairFree: number;
  pairMaxDelaySeconds: number;
  /** Failures a source may make on every account together before it has to wait. */
  sourceFree: number;
  sourceMaxDelaySeconds: number;
  /** Failures are forgotten this long after the first one of a series. */
  windowSeconds: number;
  /** Failures on one account, from every source, that suspend password sign-in to it. */
  accountLimit: number;
  accountWindowSeconds: number;
}

export const LOGIN_RULES: LoginThrottleRules = {
  pairFree: 3,
  pairMaxDelaySeconds: 15 * 60,
  sourceFree: 20,
  sourceMaxDelaySeconds: 15 * 60,
  windowSeconds: 60 * 60,
  accountLimit: 50,
  accountWindowSeconds: 30 * 60,
};

/** The wait after the n-th failure when `free` are free: 1 s, 2 s, 4 s… up to `max`. */
export function delayAfter(failures: number, free: number, max: number): number {
  return failures < free ? 0 : Math.min(max, 2 ** (failures - free));
}

export function tooManyTries(seconds: number): TooManyRequestsError {
  return new TooManyRequestsError(seconds, `Trop d'essais. Réessayez dans ${formatDelay(seconds)}.`);
}

/** Password sign-in to this account is suspended for everyone; a mailed sign-in link still works. */
export class AccountProtectedError extends TooManyRequestsError {
  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      `Par sécurité, la connexion par mot de passe à ce compte est suspendue pendant ${formatDelay(retryAfterSeconds)} : de très nombreux essais ont échoué. ` +
        'Vous pouvez vous connecter tout de suite avec un lien reçu par courriel (« Recevoir un lien de connexion par courriel »).',
    );
  }
}

export class LoginThrottle {
  constructor(
    private readonly counters: CounterStore,
    private readonly rules: LoginThrottleRules = LOGIN_RULES,
  ) {}

  /** Before the password is checked: throws while this source must wait or the account is protected. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    const [pairWait, sourceWait, account] = await Promise.all([
      this.counters.peek(keys.pairWait),
      this.counters.peek(keys.sourceWait),
      this.counters.peek(keys.account),
    ]);
    const wait = Math.max(pairWait.count > 0 ? pairWait.resetInSeconds : 0, sourceWait.count > 0 ? sourceWait.resetInSeconds : 0);
    if (wait > 0) throw tooManyTries(wait);
    if (account.count >= this.rules.accountLimit && account.resetInSeconds > 0) throw new AccountProtectedError(account.resetInSeconds);
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { rules } = this;
    const keys = this.keys(email, ip);
    const [pair, source] = await Promise.all([
      this.counters.increment(keys.pair, rules.windowSeconds),
      this.counters.increment(keys.source, rules.windowSeconds),
      this.counters.increment(keys.account, rules.accountWindowSeconds),
    ]);
    const pairDelay = delayAfter(pair.count, rules.pairFree, rules.pairMaxDelaySeconds);
    const sourceDelay = delayAfter(source.count, rules.sourceFree, rules.sourceMaxDelaySeconds);
    // A wait is a counter that lives exactly as long as the wait.
    if (pairDelay > 0) await this.counters.increment(keys.pairWait, pairDelay);
    if (sourceDelay > 0) await this.counters.increment(keys.sourceWait, sourceDelay);
  }

  /** The right password from this source: its series on this account starts again. */
  async recordSuccess(email: string, ip: string): Promise<void> {
    const keys = this.keys(email, ip);
    await Promise.all([this.counters.reset(keys.pair), this.counters.reset(keys.pairWait)]);
  }

  /** The owner proved they read the account's mail (a reset link): the suspension ends. */
  async liftAccountProtection(email: string): Promise<void> {
    await this.counters.reset(this.keys(email, '').account);
  }

  private keys(email: string, ip: string) {
    const account = email.trim().toLowerCase();
    return {
      pair: `login:pair:${ip}:${account}`,
      pairWait: `login:pair-wait:${ip}:${account}`,
      source: `login:ip:${ip}`,
      sourceWait: `login:ip-wait:${ip}`,
      account: `login:account:${account}`,
    };
  }
}
