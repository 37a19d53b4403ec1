import { randomUUID } from 'node:crypto';
import { audit, type Actor } from '../../platform/audit/audit';
import { checkPasswordPolicy } from '../../platform/auth/password-policy';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import { LoginThrottle } from '../../platform/auth/login-throttle';
import { Throttle, type ThrottleRule } from '../../platform/auth/throttle';
import type { Platform } from '../../platform/context';
import type { MailComposer } from '../../platform/mail/mailer';
import type { FieldErrors } from '../../platform/views/form';
import { describeDevice } from './devices';
import {
  alreadyRegisteredMail,
  confirmationMail,
  passwordChangedMail,
  resetMail,
} from './mails';
import {
  accountsDb,
  checkToken,
  consumeToken,
  findAccount,
  findAccountByEmail,
  issueToken,
  rememberDevice,
  type PersonAccount,
  type TokenCheck,
} from './store';

export const SIGN_UP_PER_IP: ThrottleRule = { name: 'signup:ip', limit: 10, windowSeconds: 3600 };
export const RESET_PER_IP: ThrottleRule = { name: 'reset:ip', limit: 10, windowSeconds: 3600 };
export const RESET_PER_EMAIL: ThrottleRule = { name: 'reset:email', limit: 3, windowSeconds: 3600 };
export const CONFIRM_RESEND_PER_ACCOUNT: ThrottleRule = { name: 'confirm-resend:account', limit: 3, windowSeconds: 3600 };
export const EMAIL_CHANGE_PER_ACCOUNT: ThrottleRule = { name: 'email-change:account', limit: 5, windowSeconds: 3600 };

export interface RequestContext {
  ip: string;
  userAgent: string;
}

export type Deps = Pick<Platform, 'db' | 'mailer' | 'sessions' | 'counters' | 'publicUrl'>;

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function readField(body: Record<string, unknown>, key: string): string {
  const value = body[key];
  return typeof value === 'string' ? value : '';
}

export function emailError(email: string): string | undefined {
  if (!email) return 'Saisissez votre adresse électronique.';
  if (!EMAIL_PATTERN.test(email) || email.length > 254) return "L'adresse électronique n'est pas valide. Exemple : prenom.nom@exemple.fr";
  return undefined;
}

export function actorOf(account: Pick<PersonAccount, 'id' | 'display_name'>, ip: string): Actor {
  return { id: account.id, label: account.display_name, ip };
}

// ---------------------------------------------------------------------------------------------
// Sign-up and confirmation

export const signUpLabels = { email: 'Adresse électronique', display_name: 'Prénom ou nom d’usage', password: 'Mot de passe' };

export interface SignUpInput {
  email: string;
  display_name: string;
  password: string;
}

export function validateSignUp(body: Record<string, unknown>): { input: SignUpInput; errors: FieldErrors } {
  const input = { email: readField(body, 'email').trim(), display_name: readField(body, 'display_name').trim(), password: readField(body, 'password') };
  const errors: FieldErrors = {};
  const badEmail = emailError(input.email);
  if (badEmail) errors.email = badEmail;
  if (!input.display_name) errors.display_name = 'Saisissez votre prénom ou le nom que vous souhaitez voir affiché.';
  else if (input.display_name.length > 80) errors.display_name = 'Saisissez 80 caractères au maximum.';
  if (!input.password) errors.password = 'Choisissez un mot de passe.';
  else {
    const refusal = checkPasswordPolicy(input.password, { email: input.email, name: input.display_name });
    if (refusal) errors.password = refusal;
  }
  return { input, errors };
}

/**
 * Creates an unconfirmed account and mails the confirmation link. When the address already has
 * an account, nothing is created and the address gets a mail saying so: the page the person
 * sees is the same in both cases, so it never tells whether an address is registered.
 */
