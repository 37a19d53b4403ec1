/**
 * Issue 16 c.7: the open data catalogue /donnees, each dataset's page (fields, licence, schema.org
 * Dataset) and its downloads in CSV, JSON and GeoJSON, read in keyset batches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { buildTestApp } from '../../../test/support/app';
import { BATCH } from './export';

test('/donnees lists every declared dataset; a dataset page documents it and links its downloads and the API', async (t) => {
  const { app } = await buildTestApp(t);
  const page = await app.inject({ url: '/donnees' });
  assert.equal(page.statusCode, 200);
  for (const slug of ['aides--bretagne', 'lieux-aide', 'collectivites', 'pages-actualites--brest', 'recherches-sans-resultat', 'formations', 'fiches-metiers', 'evenements-orientation--lorient']) {
    assert.match(page.body, new RegExp(`href="/donnees/${slug}"`), slug);
  }
  assert.match(page.body, /href="\/donnees\/catalogue\.jsonld"/);

  const places = await app.inject({ url: '/donnees/lieux-aide' });
  assert.equal(places.statusCode, 200);
  assert.match(places.body, /Licence Ouverte 2\.0/);
  assert.match(places.body, /<code>code_commune<\/code>/);
  assert.match(places.body, /href="\/donnees\/lieux-aide\.geojson"/);
  assert.match(places.body, /href="\/api\/v1\/donnees\/lieux-aide"/);
  const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(places.body)![1]!) as Record<string, unknown>;
  assert.equal(ld['@type'], 'Dataset');
  assert.equal((ld.distribution as unknown[]).length, 3);

  assert.equal((await app.inject({ url: '/donnees/nimporte-quoi' })).statusCode, 404);
  assert.equal((await app.inject({ url: '/donnees/fiches-metiers.geojson' })).statusCode, 404, 'no GeoJSON without coordinates');
  assert.equal((await app.inject({ url: '/donnees/fiches-metiers--brest' })).statusCode, 404, 'a platform dataset has no per-tenant part');
  const api = await app.inject({ url: '/api/v1/donnees/aides--bretagne' });
  assert.equal(api.statusCode, 200);
  assert.equal(api.json().licence.id, 'lo-2.0');
  const missing = await app.inject({ url: '/api/v1/donnees/rien' });
  assert.equal(missing.statusCode, 404);
  assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
});

test('downloads: CSV, JSON and GeoJSON with their types and file names, every row across several batches, paths as full addresses', async (t) => {
  const { app } = await buildTestApp(t);
  const jobs = await app.inject({ url: '/donnees/fiches-metiers.csv' });
  assert.equal(jobs.statusCode, 200);
  assert.equal(jobs.headers['content-type'], 'text/csv; charset=utf-8');
  assert.equal(jobs.headers['content-disposition'], 'attachment; filename="fiches-metiers.csv"');
  const lines = jobs.body.trimEnd().split('\r\n');
  assert.equal(lines[0], '\ufeffcode,intitule,domaine,domaine_intitule,grand_domaine,reglemente,page');
  const meta = (await app.inject({ url: '/api/v1/donnees/fiches-metiers' })).json() as { lignes: number };
  assert.ok(meta.lignes > BATCH, 'the job sheets take more than one batch');
  assert.equal(lines.length - 1, meta.lignes);
  const codes = lines.slice(1).map((l) => l.split(',')[0]!);
  assert.equal(new Set(codes).size, codes.length, 'no row twice across batches');
  assert.match(lines[1]!, /,http:\/\/[^,]+\/orientation\/metiers\/A\d{4}$/);

  const json = await app.inject({ url: '/donnees/aides--bretagne.json' });
  assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
  const aids = json.json() as Array<Record<string, unknown>>;
  assert.ok(aids.length > 0);
  assert.ok(Array.isArray(aids[0]!.territoires));

  const geo = await app.inject({ url: '/donnees/lieux-aide.geojson' });
  assert.equal(geo.headers['content-type'], 'application/geo+json; charset=utf-8');
  const collection = geo.json() as { type: string; features: Array<{ geometry: { type: string; coordinates: number[] } | null; properties: Record<string, unknown> }> };
  assert.equal(collection.type, 'FeatureCollection');
  const located = collection.features.find((f) => f.geometry);
  assert.ok(located);
  assert.deepEqual(located.geometry!.coordinates, [located.properties.longitude, located.properties.latitude]);
});

test('a dataset under one batch is kept whole and compressed until its table changes; a bigger one is streamed', async (t) => {
  const { app } = await buildTestApp(t);
  const ask = (url: string) => app.inject({ url, headers: { 'accept-encoding': 'br' } });
  const first = await ask('/donnees/collectivites.csv');
  assert.equal(first.statusCode, 200);
  assert.equal(first.headers['content-encoding'], 'br', 'kept: compressed once');
  assert.equal(first.headers['content-disposition'], 'attachment; filename="collectivites.csv"');
  assert.equal(first.headers['content-type'], 'text/csv; charset=utf-8');
  const text = (response: { rawPayload: Buffer }) => brotliDecompressSync(response.rawPayload).toString('utf8');
  assert.match(text(first), /^\ufeffid,/);
  assert.ok(text(first).includes('Ville de Brest'));
  assert.deepEqual((await ask('/donnees/collectivites.csv')).rawPayload, first.rawPayload);

  // As the back office does when an authority's identity changes: the directory is read again.
  await app.platform.db.updateTable('platform_tenants').set({ name: 'Ville de Brest (Finistère)' }).where('id', '=', 'brest').execute();
  await app.platform.tenants.load();
  assert.ok(text(await ask('/donnees/collectivites.csv')).includes('Ville de Brest (Finistère)'), 'the change shows at once');

  // A dataset read from tables: kept until one of them changes.
  const places = await ask('/donnees/lieux-aide.csv');
  assert.equal(places.headers['content-encoding'], 'br');
  await app.platform.db.withTables<{ help_places: { id: string; name: string } }>().updateTable('help_places').set({ name: 'France Services de la presqu’île' }).where('id', '=', (await app.platform.db.withTables<{ help_places: { id: string } }>().selectFrom('help_places').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id).execute();
  assert.ok(text(await ask('/donnees/lieux-aide.csv')).includes('France Services de la presqu’île'));

  const big = await ask('/donnees/fiches-metiers.csv');
  assert.equal(big.headers['content-encoding'], undefined, 'streamed as it is read');
});
