/**
 * Import of a tenant's aids (docs/aid-format.md, « Import »): a JSON array of aids in the format
 * (or the open export as is), or a CSV with the documented columns. Step 1, the dry run: every
 * line is read and checked by `checkAid` (the editor's check), compared with what exists, and the
 * report is stored (`aids_imports`). Step 2 applies the stored, checked definitions, all or
 * nothing, in one short transaction; nothing is written when any line has an error. Idempotent:
 * an unchanged aid is not written again (no new version), so the same file twice changes nothing.
 */
import { parse } from 'csv-parse/sync';
import { aidFromFiche, type FicheValues } from './editor-form';
import type { Aid } from './format';
import { canonical, existingByIds, writeAid, type AidsDb } from './store';
import { dryRunOf, importRuns, type DryRun as ImportDryRun } from '../../platform/imports';
import type { ImportLine } from './tables';
import { checkAid, fieldLabel } from './validate';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_LINES = 20_000;

export const CSV_COLUMNS = [
  'id', 'nom', 'resume', 'description', 'porteur', 'type_porteur', 'siren_porteur', 'contact_url', 'contact_courriel', 'contact_telephone', 'contact_adresse',
  'publics', 'themes', 'types_aide', 'montant', 'montant_min', 'montant_max', 'montant_unite', 'montant_periode', 'montant_note', 'territoire', 'permanente',
  'date_ouverture', 'date_cloture', 'recurrence', 'pieces', 'lien', 'lien_demande', 'verifiee_le', 'conditions', 'source_jeu', 'source_reference', 'source_url',
] as const;

interface Record_ {
  line: number;
  value?: unknown;
  errors?: Array<{ field: string; message: string }>;
}

export type ParsedFile = { ok: true; format: 'json' | 'csv'; records: Record_[] } | { ok: false; error: string };

const splitList = (v: string) => v.split('|').map((x) => x.trim()).filter(Boolean);

/** One CSV line as a definition (through the editor's mapping, so both read fields alike). */
function csvRecord(row: Record<string, string>, line: number): Record_ {
  const g = (k: string) => (row[k] ?? '').trim();
  let eligibility: unknown;
  const conditions = g('conditions');
  if (!conditions) return { line, errors: [{ field: 'conditions', message: 'La colonne « conditions » est obligatoire : l’arbre des conditions en JSON.' }] };
  try {
    eligibility = JSON.parse(conditions);
  } catch {
    return { line, errors: [{ field: 'conditions', message: 'La colonne « conditions » n’est pas du JSON valide (vérifiez les guillemets et les accolades).' }] };
  }
  const territory = g('territoire');
  const permanent = g('permanente').toLowerCase();
  const fiche: FicheValues = {
    id: g('id'), name: g('nom'), summary: g('resume'), description: g('description'), porteur_name: g('porteur'), porteur_kind: g('type_porteur'), porteur_siren: g('siren_porteur'),
    contact_url: g('contact_url'), contact_email: g('contact_courriel'), contact_phone: g('contact_telephone'), contact_address: g('contact_adresse'),
    audiences: splitList(g('publics')), themes: splitList(g('themes')), aid_types: splitList(g('types_aide')),
    amount_value: g('montant'), amount_min: g('montant_min'), amount_max: g('montant_max'), amount_unit: g('montant_unite') || '€', amount_period: g('montant_periode') || 'once', amount_note: g('montant_note'),
    territory: territory.toLowerCase() === 'national' || territory === 'FR' ? '' : splitList(territory).map((a) => a.split(':').join(' ')).join('\n'),
    permanent: permanent === 'oui' || permanent === 'true', opening: g('date_ouverture'), closing: g('date_cloture'), recurrence: g('recurrence'), documents: splitList(g('pieces')).join('\n'),
    link: g('lien'), apply_url: g('lien_demande'), last_verified: g('verifiee_le'), source_dataset: g('source_jeu'), source_reference: g('source_reference'), source_url: g('source_url'),
  };
  if (permanent && !['oui', 'non', 'true', 'false'].includes(permanent)) return { line, errors: [{ field: 'permanente', message: 'Écrivez « oui » ou « non ».' }] };
  return { line, value: aidFromFiche(fiche, eligibility, {}) };
}

