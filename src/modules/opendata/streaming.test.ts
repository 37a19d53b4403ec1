/**
 * Issue 16 « Must hold »: a full download streams. 100,000 help places (about 60 MB of CSV) are
 * read over real HTTP while the live JS heap is sampled after forced garbage collections: it
 * must stay far below the file's size (a buffered export would hold the whole file at once).
 * Memory, not time, is asserted.
 */
import assert from 'node:assert/strict';
import { get } from 'node:http';
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { sql } from 'kysely';
import { buildListeningTestApp } from '../../../test/support/app';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const ROWS = 100_000;
const MB = 1024 * 1024;

test('a 100,000-line CSV export keeps the live heap flat (bounded far below the file size)', { timeout: 900_000 }, async (t) => {
  const { app, origin } = await buildListeningTestApp(t);
  const hours = 'Du lundi au vendredi de 9 h à 12 h et de 14 h à 17 h 30, sauf les jours fériés. '.repeat(6);
  await sql`insert into help_places (id, kind, name, address, postal_code, commune_code, commune_name, departement_code, latitude, longitude, opening_hours, services, source, source_ref, source_date)
    select md5('flux-' || i)::uuid, 'mediation_numerique', 'Lieu de test ' || i, i || ' rue de la Donnée', '35000', '35238', 'Rennes', '35', 48.1, -1.68, ${hours}, '{}', 'test-flux', 'flux-' || i, '2026-01-01'
    from generate_series(1, ${ROWS}) as i`.execute(app.platform.db);

  gc();
  const baseline = process.memoryUsage().heapUsed;
  let bytes = 0;
  let lines = 0;
  let nextSample = 4 * MB;
  const samples: number[] = [];
  await new Promise<void>((resolve, reject) => {
    get(`${origin}/donnees/lieux-aide.csv`, (response) => {
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        if (bytes >= nextSample) {
          nextSample += 4 * MB;
          gc();
          samples.push(process.memoryUsage().heapUsed - baseline);
        }
      });
      response.on('end', resolve);
      response.on('error', reject);
    }).on('error', reject);
  });

  assert.ok(lines > ROWS, `${lines} lines`);
  assert.ok(bytes > 50 * MB, `${(bytes / MB).toFixed(1)} MB downloaded`);
  assert.ok(samples.length >= 10, `${samples.length} samples`);
  const peak = Math.max(...samples);
  t.diagnostic(`downloaded ${(bytes / MB).toFixed(1)} MB; live heap growth peak ${(peak / MB).toFixed(1)} MB over ${samples.length} samples`);
  assert.ok(peak < 16 * MB, `the live heap grew by ${(peak / MB).toFixed(1)} MB while streaming ${(bytes / MB).toFixed(1)} MB`);
});
