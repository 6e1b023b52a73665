// Rows of an .xlsx workbook, streamed (exceljs's WorkbookReader parses the
// sheet's XML as it is unzipped, so memory holds the shared strings, not the
// rows). Loaded only when an .xlsx is read (a dynamic import: esbuild makes it a
// require() run on first use, so a CSV import does not evaluate exceljs).
import type { Readable } from 'node:stream';
import type { Column } from '../ledger-csv.js';
import { DATE_COLUMNS } from './columns.js';
import { excelSerialDate } from './dates.js';
import { RosterFileError } from './problems.js';

export interface XlsxRecord {
  readonly line: number;
  /** Cell values by position (0-based), as exceljs gives them. */
  readonly values: readonly unknown[];
}

type ExcelJS = typeof import('exceljs');

export async function* readXlsx(input: Readable, path: string, sheet: string | undefined, lang: 'en' | 'zh'): AsyncGenerator<XlsxRecord> {
  const module = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  const excel = module.default ?? module;
  const reader = new excel.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  const names: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      names.push(name);
      if (found || (sheet === undefined ? names.length > 1 : name !== sheet)) continue;
      found = true;
      for await (const row of worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }>) {
        yield { line: row.number, values: row.values.slice(1) };
      }
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw new RosterFileError({ kind: 'bad-xlsx', path }, lang);
  }
  if (!found && sheet !== undefined) throw new RosterFileError({ kind: 'sheet-not-found', sheet, sheets: names }, lang);
}

const isoOfUtc = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A cell as the text a CSV would hold: date cells (and numbers in date
 * columns, Excel's serial days) as YYYY-MM-DD, a formula as its result, rich
 * text as its plain text. `isNumber` tells that the cell was a number.
 */
export function xlsxCellText(value: unknown, column: Column): { text: string; isNumber: boolean } {
  if (value === null || value === undefined) return { text: '', isNumber: false };
  if (typeof value === 'string') return { text: value, isNumber: false };
  if (typeof value === 'number') {
    const date = DATE_COLUMNS.has(column) ? excelSerialDate(value) : null;
    // Integers beyond 2^53 print in full rather than in exponent form, like Excel's "0" format.
    const text = date ?? (Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : String(value));
    return { text, isNumber: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', isNumber: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : isoOfUtc(value), isNumber: false };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join(''), isNumber: false };
    if ('result' in v) return xlsxCellText(v.result, column);
    if (typeof v.text === 'string') return { text: v.text, isNumber: false };
    if (typeof v.error === 'string') return { text: v.error, isNumber: false };
  }
  return { text: String(value), isNumber: false };
}
