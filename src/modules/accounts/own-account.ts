/**
 * What a signed-in person does with their own account (« Mon compte »): change the password or
 * the address (confirmed by mail), delete the account; and the notice of a sign-in from a new
 * device. Sign-up, sign-in and the forgotten password are in service.ts.
 */
import { audit } from '../../platform/audit/audit';
import { checkPasswordPolicy } from '../../platform/auth/password-policy';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords';
import type { SessionOpened } from '../../platform/auth/open-session';
import { LoginThrottle } from '../../platform/auth/login-throttle';
import { Throttle } from '../../platform/auth/throttle';
import type { FieldErrors } from '../../platform/views/form';
import { describeDevice, methodLabels } from './devices';
import { accountDeletedMail, emailChangedMail, emailChangeMail, emailChangeRequestedMail, emailTakenMail, newSignInMail, passwordChangedMail } from './mails';
import { accountsDb, consumeToken, findAccount, findAccountByEmail, isAgent, issueToken, rememberDevice, type PersonAccount, type TokenCheck } from './store';
import { actorOf, EMAIL_CHANGE_PER_ACCOUNT, emailError, readField, type Deps, type RequestContext } from './service';

// ---------------------------------------------------------------------------------------------
// Credentials of a signed-in person

export const passwordChangeLabels = { current_password: 'Mot de passe actuel', new_password: 'Nouveau mot de passe' };

/** Checks the current password under the sign-in limits; a failure counts like a failed sign-in. */
async function verifyCurrentPassword(deps: Deps, account: PersonAccount, password: string, ip: string): Promise<boolean> {
  const throttle = new LoginThrottle(deps.counters);
  await throttle.assertAllowed(account.email, ip);
  if (await verifyPassword(account.password_hash, password)) return true;
  await throttle.recordFailure(account.email, ip);
  return false;
}

