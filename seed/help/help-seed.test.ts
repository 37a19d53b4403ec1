import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { HelpTables } from '../../src/modules/help';
import type { TerritoryTables } from '../../src/modules/territories';
import { freshDatabase } from '../../test/support/database';
import { CommuneIndex } from './communes';
import { seedHelpPlaces } from './index';
import { deduplicate, readCandidates, type HelpPlaceRow } from './sources';

test('help places: seeded once from the open data, a second run adds nothing, ids are stable', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const db = database.db.withTables<HelpTables & TerritoryTables>();
  const rows = await db.selectFrom('help_places').selectAll().orderBy('id').execute();
  assert.ok(rows.length > 300 && rows.length < 420, `${rows.length} places`);
  assert.equal(rows.filter((r) => r.kind === 'france_services').length, 32, 'the 32 France Services of Bretagne in 2020');
  assert.equal(await seedHelpPlaces(database.db), false);
  assert.equal((await db.selectFrom('help_places').select('id').execute()).length, rows.length);

  // Deleted places come back with the same ids.
  await db.deleteFrom('help_places').where('source', '=', 'france-services-2020').execute();
  assert.equal(await seedHelpPlaces(database.db), true);
  assert.deepEqual((await db.selectFrom('help_places').select('id').orderBy('id').execute()).map((r) => r.id), rows.map((r) => r.id));

  // Every place is in Bretagne, and a commune code, when given, is an official one.
  const communes = new Set((await db.selectFrom('territory_communes').select('code').execute()).map((c) => c.code));
  for (const row of rows) {
    assert.ok(['22', '29', '35', '56'].includes(row.departement_code), row.name);
    if (row.commune_code) assert.ok(communes.has(row.commune_code), `${row.name}: ${row.commune_code}`);
    assert.match(row.source_date, /^20(19|2\d)-\d{2}-\d{2}$/);
  }
  assert.ok(rows.filter((r) => r.commune_code).length >= rows.length - 2, 'nearly every place has its commune');
});

test('help places: INSEE codes given as postal codes are corrected, duplicates across sources merged', async (t) => {
  const database = await freshDatabase();
  t.after(() => database.close());
  const db = database.db.withTables<HelpTables & TerritoryTables>();
  const communes = await db.selectFrom('territory_communes').select(['code', 'name', 'departement_code', 'postal_codes']).execute();
  const candidates = readCandidates(new CommuneIndex(communes));
  const places = deduplicate(candidates);
  assert.ok(places.length < candidates.length - 20, 'the sources overlap');

  // data·inclusion gives "35162" (Montfort-sur-Meu's INSEE code) as its postal code.
  const montfort = places.find((p) => p.name.startsWith('Eureka Emplois Services') && p.commune_name === 'Montfort-sur-Meu')!;
  assert.equal(montfort.postal_code, '35160');
  assert.equal(montfort.commune_code, '35188');

  // Tréguier's France Services is also a conseiller numérique place: one place, the France Services kept, services joined.
  const treguier = places.filter((p) => /12 rue Lamennais/i.test(p.address) && p.commune_name === 'Tréguier');
  assert.equal(treguier.length, 1);
  assert.equal(treguier[0]!.kind, 'france_services');
  assert.ok(treguier[0]!.services.includes('Prendre en main un ordinateur'));

  // The same conseiller numérique place in both médiation numérique files is kept once.
  const refs = new Set(places.map((p) => p.source_ref));
  const cnfsIds = candidates.filter((c) => c.source === 'conseillers-numeriques-2022-12').map((c) => c.source_ref);
  assert.equal(candidates.filter((c) => c.source === 'data-inclusion-2023-02' && cnfsIds.includes(c.source_ref)).length, 0);
  assert.ok(refs.size > 300);

  // Two different places at the same spot, with different names and no street number, stay apart.
  const combourg = places.filter((p) => p.commune_name === 'Combourg');
  assert.ok(combourg.some((p) => p.kind === 'france_services') && combourg.some((p) => /HAP de Combourg/.test(p.name)));
});

test('deduplicate: a place within 60 m with a similar name or the same address is the same place', () => {
  const base: HelpPlaceRow = {
    kind: 'mediation_numerique', name: 'Médiathèque de Plouguerneau', address: '10 rue du Verger', postal_code: '29880', commune_code: '29195',
    commune_name: 'Plouguerneau', departement_code: '29', latitude: 48.6, longitude: -4.5, phone: null, email: null, website: null,
    opening_hours: null, services: ['Accéder à du matériel'], access_conditions: null, source: 'a', source_ref: '1', source_date: '2022-01-01',
  };
  const near = { latitude: 48.6003, longitude: -4.5 }; // ~33 m north
  const places = deduplicate([
    base,
    { ...base, ...near, name: 'MEDIATHEQUE PLOUGUERNEAU', phone: '02 98 00 00 00', services: ['Prendre en main un ordinateur'], source_ref: '2' },
    { ...base, ...near, name: 'Centre social', address: '10 R DU VERGER', source_ref: '3' },
    { ...base, ...near, name: 'Mairie', address: '1 place de la mairie', source_ref: '4' },
    { ...base, latitude: 48.61, name: 'Médiathèque de Plouguerneau', source_ref: '5' },
  ]);
  assert.deepEqual(places.map((p) => p.source_ref), ['1', '4', '5']);
  assert.equal(places[0]!.phone, '02 98 00 00 00');
  assert.deepEqual(places[0]!.services, ['Accéder à du matériel', 'Prendre en main un ordinateur']);
});
