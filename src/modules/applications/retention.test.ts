/**
 * The retention of sent applications (/donnees-personnelles, « Vos demandes d'aide »): kept while
 * open; once closed, 10 years after a grant, 5 years after any other end; then deleted by the
 * hourly housekeeping with everything attached, one audit row each in the authority's journal.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test } from 'node:test';
import { sql, type Kysely } from 'kysely';
import { buildTestApp } from '../../../test/support/app';
import type { PlatformTables } from '../../platform/db/tables';
import { HOUSEKEEPING_JOB } from '../../platform/housekeeping/all';
import { createPerson } from '../accounts/test-support';

const DAY = 24 * 3600 * 1000;
const YEAR = 365.25 * DAY;

interface Made {
  id: string;
  label: string;
}

async function application(
  db: Kysely<PlatformTables>,
  input: { label: string; account: string | null; status: string; decidedYearsAgo?: number; stepYearsAgo?: number; updatedYearsAgo: number; now: Date },
): Promise<Made> {
  const id = randomUUID();
  const ago = (years: number | undefined) => (years === undefined ? null : new Date(input.now.getTime() - years * YEAR));
  const tenant = 'brest';
  await sql`insert into applications (id, tenant_id, aid_id, aid_name, account_id, status, reference, form, answers, submitted_at, decided_at, created_at, updated_at)
    values (${id}, ${tenant}, 'brest-velo', 'Aide au vélo', ${input.account}, ${input.status}, ${input.status === 'brouillon' ? null : `BZH-2000-${id.slice(0, 6)}`},
      '{}'::jsonb, ${JSON.stringify({ nom: 'Le Goff' })}::jsonb, ${ago(input.updatedYearsAgo)}, ${ago(input.decidedYearsAgo)}, ${ago(input.updatedYearsAgo)}, ${ago(input.updatedYearsAgo)})`.execute(db);
  // What goes with it: a document, a step, a message, an agent's note, an instructeur's read.
  await sql`insert into application_documents (id, tenant_id, application_id, field, filename, content_type, size, sha256, bytes)
    values (${randomUUID()}, ${tenant}, ${id}, 'devis', 'devis.pdf', 'application/pdf', 4, 'x', ${Buffer.from('%PDF')})`.execute(db);
  await sql`insert into application_history (id, tenant_id, application_id, actor_kind, action, from_status, to_status, created_at)
    values (${randomUUID()}, ${tenant}, ${id}, 'agent', 'etape', 'en_instruction', ${input.status}, ${ago(input.stepYearsAgo ?? input.updatedYearsAgo)})`.execute(db);
  await sql`insert into application_messages (id, tenant_id, application_id, author_kind, body) values (${randomUUID()}, ${tenant}, ${id}, 'agent', 'Bonjour')`.execute(db);
  await sql`insert into application_annotations (id, tenant_id, application_id, author_label, body) values (${randomUUID()}, ${tenant}, ${id}, 'Agent', 'Note')`.execute(db);
  await sql`insert into application_reads (application_id, tenant_id, seen_at) values (${id}, ${tenant}, now())`.execute(db);
  return { id, label: input.label };
}

async function count(db: Kysely<PlatformTables>, table: string, id: string): Promise<number> {
  const column = table === 'applications' ? 'id' : 'application_id';
  return Number((await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)} where ${sql.ref(column)} = ${id}`.execute(db)).rows[0]!.n);
}

test('closed applications are deleted 10 years after a grant and 5 years after another end, with what is attached, in the authority’s journal; open ones and drafts stay', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const now = new Date();
  const person = await createPerson(db, { email: 'demandeuse@example.fr' });
  const make = (label: string, input: Omit<Parameters<typeof application>[1], 'label' | 'now' | 'account'> & { account?: string | null }) =>
    application(db, { label, now, account: person, ...input });

  const gone = [
    await make('accordée il y a 11 ans', { status: 'accepte', decidedYearsAgo: 11, updatedYearsAgo: 11 }),
    await make('refusée il y a 6 ans', { status: 'refuse', decidedYearsAgo: 6, updatedYearsAgo: 6 }),
    // Withdrawn: no decision date, the step that withdrew it counts (its row was touched since).
    await make('retirée il y a 6 ans', { status: 'retire', stepYearsAgo: 6, updatedYearsAgo: 1 }),
    await make('classée il y a 5 ans et un mois', { status: 'classe_sans_suite', decidedYearsAgo: 5.1, updatedYearsAgo: 5.1 }),
    await make('accordée il y a 11 ans, compte supprimé', { account: null, status: 'accepte', decidedYearsAgo: 11, updatedYearsAgo: 11 }),
  ];
  const kept = [
    await make('accordée il y a 9 ans', { status: 'accepte', decidedYearsAgo: 9, updatedYearsAgo: 9 }),
    await make('refusée il y a 4 ans', { status: 'refuse', decidedYearsAgo: 4, updatedYearsAgo: 4 }),
    await make('retirée il y a 3 ans', { status: 'retire', stepYearsAgo: 3, updatedYearsAgo: 3 }),
    await make('en cours depuis 12 ans', { status: 'en_instruction', updatedYearsAgo: 12 }),
    await make('documents demandés depuis 12 ans', { status: 'pieces_demandees', updatedYearsAgo: 12 }),
    await make('brouillon de 12 ans', { status: 'brouillon', updatedYearsAgo: 12 }),
  ];

  assert.equal(await app.platform.jobs.runNow(HOUSEKEEPING_JOB, now), true);
  assert.equal((await sql<{ last_error: string | null }>`select last_error from platform_jobs where name = ${HOUSEKEEPING_JOB}`.execute(db)).rows[0]?.last_error, null);

  for (const made of gone) {
    for (const table of ['applications', 'application_documents', 'application_history', 'application_messages', 'application_annotations', 'application_reads']) {
      assert.equal(await count(db, table, made.id), 0, `${made.label}: ${table} emptied`);
    }
    const journal = await sql<{ tenant_id: string; details: { reference: string; status: string } }>`
      select tenant_id, details from platform_audit where action = 'applications.retention_deleted' and target_id = ${made.id}`.execute(db);
    assert.equal(journal.rows.length, 1, `${made.label}: one row in the journal`);
    assert.equal(journal.rows[0]!.tenant_id, 'brest');
    assert.match(journal.rows[0]!.details.reference, /^BZH-2000-/);
    assert.equal(JSON.stringify(journal.rows[0]!.details).includes('Le Goff'), false, 'nothing of the content in the journal');
  }
  for (const made of kept) assert.equal(await count(db, 'applications', made.id), 1, `${made.label}: kept`);
  assert.equal(await count(db, 'application_documents', kept[0]!.id), 1);

  // Another hour: nothing more to delete, nothing written twice.
  await app.platform.jobs.runNow(HOUSEKEEPING_JOB, new Date(now.getTime() + 3600_000));
  assert.equal(Number((await sql<{ n: string }>`select count(*)::text as n from platform_audit where action = 'applications.retention_deleted'`.execute(db)).rows[0]!.n), gone.length);

  // The privacy page states the rule the purge applies, and the journal names the act in French.
  const page = await app.inject({ url: '/donnees-personnelles' });
  assert.match(page.body, /10 ans après la décision si l’aide est accordée/);
  assert.match(page.body, /close depuis 10 ans \(aide accordée\) ou 5 ans \(autres cas\) est effacée chaque heure/);
});
