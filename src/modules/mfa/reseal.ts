import type { Keyring } from '../../platform/crypto/keyring';
import { needsReseal, sealWithKeyring, unsealWithKeyring } from '../../platform/crypto/keyring';
import { SECRET_PURPOSE } from './service';
import { resealFactor, type Db } from './store';

export interface ResealReport {
  /** Sealed again with the current key. */
  resealed: number;
  /** Already sealed with the current key. */
  current: number;
  /** Whose key is no longer listed (or altered): left as they are, their owners must enrol again. */
  unreadable: string[];
}

/**
 * Key rotation without waiting for every owner to type a code: seals each second factor's secret
 * again with the current key (`npm run secrets:reseal`). One row at a time, each update only if
 * the row is unchanged meanwhile, so it may run while Guichet serves.
 */
export async function resealAllFactors(db: Db, keyring: Keyring): Promise<ResealReport> {
  const report: ResealReport = { resealed: 0, current: 0, unreadable: [] };
  const rows = await db
    .withTables<{ mfa_factors: { account_id: string; secret_encrypted: string } }>()
    .selectFrom('mfa_factors')
    .select(['account_id', 'secret_encrypted'])
    .orderBy('account_id')
    .execute();
  for (const row of rows) {
    if (!needsReseal(keyring, row.secret_encrypted)) {
      report.current += 1;
      continue;
    }
    const secret = unsealWithKeyring(keyring, SECRET_PURPOSE, row.secret_encrypted, row.account_id);
    if (secret === null) {
      report.unreadable.push(row.account_id);
      continue;
    }
    await resealFactor(db, row.account_id, row.secret_encrypted, sealWithKeyring(keyring, SECRET_PURPOSE, secret, row.account_id));
    report.resealed += 1;
  }
  return report;
}
