/** What an import reports of each line of a file, and its counts: shared by the toolkit and its screens. */
export type ImportAction = 'created' | 'updated' | 'unchanged' | 'error';

/** One line of the file, as the report shows it. */
export interface ImportLine {
  line: number;
  id: string;
  /** What the line is called, when the file says it (events). */
  title?: string;
  action: ImportAction;
  errors: Array<{ field: string; message: string }>;
}

export interface ImportCounts {
  lines: number;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
}

/** What the report screen shows of a stored dry run, on the page the query asks (see `reportView`). */
export interface ReportView {
  /** The report's address (its pages add ?page=, ?erreurs=1). */
  base: string;
  fileName: string;
  counts: ImportCounts;
  /** The lines of this page. */
  lines: ImportLine[];
  page: number;
  pages: number;
  onlyErrors: boolean;
  applied: boolean;
}
