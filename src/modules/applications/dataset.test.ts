/**
 * Issue 16 c.7, usage statistics: the applications sent for each aid of an authority, by month,
 * as open data — only counts, the small ones left empty, nothing about a person, and another
 * authority's applications never in it.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/support/app';
import { MIN_PUBLISHED_COUNT } from './dataset';

test('sent applications counted by aid and month, small counts left empty, no person and no other authority', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  await sql`delete from applications`.execute(db);
  const account = (await sql<{ id: string }>`select id from platform_accounts order by id limit 1`.execute(db)).rows[0]!.id;
  const add = async (tenant: string, aid: string, status: string, submitted: string | null) =>
    sql`insert into applications (id, tenant_id, aid_id, aid_name, account_id, status, form, answers, submitted_at, decided_at)
      values (${randomUUID()}, ${tenant}, ${aid}, ${`Aide ${aid}`}, ${account}, ${status}, '{}'::jsonb, ${JSON.stringify({ nom: 'Personne Secrète' })}::jsonb,
        ${submitted}::timestamptz, ${status === 'accepte' || status === 'refuse' ? submitted : null}::timestamptz)`.execute(db);
  // October: 9 sent for brest-velo (5 accepted, 2 refused, 1 withdrawn, 1 waiting), 3 for brest-sport.
  for (const status of ['accepte', 'accepte', 'accepte', 'accepte', 'accepte', 'refuse', 'refuse', 'retire', 'en_instruction']) await add('brest', 'brest-velo', status, '2026-10-12T10:00:00Z');
  for (let i = 0; i < 3; i++) await add('brest', 'brest-sport', 'depose', '2026-10-20T10:00:00Z');
  // November: 6 waiting for brest-velo; a draft is never counted; Quimper's are in Quimper's dataset only.
  for (let i = 0; i < 6; i++) await add('brest', 'brest-velo', 'depose', '2026-11-02T10:00:00Z');
  await add('brest', 'brest-velo', 'brouillon', null);
  for (let i = 0; i < 7; i++) await add('quimper', 'quimper-bus', 'accepte', '2026-10-05T10:00:00Z');

  const file = await app.inject({ url: '/donnees/demandes-deposees--brest.json' });
  assert.equal(file.statusCode, 200);
  const rows = file.json() as Array<Record<string, unknown>>;
  assert.deepEqual(
    rows.map((r) => [r.mois, r.aide, r.deposees, r.en_cours, r.acceptees, r.refusees, r.autres]),
    [
      ['2026-10', 'brest-sport', null, null, 0, 0, 0],
      ['2026-10', 'brest-velo', 9, null, 5, null, null],
      ['2026-11', 'brest-velo', 6, 6, 0, 0, 0],
    ],
  );
  assert.equal(MIN_PUBLISHED_COUNT, 5, 'the rows above are written for a threshold of 5');
  assert.doesNotMatch(file.body, /Personne Secrète|quimper|[0-9a-f]{8}-[0-9a-f]{4}-/, 'no answer, no other authority, no id of a person or an application');

  const csv = await app.inject({ url: '/donnees/demandes-deposees--brest.csv' });
  assert.equal(csv.body.trimEnd().split('\r\n')[0], '\ufeffmois,aide,aide_nom,deposees,en_cours,acceptees,refusees,autres,page');
  const meta = (await app.inject({ url: '/api/v1/donnees/demandes-deposees--brest' })).json() as { lignes: number };
  assert.equal(meta.lignes, 3);
  assert.match((await app.inject({ url: '/donnees' })).body, /href="\/donnees\/demandes-deposees--quimper"/);
  assert.equal((await app.inject({ url: '/donnees/demandes-deposees--quimper.json' })).json().length, 1);
});
