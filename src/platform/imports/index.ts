/**
 * The import toolkit shared by the modules that load files into Guichet (aids, trainings, agenda
 * events, help places). Every import is two steps: a dry run checks each line of the file against
 * what exists and writes nothing but its report; the agent reads the report, then « Appliquer »
 * writes everything or nothing. Each module brings its parser, its checks and its apply step;
 * this toolkit keeps the shape of the report, stores dry runs in the module's own table (same
 * columns everywhere, `<module>_imports`) and marks a run applied exactly once.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import { uploadedName } from '../http/multipart';
import type { ImportAction, ImportCounts, ImportLine, ReportView } from './report';

export type { ImportAction, ImportCounts, ImportLine, ReportView } from './report';

/** A checked file: its report, and the items to write — none when one line has an error (all or nothing). */
export interface DryRun<Item> {
  counts: ImportCounts;
  lines: ImportLine[];
  items: Item[] | null;
}

/** The dry run of checked lines and the items of the lines without error. */
export function dryRunOf<Item>(lines: ImportLine[], items: Item[]): DryRun<Item> {
  const count = (action: ImportAction) => lines.filter((l) => l.action === action).length;
  const counts: ImportCounts = { lines: lines.length, created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors: count('error') };
  return { counts, lines, items: counts.errors ? null : items };
}

/** The columns of every `<module>_imports` table (the aids' one adds `file_format`). */
export interface ImportsTable<Item> {
  id: string;
  tenant_id: string;
  created_by: string | null;
  created_at: Generated<Date>;
  file_name: string;
  file_hash: string;
  counts: ColumnType<ImportCounts, string, string>;
  lines: ColumnType<ImportLine[], string, string>;
  items: ColumnType<Item[] | null, string | null, string | null>;
  applied_at: Date | null;
}

export interface StoredImport<Item> {
  id: string;
  tenant_id: string;
  created_by: string | null;
  created_at: Date;
  file_name: string;
  file_hash: string;
  counts: ImportCounts;
  lines: ImportLine[];
  items: Item[] | null;
  applied_at: Date | null;
}

type AnyDb = Kysely<any> | Transaction<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type RunsDb<Item> = Kysely<Record<string, ImportsTable<Item>>>;

/** The dry runs of one module, in its table; `defaultFileName` names a file sent without a name. */
export function importRuns<Item>(table: string, defaultFileName: string) {
  const runs = (db: AnyDb) => db as unknown as RunsDb<Item>;
  return {
    /** Keeps a dry run for the second step; returns its id. `extra`: the module's own columns. */
    async store(db: AnyDb, input: { tenantId: string; actorId: string | null; fileName: string; bytes: Buffer; run: DryRun<Item>; extra?: Record<string, string> }): Promise<string> {
      const id = randomUUID();
      await runs(db)
        .insertInto(table)
        .values({
          id,
          tenant_id: input.tenantId,
          created_by: input.actorId,
          file_name: input.fileName.slice(0, 200) || defaultFileName,
          file_hash: createHash('sha256').update(input.bytes).digest('hex'),
          counts: JSON.stringify(input.run.counts),
          lines: JSON.stringify(input.run.lines),
          items: input.run.items ? JSON.stringify(input.run.items) : null,
          ...input.extra,
        })
        .execute();
      return id;
    },

    /** A tenant's dry run (undefined for another tenant's, or an id that is not one). */
    async get(db: AnyDb, tenantId: string, id: string): Promise<StoredImport<Item> | undefined> {
      if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
      const row = await runs(db).selectFrom(table).selectAll().where('id', '=', id).where('tenant_id', '=', tenantId).executeTakeFirst();
      return row as StoredImport<Item> | undefined;
    },

    /** Inside the apply step's transaction: marks the run applied; false when it already was (a second click, another agent). */
    async markApplied(trx: AnyDb, tenantId: string, id: string): Promise<boolean> {
      const marked = await runs(trx).updateTable(table).set({ applied_at: new Date() }).where('id', '=', id).where('tenant_id', '=', tenantId).where('applied_at', 'is', null).executeTakeFirst();
      return Number(marked.numUpdatedRows) === 1;
    },
  };
}

/** Lines of a report shown per page. */
export const REPORT_LINES_PER_PAGE = 20;

/**
 * The page of a stored report asked by the query (`?page=N`, `?erreurs=1` for the lines in error
 * only): the lines to show, the page (brought back within range) and the number of pages.
 */
export function reportPage(lines: readonly ImportLine[], query: Record<string, unknown>): { onlyErrors: boolean; lines: ImportLine[]; page: number; pages: number } {
  const onlyErrors = query.erreurs === '1';
  const all = onlyErrors ? lines.filter((l) => l.action === 'error') : lines;
  const pages = Math.max(1, Math.ceil(all.length / REPORT_LINES_PER_PAGE));
  const asked = typeof query.page === 'string' && /^\d{1,5}$/.test(query.page) ? Math.max(1, Number(query.page)) : 1;
  const page = Math.min(pages, asked);
  return { onlyErrors, lines: all.slice((page - 1) * REPORT_LINES_PER_PAGE, page * REPORT_LINES_PER_PAGE), page, pages };
}
/**
 * The report screen's view of a stored dry run: the page of lines the query asks, the counts, the
 * file's name and whether it was applied — every prop of `ImportReport` but the module's words.
 */
export function reportView(run: Pick<StoredImport<unknown>, 'file_name' | 'counts' | 'lines' | 'applied_at'>, query: unknown, base: string): ReportView {
  const { onlyErrors, lines, page, pages } = reportPage(run.lines, (query ?? {}) as Record<string, unknown>);
  return { base, fileName: run.file_name, counts: run.counts, lines, page, pages, onlyErrors, applied: run.applied_at !== null };
}

/** « Vérification de l’import, page 2 sur 3 »: a report page's title says which page it is. */
export function reportTitle(title: string, view: Pick<ReportView, 'page' | 'pages'>): string {
  return view.pages > 1 ? `${title}, page ${view.page} sur ${view.pages}` : title;
}

/** The route options of an import's upload: one file, read up to a byte past the limit so that a heavier one is told apart. */
export function uploadOptions<Config extends object>(config: Config, maxBytes: number): Config & { multipartOptions: object } {
  return { ...config, multipartOptions: { limits: { fileSize: maxBytes + 1, files: 1 }, throwFileSizeLimit: false } };
}

/**
 * The file an import form sent (field `fichier`) with the name it had on the agent's machine, or
 * the French message for the field: `missing` when there is none, too heavy past `maxBytes`.
 */
export function sentFile(body: unknown, maxBytes: number, missing: string): { ok: true; bytes: Buffer; fileName: string | undefined } | { ok: false; error: string } {
  const file = (body as Record<string, unknown> | undefined)?.fichier;
  if (!Buffer.isBuffer(file) || file.length === 0) return { ok: false, error: missing };
  if (file.length > maxBytes) return { ok: false, error: `Le fichier est trop lourd : ${formatMegabytes(maxBytes)} Mo au plus.` };
  return { ok: true, bytes: file, fileName: uploadedName(file) || undefined };
}

function formatMegabytes(bytes: number): string {
  return String(Math.round((bytes / (1024 * 1024)) * 10) / 10).replace('.', ',');
}

export { ImportFileForm, ImportReport, type ImportNoun } from './views';
