import { safeAgentPath } from '../../platform/auth/agent-next-path';
import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { CounterStore } from '../../platform/auth/counters';
import { verifyPassword } from '../../platform/auth/passwords';
import { LoginThrottle } from '../../platform/auth/login-throttle';
import type { PlatformTables } from '../../platform/db/tables';
import type { FieldErrors } from '../../platform/views/form';

export interface SignInInput {
  email: string;
  password: string;
}

export type SignInResult = { ok: true; account: { id: string; displayName: string } } | { ok: false; errors: FieldErrors };

export function validateSignIn(body: Record<string, unknown>): { input: SignInInput; errors: FieldErrors } {
  const email = typeof body.email === 'string' ? body.email.trim() : '';
  const password = typeof body.password === 'string' ? body.password : '';
  const errors: FieldErrors = {};
  if (!email) errors.email = 'Saisissez votre adresse électronique.';
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254) {
    errors.email = "L'adresse électronique n'est pas valide. Exemple : prenom.nom@collectivite.fr";
  }
  if (!password) errors.password = 'Saisissez votre mot de passe.';
  else if (password.length > 1000) errors.password = 'Le mot de passe est trop long.';
  return { input: { email, password }, errors };
}

const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';

/**
 * Checks the credentials (the first factor) under brute-force limits (per account and per IP,
 * whichever is hit first) and audits a failure. The caller hands a success to completeSignIn,
 * which asks the second factor or opens the session. The answer never says whether the email
 * exists.
 */
export async function signIn(
  deps: { db: Kysely<PlatformTables>; counters: CounterStore },
  input: SignInInput,
  context: { ip: string },
): Promise<SignInResult> {
  const throttle = new LoginThrottle(deps.counters);
  const accountKey = input.email.toLowerCase();
  await throttle.assertAllowed(accountKey, context.ip);

  const account = await deps.db
    .selectFrom('platform_accounts')
    .select(['id', 'display_name', 'password_hash', 'disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', accountKey))
    .executeTakeFirst();
  const valid = await verifyPassword(account?.password_hash, input.password);
  if (!account || !valid || account.disabled_at) {
    await throttle.recordFailure(accountKey, context.ip);
    await audit(deps.db, {
      action: 'auth.sign_in_failed',
      actorId: account?.id ?? null,
      actorLabel: account ? account.display_name : '',
      ip: context.ip,
      details: { reason: !account ? 'unknown_account' : account.disabled_at ? 'disabled' : 'wrong_password' },
    });
    return { ok: false, errors: { password: WRONG_CREDENTIALS } };
  }
  await throttle.recordSuccess(accountKey, context.ip);
  return { ok: true, account: { id: account.id, displayName: account.display_name } };
}

/** Only a path of this site: never an open redirect. */
export function safeNextPath(next: unknown): string {
  return safeAgentPath(next);
}
