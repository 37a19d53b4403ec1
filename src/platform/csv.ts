/** CSV for spreadsheets (RFC 4180, UTF-8 with a byte-order mark so that Excel reads the accents). */
export function csvCell(value: string): string {
  // A leading =, +, - or @ would be run as a formula by spreadsheets: neutralised.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One header line (the columns), then one line per record. */
export function csvDocument(columns: readonly string[], lines: ReadonlyArray<Record<string, string>>): string {
  const body = lines.map((line) => columns.map((c) => csvCell(line[c] ?? '')).join(','));
  return `\ufeff${[columns.map(csvCell).join(','), ...body].join('\r\n')}\r\n`;
}
