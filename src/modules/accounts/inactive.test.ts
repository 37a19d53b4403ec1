import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { buildTestApp } from '../../../test/support/app';
import { startTestInbox } from '../../../test/support/mail';
import type { PlatformTables } from '../../platform/db/tables';
import { HOUSEKEEPING_JOB } from '../../platform/housekeeping/all';
import { createPerson, signInPerson } from './test-support';
import { yearsBefore } from './inactive';

const DAY = 24 * 3600 * 1000;

async function lastActive(db: Kysely<PlatformTables>, id: string, at: Date): Promise<void> {
  await sql`update platform_accounts set created_at = ${at}, last_sign_in_at = ${at} where id = ${id}`.execute(db);
}
const exists = async (db: Kysely<PlatformTables>, id: string) => (await db.selectFrom('platform_accounts').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
const outbox = async (db: Kysely<PlatformTables>) => Number((await sql<{ n: string }>`select count(*)::text as n from platform_mail_outbox`.execute(db)).rows[0]!.n);

test('an account unused for three years is warned 30 days before, once, then deleted with its data; signing in keeps it; agents are left to their authority', async (t) => {
  const inbox = await startTestInbox(t);
  const { app } = await buildTestApp(t, { SMTP_URL: inbox.url, PUBLIC_URL: 'https://guichet.example' });
  const db = app.platform.db;
  const now = new Date();
  // Three years unused in 10 days.
  const soon = new Date(yearsBefore(now, 3).getTime() + 10 * DAY);
  const leaving = await createPerson(db, { email: 'partie@example.fr', name: 'Maël' });
  const staying = await createPerson(db, { email: 'reste@example.fr', name: 'Lou' });
  const recent = await createPerson(db, { email: 'recente@example.fr' });
  const agent = await createPerson(db, { email: 'agente@example.fr' });
  await lastActive(db, leaving, soon);
  await lastActive(db, staying, soon);
  await lastActive(db, agent, new Date(yearsBefore(now, 5)));
  await lastActive(db, recent, new Date(yearsBefore(now, 2)));
  await sql`insert into platform_memberships (account_id, tenant_id, role) values (${agent}, 'brest', 'lecteur')`.execute(db);
  // Something of hers that goes with the account.
  await sql`insert into members_favourites (id, account_id, kind, item_key) values (gen_random_uuid(), ${leaving}, 'metier', 'D1102')`.execute(db);

  assert.equal(await app.platform.jobs.runNow(HOUSEKEEPING_JOB, now), true);
  assert.equal((await sql<{ last_error: string | null }>`select last_error from platform_jobs where name = ${HOUSEKEEPING_JOB}`.execute(db)).rows[0]?.last_error, null);
  // Delivered now, not by the worker's next turn (the machine may be slow).
  await app.platform.mailer.drain();
  const warning = await inbox.waitFor('partie@example.fr', /^Votre compte Guichet sera supprimé le \d{1,2} \S+ \d{4}$/);
  assert.match(warning.text, /^Bonjour Maël,/);
  assert.match(warning.text, /Vous ne vous êtes pas connecté à Guichet depuis le \d{1,2} \S+ \d{4}\./);
  assert.match(warning.text, /Pour garder votre compte, connectez-vous une fois avant cette date :\nhttps:\/\/guichet\.example\/connexion\n/);
  assert.match(warning.text, /https:\/\/guichet\.example\/mon-compte\/mes-donnees/);
  await inbox.waitFor('reste@example.fr', /sera supprimé/);
  const notice = (await sql<{ deletes_on: Date }>`select deletes_on from account_inactivity_notices where account_id = ${leaving}`.execute(db)).rows[0];
  assert.ok(notice && new Date(notice.deletes_on).getTime() >= now.getTime() + 30 * DAY - 1000, 'never less than 30 days after the warning');
  assert.equal((await sql`select 1 from platform_audit where action = 'account.unused_warned' and target_id = ${leaving}`.execute(db)).rows.length, 1);

  // Run again (another hour, a restart: the notices are in the database): nothing is sent twice.
  await app.platform.jobs.runNow(HOUSEKEEPING_JOB, new Date(now.getTime() + 3600_000));
  await app.platform.mailer.drain();
  assert.equal(inbox.mails.filter((m) => /sera supprimé/.test(m.subject)).length, 2, 'one warning each, the agent and the recent account none');
  assert.equal(await outbox(db), 0);

  // Lou signs in: that is all it takes.
  await signInPerson(app, 'reste@example.fr');

  const later = new Date(now.getTime() + 31 * DAY);
  await app.platform.jobs.runNow(HOUSEKEEPING_JOB, later);
  await app.platform.mailer.drain();
  const farewell = await inbox.waitFor('partie@example.fr', /^Votre compte Guichet a été supprimé$/);
  assert.match(farewell.text, /personne ne s’y était connecté depuis le/);
  assert.equal(await exists(db, leaving), false, 'the unused account is deleted');
  assert.equal((await sql`select 1 from members_favourites where account_id = ${leaving}`.execute(db)).rows.length, 0, 'with its data');
  assert.equal((await sql`select 1 from platform_audit where action = 'account.deleted_unused' and target_id = ${leaving}`.execute(db)).rows.length, 1);
  assert.equal(await exists(db, staying), true, 'the account used since the warning is kept');
  assert.equal((await sql`select 1 from account_inactivity_notices where account_id = ${staying}`.execute(db)).rows.length, 0, 'and its notice is void');
  assert.equal(await exists(db, agent), true, 'an agent’s account is left to its authority');
  assert.equal(await exists(db, recent), true);

  await app.platform.jobs.runNow(HOUSEKEEPING_JOB, new Date(later.getTime() + 3600_000));
  await app.platform.mailer.drain();
  assert.equal(inbox.mails.filter((m) => m.to.includes('partie@example.fr')).length, 2, 'a warning and a farewell, nothing more');
  assert.equal(inbox.mails.filter((m) => m.to.includes('reste@example.fr') && /sera supprimé/.test(m.subject)).length, 1, 'Lou is not warned again: she signed in');
});