/** Reads the uploaded file: JSON (array, or the export's object with `aides`) or CSV. */
export function parseImportFile(bytes: Buffer, name: string, tenantId: string): ParsedFile {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const first = text.trimStart()[0];
  if (/\.json$/i.test(name) || first === '[' || first === '{') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      return { ok: false, error: `Le fichier n’est pas du JSON valide : ${(e as Error).message.replace(/^Unexpected/, 'caractère inattendu')}.` };
    }
    const items = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { aides?: unknown }).aides) ? (data as { aides: unknown[] }).aides : undefined;
    if (!items) return { ok: false, error: 'Le fichier JSON doit contenir un tableau d’aides (entre crochets), ou l’export de Guichet (avec « aides »).' };
    if (items.length > MAX_IMPORT_LINES) return { ok: false, error: `Le fichier contient ${items.length} aides : ${MAX_IMPORT_LINES} au plus par import.` };
    return {
      ok: true,
      format: 'json',
      records: items.map((item, i) => {
        if (item && typeof item === 'object' && !Array.isArray(item) && 'collectivite' in item) {
          const { collectivite, ...rest } = item as Record<string, unknown>;
          if (collectivite !== tenantId) return { line: i + 1, errors: [{ field: 'collectivite', message: `Cette aide est publiée par « ${String(collectivite)} », pas par votre collectivité.` }] };
          return { line: i + 1, value: rest };
        }
        return { line: i + 1, value: item };
      }),
    };
  }
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = header.split(';').length > header.split(',').length ? ';' : ',';
  let rows: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    rows = parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, info: true, bom: true }) as typeof rows;
  } catch (e) {
    return { ok: false, error: `Le fichier CSV ne peut pas être lu : ${(e as Error).message}` };
  }
  const columns = header.split(delimiter).map((c) => c.replace(/^"|"$/g, '').trim());
  const missing = ['id', 'nom', 'conditions'].filter((c) => !columns.includes(c));
  if (missing.length) return { ok: false, error: `Colonnes manquantes dans la première ligne du CSV : ${missing.join(', ')}. Les colonnes sont décrites dans la documentation du format.` };
  const unknown = columns.filter((c) => c && !(CSV_COLUMNS as readonly string[]).includes(c));
  if (unknown.length) return { ok: false, error: `Colonnes inconnues : ${unknown.join(', ')}.` };
  if (rows.length > MAX_IMPORT_LINES) return { ok: false, error: `Le fichier contient ${rows.length} lignes : ${MAX_IMPORT_LINES} au plus par import.` };
  return { ok: true, format: 'csv', records: rows.map((r) => csvRecord(r.record, r.info.lines)) };
}

export type DryRun = ImportDryRun<Aid>;
const runs = importRuns<Aid>('aids_imports', 'fichier');
export const importOf = runs.get;

/** Checks every line and compares it with what exists; writes nothing. */
export async function dryRun(db: AidsDb, tenantId: string, records: Record_[]): Promise<DryRun> {
  const ids = records.map((r) => (r.value && typeof r.value === 'object' ? (r.value as { id?: unknown }).id : undefined)).filter((x): x is string => typeof x === 'string');
  const existing = await existingByIds(db, [...new Set(ids)]);
  const seen = new Map<string, number>();
  const lines: ImportLine[] = [];
  const items: Aid[] = [];
  for (const r of records) {
    const id = r.value && typeof r.value === 'object' && typeof (r.value as { id?: unknown }).id === 'string' ? (r.value as { id: string }).id : '';
    const errors = r.errors ?? checkAid(r.value).map((e) => ({ field: fieldLabel(e.path), message: e.message }));
    if (id && seen.has(id)) errors.push({ field: 'identifiant', message: `Cet identifiant est déjà à la ligne ${seen.get(id)} du fichier.` });
    if (id && !seen.has(id)) seen.set(id, r.line);
    const other = id ? existing.get(id) : undefined;
    if (other && other.tenant_id !== tenantId) errors.push({ field: 'identifiant', message: 'Cet identifiant appartient à une autre collectivité : choisissez-en un autre.' });
    if (errors.length) {
      lines.push({ line: r.line, id, action: 'error', errors });
      continue;
    }
    const aid = r.value as Aid;
    items.push(aid);
    const action = !other ? 'created' : canonical(other.definition) === canonical(aid) ? 'unchanged' : 'updated';
    lines.push({ line: r.line, id, action, errors: [] });
  }
  return dryRunOf(lines, items);
}

/** Keeps a dry run for the second step; returns its id. */
export function storeDryRun(db: AidsDb, input: { tenantId: string; actorId: string | null; fileName: string; format: 'json' | 'csv'; bytes: Buffer; run: DryRun }): Promise<string> {
  return runs.store(db, { ...input, extra: { file_format: input.format } });
}

export type ApplyOutcome = { ok: true; created: number; updated: number; unchanged: number } | { ok: false; reason: 'applied' | 'errors' | 'conflict'; detail?: string };

/**
 * Applies a stored dry run, all or nothing: what exists is read again (it may have changed since
 * the dry run), then one transaction writes every created or changed aid. New aids are drafts;
 * changed ones keep their status.
 */
export async function applyImport(db: AidsDb, tenantId: string, importId: string, actorId: string | null): Promise<ApplyOutcome> {
  const row = await importOf(db, tenantId, importId);
  if (!row) return { ok: false, reason: 'conflict', detail: 'Cet import n’existe pas.' };
  if (row.applied_at) return { ok: false, reason: 'applied' };
  if (!row.items) return { ok: false, reason: 'errors' };
  const items = row.items;
  const existing = await existingByIds(db, items.map((a) => a.id));
  const taken = items.find((a) => existing.get(a.id) && existing.get(a.id)!.tenant_id !== tenantId);
  if (taken) return { ok: false, reason: 'conflict', detail: `L’identifiant « ${taken.id} » est maintenant pris par une autre collectivité.` };
  const writes = items.filter((a) => !existing.has(a.id) || canonical(existing.get(a.id)!.definition) !== canonical(a));
  const created = writes.filter((a) => !existing.has(a.id)).length;
  const applied = await db.transaction().execute(async (trx) => {
    if (!(await runs.markApplied(trx, tenantId, importId))) return false;
    for (const aid of writes) {
      const before = existing.get(aid.id);
      await writeAid(trx, { tenantId, status: before?.status ?? 'draft', aid, actorId }, before?.version);
    }
    return true;
  });
  if (!applied) return { ok: false, reason: 'applied' };
  return { ok: true, created, updated: writes.length - created, unchanged: items.length - writes.length };
}
