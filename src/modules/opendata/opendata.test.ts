/**
 * Issue 16 c.7: the open data catalogue /donnees, each dataset's page (fields, licence, schema.org
 * Dataset) and its downloads in CSV, JSON and GeoJSON, read in keyset batches.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
