import type { Actor } from '../../platform/audit/audit';
import { audit } from '../../platform/audit/audit';
import { verifyPassword } from '../../platform/auth/passwords';
import { Throttle, type ThrottleRule } from '../../platform/auth/throttle';
import type { Config } from '../../config';
import { withTransaction } from '../../platform/db/transaction';
import type { Platform } from '../../platform/context';
import { keyringOf, needsReseal, sealWithKeyring, unsealWithKeyring } from '../../platform/crypto/keyring';
import { seal, unseal } from '../../platform/crypto/sealed';
import { normalizeRecoveryCode } from './crypto';
import { claimStep, consumeRecoveryCode, deleteFactor, findFactor, insertFactor, replaceRecoveryCodes, resealFactor, type Db } from './store';
import { groupSecret, matchingStep, newTotpSecret, otpauthUri, qrShape, type QrShape } from './totp';

/** Codes typed on the code page, the enrolment page and the account page: 5 wrong codes lock the account 15 minutes. */
export const CODE_PER_ACCOUNT: ThrottleRule = { name: 'mfa:account', limit: 5, windowSeconds: 15 * 60 };
export const CODE_PER_IP: ThrottleRule = { name: 'mfa:ip', limit: 20, windowSeconds: 15 * 60 };
/** An enrolment page stays valid this long (the secret it shows lives only in the form). */
const ENROLMENT_TTL_MS = 30 * 60 * 1000;

type Deps = Pick<Platform, 'db' | 'counters' | 'config'>;

/**
 * Secrets of the second factor are sealed with SECRETS_ENCRYPTION_KEYS (platform/crypto/keyring.ts),
 * the key id in the value, the account id as associated data: a row copied onto another account
 * does not decrypt, and changing SESSION_SECRET changes nothing. A value sealed with an older key
 * (or the legacy SESSION_SECRET-derived one) is sealed again with the current key when it is used.
 * The enrolment form's short-lived sealed value still uses SESSION_SECRET (sealed.ts).
 */
export const SECRET_PURPOSE = 'totp-secret';
const ENROLMENT_PURPOSE = 'totp-enrolment';

export async function hasFactor(db: Db, accountId: string): Promise<boolean> {
  return Boolean(await findFactor(db, accountId));
}

export interface Enrolment {
  /** Sealed (encrypted, bound to the account, dated) copy of the secret, carried by the form. */
  sealed: string;
  secretGroups: string;
  uri: string;
  qr: QrShape;
}

/** A new secret to enrol, or the one of the form being sent again (wrong code, same QR code). */
export async function enrolment(config: Config, account: { id: string; email: string }, sealedBefore?: string): Promise<Enrolment> {
  const previous = sealedBefore ? openEnrolment(config, account.id, sealedBefore) : null;
  const secret = previous ?? newTotpSecret();
  const sealed = previous && sealedBefore ? sealedBefore : seal(config.SESSION_SECRET, ENROLMENT_PURPOSE, JSON.stringify({ s: secret, t: Date.now() }), account.id);
  const uri = otpauthUri(secret, account.email);
  return { sealed, secretGroups: groupSecret(secret), uri, qr: await qrShape(uri) };
}

function openEnrolment(config: Config, accountId: string, sealed: string): string | null {
  const plain = unseal(config.SESSION_SECRET, ENROLMENT_PURPOSE, sealed, accountId);
  if (!plain) return null;
  const { s, t } = JSON.parse(plain) as { s: string; t: number };
  return Date.now() - t < ENROLMENT_TTL_MS ? s : null;
}

export type CodeCheck = { ok: true; via: 'totp' | 'recovery' } | { ok: false; message: string };

const MESSAGES = {
  empty: 'Saisissez le code à 6 chiffres affiché par votre application, ou un code de secours.',
  format: 'Le code contient 6 chiffres (exemple : 123456), ou, pour un code de secours, 12 lettres et chiffres (exemple : K7QF-2MXA-PR9D).',
  wrong: "Ce code n'est pas le bon. Vérifiez l'heure de votre téléphone, puis saisissez le code affiché maintenant.",
  replayed: 'Ce code a déjà servi. Attendez le code suivant (il change toutes les 30 secondes) et saisissez-le.',
  recovery: "Ce code de secours n'est pas valable : il est faux ou a déjà servi.",
  expired: 'Cette page a expiré. Scannez le nouveau code QR ci-dessous, puis saisissez le code affiché.',
};

async function throttled(deps: Deps, accountId: string, ip: string): Promise<Throttle> {
  const throttle = new Throttle(deps.counters);
  await throttle.assertAllowed(CODE_PER_IP, ip);
  await throttle.assertAllowed(CODE_PER_ACCOUNT, accountId);
  return throttle;
}

async function failed(deps: Deps, throttle: Throttle, actor: Actor, reason: string, purpose: string): Promise<void> {
  await throttle.recordFailure(CODE_PER_IP, actor.ip ?? '');
  await throttle.recordFailure(CODE_PER_ACCOUNT, actor.id);
  await audit(deps.db, { action: 'mfa.verify_failed', actor, details: { reason, purpose } });
}

/**
 * Checks a code against the account's factor, under brute-force limits (per account and per IP;
 * throws TooManyRequestsError with the French delay): a TOTP code of the current step ±1 never
 * used before, or an unused recovery code (consumed). Audited either way, never with the code.
 */
