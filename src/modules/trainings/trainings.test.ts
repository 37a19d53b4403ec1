/**
 * Issue 15 b: the demo trainings (generated, marked), the faceted search with distance, a
 * training's page (sessions, costs, side costs, financing, demo mention), the JSON and LHEO
 * exports, the LHEO import (dry run, French report, idempotent, all or nothing), the index
 * (type « formation ») and the job sheet's trainings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { buildTestApp } from '../../../test/support/app';
import { applyImport, dryRun, readImportFile, storeDryRun } from './import';
import { toLheo } from './lheo';
import { findTrainingsInMemory } from './memory-index';
import { findTrainings } from './search-store';
import { readTraining, trainingsDb } from './store';

test('trainings: demo seed, search with facets and distance, page with financing, exports, LHEO import, index, job sheet', async (t) => {
  const { app } = await buildTestApp(t);
  const db = app.platform.db;
  const tdb = trainingsDb(db);
  const n = Number((await sql<{ n: string }>`select count(*) as n from trainings_formations where demo`.execute(db)).rows[0]!.n);
  assert.ok(n >= 2000, `${n} demo trainings`);
  const indexed = Number((await sql<{ n: string }>`select count(*) as n from search_documents where type = 'formation'`.execute(db)).rows[0]!.n);
  assert.equal(indexed, n);

  // The list: near Lorient, facets as selects with counts, every hit within 30 km.
  const list = await app.inject({ method: 'GET', url: '/orientation/formations?commune=Lorient' });
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /formations? à 30 km au plus de Lorient/);
  assert.match(list.body, /Donnée de démonstration/);
  assert.match(list.body, /<select[^>]*name="niveau"/);
  const kms = [...list.body.matchAll(/\((moins de 1|\d+) km\)/g)].map((m) => (m[1] === 'moins de 1' ? 0 : Number(m[1])));
  assert.ok(kms.length > 0 && kms.every((k) => k <= 30) && kms.join() === [...kms].sort((a, b) => a - b).join(), 'nearest first, within the radius');
  const first = /href="\/orientation\/formations\/(demo-\d+)"/.exec(list.body)![1]!;

  // The in-memory index answers as the SQL does (totals, facets, order of the hits, later pages).
  const rome = (await sql<{ code: string }>`select rome_codes[1] as code from trainings_actions where latitude > 48 group by 1 order by count(*) desc limit 1`.execute(db)).rows[0]!.code;
  for (const filter of [
    { words: [], near: { latitude: 47.7482, longitude: -3.3702, radiusKm: 30 } },
    { words: [], financer: 'cpf', from: '2027-03-01', to: '2027-09-30' },
    { words: ['cap'], level: 4, modality: 'presentiel' },
    { words: [], near: { latitude: 48.0689, longitude: -2.9628, radiusKm: 60 }, from: '2027-03-01', to: '2027-09-30', page: 2 },
    { words: [], rome, near: { latitude: 48.1113, longitude: -1.6800, radiusKm: 60 } },
    { words: [], financer: 'opco', page: 3 },
  ]) {
    const p = ('page' in filter ? filter.page : undefined) ?? 1;
    const [inSql, inMemory] = [await findTrainings(tdb, filter, p, 10), await findTrainingsInMemory(db, filter, p, 10)];
    assert.ok(inMemory, 'the change feed is live in tests');
    assert.equal(inMemory.total, inSql.total);
    assert.ok(inSql.hits.length > 0, JSON.stringify(filter));
    assert.deepEqual(inMemory.facets.niveau, inSql.facets.niveau);
    assert.deepEqual(inMemory.facets.modalite, inSql.facets.modalite);
    assert.deepEqual(inMemory.facets.financement, inSql.facets.financement);
    assert.deepEqual(inMemory.facets.metier, inSql.facets.metier);
    // The same order (ties between equal distances and dates may fall either way: collations differ).
    const order = (hits: typeof inSql.hits) => hits.map((h) => `${h.distance === null ? '' : h.distance.toFixed(1)}|${h.next_start}`);
    assert.deepEqual(order(inMemory.hits), order(inSql.hits));
  }

  // Bad filters: the message next to the field, 422.
  for (const [q, message] of [
    ['niveau=12', /Ce niveau n’existe pas/],
    ['du=2027-02-30', /AAAA-MM-JJ/],
    ['du=2027-13-01', /AAAA-MM-JJ/],
    ['au=2027-01-01&du=2027-02-01', /avant la date/],
    ['metier=Z9999', /Ce métier n’existe pas/],
    ['commune=Xyzzyqwv', /commune/],
  ] as const) {
    const r = await app.inject({ method: 'GET', url: `/orientation/formations?${q}` });
    assert.equal(r.statusCode, 422, q);
    assert.match(r.body, message);
    assert.match(r.body, /field__error/);
  }

  // A training's page: sessions, costs, side costs, financing aids, national schemes, exports.
  const page = await app.inject({ method: 'GET', url: `/orientation/formations/${first}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Donnée de démonstration/);
  assert.match(page.body, /Où et quand/);
  assert.match(page.body, /Les frais autour de la formation/);
  assert.match(page.body, /Les aides qui peuvent payer la formation/);
  assert.match(page.body, /href="\/aides\/[^"]+"/);
  assert.match(page.body, /Connectez-vous/);
  assert.equal((await app.inject({ method: 'GET', url: '/orientation/formations/nope-1' })).statusCode, 404);
  const json = await app.inject({ method: 'GET', url: `/orientation/formations/${first}.json` });
  assert.equal(json.json().formation.mention, 'Donnée de démonstration');
  const xml = await app.inject({ method: 'GET', url: `/orientation/formations/${first}.xml` });
  assert.match(xml.body, /<lheo xmlns="http:\/\/lheo.gouv.fr\/2.3">/);
  assert.match(xml.body, /<extra info="donnee-de-demonstration">oui<\/extra>/);

  // LHEO round trip: the export of a training, renamed, imports; twice changes nothing.
  const training = (await readTraining(tdb, first))!;
  const { tenantId: _t, ...model } = training;
  const mine = { ...model, id: 'essai-1', demo: false, organisme: { ...model.organisme, id: 'org-essai' }, actions: model.actions.map((a) => ({ ...a, id: 'essai-1-a1', sessions: a.sessions.map((s, i) => ({ ...s, id: `essai-1-s${i + 1}` })) })) };
  const file = Buffer.from(toLheo([mine]));
  const parsed = readImportFile(file);
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.records[0]!.errors, []);
  assert.deepEqual(parsed.records[0]!.value, mine, 'LHEO export then import gives the same training');
  const run = await dryRun(db, 'bretagne', parsed.records);
  assert.deepEqual(run.counts, { lines: 1, created: 1, updated: 0, unchanged: 0, errors: 0 });
  const id = await storeDryRun(tdb, { tenantId: 'bretagne', actorId: null, fileName: 'essai.xml', bytes: file, run });
  assert.deepEqual(await applyImport(tdb, 'bretagne', id), { ok: true, created: 1, updated: 0, unchanged: 0 });
  assert.deepEqual((await applyImport(tdb, 'bretagne', id)), { ok: false, reason: 'applied' });
  const again = await dryRun(db, 'bretagne', parsed.records);
  assert.equal(again.counts.unchanged, 1);
  assert.equal((await app.inject({ method: 'GET', url: '/orientation/formations/essai-1' })).statusCode, 200);

  // All or nothing: one bad formation, nothing written; the report in French, with its line.
  const bad = Buffer.from(toLheo([{ ...mine, id: 'essai-2', actions: mine.actions.map((a) => ({ ...a, id: 'essai-2-a1', sessions: a.sessions.map((s, i) => ({ ...s, id: `essai-2-s${i}` })) })) }, { ...mine, id: 'essai-3', romeCodes: ['Z0000'] }]).replace('<intitule-formation>', '<intitule-formation>X'));
  const badParsed = readImportFile(bad);
  assert.ok(badParsed.ok);
  const badRun = await dryRun(db, 'bretagne', badParsed.records);
  assert.equal(badRun.items, null);
  assert.ok(badRun.lines.some((l) => l.action === 'error' && l.line > 1 && l.errors.some((e) => /code ROME/.test(e.message))));
  assert.deepEqual(await applyImport(tdb, 'bretagne', await storeDryRun(tdb, { tenantId: 'bretagne', actorId: null, fileName: 'bad.xml', bytes: bad, run: badRun })), { ok: false, reason: 'errors' });
  assert.equal(await readTraining(tdb, 'essai-2'), undefined);
  // Another tenant may not take the id.
  const foreign = await dryRun(db, 'brest', parsed.records);
  assert.match(foreign.lines[0]!.errors.map((e) => e.message).join(), /autre collectivité/);
  assert.deepEqual(readImportFile(Buffer.from('<pas-lheo/>')), { ok: false, error: 'Ce fichier n’est pas au format LHEO : son élément racine doit être <lheo>.' });

  // The job sheet lists its trainings, nearest first from a commune, with the aids.
  const job = training.romeCodes[0]!;
  const sheet = await app.inject({ method: 'GET', url: `/orientation/metiers/${job}?commune=Lorient` });
  assert.equal(sheet.statusCode, 200);
  assert.match(sheet.body, /les plus proches de Lorient d’abord/);
  assert.doesNotMatch(sheet.body, /ne sont pas encore sur Guichet/);
  assert.match(sheet.body, new RegExp(`href="/orientation/formations\\?metier=${job}&amp;commune=Lorient"`));
});
