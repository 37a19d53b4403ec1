import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrationDirs } from '../../app';
import { freshDatabase, testEngine } from '../../../test/support/database';
import { openDatabase, type Database } from '../db/database';
import { migrate } from '../db/migrate';
import { audit } from './audit';
import { verifyAuditChain } from './chain';

const onPostgres = testEngine() === 'postgres' ? {} : { skip: 'PGlite has one superuser: grants change nothing there (docs/audit.md)' };

test('least privilege on PostgreSQL: an application role set up as docs/audit.md says starts, appends audit rows, and may not change them', onPostgres, async (t) => {
  const database = await freshDatabase();
  const opened: Database[] = [];
  const role = `guichet_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  // The grants of docs/audit.md, "Least privilege on PostgreSQL".
  await database.runScript(`
    create role ${role} login password '${password}';
    grant usage on schema public to ${role};
    grant select, insert, update, delete on all tables in schema public to ${role};
    grant usage, select on all sequences in schema public to ${role};
    revoke update, delete, truncate on platform_audit from ${role};
    revoke all on platform_audit_head from ${role};`);
  // In this order: the role's connections, the role, the database.
  t.after(async () => {
    for (const each of opened) await each.close();
    await database.runScript(`drop owned by ${role}; drop role ${role};`);
    await database.close();
  });

  const name = (await sql<{ name: string }>`select current_database() as name`.execute(database.db)).rows[0]!.name;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  Object.assign(url, { username: role, password, pathname: `/${name}` });
  const app = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  opened.push(app);

  assert.deepEqual(await migrate(app, migrationDirs), [], 'a migrated database starts without the right to create tables');
  await audit(app.db, { action: 'test.least_privilege', details: { ok: true } });
  for (const statement of [
    sql`update platform_audit set actor_label = 'x'`,
    sql`delete from platform_audit`,
    sql`truncate platform_audit`,
    sql`alter table platform_audit disable trigger user`,
    sql`update platform_audit_head set seq = 1`,
    sql`select * from platform_audit_head`,
  ]) {
    await assert.rejects(statement.execute(app.db), /permission denied|must be owner/);
  }
  assert.equal((await verifyAuditChain(database.db)).ok, true);
});

test('after the migrations no role, not even the owner, holds a right to change or empty audit rows', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const holders = await sql<{ grantee: string; privilege: string; tbl: string }>`
    select pg_get_userbyid(a.grantee) as grantee, a.privilege_type as privilege, c.relname as tbl
      from pg_class c, aclexplode(c.relacl) a
     where (c.relname = 'platform_audit' and a.privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE'))
        or (c.relname = 'platform_audit_head' and a.grantee <> c.relowner)`.execute(database.db);
  assert.deepEqual(holders.rows, []);
  const explicit = await sql<{ acl: string | null }>`select relacl::text as acl from pg_class where relname = 'platform_audit'`.execute(database.db);
  assert.ok(explicit.rows[0]?.acl, 'the rights are written out, not the defaults (which give the owner everything)');
});