export async function signUp(deps: Deps, input: SignUpInput, context: RequestContext): Promise<void> {
  const throttle = new Throttle(deps.counters);
  await throttle.assertAllowed(SIGN_UP_PER_IP, context.ip);
  await throttle.recordFailure(SIGN_UP_PER_IP, context.ip);
  // Both answers write in one transaction (one commit each): a new account's five rows must not
  // take longer to commit than the two of an address already registered (tested by their timing).
  const alreadyRegistered = async (email: string, accountId: string) => {
    await deps.db.transaction().execute(async (trx) => {
      await audit(trx, { action: 'account.sign_up_existing', ip: context.ip, targetType: 'account', targetId: accountId });
      await deps.mailer.send(alreadyRegisteredMail(email, deps.publicUrl), trx);
    });
  };
  const existing = await findAccountByEmail(deps.db, input.email);
  if (existing) {
    // The hash a new account costs, spent here too: the answer takes the same time either way.
    await hashPassword(input.password);
    await alreadyRegistered(existing.email, existing.id);
    return;
  }
  const id = randomUUID();
  const passwordHash = await hashPassword(input.password);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await accountsDb(trx)
        .insertInto('platform_accounts')
        .values({ id, email: input.email, display_name: input.display_name, password_hash: passwordHash, email_confirmed_at: null })
        .execute();
      // The browser that created the account is a known device: its first sign-in is no surprise.
      await rememberDevice(trx, id, describeDevice(context.userAgent).key);
      await audit(trx, { action: 'account.sign_up', actor: { id, label: input.display_name, ip: context.ip }, targetType: 'account', targetId: id });
      const token = await issueToken(trx, id, 'confirm');
      // The confirmation mail commits with the account: never one without the other.
      await deps.mailer.send(confirmationMail(input.email, input.display_name, deps.publicUrl, token), trx);
    });
  } catch (error) {
    // Two sign-ups with the same address at once: the unique index decides, the second one
    // is treated as an existing account.
    const raced = await findAccountByEmail(deps.db, input.email);
    if (raced) {
      await alreadyRegistered(input.email, raced.id);
      return;
    }
    throw error;
  }
}

