/**
 * Import of trainings from an LHEO 2.3 file, in two steps like the aids import: the dry run reads
 * every `<formation>`, checks it (errors in French, with the line of the file), compares it with
 * what exists and stores the report (`trainings_imports`); applying writes the stored, checked
 * trainings all or nothing, in one transaction, and nothing when any formation has an error.
 * Idempotent: an unchanged training is not written again, so the same file twice changes nothing.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/tables';
import { communeCentres } from '../help';
import { jobLabels, orientationDb } from '../orientation';
import { parseLheo, type ParsedRecord } from './lheo';
import type { Training } from './model';
import { dryRunOf, importRuns, type DryRun as ImportDryRun } from '../../platform/imports';
import type { ImportLine } from './tables';
import { canonical, existingOrganismes, existingTrainings, trainingsDb, writeTraining, type TrainingsDb } from './store';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_FORMATIONS = 20_000;

export type ReadFile = { ok: true; records: ParsedRecord[] } | { ok: false; error: string };

export function readImportFile(bytes: Buffer): ReadFile {
  const parsed = parseLheo(bytes.toString('utf8'), (code) => communeCentres().get(code));
  if (parsed.ok && parsed.records.length > MAX_IMPORT_FORMATIONS) return { ok: false, error: `Le fichier contient ${parsed.records.length} formations : ${MAX_IMPORT_FORMATIONS} au plus par import.` };
  return parsed;
}

export type DryRun = ImportDryRun<Training>;
const runs = importRuns<Training>('trainings_imports', 'formations.xml');
/** Keeps a dry run for the second step; returns its id. */
export const storeDryRun = runs.store;
export const importOf = runs.get;

/** Checks every formation against what exists (ids of other tenants, ROME codes, duplicates); writes nothing. */
export async function dryRun(platformDb: Kysely<PlatformTables>, tenantId: string, records: ParsedRecord[]): Promise<DryRun> {
  const db = trainingsDb(platformDb);
  const valid = records.flatMap((r) => (r.value ? [r.value] : []));
  const [existing, organismes, jobs] = await Promise.all([
    existingTrainings(db, [...new Set(records.map((r) => r.id).filter(Boolean))]),
    existingOrganismes(db, [...new Set(valid.map((t) => t.organisme.id))]),
    jobLabels(orientationDb(platformDb), [...new Set(valid.flatMap((t) => t.romeCodes))]),
  ]);
  const seen = new Map<string, number>();
  const seenParts = new Map<string, number>();
  const lines: ImportLine[] = [];
  const items: Training[] = [];
  for (const r of records) {
    const errors = [...r.errors];
    const t = r.value;
    if (r.id && seen.has(r.id)) errors.push({ field: 'formation', message: `Cette formation (numero « ${r.id} ») est déjà à la ligne ${seen.get(r.id)} du fichier.` });
    if (r.id && !seen.has(r.id)) seen.set(r.id, r.line);
    const other = existing.get(r.id);
    if (other && other.tenant_id !== tenantId) errors.push({ field: 'formation', message: 'Ce numero de formation appartient à une autre collectivité : choisissez-en un autre.' });
    if (t) {
      const owner = organismes.get(t.organisme.id);
      if (owner && owner !== tenantId) errors.push({ field: 'organisme-formation-responsable', message: 'Cet organisme a été importé par une autre collectivité : donnez-lui un autre numero.' });
      for (const code of t.romeCodes) if (!jobs.has(code)) errors.push({ field: 'code-ROME', message: `Le code ROME « ${code} » n’existe pas dans le répertoire des métiers (ROME 4.0).` });
      for (const part of [...t.actions.map((a) => a.id), ...t.actions.flatMap((a) => a.sessions.map((s) => s.id))]) {
        if (seenParts.has(part)) errors.push({ field: 'numero', message: `Le numero « ${part} » d’une action ou d’une session est déjà à la ligne ${seenParts.get(part)}.` });
        else seenParts.set(part, r.line);
      }
    }
    if (errors.length || !t) {
      lines.push({ line: r.line, id: r.id, action: 'error', errors });
      continue;
    }
    items.push(t);
    lines.push({ line: r.line, id: r.id, action: !other ? 'created' : other.fingerprint === canonical(t) ? 'unchanged' : 'updated', errors: [] });
  }
  return dryRunOf(lines, items);
}

export type ApplyOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; reason: 'applied' | 'errors' | 'conflict' | 'missing'; detail?: string };

/** Applies a stored dry run, all or nothing; what exists is read again first (it may have changed). */
export async function applyImport(db: TrainingsDb, tenantId: string, importId: string): Promise<ApplyOutcome> {
  const row = await importOf(db, tenantId, importId);
  if (!row) return { ok: false, reason: 'missing' };
  if (row.applied_at) return { ok: false, reason: 'applied' };
  if (!row.items) return { ok: false, reason: 'errors' };
  const items = row.items;
  const existing = await existingTrainings(db, items.map((t) => t.id));
  const taken = items.find((t) => existing.get(t.id) && existing.get(t.id)!.tenant_id !== tenantId);
  if (taken) return { ok: false, reason: 'conflict', detail: `Le numero « ${taken.id} » est maintenant pris par une autre collectivité.` };
  const writes = items.filter((t) => existing.get(t.id)?.fingerprint !== canonical(t));
  const created = writes.filter((t) => !existing.has(t.id)).length;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await runs.markApplied(trx, tenantId, importId))) return false;
    for (const t of writes) await writeTraining(trx, tenantId, t);
    return true;
  });
  if (!applied) return { ok: false, reason: 'applied' };
  return { ok: true, created, updated: writes.length - created, unchanged: items.length - writes.length };
}
