import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import type { AccountsTables, TokenPurpose } from './tables';

export type AccountsDb = Kysely<PlatformTables & AccountsTables>;

export function accountsDb(db: Kysely<PlatformTables>): AccountsDb {
  return db.withTables<AccountsTables>();
}

export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** How long each kind of link stays valid. */
export const TOKEN_LIFETIME_SECONDS: Record<TokenPurpose, number> = {
  confirm: 48 * 3600,
  reset: 3600,
  email_change: 24 * 3600,
  sign_in: 15 * 60,
};

export interface PersonAccount {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  disabled_at: Date | null;
  email_confirmed_at: Date | null;
}

const accountColumns = ['id', 'email', 'display_name', 'password_hash', 'disabled_at', 'email_confirmed_at'] as const;

export async function findAccountByEmail(db: Kysely<PlatformTables>, email: string): Promise<PersonAccount | undefined> {
  return accountsDb(db)
    .selectFrom('platform_accounts')
    .select(accountColumns)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function findAccount(db: Kysely<PlatformTables>, id: string): Promise<PersonAccount | undefined> {
  return accountsDb(db).selectFrom('platform_accounts').select(accountColumns).where('id', '=', id).executeTakeFirst();
}

/** Another module (FranceConnect) records an address it received certified. */
export async function markEmailConfirmed(db: Kysely<PlatformTables>, accountId: string): Promise<void> {
  await accountsDb(db)
    .updateTable('platform_accounts')
    .set({ email_confirmed_at: new Date() })
    .where('id', '=', accountId)
    .where('email_confirmed_at', 'is', null)
    .execute();
}

/** Whether the account is an agent's (a member of at least one tenant). */
export async function isAgent(db: Kysely<PlatformTables>, accountId: string): Promise<boolean> {
  const row = await db.selectFrom('platform_memberships').select('tenant_id').where('account_id', '=', accountId).executeTakeFirst();
  return Boolean(row);
}

/**
 * A new single-use link for the account: returns the token to put in the link (only its
 * SHA-256 is stored). Older unused links of the same purpose stop working.
 */
export async function issueToken(db: Kysely<PlatformTables>, accountId: string, purpose: TokenPurpose, newEmail: string | null = null): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const adb = accountsDb(db);
  const now = new Date();
  await adb
    .updateTable('account_tokens')
    .set({ used_at: now })
    .where('account_id', '=', accountId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
  // Links older than a week are of no use to anyone: swept here rather than by a job.
  await adb.deleteFrom('account_tokens').where('expires_at', '<', new Date(now.getTime() - 7 * 86400_000)).execute();
  await adb
    .insertInto('account_tokens')
    .values({
      token_hash: sha256(token),
      account_id: accountId,
      purpose,
      new_email: newEmail,
      expires_at: new Date(now.getTime() + TOKEN_LIFETIME_SECONDS[purpose] * 1000),
    })
    .execute();
  return token;
}

export type TokenCheck =
  | { ok: true; accountId: string; newEmail: string | null }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** What a link is worth, without using it (the page that shows the button). */
export async function checkToken(db: Kysely<PlatformTables>, token: unknown, purpose: TokenPurpose): Promise<TokenCheck> {
  if (typeof token !== 'string' || token.length < 20 || token.length > 100) return { ok: false, reason: 'unknown' };
  const row = await accountsDb(db)
    .selectFrom('account_tokens')
    .select(['account_id', 'new_email', 'expires_at', 'used_at'])
    .where('token_hash', '=', sha256(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.used_at) return { ok: false, reason: 'used' };
  if (new Date(row.expires_at).getTime() <= Date.now()) return { ok: false, reason: 'expired' };
  return { ok: true, accountId: row.account_id, newEmail: row.new_email };
}

/** Uses a link: atomically, so two clicks at once cannot both succeed. */
export async function consumeToken(db: Kysely<PlatformTables>, token: unknown, purpose: TokenPurpose): Promise<TokenCheck> {
  const check = await checkToken(db, token, purpose);
  if (!check.ok) return check;
  const used = await accountsDb(db)
    .updateTable('account_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', sha256(token as string))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['account_id', 'new_email'])
    .executeTakeFirst();
  if (!used) return { ok: false, reason: 'used' };
  return { ok: true, accountId: used.account_id, newEmail: used.new_email };
}

export const SSO_CODE_LIFETIME_SECONDS = 60;

/** A single-use code that lets `host` open a session of the account (60 s). */
export async function issueSsoCode(
  db: Kysely<PlatformTables>,
  input: { accountId: string; host: string; parentSession: string; data: Record<string, unknown> },
): Promise<string> {
  const code = randomBytes(32).toString('base64url');
  const adb = accountsDb(db);
  await adb.deleteFrom('account_sso_codes').where('expires_at', '<', new Date(Date.now() - 3600_000)).execute();
  await adb
    .insertInto('account_sso_codes')
    .values({
      code_hash: sha256(code),
      account_id: input.accountId,
      host: input.host,
      parent_session: input.parentSession,
      data: JSON.stringify(input.data),
      expires_at: new Date(Date.now() + SSO_CODE_LIFETIME_SECONDS * 1000),
    })
    .execute();
  return code;
}

/** Uses a code on `host`: null when unknown, used, expired or meant for another host. */
export async function consumeSsoCode(
  db: Kysely<PlatformTables>,
  code: unknown,
  host: string,
): Promise<{ accountId: string; parentSession: string; data: Record<string, unknown> } | null> {
  if (typeof code !== 'string' || code.length < 20 || code.length > 100) return null;
  const row = await accountsDb(db)
    .updateTable('account_sso_codes')
    .set({ used_at: new Date() })
    .where('code_hash', '=', sha256(code))
    .where('host', '=', host)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning(['account_id', 'parent_session', 'data'])
    .executeTakeFirst();
  if (!row) return null;
  const data = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
  return { accountId: row.account_id, parentSession: row.parent_session, data };
}

/** Records a device for the account; true when it had never been seen. */
export async function rememberDevice(db: Kysely<PlatformTables>, accountId: string, deviceKey: string): Promise<boolean> {
  const hash = sha256(`${accountId}:${deviceKey}`);
  const adb = accountsDb(db);
  const inserted = await adb
    .insertInto('account_known_devices')
    .values({ account_id: accountId, device_hash: hash })
    .onConflict((oc) => oc.doNothing())
    .returning('device_hash')
    .executeTakeFirst();
  if (inserted) return true;
  await adb.updateTable('account_known_devices').set({ last_seen_at: new Date() }).where('account_id', '=', accountId).where('device_hash', '=', hash).execute();
  return false;
}