export async function verifyCode(deps: Deps, actor: Actor, input: string, purpose: string): Promise<CodeCheck> {
  const code = input.trim();
  if (!code) return { ok: false, message: MESSAGES.empty };
  const throttle = await throttled(deps, actor.id, actor.ip ?? '');
  const factor = await findFactor(deps.db, actor.id);
  const digits = code.replace(/\s/g, '');
  if (!factor) {
    await failed(deps, throttle, actor, 'no_factor', purpose);
    return { ok: false, message: MESSAGES.wrong };
  }
  if (/^\d+$/.test(digits)) {
    if (digits.length !== 6) return { ok: false, message: MESSAGES.format };
    const keyring = keyringOf(deps.config);
    const secret = unsealWithKeyring(keyring, SECRET_PURPOSE, factor.secretEncrypted, actor.id);
    const step = secret ? matchingStep(secret, digits) : null;
    if (step === null) {
      await failed(deps, throttle, actor, secret ? 'wrong_code' : 'unreadable_secret', purpose);
      return { ok: false, message: MESSAGES.wrong };
    }
    if (!(await claimStep(deps.db, actor.id, step))) {
      await failed(deps, throttle, actor, 'replayed_code', purpose);
      return { ok: false, message: MESSAGES.replayed };
    }
    await throttle.clear(CODE_PER_ACCOUNT, actor.id);
    if (needsReseal(keyring, factor.secretEncrypted)) {
      await resealFactor(deps.db, actor.id, factor.secretEncrypted, sealWithKeyring(keyring, SECRET_PURPOSE, secret!, actor.id));
    }
    await audit(deps.db, { action: 'mfa.verify', actor, details: { via: 'totp', purpose } });
    return { ok: true, via: 'totp' };
  }
  const recovery = normalizeRecoveryCode(code);
  if (!recovery) return { ok: false, message: MESSAGES.format };
  if (!(await consumeRecoveryCode(deps.db, actor.id, recovery))) {
    await failed(deps, throttle, actor, 'wrong_recovery_code', purpose);
    return { ok: false, message: MESSAGES.recovery };
  }
  await throttle.clear(CODE_PER_ACCOUNT, actor.id);
  await audit(deps.db, { action: 'mfa.recovery_used', actor, details: { purpose } });
  return { ok: true, via: 'recovery' };
}

export type EnrolResult = { ok: true; recoveryCodes: string[] } | { ok: false; message: string; expired?: boolean };

/** Confirms an enrolment with the first code: the factor and 10 recovery codes are stored. */
export async function confirmEnrolment(deps: Deps, actor: Actor, sealed: string, input: string): Promise<EnrolResult> {
  const code = input.replace(/\s/g, '');
  if (!code) return { ok: false, message: 'Saisissez le code à 6 chiffres affiché par votre application.' };
  if (!/^\d{6}$/.test(code)) return { ok: false, message: 'Le code contient 6 chiffres, sans lettre (exemple : 123456).' };
  const throttle = await throttled(deps, actor.id, actor.ip ?? '');
  const secret = openEnrolment(deps.config, actor.id, sealed);
  if (!secret) return { ok: false, message: MESSAGES.expired, expired: true };
  const step = matchingStep(secret, code);
  if (step === null) {
    await failed(deps, throttle, actor, 'wrong_code', 'enrolment');
    return { ok: false, message: MESSAGES.wrong };
  }
  const encrypted = sealWithKeyring(keyringOf(deps.config), SECRET_PURPOSE, secret, actor.id);
  const codes = await withTransaction(deps.db, async (trx) => {
    if (!(await insertFactor(trx, actor.id, encrypted, step))) return null;
    const recoveryCodes = await replaceRecoveryCodes(trx, actor.id);
    await audit(trx, { action: 'mfa.enrol', actor, targetType: 'account', targetId: actor.id });
    return recoveryCodes;
  });
  if (!codes) return { ok: false, message: 'La double authentification est déjà activée sur ce compte.' };
  await throttle.clear(CODE_PER_ACCOUNT, actor.id);
  return { ok: true, recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working), after a current code. */
export async function regenerateRecoveryCodes(deps: Deps, actor: Actor, input: string): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; message: string }> {
  const check = await verifyCode(deps, actor, input, 'regenerate');
  if (!check.ok) return check;
  const recoveryCodes = await withTransaction(deps.db, async (trx) => {
    const codes = await replaceRecoveryCodes(trx, actor.id);
    await audit(trx, { action: 'mfa.recovery_regenerate', actor, targetType: 'account', targetId: actor.id });
    return codes;
  });
  return { ok: true, recoveryCodes };
}

/** A person turns their optional factor off, with a current code or their password. */
export async function disableFactor(
  deps: Deps,
  actor: Actor,
  input: { code: string; password: string },
): Promise<{ ok: true } | { ok: false; field: 'code' | 'password'; message: string }> {
  if (input.code.trim()) {
    const check = await verifyCode(deps, actor, input.code, 'disable');
    if (!check.ok) return { ok: false, field: 'code', message: check.message };
  } else if (input.password) {
    const throttle = await throttled(deps, actor.id, actor.ip ?? '');
    const account = await deps.db.selectFrom('platform_accounts').select('password_hash').where('id', '=', actor.id).executeTakeFirst();
    if (!(await verifyPassword(account?.password_hash, input.password))) {
      await failed(deps, throttle, actor, 'wrong_password', 'disable');
      return { ok: false, field: 'password', message: 'Le mot de passe est incorrect.' };
    }
  } else {
    return { ok: false, field: 'code', message: 'Saisissez un code de votre application (ou un code de secours), ou bien votre mot de passe.' };
  }
  await withTransaction(deps.db, async (trx) => {
    await deleteFactor(trx, actor.id);
    await audit(trx, { action: 'mfa.disable', actor, targetType: 'account', targetId: actor.id });
  });
  return { ok: true };
}
