// An .xlsx export (SPEC 2.3), written row by row through exceljs's streaming
// WorkbookWriter, so a big ledger is never held whole. The ID and card number
// columns are text cells formatted "@", so that Excel never turns an identity
// number into 1.10105E+17 when the file is edited and saved; dates are real
// date cells (Excel serial days formatted yyyy-mm-dd), so that they sort and
// filter as dates. Text cells need no formula guard: a string cell is never
// evaluated, and the text then round-trips exactly.
import { PassThrough, type Writable } from 'node:stream';
import type { IsoDate } from '../../../core/calendar-date.js';
import { type Column, keepQuotes } from '../ledger-csv.js';
import { DATE_COLUMNS, headerName } from './columns.js';
import { excelSerialOf, parseRosterDate } from './dates.js';

type ExcelJS = typeof import('exceljs');

const TEXT_COLUMNS: ReadonlySet<Column> = new Set(['id', 'card_number']);
const DATE_FORMAT = 'yyyy-mm-dd';

export interface XlsxWriterOptions {
  readonly headers: 'en' | 'zh';
  readonly sheetName?: string;
  /** The workbook's creation time in its properties (the caller's clock, not read here). */
  readonly createdAt: Date;
}

export interface XlsxRosterWriter {
  addRow(row: Partial<Record<Column, string | null>>): void;
  /** Writes the end of the workbook; resolves once the stream has it all. The stream is left open: the caller ends it. */
  finish(): Promise<void>;
}

export async function createXlsxWriter(out: Writable, columns: readonly Column[], options: XlsxWriterOptions): Promise<XlsxRosterWriter> {
  const module = (await import('exceljs')) as ExcelJS & { default?: ExcelJS };
  const excel = module.default ?? module;
  // exceljs ends the stream it is given and waits for its 'finish'; standard output never finishes, so the commit
  // never resolved and the process ran out of work before export's last words (issue 28: the masked-ID warning
  // never came). It writes into a stream of its own, piped into `out` without ending it.
  const zipped = new PassThrough();
  zipped.pipe(out, { end: false });
  const drained = new Promise<void>((resolve, reject) => {
    zipped.on('end', resolve);
    zipped.on('error', reject);
  });
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  workbook.creator = 'sscard';
  workbook.created = options.createdAt;
  workbook.modified = options.createdAt;
  const sheet = workbook.addWorksheet(options.sheetName ?? (options.headers === 'zh' ? '台账' : 'ledger'), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({
    key: column,
    width: column === 'id' ? 22 : DATE_COLUMNS.has(column) ? 12 : 16,
    style: TEXT_COLUMNS.has(column) ? { numFmt: '@' } : DATE_COLUMNS.has(column) ? { numFmt: DATE_FORMAT } : {},
  }));
  sheet.addRow(columns.map((c) => headerName(c, options.headers))).commit();

  return {
    addRow(row) {
      const values = columns.map((column) => {
        const value = row[column];
        if (value === null || value === undefined || value === '') return null;
        const date = DATE_COLUMNS.has(column) ? parseRosterDate(value) : null;
        return date === null ? keepQuotes(value) : excelSerialOf(date as IsoDate);
      });
      const added = sheet.addRow(values);
      columns.forEach((column, i) => {
        const cell = added.getCell(i + 1);
        cell.numFmt = TEXT_COLUMNS.has(column) ? '@' : DATE_COLUMNS.has(column) && typeof values[i] === 'number' ? DATE_FORMAT : cell.numFmt;
      });
      added.commit();
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
      await drained;
    },
  };
}
