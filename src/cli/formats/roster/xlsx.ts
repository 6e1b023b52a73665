// Rows of an .xlsx workbook, streamed (exceljs's WorkbookReader parses the
// sheet's XML as it is unzipped, so memory holds the shared strings, not the
// rows). Loaded only when an .xlsx is read (a dynamic import: esbuild makes it a
// require() run on first use, so a CSV import does not evaluate exceljs).
import type { Readable } from 'node:stream';
import type { Column } from '../ledger-csv.js';
import { DATE_COLUMNS } from './columns.js';
import { excelSerialDate } from './dates.js';
import { RosterFileError } from './problems.js';
import type { Messages } from '../../text/messages/index.js';

export interface XlsxRecord {
  readonly line: number;
  /** Cell values by position (0-based), as exceljs gives them. */
  readonly values: readonly unknown[];
}

type ExcelJS = typeof import('exceljs');

export async function* readXlsx(input: Readable, path: string, sheet: string | undefined, m: Messages | undefined): AsyncGenerator<XlsxRecord> {
  const module = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  const excel = module.default ?? module;
  // exceljs unpacks a sheet it meets before the shared strings into a temporary file of its own (the `tmp`
  // package, under os.tmpdir()): only ever into sscard's private directory, removed on every exit (issue 29 item 2).
  // TMPDIR is NOT pointed at the private directory: with any TMPDIR other than /tmp, exceljs's reader loses a
  // sheet stored before the shared strings (openpyxl, pandas, write-excel-file write them so; `import` then found
  // no header). Its own temporary files are removed at exit by the `tmp` package (setGracefulCleanup).
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    // Each worksheet's part number (xl/worksheets/sheetN.xml) is announced just before the worksheet: see sheetName.
    entries: 'emit',
  });
  let part: string | null = null;
  (reader as unknown as NodeJS.EventEmitter).on('entry', (entry: { type: string; id?: string }) => {
    if (entry.type === 'worksheet') part = entry.id ?? null;
  });
  const names: string[] = [];
  try {
    for await (const worksheet of reader) {
      const name = sheetName(reader, part) ?? (worksheet as unknown as { name: string }).name;
      names.push(name);
      const rows = worksheet as unknown as AsyncIterable<{ number: number; values: unknown[] }>;
      if (sheet !== undefined && name !== sheet) {
        // A sheet passed over is read through: the workbook is one stream.
        for await (const row of rows) void row;
        continue;
      }
      for await (const row of rows) yield { line: row.number, values: row.values.slice(1) };
      return;
    }
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    throw new RosterFileError({ kind: 'bad-xlsx', path }, m);
  }
  if (sheet !== undefined) throw new RosterFileError({ kind: 'sheet-not-found', sheet, sheets: names }, m);
}

/**
 * The name workbook.xml gives the sheet stored in xl/worksheets/sheet<part>.xml,
 * found through workbook.xml.rels. exceljs compares a relationship's target
 * with "worksheets/sheetN.xml" as written, and openpyxl (so pandas too) writes
 * it absolute, "/xl/worksheets/sheetN.xml": exceljs then names every sheet
 * "SheetN" and `--sheet 花名册` found nothing (issue 28). Null when the
 * workbook's parts are not read yet (a sheet stored before them, parsed on
 * the way): exceljs's own name stands.
 */
function sheetName(reader: unknown, part: string | null): string | null {
  const { workbookRels, model } = reader as { workbookRels?: { Id: string; Target: string }[]; model?: { sheets?: { rId: string; name: string }[] } };
  if (part === null || !workbookRels || !model?.sheets) return null;
  const rel = workbookRels.find((r) => r.Target.replace(/^\/?(xl\/)?/, '') === `worksheets/sheet${part}.xml`);
  return model.sheets.find((sheet) => sheet.rId === rel?.Id)?.name ?? null;
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
    const text = date ?? excelNumberText(value);
    return { text, isNumber: true };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', isNumber: false };
  if (value instanceof Date) return { text: Number.isNaN(value.getTime()) ? '' : isoOfUtc(value), isNumber: false };
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return { text: v.richText.map((r) => r.text).join(''), isNumber: false };
    if ('result' in v) return xlsxCellText(v.result, column);
    if ('formula' in v || 'sharedFormula' in v) return { text: '', isNumber: false }; // never calculated: no cached result
    if (typeof v.text === 'string') return { text: v.text, isNumber: false };
    if (typeof v.error === 'string') return { text: v.error, isNumber: false };
  }
  return { text: String(value), isNumber: false };
}

/**
 * A number as Excel shows it in a "0" format: 15 significant digits, the rest
 * zeros (an 18-digit ID in a number cell reads 110105194912310000, not the
 * double's exact 110105194912310016), and no exponent form.
 */
export function excelNumberText(value: number): string {
  if (!Number.isInteger(value) || Math.abs(value) < 1e15 || Math.abs(value) >= 1e21) return String(value);
  const [mantissa, exponent] = value.toExponential(14).split('e') as [string, string];
  const digits = mantissa.replace('-', '').replace('.', '');
  return (value < 0 ? '-' : '') + digits.padEnd(Number(exponent) + 1, '0');
}
