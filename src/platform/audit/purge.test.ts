import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrationDirs } from '../../app';
import { freshDatabase, testEngine } from '../../../test/support/database';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { platformPurges } from '../housekeeping/platform-purges';
import { runPurges } from '../housekeeping/purges';
import { describeVerdict, verifyAuditChain } from './chain';
import { mayPurgeAuditTrail, purgeAuditTrail } from './purge';

/** A migrated database whose trail is empty: the test writes its oldest rows first. */
async function emptyTrail(t: { after: (fn: () => Promise<void>) => void }, { closeAfter = true } = {}): Promise<Database> {
  const database = await freshDatabase({ prepared: false });
  if (closeAfter) t.after(() => database.close());
  await migrate(database, migrationDirs);
  return database;
}

/** An audit row written `daysAgo` days ago (the append trigger chains it as any other). */
async function rowFrom(database: Database, daysAgo: number, action: string): Promise<string> {
  const result = await sql<{ id: string }>`
    insert into platform_audit (at, action, actor_label, ip, details)
    values (now() - make_interval(days => ${daysAgo}), ${action}, 'Agent « test »', '192.0.2.7', '{"a": 1}'::jsonb)
    returning id::text as id`.execute(database.db);
  return result.rows[0]!.id;
}

async function actions(database: Database): Promise<string[]> {
  return (await database.db.selectFrom('platform_audit').select('action').orderBy('seq').execute()).map((r) => r.action);
}

async function asSuperuser(database: Database, statement: string): Promise<void> {
  await database.runScript(`alter table platform_audit disable trigger user;\n${statement};\nalter table platform_audit enable trigger user;`);
}

