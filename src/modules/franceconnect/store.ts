import { createHash, randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { withTransaction } from '../../platform/db/transaction';
import type { FlowIntent, FranceConnectTables } from './tables';

type Db = Kysely<PlatformTables & FranceConnectTables>;

export function fcDb(db: Kysely<PlatformTables>): Db {
  return db.withTables<FranceConnectTables>();
}

/** How long a person may stay at FranceConnect before the answer is refused. */
export const FLOW_TTL_MS = 15 * 60 * 1000;

export interface Flow {
  nonce: string;
  codeVerifier: string;
  intent: FlowIntent;
  accountId: string | null;
  next: string;
}

const hash = (state: string) => createHash('sha256').update(state).digest('hex');

export async function saveFlow(db: Kysely<PlatformTables>, state: string, flow: Flow): Promise<void> {
  const fdb = fcDb(db);
  await fdb.deleteFrom('franceconnect_flows').where('expires_at', '<', new Date()).execute();
  await fdb
    .insertInto('franceconnect_flows')
    .values({
      state_hash: hash(state),
      nonce: flow.nonce,
      code_verifier: flow.codeVerifier,
      intent: flow.intent,
      account_id: flow.accountId,
      next_path: flow.next,
      expires_at: new Date(Date.now() + FLOW_TTL_MS),
    })
    .execute();
}

/** Takes the flow a state names, once: a second answer with the same state finds nothing. */
export async function consumeFlow(db: Kysely<PlatformTables>, state: string): Promise<Flow | undefined> {
  const row = await fcDb(db).deleteFrom('franceconnect_flows').where('state_hash', '=', hash(state)).returningAll().executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() < Date.now()) return undefined;
  return { nonce: row.nonce, codeVerifier: row.code_verifier, intent: row.intent, accountId: row.account_id, next: row.next_path };
}

export async function linkFor(db: Kysely<PlatformTables>, accountId: string) {
  return fcDb(db).selectFrom('franceconnect_links').selectAll().where('account_id', '=', accountId).executeTakeFirst();
}

export async function accountForSub(db: Kysely<PlatformTables>, sub: string) {
  return fcDb(db)
    .selectFrom('franceconnect_links')
    .innerJoin('platform_accounts', 'platform_accounts.id', 'franceconnect_links.account_id')
    .select(['platform_accounts.id', 'platform_accounts.email', 'platform_accounts.display_name', 'platform_accounts.disabled_at', 'platform_accounts.password_hash'])
    .where('franceconnect_links.sub', '=', sub)
    .executeTakeFirst();
}

export async function touchLink(db: Kysely<PlatformTables>, sub: string): Promise<void> {
  await fcDb(db).updateTable('franceconnect_links').set({ last_seen_at: new Date() }).where('sub', '=', sub).execute();
}

export async function createLink(db: Kysely<PlatformTables>, accountId: string, sub: string): Promise<void> {
  await fcDb(db).insertInto('franceconnect_links').values({ account_id: accountId, sub }).execute();
}

export async function removeLink(db: Kysely<PlatformTables>, accountId: string): Promise<boolean> {
  const rows = await fcDb(db).deleteFrom('franceconnect_links').where('account_id', '=', accountId).executeTakeFirst();
  return Number(rows.numDeletedRows) > 0;
}

export async function accountByEmail(db: Kysely<PlatformTables>, email: string) {
  return db.selectFrom('platform_accounts').select(['id']).where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

/** A new account for a person FranceConnect identified: no password, the email FranceConnect gave. */
export async function createFranceConnectAccount(db: Kysely<PlatformTables>, input: { email: string; displayName: string; sub: string }) {
  const account = { id: randomUUID(), email: input.email.toLowerCase(), display_name: input.displayName };
  await withTransaction(db, async (trx) => {
    await trx.insertInto('platform_accounts').values({ ...account, password_hash: null }).execute();
    await trx.withTables<FranceConnectTables>().insertInto('franceconnect_links').values({ account_id: account.id, sub: input.sub }).execute();
    // FranceConnect's identity providers checked this address: it counts as confirmed (the
    // accounts module's email_confirmed_at column).
    await sql`update platform_accounts set email_confirmed_at = now() where id = ${account.id}`.execute(trx);
  });
  return { id: account.id, email: account.email, displayName: account.display_name };
}
