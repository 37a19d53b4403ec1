import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { CERTIFIABLE_FIELDS, type FieldSource, type Profile, type ProfileFieldName, type ProfileValues } from './model';
import type { ProfileTables } from './tables';

type Db = Kysely<PlatformTables & ProfileTables>;

function profileDb(db: Kysely<PlatformTables>): Db {
  return db.withTables<ProfileTables>();
}

/** Every field of the person's profile with its provenance. */
export async function readProfile(db: Kysely<PlatformTables>, accountId: string): Promise<Profile> {
  const rows = await profileDb(db).selectFrom('profile_fields').selectAll().where('account_id', '=', accountId).execute();
  const profile: Record<string, unknown> = {};
  for (const row of rows) {
    profile[row.field] = {
      // The drivers (pg, PGlite) give jsonb already parsed: a string value is a JS string.
      value: row.value,
      source: row.source,
      receivedAt: new Date(row.received_at),
    };
  }
  return profile as Profile;
}

async function upsert(db: Db, accountId: string, field: string, value: unknown, source: FieldSource, at: Date): Promise<void> {
  await db
    .insertInto('profile_fields')
    .values({ account_id: accountId, field, value: JSON.stringify(value), source, received_at: at })
    .onConflict((oc) => oc.columns(['account_id', 'field']).doUpdateSet({ value: JSON.stringify(value), source, received_at: at }))
    .execute();
}

/**
 * Records what FranceConnect certified: each given field becomes certified (replacing a declared
 * value); certified fields FranceConnect no longer sends are removed.
 */
export async function writeCertified(
  db: Kysely<PlatformTables>,
  accountId: string,
  values: Partial<Pick<ProfileValues, (typeof CERTIFIABLE_FIELDS)[number]>>,
  at = new Date(),
): Promise<void> {
  const pdb = profileDb(db);
  for (const field of CERTIFIABLE_FIELDS) {
    const value = values[field];
    if (value !== undefined && value !== '') await upsert(pdb, accountId, field, value, 'franceconnect', at);
    else {
      await pdb.deleteFrom('profile_fields').where('account_id', '=', accountId).where('field', '=', field).where('source', '=', 'franceconnect').execute();
    }
  }
}

export class CertifiedFieldError extends Error {
  constructor(readonly field: ProfileFieldName) {
    super(`${field} is certified by FranceConnect and cannot be changed by hand`);
  }
}

/** Records a value the person typed. A certified field cannot be overwritten this way. */
export async function writeDeclared<K extends ProfileFieldName>(
  db: Kysely<PlatformTables>,
  accountId: string,
  field: K,
  value: ProfileValues[K],
  source: Exclude<FieldSource, 'franceconnect'> = 'declared',
): Promise<void> {
  const pdb = profileDb(db);
  const current = await pdb
    .selectFrom('profile_fields')
    .select('source')
    .where('account_id', '=', accountId)
    .where('field', '=', field)
    .executeTakeFirst();
  if (current?.source === 'franceconnect') throw new CertifiedFieldError(field);
  await upsert(pdb, accountId, field, value, source, new Date());
}

/** Removes a declared field (certified ones go only through writeCertified or forgetCertified). */
export async function clearDeclared(db: Kysely<PlatformTables>, accountId: string, field: ProfileFieldName): Promise<void> {
  await profileDb(db).deleteFrom('profile_fields').where('account_id', '=', accountId).where('field', '=', field).where('source', '<>', 'franceconnect').execute();
}

/** When FranceConnect is unlinked, its certified values stop being certified: they are removed. */
export async function forgetCertified(db: Kysely<PlatformTables>, accountId: string): Promise<void> {
  await profileDb(db).deleteFrom('profile_fields').where('account_id', '=', accountId).where('source', '=', 'franceconnect').execute();
}