/** Uses a confirmation link. */
export async function confirmEmail(deps: Deps, token: unknown, context: RequestContext): Promise<TokenCheck> {
  const used = await consumeToken(deps.db, token, 'confirm');
  if (!used.ok) return used;
  const account = await findAccount(deps.db, used.accountId);
  if (!account) return { ok: false, reason: 'unknown' };
  await accountsDb(deps.db).updateTable('platform_accounts').set({ email_confirmed_at: new Date() }).where('id', '=', account.id).execute();
  await audit(deps.db, { action: 'account.email_confirmed', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  return used;
}

/** Sends the confirmation link again (3 an hour). */
export async function resendConfirmation(deps: Deps, accountId: string, context: RequestContext): Promise<'sent' | 'already'> {
  const account = await findAccount(deps.db, accountId);
  if (!account || account.email_confirmed_at) return 'already';
  const throttle = new Throttle(deps.counters);
  await throttle.assertAllowed(CONFIRM_RESEND_PER_ACCOUNT, account.id);
  await throttle.recordFailure(CONFIRM_RESEND_PER_ACCOUNT, account.id);
  const token = await issueToken(deps.db, account.id, 'confirm');
  await deps.mailer.send(confirmationMail(account.email, account.display_name, deps.publicUrl, token));
  await audit(deps.db, { action: 'account.confirmation_resent', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  return 'sent';
}

// ---------------------------------------------------------------------------------------------
// Sign-in

export const signInLabels = { email: 'Adresse électronique', password: 'Mot de passe' };
export const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';

export function validateSignIn(body: Record<string, unknown>): { input: { email: string; password: string }; errors: FieldErrors } {
  const input = { email: readField(body, 'email').trim(), password: readField(body, 'password') };
  const errors: FieldErrors = {};
  const badEmail = emailError(input.email);
  if (badEmail) errors.email = badEmail;
  if (!input.password) errors.password = 'Saisissez votre mot de passe.';
  else if (input.password.length > 1000) errors.password = 'Le mot de passe est trop long.';
  return { input, errors };
}

/**
 * Checks an email and password under brute-force limits (per account and per IP, shared with
 * the agents' form). The answer never says whether the address exists.
 */
export async function checkCredentials(
  deps: Deps,
  input: { email: string; password: string },
  context: RequestContext,
): Promise<{ ok: true; account: PersonAccount } | { ok: false; errors: FieldErrors }> {
  const throttle = new LoginThrottle(deps.counters);
  await throttle.assertAllowed(input.email, context.ip);
  const account = await findAccountByEmail(deps.db, input.email);
  const valid = await verifyPassword(account?.password_hash, input.password);
  if (!account || !valid || account.disabled_at) {
    await throttle.recordFailure(input.email, context.ip);
    await audit(deps.db, {
      action: 'auth.sign_in_failed',
      actorId: account?.id ?? null,
      actorLabel: account?.display_name ?? '',
      ip: context.ip,
      details: { reason: !account ? 'unknown_account' : account.disabled_at ? 'disabled' : 'wrong_password', form: 'usager' },
    });
    return { ok: false, errors: { password: WRONG_CREDENTIALS } };
  }
  await throttle.recordSuccess(input.email, context.ip);
  return { ok: true, account };
}

/** Only a path of this site: never an open redirect. */
export function safeLocalPath(next: unknown, fallback = '/mon-compte'): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || /[\r\n\t]/.test(next)) return fallback;
  return next;
}

// ---------------------------------------------------------------------------------------------
// Forgotten password

/** Mails a reset link when the address has an account; the caller shows the same page anyway. */
export async function requestReset(deps: Deps, email: string, context: RequestContext): Promise<void> {
  const throttle = new Throttle(deps.counters);
  const key = email.toLowerCase();
  await throttle.assertAllowed(RESET_PER_IP, context.ip);
  await throttle.assertAllowed(RESET_PER_EMAIL, key);
  await throttle.recordFailure(RESET_PER_IP, context.ip);
  await throttle.recordFailure(RESET_PER_EMAIL, key);
  const account = await findAccountByEmail(deps.db, email);
  await audit(deps.db, {
    action: 'account.password_reset_requested',
    ip: context.ip,
    ...(account ? { targetType: 'account', targetId: account.id } : {}),
    details: { known: Boolean(account) },
  });
  // The same row whether the address has an account or not: the request does the same work
  // and answers in the same time; the link is made (or not) when the mail is sent.
  await deps.mailer.enqueue(RESET_MAIL, { email });
}

export const RESET_MAIL = 'accounts.reset';

/** Composes the reset mail when the outbox sends it: nothing for an address without a usable account. */
export function composeResetMail(deps: Pick<Deps, 'db' | 'publicUrl'>): MailComposer {
  return async (payload) => {
    const account = await findAccountByEmail(deps.db, String(payload.email));
    if (!account || account.disabled_at) return null;
    const token = await issueToken(deps.db, account.id, 'reset');
    return resetMail(account.email, account.display_name, deps.publicUrl, token);
  };
}

export const resetLabels = { password: 'Nouveau mot de passe' };

/**
 * Sets a new password from a reset link: the link is used up, every session of the account
 * ends, the address counts as confirmed (the person read mail there) and a notice is mailed.
 */
export async function completeReset(
  deps: Deps,
  token: unknown,
  password: string,
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; link?: TokenCheck; errors?: FieldErrors }> {
  const link = await checkToken(deps.db, token, 'reset');
  if (!link.ok) return { ok: false, link };
  const account = await findAccount(deps.db, link.accountId);
  if (!account) return { ok: false, link: { ok: false, reason: 'unknown' } };
  const refusal = !password ? 'Choisissez un mot de passe.' : checkPasswordPolicy(password, { email: account.email, name: account.display_name });
  if (refusal) return { ok: false, errors: { password: refusal } };
  const used = await consumeToken(deps.db, token, 'reset');
  if (!used.ok) return { ok: false, link: used };
  const hash = await hashPassword(password);
  await accountsDb(deps.db)
    .updateTable('platform_accounts')
    .set((eb) => ({ password_hash: hash, email_confirmed_at: eb.fn.coalesce('email_confirmed_at', eb.val(new Date())) }))
    .where('id', '=', account.id)
    .execute();
  await deps.sessions.destroyAllFor(account.id);
  await new LoginThrottle(deps.counters).liftAccountProtection(account.email);
  await audit(deps.db, { action: 'account.password_reset', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  await deps.mailer.send(passwordChangedMail(account.email, account.display_name, deps.publicUrl, 'reset'));
  return { ok: true };
}
