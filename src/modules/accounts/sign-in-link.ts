import { audit } from '../../platform/audit/audit';
import { Throttle, type ThrottleRule } from '../../platform/auth/throttle';
import type { Platform } from '../../platform/context';
import type { MailComposer } from '../../platform/mail/mailer';
import { signInLinkMail } from './mails';
import type { RequestContext } from './service';
import { consumeToken, findAccount, findAccountByEmail, issueToken, type PersonAccount, type TokenCheck } from './store';

/**
 * « Recevoir un lien de connexion par courriel »: a way in that needs no password, for a person
 * who forgot it or whose password sign-in is suspended after a flood of failures from elsewhere
 * (LoginThrottle). The link is worth what a reset link is worth (both prove the mailbox), lives
 * 15 minutes, works once, and only its SHA-256 is stored. The second factor is still asked.
 */
export const SIGN_IN_LINK_MAIL = 'accounts.sign_in_link';
export const SIGN_IN_LINK_PER_IP: ThrottleRule = { name: 'sign-in-link:ip', limit: 10, windowSeconds: 3600 };
export const SIGN_IN_LINK_PER_EMAIL: ThrottleRule = { name: 'sign-in-link:email', limit: 3, windowSeconds: 3600 };

type Deps = Pick<Platform, 'db' | 'mailer' | 'counters' | 'publicUrl'>;

/** Same work and same answer whether the address has an account or not. */
export async function requestSignInLink(deps: Deps, email: string, context: RequestContext): Promise<void> {
  const throttle = new Throttle(deps.counters);
  const key = email.toLowerCase();
  await throttle.assertAllowed(SIGN_IN_LINK_PER_IP, context.ip);
  await throttle.assertAllowed(SIGN_IN_LINK_PER_EMAIL, key);
  await throttle.recordFailure(SIGN_IN_LINK_PER_IP, context.ip);
  await throttle.recordFailure(SIGN_IN_LINK_PER_EMAIL, key);
  const account = await findAccountByEmail(deps.db, email);
  await audit(deps.db, {
    action: 'auth.sign_in_link_requested',
    ip: context.ip,
    ...(account ? { targetType: 'account', targetId: account.id } : {}),
    details: { known: Boolean(account) },
  });
  await deps.mailer.enqueue(SIGN_IN_LINK_MAIL, { email });
}

export function composeSignInLinkMail(deps: Pick<Deps, 'db' | 'publicUrl'>): MailComposer {
  return async (payload) => {
    const account = await findAccountByEmail(deps.db, String(payload.email));
    if (!account || account.disabled_at) return null;
    const token = await issueToken(deps.db, account.id, 'sign_in');
    return signInLinkMail(account.email, account.display_name, deps.publicUrl, token);
  };
}

/** Uses the link: the account it opens, or why not. */
export async function useSignInLink(deps: Pick<Deps, 'db'>, token: unknown): Promise<{ ok: true; account: PersonAccount } | Exclude<TokenCheck, { ok: true }>> {
  const used = await consumeToken(deps.db, token, 'sign_in');
  if (!used.ok) return used;
  const account = await findAccount(deps.db, used.accountId);
  if (!account || account.disabled_at) return { ok: false, reason: 'unknown' };
  return { ok: true, account };
}
