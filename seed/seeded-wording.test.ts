import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { freshDatabase } from '../test/support/database';
import { ORIENTATION_SERVICES } from './help/orientation-places';

/**
 * Migrations 0360 and 0361 bring a database seeded before the seed's rewordings up to what the
 * seed writes today, and touch nothing an authority wrote. The database is seeded as today, put
 * back to what the older seed wrote, and the migrations' scripts are run again on it.
 */
const modules = join(import.meta.dirname, '..', 'src', 'modules');
const AIDS_MIGRATION = readFileSync(join(modules, 'aids/migrations/0360_aids_seeded_plain_question.sql'), 'utf8');
const HELP_MIGRATION = readFileSync(join(modules, 'help/migrations/0361_help_seeded_orientation_kinds.sql'), 'utf8');
const NEW_QUESTION = 'L’organisme vous a-t-il déjà dit que vous avez droit à cette aide ?';
const OLD_QUESTION = 'Selon le simulateur de l’organisme, avez-vous droit à cette aide ?';
const OLDER_QUESTION = 'Voulez-vous vérifier votre droit auprès de l’organisme ?';
const OWN_QUESTION = 'Selon le simulateur de l’organisme, avez-vous droit à cette aide ? Dites-le nous.';

test('aids seeded with the old circular question get the plain one; an authority’s own words are kept', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const { db } = database;
  const seeded = (await sql<{ id: string; version: number }>`
    select id, version from aids where strpos(definition::text, ${JSON.stringify(NEW_QUESTION)}) > 0 order by id limit 3`.execute(db)).rows;
  assert.equal(seeded.length, 3, 'the seed writes the plain question in several aids');
  const [old, older, own] = seeded as [typeof seeded[0], typeof seeded[0], typeof seeded[0]];
  const putBack = (id: string, question: string) =>
    sql`update aids set definition = replace(definition::text, ${JSON.stringify(NEW_QUESTION)}, ${JSON.stringify(question)})::jsonb where id = ${id}`.execute(db);
  await putBack(old.id, OLD_QUESTION);
  await putBack(older.id, OLDER_QUESTION);
  await putBack(own.id, OWN_QUESTION);

  await database.runScript(AIDS_MIGRATION);

  const now = async (id: string) => (await sql<{ definition: string; version: number }>`select definition::text as definition, version from aids where id = ${id}`.execute(db)).rows[0]!;
  for (const aid of [old, older]) {
    const row = await now(aid.id);
    assert.ok(row.definition.includes(JSON.stringify(NEW_QUESTION)), `${aid.id} asks the plain question`);
    assert.ok(!row.definition.includes('simulateur') && !row.definition.includes(OLDER_QUESTION), `${aid.id} no longer holds the old one`);
    assert.equal(row.version, aid.version + 1, 'the change is a new version');
    const version = (await sql<{ definition: string; created_by: string | null }>`
      select definition::text as definition, created_by from aids_versions where aid_id = ${aid.id} and version = ${row.version}`.execute(db)).rows[0];
    assert.equal(version?.definition, row.definition, 'the new version holds the new definition');
    assert.equal(version?.created_by, null);
  }
  const kept = await now(own.id);
  assert.ok(kept.definition.includes(JSON.stringify(OWN_QUESTION)), 'the authority’s own question is untouched');
  assert.equal(kept.version, own.version);

  await database.runScript(AIDS_MIGRATION);
  assert.equal((await now(old.id)).version, old.version + 1, 'run again, it changes nothing');
});

test('the three real orientation places seeded before 0330 as « médiation numérique » get their kind, name and services', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const { db } = database;
  const places = (await sql<{ id: string; source_ref: string; kind: string; name: string; services: string[] }>`
    select id, source_ref, kind, name, services from help_places
     where source = 'conseillers-numeriques-2022-12' and kind in ('mission_locale', 'maison_emploi') order by source_ref`.execute(db)).rows;
  assert.equal(places.length, 3);
  const [first, second, third] = places as [typeof places[0], typeof places[0], typeof places[0]];
  // What the seed wrote before 0330: the dataset's kind and name, the digital help only.
  const old = async (id: string, name: string, services: string[]) =>
    sql`update help_places set kind = 'mediation_numerique', name = ${name}, services = ${services}::text[] where id = ${id}`.execute(db);
  const digital = (p: typeof first) => p.services.slice(ORIENTATION_SERVICES[p.kind as 'maison_emploi']!.length);
  await old(first.id, 'Conseiller numérique', digital(first));
  await old(second.id, 'Espace emploi', digital(second));
  await old(third.id, 'Espace emploi', digital(third));
  // An authority took the third over as its own: its row is its own now.
  await sql`update help_places set tenant_id = 'bretagne' where id = ${third.id}`.execute(db);

  await database.runScript(HELP_MIGRATION);

  const now = async (id: string) => (await sql<{ kind: string; name: string; services: string[] }>`select kind, name, services from help_places where id = ${id}`.execute(db)).rows[0]!;
  for (const place of [first, second]) assert.deepEqual(await now(place.id), { kind: place.kind, name: place.name, services: place.services }, `${place.name} is as the seed writes it today`);
  assert.deepEqual(await now(third.id), { kind: 'mediation_numerique', name: 'Espace emploi', services: digital(third) }, 'an authority’s own place is untouched');

  await database.runScript(HELP_MIGRATION);
  assert.deepEqual((await now(first.id)).services, first.services, 'run again, it adds nothing');
});
