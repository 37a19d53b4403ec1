/**
 * The purges delete what is kept past the retention stated on /donnees-personnelles, and only
 * that; several instances share the work (the purges run in one instance per interval); the page tells the
 * same rules.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { buildTestApp, secondInstance } from '../support/app';
import { createPerson } from '../../src/modules/accounts/test-support';
import { modules } from '../../src/modules';
import type { PlatformTables } from '../../src/platform/db/tables';
import { allPurges, HOUSEKEEPING_JOB } from '../../src/platform/housekeeping/all';
import { DAY, HOUR, runPurges } from '../../src/platform/housekeeping/purges';

const count = async (db: Kysely<PlatformTables>, table: string) => Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db)).rows[0]!.n);

test('each purge deletes what is past its retention and keeps the rest; one instance runs it per interval', async (t) => {
  const first = await buildTestApp(t);
  const db = first.app.platform.db;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const ahead = (ms: number) => new Date(now.getTime() + ms);
  const person = await createPerson(db, { email: 'menage@example.fr' });
  // Emptied first: the seed and the test app may have left rows of their own.
  for (const table of ['platform_sessions', 'platform_counters', 'platform_mail_outbox', 'platform_demo_mails', 'account_tokens', 'backoffice_invitations', 'idp_payloads', 'franceconnect_flows', 'search_misses']) await sql`delete from ${sql.table(table)}`.execute(db);

  await sql`insert into platform_sessions (id_hash, account_id, data, expires_at) values ('old', ${person}, '{}', ${ago(HOUR)}), ('live', ${person}, '{}', ${ahead(HOUR)})`.execute(db);
  await sql`insert into platform_counters (key, count, reset_at) values ('old', 3, ${ago(1000)}), ('live', 3, ${ahead(60_000)})`.execute(db);
  await sql`insert into platform_mail_outbox (kind, payload, failed_at) values ('x', '{}', ${ago(31 * DAY)}), ('x', '{}', ${ago(29 * DAY)}), ('x', '{}', null)`.execute(db);
  await sql`insert into platform_demo_mails (received_at, recipients, subject, body) values (${ago(31 * DAY)}, 'a@example.fr', 'vieux', ''), (${ago(DAY)}, 'a@example.fr', 'récent', '')`.execute(db);
  await sql`insert into account_tokens (token_hash, account_id, purpose, expires_at) values ('old', ${person}, 'reset', ${ago(8 * DAY)}), ('recent', ${person}, 'reset', ${ago(6 * DAY)})`.execute(db);
  await sql`insert into backoffice_invitations (id, tenant_id, email, role, token_hash, expires_at)
            values (gen_random_uuid(), 'bretagne', 'vieux@example.fr', 'lecteur', 'old', ${ago(31 * DAY)}), (gen_random_uuid(), 'bretagne', 'recent@example.fr', 'lecteur', 'recent', ${ago(DAY)})`.execute(db);
  await sql`insert into idp_payloads (model, id, payload, expires_at) values ('AccessToken', 'old', '{}', ${ago(1000)}), ('AccessToken', 'live', '{}', ${ahead(HOUR)}), ('Grant', 'forever', '{}', null)`.execute(db);
  await sql`insert into search_misses (day, tenant_id, words, count) values (${ago(372 * DAY).toISOString().slice(0, 10)}, 'bretagne', 'vieux mot', 2), (${ago(300 * DAY).toISOString().slice(0, 10)}, 'bretagne', 'mot récent', 2)`.execute(db);
  await sql`insert into franceconnect_flows (state_hash, nonce, code_verifier, intent, next_path, expires_at) values ('old', 'n', 'v', 'sign_in', '/', ${ago(1000)}), ('live', 'n', 'v', 'sign_in', '/', ${ahead(600_000)})`.execute(db);

  const purges = allPurges(modules);
  const second = await secondInstance(t, first);
  // Both instances at once: the periodic job runs in exactly one of them.
  const [a, b] = await Promise.all([first.app.platform.jobs.runNow(HOUSEKEEPING_JOB, now, false), second.app.platform.jobs.runNow(HOUSEKEEPING_JOB, now, false)]);
  assert.equal(Number(a) + Number(b), 1, 'one instance ran the purges');
  const job = await sql<{ last_error: string | null; last_finished_at: Date | null }>`select last_error, last_finished_at from platform_jobs where name = ${HOUSEKEEPING_JOB}`.execute(db);
  assert.equal(job.rows[0]?.last_error, null);
  assert.ok(job.rows[0]?.last_finished_at);
  assert.equal(await first.app.platform.jobs.runNow(HOUSEKEEPING_JOB, now, false), false, 'not again within the hour');

  assert.deepEqual((await db.selectFrom('platform_sessions').select('id_hash').execute()).map((r) => r.id_hash), ['live']);
  assert.deepEqual((await db.selectFrom('platform_counters').select('key').execute()).map((r) => r.key), ['live']);
  assert.equal(await count(db, 'platform_mail_outbox'), 2, 'a mail failed 29 days ago and one waiting stay');
  assert.deepEqual((await db.selectFrom('platform_demo_mails').select('subject').execute()).map((r) => r.subject), ['récent']);
  assert.deepEqual((await sql<{ token_hash: string }>`select token_hash from account_tokens`.execute(db)).rows.map((r) => r.token_hash), ['recent']);
  assert.deepEqual((await sql<{ email: string }>`select email from backoffice_invitations`.execute(db)).rows.map((r) => r.email), ['recent@example.fr']);
  assert.deepEqual((await sql<{ id: string }>`select id from idp_payloads order by id`.execute(db)).rows.map((r) => r.id), ['forever', 'live']);
  assert.deepEqual((await sql<{ state_hash: string }>`select state_hash from franceconnect_flows`.execute(db)).rows.map((r) => r.state_hash), ['live']);
  assert.deepEqual((await sql<{ words: string }>`select words from search_misses`.execute(db)).rows.map((r) => r.words), ['mot récent'], 'searches without result past 371 days');
  // What each purge reports (npm run purge prints it), on rows made again.
  await sql`insert into platform_sessions (id_hash, account_id, data, expires_at) values ('old2', ${person}, '{}', ${ago(HOUR)})`.execute(db);
  const { ran, failed } = await runPurges(db, purges, now);
  assert.deepEqual(failed, []);
  assert.deepEqual(ran.map((r) => r.id), purges.map((p) => p.id), 'every purge, in order');
  assert.equal(ran.find((r) => r.id === 'platform.sessions')?.deleted, 1);
  assert.equal(ran.find((r) => r.id === 'backoffice.invitations')?.deleted, 0);
});

test('/donnees-personnelles states the purges that now run', async (t) => {
  const { app } = await buildTestApp(t);
  const html = (await app.inject({ method: 'GET', url: '/donnees-personnelles', headers: { host: 'localhost' } })).body;
  assert.match(html, /effacée 30 jours après son expiration/);
  assert.match(html, /effacés chaque heure/);
  assert.doesNotMatch(html, /une invitation expirée sans réponse reste affichée à l’administrateur jusqu’à ce qu’il l’annule/);
});