/** Changes the password; every other session of the account ends (this one stays open). */
export async function changePassword(
  deps: Deps,
  accountId: string,
  body: Record<string, unknown>,
  context: RequestContext & { sessionId: string },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const account = await findAccount(deps.db, accountId);
  if (!account) return { ok: false, errors: { current_password: 'Compte introuvable.' } };
  const current = readField(body, 'current_password');
  const next = readField(body, 'new_password');
  const errors: FieldErrors = {};
  if (!current) errors.current_password = 'Saisissez votre mot de passe actuel.';
  if (!next) errors.new_password = 'Choisissez un nouveau mot de passe.';
  else if (next === current) errors.new_password = 'Choisissez un mot de passe différent de l’actuel.';
  else {
    const refusal = checkPasswordPolicy(next, { email: account.email, name: account.display_name });
    if (refusal) errors.new_password = refusal;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  if (!(await verifyCurrentPassword(deps, account, current, context.ip))) {
    await audit(deps.db, { action: 'auth.password_change_failed', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
    return { ok: false, errors: { current_password: 'Le mot de passe actuel est incorrect.' } };
  }
  await accountsDb(deps.db).updateTable('platform_accounts').set({ password_hash: await hashPassword(next) }).where('id', '=', account.id).execute();
  const ended = await endOtherSessions(deps, account.id, context.sessionId);
  await audit(deps.db, {
    action: 'auth.password_change',
    actor: actorOf(account, context.ip),
    targetType: 'account',
    targetId: account.id,
    details: { sessionsEnded: ended },
  });
  await deps.mailer.send(passwordChangedMail(account.email, account.display_name, deps.publicUrl, 'change'));
  return { ok: true };
}

/** Ends every session of the account except `keepId`; returns how many ended. */
export async function endOtherSessions(deps: Pick<Deps, 'sessions'>, accountId: string, keepId: string): Promise<number> {
  let ended = 0;
  for (const session of await deps.sessions.listFor(accountId)) {
    if (session.id !== keepId && (await deps.sessions.destroyById(accountId, session.id))) ended += 1;
  }
  return ended;
}

export const emailChangeLabels = { new_email: 'Nouvelle adresse électronique', password: 'Mot de passe actuel' };

/**
 * Asks to change the address: a link goes to the new address (the change happens when it is
 * opened), the current address is told. If the new address belongs to another account, that
 * address is told instead and the page answers the same.
 */
export async function requestEmailChange(
  deps: Deps,
  accountId: string,
  body: Record<string, unknown>,
  context: RequestContext,
): Promise<{ ok: true; newEmail: string } | { ok: false; errors: FieldErrors; newEmail: string }> {
  const account = await findAccount(deps.db, accountId);
  const newEmail = readField(body, 'new_email').trim();
  if (!account) return { ok: false, errors: { new_email: 'Compte introuvable.' }, newEmail };
  const errors: FieldErrors = {};
  const bad = emailError(newEmail);
  if (bad) errors.new_email = bad;
  else if (newEmail.toLowerCase() === account.email.toLowerCase()) errors.new_email = 'C’est déjà l’adresse de votre compte.';
  const password = readField(body, 'password');
  if (account.password_hash && !password) errors.password = 'Saisissez votre mot de passe actuel.';
  if (Object.keys(errors).length) return { ok: false, errors, newEmail };
  if (account.password_hash && !(await verifyCurrentPassword(deps, account, password, context.ip))) {
    return { ok: false, errors: { password: 'Le mot de passe actuel est incorrect.' }, newEmail };
  }
  const throttle = new Throttle(deps.counters);
  await throttle.assertAllowed(EMAIL_CHANGE_PER_ACCOUNT, account.id);
  await throttle.recordFailure(EMAIL_CHANGE_PER_ACCOUNT, account.id);
  await audit(deps.db, { action: 'account.email_change_requested', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  if (await findAccountByEmail(deps.db, newEmail)) {
    await deps.mailer.send(emailTakenMail(newEmail, deps.publicUrl));
    return { ok: true, newEmail };
  }
  const token = await issueToken(deps.db, account.id, 'email_change', newEmail);
  await deps.mailer.send(emailChangeMail(newEmail, account.display_name, deps.publicUrl, token));
  await deps.mailer.send(emailChangeRequestedMail(account.email, account.display_name, newEmail, deps.publicUrl));
  return { ok: true, newEmail };
}

/** Uses an email change link: the account takes the new address (confirmed), the old one is told. */
export async function confirmEmailChange(deps: Deps, token: unknown, context: RequestContext): Promise<TokenCheck | { ok: false; reason: 'taken' }> {
  const used = await consumeToken(deps.db, token, 'email_change');
  if (!used.ok) return used;
  const account = await findAccount(deps.db, used.accountId);
  if (!account || !used.newEmail) return { ok: false, reason: 'unknown' };
  const other = await findAccountByEmail(deps.db, used.newEmail);
  if (other && other.id !== account.id) return { ok: false, reason: 'taken' };
  await accountsDb(deps.db)
    .updateTable('platform_accounts')
    .set({ email: used.newEmail, email_confirmed_at: new Date() })
    .where('id', '=', account.id)
    .execute();
  await audit(deps.db, { action: 'account.email_changed', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  await deps.mailer.send(emailChangedMail(account.email, account.display_name, used.newEmail, deps.publicUrl));
  return used;
}

// ---------------------------------------------------------------------------------------------
// Deletion

export const deletionLabels = { password: 'Mot de passe', confirm: 'Confirmation' };

/**
 * Deletes the account after proof (its password, or for an account without password an
 * explicit checkbox): sessions end, the row goes and everything that references it with it
 * (profile, links, devices…); the audit trail keeps its rows. A final mail is sent.
 */
export async function deleteAccount(
  deps: Deps,
  accountId: string,
  body: Record<string, unknown>,
  context: RequestContext,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const account = await findAccount(deps.db, accountId);
  if (!account) return { ok: false, errors: { password: 'Compte introuvable.' } };
  if (await isAgent(deps.db, account.id)) {
    return {
      ok: false,
      errors: {
        [account.password_hash ? 'password' : 'confirm']:
          'Votre compte est aussi un compte d’agent d’une collectivité : demandez à l’administrateur de votre collectivité de vous retirer, puis recommencez.',
      },
    };
  }
  if (account.password_hash) {
    const password = readField(body, 'password');
    if (!password) return { ok: false, errors: { password: 'Saisissez votre mot de passe pour confirmer.' } };
    if (!(await verifyCurrentPassword(deps, account, password, context.ip))) return { ok: false, errors: { password: 'Le mot de passe est incorrect.' } };
  } else if (readField(body, 'confirm') !== 'oui') {
    return { ok: false, errors: { confirm: 'Cochez la case pour confirmer la suppression de votre compte.' } };
  }
  await deps.sessions.destroyAllFor(account.id);
  await deps.db.deleteFrom('platform_accounts').where('id', '=', account.id).execute();
  await audit(deps.db, { action: 'account.deleted', actor: actorOf(account, context.ip), targetType: 'account', targetId: account.id });
  await deps.mailer.send(accountDeletedMail(account.email, account.display_name));
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// New sign-in notice

/**
 * Registered with onSessionOpened: when a person (not an agent) with a confirmed address signs
 * in (not through SSO: that is the same person on the same device, already noticed at the
 * portal) from a device family (browser, system, kind) never seen on this account, mail them.
 */
export async function newSignInNotice(event: SessionOpened): Promise<void> {
  if (event.method === 'sso') return;
  const { db, mailer, publicUrl } = event.request.server.platform;
  const account = await findAccount(db, event.account.id);
  if (!account) return;
  const device = describeDevice(event.userAgent);
  const isNew = await rememberDevice(db, account.id, device.key);
  if (!isNew || !account.email_confirmed_at || (await isAgent(db, account.id))) return;
  await mailer.send(newSignInMail(account.email, account.display_name, publicUrl, device.label, methodLabels[event.method] ?? event.method));
}
