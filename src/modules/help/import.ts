/**
 * CSV import of an authority's places (docs/orientation.md, « Import CSV des lieux »), like the
 * aids' import: step 1, the dry run, reads and checks every line (the back-office form's check),
 * compares it with the places that exist (by `identifiant`, unique per authority) and stores the
 * report; step 2 applies the stored, checked places all or nothing in one transaction, and nothing
 * is written while a line has an error. Idempotent: an unchanged place is not written again.
 */
import { parse } from 'csv-parse/sync';
import { placesByExternalIds, samePlace, writePlace } from './admin-store';
import { checkPlace, PLACE_COLUMNS, PLACE_LABELS, placeFields, type CommuneLookup, type PlaceColumn } from './place-input';
import type { helpDb } from './store';
import { dryRunOf, importRuns, type DryRun as ImportDryRun } from '../../platform/imports';
import type { ImportLine, PlaceInput } from './tables';

type Db = ReturnType<typeof helpDb>;

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_LINES = 5_000;
const REQUIRED: PlaceColumn[] = ['identifiant', 'type', 'nom', 'code_postal', 'commune'];

export type ParsedFile = { ok: true; rows: Array<{ line: number; fields: Record<string, string> }> } | { ok: false; error: string };

/** Reads the CSV (« ; » or « , » between columns, UTF-8, first line the column names). */
export function parsePlacesCsv(bytes: Buffer): ParsedFile {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) return { ok: false, error: 'Le fichier n’est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » puis déposez-le à nouveau.' };
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true, bom: true }) as typeof rows;
  } catch (e) {
    return { ok: false, error: `Le fichier CSV ne peut pas être lu : ${(e as Error).message}` };
  }
  const columns = header.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim());
  const missing = REQUIRED.filter((c) => !columns.includes(c));
  if (missing.length) return { ok: false, error: `Colonnes manquantes dans la première ligne du CSV : ${missing.join(', ')}. Les colonnes sont décrites dans la documentation.` };
  const unknown = columns.filter((c) => c && !(PLACE_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { ok: false, error: `Colonnes inconnues : ${unknown.join(', ')}. Les colonnes possibles : ${PLACE_COLUMNS.join(', ')}.` };
  if (rows.length === 0) return { ok: false, error: 'Le fichier ne contient aucun lieu sous la ligne des colonnes.' };
  if (rows.length > MAX_IMPORT_LINES) return { ok: false, error: `Le fichier contient ${rows.length} lignes : ${MAX_IMPORT_LINES} au plus par import.` };
  return { ok: true, rows: rows.map((r) => ({ line: r.info.lines, fields: r.record })) };
}

export type DryRun = ImportDryRun<PlaceInput>;
const runs = importRuns<PlaceInput>('help_place_imports', 'lieux.csv');
/** Keeps a dry run for the second step; returns its id. */
export const storeDryRun = runs.store;
export const importOf = runs.get;

/** Checks every line and compares it with the authority's places; writes nothing. */
export async function dryRun(db: Db, tenantId: string, rows: Array<{ line: number; fields: Record<string, string> }>, communes: CommuneLookup): Promise<DryRun> {
  const fields = rows.map((r) => ({ line: r.line, fields: placeFields(r.fields) }));
  const existing = await placesByExternalIds(db, tenantId, [...new Set(fields.map((f) => f.fields.identifiant).filter(Boolean))]);
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  const items: PlaceInput[] = [];
  for (const { line, fields: f } of fields) {
    const checked = checkPlace(f, communes, { requireId: true });
    const errors = checked.ok ? [] : Object.entries(checked.errors).map(([field, message]) => ({ field: PLACE_LABELS[field as PlaceColumn] ?? field, message }));
    const id = f.identifiant;
    if (id && seen.has(id)) errors.push({ field: PLACE_LABELS.identifiant, message: `Cet identifiant est déjà à la ligne ${seen.get(id)} du fichier.` });
    else if (id) seen.set(id, line);
    if (!checked.ok || errors.length) {
      lines.push({ line, id, action: 'error', errors });
      continue;
    }
    items.push(checked.place);
    const before = existing.get(id);
    lines.push({ line, id, action: !before ? 'created' : samePlace(before, checked.place) ? 'unchanged' : 'updated', errors: [] });
  }
  return dryRunOf(lines, items);
}

export type ApplyOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; reason: 'missing' | 'applied' | 'errors' };

/** Applies a stored dry run, all or nothing; what exists is read again (it may have changed since). */
export async function applyImport(db: Db, tenantId: string, importId: string): Promise<ApplyOutcome> {
  const row = await importOf(db, tenantId, importId);
  if (!row) return { ok: false, reason: 'missing' };
  if (row.applied_at) return { ok: false, reason: 'applied' };
  if (!row.items) return { ok: false, reason: 'errors' };
  const items = row.items;
  let created = 0;
  let updated = 0;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await runs.markApplied(trx, tenantId, importId))) return false;
    const existing = await placesByExternalIds(trx, tenantId, items.map((p) => p.external_id));
    for (const place of items) {
      const before = existing.get(place.external_id);
      if (before && samePlace(before, place)) continue;
      await writePlace(trx, tenantId, place, before?.id);
      if (before) updated += 1;
      else created += 1;
    }
    return true;
  });
  if (!applied) return { ok: false, reason: 'applied' };
  return { ok: true, created, updated, unchanged: items.length - created - updated };
}
