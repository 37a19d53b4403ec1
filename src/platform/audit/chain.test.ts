import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { migrationDirs } from '../../app';
import { freshDatabase } from '../../../test/support/database';
import type { Database } from '../db/database';
import { migrate } from '../db/migrate';
import { audit } from './audit';
import { describeVerdict, verifyAuditChain } from './chain';

/** What a superuser can do: switch the guard triggers off, change rows, switch them on again. */
async function asSuperuser(database: Database, statement: string): Promise<void> {
  await database.runScript(`alter table platform_audit disable trigger user;\n${statement};\nalter table platform_audit enable trigger user;`);
}

async function writeRows(database: Database): Promise<string[]> {
  // Text that a naive serialisation would get wrong: quotes, backslashes, controls, accents, emoji.
  await audit(database.db, { action: 'test.one', actorLabel: 'Élodie « L’Hénaff » "q" \\ \n\t\u0001 😀', tenantId: 'brest', details: { b: 1.5, a: 'é', nested: { z: [1, null, true] } } });
  await audit(database.db, { action: 'test.two', actorId: '00000000-0000-4000-8000-000000000001', ip: '192.0.2.1', targetType: 'account', targetId: 'x' });
  await audit(database.db, { action: 'test.three' });
  const rows = await database.db.selectFrom('platform_audit').select('id').where('action', 'like', 'test.%').orderBy('seq').execute();
  return rows.map((r) => String(r.id));
}

test('the seeded trail and new rows form one intact chain, checked again in TypeScript', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const before = await verifyAuditChain(database.db);
  assert.equal(before.ok, true, before.ok ? '' : describeVerdict(before));
  await writeRows(database);
  const verdict = await verifyAuditChain(database.db);
  assert.ok(verdict.ok, verdict.ok ? '' : describeVerdict(verdict));
  assert.equal(verdict.rows, before.rows + 3);
  assert.match(describeVerdict(verdict), new RegExp(`^Journal intègre : ${verdict.rows} lignes vérifiées`));
});

test('rows cannot be changed, deleted or emptied, not even by the table owner', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  await writeRows(database);
  for (const statement of [sql`update platform_audit set actor_label = 'x'`, sql`delete from platform_audit`, sql`truncate platform_audit`, sql`update platform_audit_head set seq = 1`, sql`delete from platform_audit_head`]) {
    await assert.rejects(statement.execute(database.db), /append-only|changes only when/);
  }
  assert.equal((await verifyAuditChain(database.db)).ok, true);
});

test('a row changed behind the triggers is named by the verification', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const [, second] = await writeRows(database);
  await asSuperuser(database, `update platform_audit set details = '{"changed": true}' where id = ${second}`);
  const verdict = await verifyAuditChain(database.db);
  assert.equal(verdict.ok, false);
  assert.ok(!verdict.ok);
  assert.equal(verdict.broken.id, second);
  assert.equal(verdict.broken.breakage, 'content_changed');
  assert.match(describeVerdict(verdict), new RegExp(`^Journal altéré : \\d+ lignes? intègres?, puis la ligne n° ${second} \\(rang \\d+\\) du \\d{4}-\\d\\d-\\d\\dT.*son contenu a été modifié`));
});

test('a deleted row, a rewritten hash, a row slipped in at the end and a cut tail are each named', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const [first] = await writeRows(database);

  await asSuperuser(database, `update platform_audit set row_hash = repeat('a', 64) where id = ${first}`);
  let verdict = await verifyAuditChain(database.db);
  assert.ok(!verdict.ok);
  assert.equal(verdict.broken.id, first, 'the row whose hash was rewritten no longer matches its content');

  const database2 = await freshDatabase();
  t.after(() => database2.close());
  const ids = await writeRows(database2);
  await asSuperuser(database2, `delete from platform_audit where id = ${ids[1]}`);
  verdict = await verifyAuditChain(database2.db);
  assert.ok(!verdict.ok);
  assert.equal(verdict.broken.id, ids[2], 'the row after the gap is named');
  assert.equal(verdict.broken.breakage, 'missing_before');

  const database3 = await freshDatabase();
  t.after(() => database3.close());
  const ids3 = await writeRows(database3);
  await asSuperuser(database3, `delete from platform_audit where id = ${ids3[2]}`);
  verdict = await verifyAuditChain(database3.db);
  assert.ok(!verdict.ok);
  assert.equal(verdict.broken.breakage, 'tail_missing');
  assert.equal(verdict.broken.id, ids3[1], 'the last row still there is named');


  const database4 = await freshDatabase();
  t.after(() => database4.close());
  await writeRows(database4);
  await asSuperuser(database4, `insert into platform_audit (action, seq, prev_hash, row_hash) select 'forged', max(seq) + 1, repeat('b', 64), repeat('c', 64) from platform_audit`);
  const forged = await database4.db.selectFrom('platform_audit').select('id').where('action', '=', 'forged').executeTakeFirstOrThrow();
  verdict = await verifyAuditChain(database4.db);
  assert.ok(!verdict.ok);
  assert.equal(verdict.broken.id, String(forged.id));
  assert.equal(verdict.broken.breakage, 'previous_hash_mismatch');
});

test('inserts from concurrent transactions never fork the chain', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      database.db.transaction().execute(async (trx) => {
        await audit(trx, { action: 'test.concurrent', details: { i } });
        await audit(trx, { action: 'test.concurrent', details: { i, again: true } });
      }),
    ),
  );
  const verdict = await verifyAuditChain(database.db);
  assert.ok(verdict.ok, verdict.ok ? '' : describeVerdict(verdict));
  const places = await database.db.selectFrom('platform_audit').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('seq').as('top')]).executeTakeFirstOrThrow();
  assert.equal(Number(places.n), Number(places.top), 'places run from 1 without a gap nor a double');
});

test('upgrading a database that already has audit rows chains them in the order they were written', async (t) => {
  const database = await freshDatabase({ prepared: false });
  t.after(() => database.close());
  // Every migration as it was before the chain (0130, 0131), then the rest.
  const before = mkdtempSync(join(tmpdir(), 'guichet-before-chain-'));
  t.after(() => rmSync(before, { recursive: true, force: true }));
  for (const dir of migrationDirs) {
    for (const file of readdirSync(dir).filter((f) => /^\d{4}_.*\.sql$/.test(f) && f < '0130')) copyFileSync(join(dir, file), join(before, file));
  }
  await migrate(database, [before]);
  for (const label of ['première', 'deuxième', 'troisième']) {
    await sql`insert into platform_audit (action, actor_label, details) values ('test.old', ${label}, '{"k": "v"}')`.execute(database.db);
  }
  assert.deepEqual((await migrate(database, migrationDirs)).slice(0, 2), ['0130_audit_chain', '0131_audit_grants']);

  const rows = await database.db.selectFrom('platform_audit').select(['actor_label', 'seq']).orderBy('id').execute();
  assert.deepEqual(rows.map((r) => [r.actor_label, Number(r.seq)]), [['première', 1], ['deuxième', 2], ['troisième', 3]]);
  await audit(database.db, { action: 'test.new' });
  const verdict = await verifyAuditChain(database.db);
  assert.ok(verdict.ok, verdict.ok ? '' : describeVerdict(verdict));
  assert.equal(verdict.rows, 4);
});
