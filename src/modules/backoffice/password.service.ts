import type { Kysely } from 'kysely';
import { audit } from '../../platform/audit/audit';
import type { CounterStore } from '../../platform/auth/counters';
import { MIN_PASSWORD_LENGTH, checkPasswordPolicy } from '../../platform/auth/password-policy';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { SessionStore } from '../../platform/auth/sessions';
import { LoginThrottle } from '../../platform/auth/login-throttle';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { FieldErrors } from '../../platform/views/form';
import type { Actor } from './admin-page';

export { MIN_PASSWORD_LENGTH };

export const passwordLabels = {
  current_password: 'Mot de passe actuel',
  new_password: 'Nouveau mot de passe',
  confirm_password: 'Nouveau mot de passe, une seconde fois',
};

export interface PasswordChange {
  current_password: string;
  new_password: string;
  confirm_password: string;
}

export function validatePasswordChange(body: Record<string, unknown>, email: string): { input: PasswordChange; errors: FieldErrors } {
  const field = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
  const input = { current_password: field('current_password'), new_password: field('new_password'), confirm_password: field('confirm_password') };
  const errors: FieldErrors = {};
  if (!input.current_password) errors.current_password = 'Saisissez votre mot de passe actuel.';
  if (!input.new_password) errors.new_password = 'Saisissez votre nouveau mot de passe.';
  else if (input.new_password === input.current_password) errors.new_password = "Choisissez un mot de passe différent de l'actuel.";
  else {
    // The one password policy of Guichet (length, common passwords, personal words).
    const refusal = checkPasswordPolicy(input.new_password, { email });
    if (refusal) errors.new_password = refusal;
  }
  if (!errors.new_password && input.confirm_password !== input.new_password) {
    errors.confirm_password = 'Les deux saisies du nouveau mot de passe ne sont pas identiques.';
  }
  return { input, errors };
}

/**
 * Changes the password after checking the current one (failures count toward the same lock as
 * sign-in), then closes every session of the account: the caller opens a new one.
 */
export async function changePassword(
  deps: { db: Kysely<PlatformTables>; sessions: SessionStore; counters: CounterStore },
  account: { id: string; email: string },
  input: PasswordChange,
  actor: Actor,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const throttle = new LoginThrottle(deps.counters);
  const ip = actor.ip ?? '';
  await throttle.assertAllowed(account.email, ip);
  const row = await deps.db.selectFrom('platform_accounts').select('password_hash').where('id', '=', account.id).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, input.current_password))) {
    await throttle.recordFailure(account.email, ip);
    return { ok: false, errors: { current_password: 'Le mot de passe actuel est incorrect.' } };
  }
  const hash = await hashPassword(input.new_password);
  await withTransaction(deps.db, async (trx) => {
    await trx.updateTable('platform_accounts').set({ password_hash: hash, password_must_change: false }).where('id', '=', account.id).execute();
    await audit(trx, { action: 'auth.password_change', actor, targetType: 'account', targetId: account.id });
  });
  await deps.sessions.destroyAllFor(account.id);
  return { ok: true };
}
