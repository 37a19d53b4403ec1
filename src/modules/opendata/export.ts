import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { csvCell } from '../../platform/csv';
import type { DatasetDeclaration, DatasetRow, DatasetValue } from '../../platform/open-data';

/** Rows read per query: small enough that a download never holds much, and that on PGlite (one backend) other requests pass between batches. */
export const BATCH = 500;

export type ExportFormat = 'csv' | 'json' | 'geojson';

export const FORMATS: Record<ExportFormat, { label: string; mediaType: string; contentType: string; dcatFormat: string }> = {
  csv: { label: 'CSV', mediaType: 'text/csv', contentType: 'text/csv; charset=utf-8', dcatFormat: 'CSV' },
  json: { label: 'JSON', mediaType: 'application/json', contentType: 'application/json; charset=utf-8', dcatFormat: 'JSON' },
  geojson: { label: 'GeoJSON', mediaType: 'application/geo+json', contentType: 'application/geo+json; charset=utf-8', dcatFormat: 'GEOJSON' },
};

export function formatsOf(declaration: DatasetDeclaration): ExportFormat[] {
  return declaration.geo ? ['csv', 'json', 'geojson'] : ['csv', 'json'];
}

/** Every row of one producer, batch after batch (keyset pagination): never the whole table at once. */
export async function* batchesOf(db: Kysely<PlatformTables>, declaration: DatasetDeclaration, producer: string | null, batch = BATCH): AsyncGenerator<DatasetRow[]> {
  let after: DatasetRow | undefined;
  for (;;) {
    const rows = await declaration.page(db, producer, after, batch);
    if (rows.length > 0) yield rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1];
  }
}

/** A cell as the files write it: dates in ISO 8601, Guichet's paths as full addresses. */
function plain(value: DatasetValue | undefined, publicUrl: string): string | number | boolean | null | string[] {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return [...(value as readonly string[])];
  if (typeof value === 'string' && value.startsWith('/')) return publicUrl + value;
  return value as string | number | boolean;
}

function record(row: DatasetRow, names: readonly string[], publicUrl: string): Record<string, ReturnType<typeof plain>> {
  const out: Record<string, ReturnType<typeof plain>> = {};
  for (const name of names) out[name] = plain(row[name], publicUrl);
  return out;
}

function csvLine(row: DatasetRow, names: readonly string[], publicUrl: string): string {
  return names
    .map((name) => {
      const value = plain(row[name], publicUrl);
      return csvCell(value === null ? '' : Array.isArray(value) ? value.join('|') : String(value));
    })
    .join(',');
}

async function* chunks(db: Kysely<PlatformTables>, declaration: DatasetDeclaration, producer: string | null, format: ExportFormat, publicUrl: string): AsyncGenerator<string> {
  const names = declaration.fields.map((f) => f.name);
  if (format === 'csv') yield `\ufeff${names.map(csvCell).join(',')}\r\n`;
  else if (format === 'json') yield '[';
  else yield '{"type":"FeatureCollection","features":[';
  let first = true;
  for await (const rows of batchesOf(db, declaration, producer)) {
    const parts: string[] = [];
    for (const row of rows) {
      if (format === 'csv') {
        parts.push(`${csvLine(row, names, publicUrl)}\r\n`);
        continue;
      }
      const properties = record(row, names, publicUrl);
      let item: unknown = properties;
      if (format === 'geojson') {
        const { latitude, longitude } = row;
        const point = typeof latitude === 'number' && typeof longitude === 'number' ? { type: 'Point', coordinates: [longitude, latitude] } : null;
        item = { type: 'Feature', geometry: point, properties };
      }
      parts.push(`${first ? '\n' : ',\n'}${JSON.stringify(item)}`);
      first = false;
    }
    yield parts.join('');
  }
  if (format !== 'csv') yield format === 'json' ? '\n]\n' : '\n]}\n';
}

/** The download as a stream: the next batch is read only when the client took the previous one. */
export function exportStream(db: Kysely<PlatformTables>, declaration: DatasetDeclaration, producer: string | null, format: ExportFormat, publicUrl: string): Readable {
  return Readable.from(chunks(db, declaration, producer, format, publicUrl), { objectMode: false, highWaterMark: 64 * 1024 });
}

/**
 * The whole download as one text, for a dataset under one batch (most of them: authorities,
 * licences, one authority's aids): kept and compressed once by the route until its tables change.
 * Bigger ones are streamed (`exportStream`), so that memory stays flat.
 */
export async function exportText(db: Kysely<PlatformTables>, declaration: DatasetDeclaration, producer: string | null, format: ExportFormat, publicUrl: string): Promise<string> {
  const parts: string[] = [];
  for await (const part of chunks(db, declaration, producer, format, publicUrl)) parts.push(part);
  return parts.join('');
}
