import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { hashRecoveryCode, newRecoveryCode, newSalt, RECOVERY_CODE_COUNT, sameHash } from './crypto';
import type { MfaTables } from './tables';

export type Db = Kysely<PlatformTables>;

function mfaDb(db: Db): Kysely<PlatformTables & MfaTables> {
  return db.withTables<MfaTables>();
}

export interface StoredFactor {
  accountId: string;
  secretEncrypted: string;
  enrolledAt: Date;
  lastUsedStep: number;
}

export async function findFactor(db: Db, accountId: string): Promise<StoredFactor | undefined> {
  const row = await mfaDb(db).selectFrom('mfa_factors').selectAll().where('account_id', '=', accountId).executeTakeFirst();
  if (!row) return undefined;
  return { accountId: row.account_id, secretEncrypted: row.secret_encrypted, enrolledAt: new Date(row.enrolled_at), lastUsedStep: Number(row.last_used_step) };
}

/** Accounts (among `ids`) that have a factor, with its date. */
export async function factorsOf(db: Db, ids: string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await mfaDb(db).selectFrom('mfa_factors').select(['account_id', 'enrolled_at']).where('account_id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.account_id, new Date(r.enrolled_at)]));
}

/** Stores a confirmed factor; false if the account got one meanwhile (two tabs). */
export async function insertFactor(db: Db, accountId: string, secretEncrypted: string, step: number): Promise<boolean> {
  const result = await mfaDb(db)
    .insertInto('mfa_factors')
    .values({ account_id: accountId, secret_encrypted: secretEncrypted, last_used_step: step })
    .onConflict((oc) => oc.column('account_id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Records `step` as used, only if it is later than the last one used: one statement, so two
 * requests carrying the same code cannot both pass.
 */
/** Replaces a factor's sealed secret by the same secret sealed with the current key (only if unchanged meanwhile). */
export async function resealFactor(db: Db, accountId: string, before: string, after: string): Promise<void> {
  await mfaDb(db).updateTable('mfa_factors').set({ secret_encrypted: after }).where('account_id', '=', accountId).where('secret_encrypted', '=', before).execute();
}

export async function claimStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const result = await mfaDb(db)
    .updateTable('mfa_factors')
    .set({ last_used_step: step })
    .where('account_id', '=', accountId)
    .where('last_used_step', '<', step)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function deleteFactor(db: Db, accountId: string): Promise<boolean> {
  const m = mfaDb(db);
  await m.deleteFrom('mfa_recovery_codes').where('account_id', '=', accountId).execute();
  const result = await m.deleteFrom('mfa_factors').where('account_id', '=', accountId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Replaces the account's recovery codes by 10 new ones, returned once (only hashes are kept). */
export async function replaceRecoveryCodes(db: Db, accountId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const m = mfaDb(db);
  await m.deleteFrom('mfa_recovery_codes').where('account_id', '=', accountId).execute();
  await m
    .insertInto('mfa_recovery_codes')
    .values(
      codes.map((code) => {
        const salt = newSalt();
        return { id: randomUUID(), account_id: accountId, salt, code_hash: hashRecoveryCode(code, salt) };
      }),
    )
    .execute();
  return codes;
}

export async function remainingRecoveryCodes(db: Db, accountId: string): Promise<number> {
  const row = await mfaDb(db)
    .selectFrom('mfa_recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Consumes the matching unused recovery code; false if none matches (or it was just used). */
export async function consumeRecoveryCode(db: Db, accountId: string, code: string): Promise<boolean> {
  const m = mfaDb(db);
  const rows = await m.selectFrom('mfa_recovery_codes').select(['id', 'salt', 'code_hash']).where('account_id', '=', accountId).where('used_at', 'is', null).execute();
  const match = rows.find((row) => sameHash(hashRecoveryCode(code, row.salt), row.code_hash));
  if (!match) return false;
  const result = await m.updateTable('mfa_recovery_codes').set({ used_at: new Date() }).where('id', '=', match.id).where('used_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
