// CSV as `export` writes it (SPEC 2.3): UTF-8 with a BOM, so that Excel on
// Chinese Windows opens it as UTF-8 rather than as GBK; RFC 4180 quoting with
// CRLF record ends; the formula guard on every cell; headers in English or,
// with --headers zh, the Chinese names import accepts back.
import { type Column, FORMULA_START, neutralise, QUOTED_FORMULA } from '../ledger-csv.js';
import { headerName } from './columns.js';

export const UTF8_BOM = '\uFEFF';
const EOL = '\r\n';

/** One cell: the formula guard, then quotes where the cell holds a comma, quote or line break. */
export function csvCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Most cells (numbers, dates, names) need neither: one test decides (a million rows of 21 cells).
  if (!NEEDS_CARE.test(value)) return value;
  const cell = neutralise(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** A formula's first character (the guard) or a character that needs quotes. */
const NEEDS_CARE = new RegExp(`${FORMULA_START.source}|${QUOTED_FORMULA.source}|[",\\r\\n]`);

/** One record: cells joined by commas, by concatenation (an export's rows are mostly empty cells; map and join were a tenth of it, issue 31). */
export function csvRecord(values: readonly (string | null | undefined)[]): string {
  let record = values.length === 0 ? '' : csvCell(values[0]);
  for (let i = 1; i < values.length; i++) {
    const value = values[i];
    record += value === null || value === undefined ? ',' : `,${csvCell(value)}`;
  }
  return record + EOL;
}

/** The file's first text: the BOM and the header record. */
export function csvHeader(columns: readonly Column[], headers: 'en' | 'zh'): string {
  return UTF8_BOM + csvRecord(columns.map((c) => headerName(c, headers)));
}

export function csvRow(columns: readonly Column[], row: Partial<Record<Column, string | null>>): string {
  return csvRecord(columns.map((c) => row[c]));
}
