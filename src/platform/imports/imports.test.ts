// The wiring every import route shares: the file sent (or the French message beside the field),
// and the report's view of a stored dry run on the page the query asks.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportTitle, reportView, sentFile, uploadOptions, type ImportLine } from './index';

test('the file sent: missing, too heavy (the limit in Mo), or its bytes with the name it had', () => {
  assert.deepEqual(sentFile({}, 1024, 'Choisissez un fichier CSV.'), { ok: false, error: 'Choisissez un fichier CSV.' });
  assert.deepEqual(sentFile({ fichier: Buffer.alloc(0) }, 1024, 'Choisissez un fichier CSV.'), { ok: false, error: 'Choisissez un fichier CSV.' });
  assert.deepEqual(sentFile({ fichier: 'pas un fichier' }, 1024, 'Choisissez.'), { ok: false, error: 'Choisissez.' });
  assert.deepEqual(sentFile({ fichier: Buffer.alloc(5 * 1024 * 1024 + 1) }, 5 * 1024 * 1024, 'x'), { ok: false, error: 'Le fichier est trop lourd : 5 Mo au plus.' });
  const bytes = Object.assign(Buffer.from('id;nom'), { uploadedName: 'lieux-brest.csv' });
  assert.deepEqual(sentFile({ fichier: bytes }, 1024, 'x'), { ok: true, bytes, fileName: 'lieux-brest.csv' });
  assert.equal((sentFile({ fichier: Buffer.from('x') }, 1024, 'x') as { fileName?: string }).fileName, undefined, 'no name: the module gives its own');
  assert.deepEqual(uploadOptions({ guard: 'g' }, 100), { guard: 'g', multipartOptions: { limits: { fileSize: 101, files: 1 }, throwFileSizeLimit: false } });
});

test('the report’s view: the page asked, the errors only, the counts, applied or not; the title says the page', () => {
  const lines: ImportLine[] = Array.from({ length: 45 }, (_, i) => ({ line: i + 2, id: `l${i}`, action: i % 10 === 0 ? 'error' : 'created', errors: [] }));
  const run = { file_name: 'aides.csv', counts: { lines: 45, created: 40, updated: 0, unchanged: 0, errors: 5 }, lines, applied_at: null };
  const second = reportView(run, { page: '2' }, '/admin/t/brest/aides/import/1');
  assert.deepEqual({ ...second, lines: second.lines.length }, { base: '/admin/t/brest/aides/import/1', fileName: 'aides.csv', counts: run.counts, lines: 20, page: 2, pages: 3, onlyErrors: false, applied: false });
  assert.equal(second.lines[0]!.id, 'l20');
  assert.equal(reportTitle('Vérification de l’import', second), 'Vérification de l’import, page 2 sur 3');
  const errors = reportView({ ...run, applied_at: new Date() }, { erreurs: '1', page: '9' }, '/b');
  assert.deepEqual([errors.lines.length, errors.page, errors.pages, errors.onlyErrors, errors.applied], [5, 1, 1, true, true]);
  assert.equal(reportTitle('Vérification de l’import', errors), 'Vérification de l’import');
  assert.equal(reportView(run, undefined, '/b').page, 1);
});