test('the purge deletes the rows older than one year, keeps the younger ones, and the chain still verifies from its anchor', async (t) => {
  const database = await emptyTrail(t);
  for (const [days, action] of [[800, 'old.one'], [500, 'old.two'], [366, 'old.three'], [364, 'young.one'], [400, 'old.late'], [0, 'young.two']] as const) {
    await rowFrom(database, days, action);
  }
  const before = await verifyAuditChain(database.db);
  assert.ok(before.ok && before.anchor === null);

  assert.equal(await mayPurgeAuditTrail(database.db), true, 'the owner (or PGlite’s superuser) may purge');
  assert.equal(await purgeAuditTrail(database.db), 3);
  // A row dated before a younger one ahead of it stays: the chain left has no gap.
  assert.deepEqual(await actions(database), ['young.one', 'old.late', 'young.two']);
  const anchor = (await sql<{ last_seq: string; deleted: string; last_hash: string }>`select last_seq::text, deleted::text, last_hash from platform_audit_anchors`.execute(database.db)).rows;
  assert.equal(anchor.length, 1);
  assert.equal(anchor[0]!.last_seq, '3');
  assert.equal(anchor[0]!.deleted, '3');

  const after = await verifyAuditChain(database.db);
  assert.ok(after.ok, after.ok ? '' : describeVerdict(after));
  assert.equal(after.rows, 3);
  assert.equal(after.headHash, before.ok ? before.headHash : '', 'the head is the same');
  assert.match(describeVerdict(after), /^Journal intègre : 3 lignes vérifiées\.\n\(Les 3 lignes les plus anciennes ont été effacées après un an ; la chaîne repart de l’ancre de la ligne de rang 3, du \d{4}-/);

  assert.equal(await purgeAuditTrail(database.db), 0, 'nothing more is old enough');
  assert.equal((await sql<{ n: string }>`select count(*)::text as n from platform_audit_anchors`.execute(database.db)).rows[0]!.n, '1', 'no anchor for an empty purge');

  // New rows follow on; and a later purge anchors again.
  await rowFrom(database, 0, 'young.three');
  const later = await verifyAuditChain(database.db);
  assert.ok(later.ok && later.rows === 4);
});

test('after a purge a changed or deleted row is still named, and every other way to delete stays refused', async (t) => {
  const database = await emptyTrail(t);
  await rowFrom(database, 500, 'old.one');
  await rowFrom(database, 400, 'old.two');
  const firstKept = await rowFrom(database, 10, 'young.one');
  const second = await rowFrom(database, 5, 'young.two');
  await rowFrom(database, 0, 'young.three');

  // Old rows without an anchor, young rows, a date not a year old: refused, even to the owner.
  await assert.rejects(sql`delete from platform_audit where action like 'old.%'`.execute(database.db), /append-only/);
  await assert.rejects(purgeAuditTrail(database.db, new Date(Date.now() - 300 * 86_400_000)), /kept one year/);
  await assert.rejects(sql`insert into platform_audit_anchors (cutoff, last_seq, last_hash, last_at, deleted) values (now(), 99, 'x', now(), 1)`.execute(database.db).then(() => sql`delete from platform_audit where seq <= 99`.execute(database.db)), /append-only/, 'an anchor of another transaction lets nothing through');
  await sql`delete from platform_audit_anchors where last_seq = 99`.execute(database.db).then(
    () => assert.fail('anchors are append-only'),
    (error: Error) => assert.match(error.message, /append-only/),
  );
  // That stray anchor (written above by the owner) would now start the chain at 99: a purge is what writes anchors.
  await database.runScript(`alter table platform_audit_anchors disable trigger user; delete from platform_audit_anchors; alter table platform_audit_anchors enable trigger user;`);

  assert.equal(await purgeAuditTrail(database.db), 2);
  assert.ok((await verifyAuditChain(database.db)).ok);

  await asSuperuser(database, `update platform_audit set actor_label = 'Autre' where id = ${second}`);
  const changed = await verifyAuditChain(database.db);
  assert.ok(!changed.ok);
  assert.equal(changed.broken.id, second);
  assert.equal(changed.broken.breakage, 'content_changed');

  await asSuperuser(database, `update platform_audit set actor_label = 'Agent « test »' where id = ${second}`);
  assert.ok((await verifyAuditChain(database.db)).ok, 'put back, it verifies again');
  await asSuperuser(database, `delete from platform_audit where id = ${firstKept}`);
  const missing = await verifyAuditChain(database.db);
  assert.ok(!missing.ok);
  assert.equal(missing.broken.breakage, 'missing_before', 'the first row kept after the anchor is missing');
  assert.equal(missing.broken.id, second);
});

test('the hourly housekeeping purges the trail where its connection may', async (t) => {
  const database = await emptyTrail(t);
  await rowFrom(database, 400, 'old.one');
  await rowFrom(database, 1, 'young.one');
  const { ran, failed } = await runPurges(database.db, platformPurges);
  assert.deepEqual(failed, []);
  assert.equal(ran.find((r) => r.id === 'platform.audit')?.deleted, 1);
  assert.deepEqual(await actions(database), ['young.one']);
  assert.ok((await verifyAuditChain(database.db)).ok);
});

const onPostgres = testEngine() === 'postgres' ? {} : { skip: 'PGlite has one superuser: there is no role to separate (docs/audit.md)' };

test('least privilege: the application role may not purge nor write an anchor, and no role keeps a right to delete', onPostgres, async (t) => {
  const database = await emptyTrail(t, { closeAfter: false });
  await rowFrom(database, 400, 'old.one');
  await rowFrom(database, 1, 'young.one');
  const role = `guichet_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  await database.runScript(`
    create role ${role} login password '${password}';
    grant usage on schema public to ${role};
    grant select, insert, update, delete on all tables in schema public to ${role};
    revoke update, delete, truncate on platform_audit from ${role};
    revoke all on platform_audit_head from ${role};
    revoke insert, update, delete, truncate on platform_audit_anchors from ${role};`);
  const opened: Database[] = [];
  t.after(async () => {
    for (const each of opened) await each.close();
    await database.runScript(`drop owned by ${role}; drop role ${role};`);
    await database.close();
  });
  const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]!.name;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  Object.assign(url, { username: role, password, pathname: `/${name}` });
  const app = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
  opened.push(app);

  assert.equal(await mayPurgeAuditTrail(app.db), false);
  assert.equal((await runPurges(app.db, platformPurges.filter((p) => p.id === 'platform.audit'))).ran[0]?.deleted, 0, 'the housekeeping leaves it to the operator');
  await assert.rejects(purgeAuditTrail(app.db), /permission denied/);
  await assert.rejects(sql`insert into platform_audit_anchors (cutoff, last_seq, last_hash, last_at, deleted) values (now(), 1, 'x', now(), 1)`.execute(app.db), /permission denied/);
  assert.equal((await actions(database)).length, 2);

  assert.equal(await purgeAuditTrail(database.db), 1, 'the owner may');
  const holders = await sql<{ grantee: string }>`
    select pg_get_userbyid(a.grantee) as grantee from pg_class c, aclexplode(c.relacl) a
     where c.relname = 'platform_audit' and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')`.execute(database.db);
  assert.deepEqual(holders.rows, [], 'the right to delete was the purge’s, for its transaction only');
});
