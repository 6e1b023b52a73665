// Rows of an .xlsx workbook (SPEC 2.3), read by sscard's own reader (issue 29
// items 2 and 8). A workbook is a zip of XML parts (ECMA-376 Part 1 for the
// parts, Part 2 (OPC) for the package). The parts are read from the FILE by
// random access (yauzl reads the zip's central directory and opens a part at
// its offset), so their order in the zip does not matter: openpyxl, pandas and
// write-excel-file store the sheets first, Excel last. Read in this order: the
// workbook and its relationships (the sheets' names, the 1904 date system),
// the styles (which cells are dates), the shared strings, then the chosen
// sheet, whose XML is parsed (saxes) as it is inflated, row by row.
//
// Nothing is written to disk (exceljs's reader unpacked a sheet it met before
// the shared strings into os.tmpdir(), outside sscard's private directory, and
// lost it when TMPDIR was not /tmp). Memory holds the shared strings (bounded:
// xlsx-limits.ts), the sheet list, the date styles and one inflated chunk; no
// part is inflated past its declared size (yauzl checks the bytes it inflates
// against the size the central directory declares), and no declared size past
// the limits.
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import type { Column } from '../ledger-csv.js';
import { DATE_COLUMNS } from './columns.js';
import { excelSerialDate } from './dates.js';
import { RosterFileError } from './problems.js';
import { checkHeldPart, checkPartSizes, COLUMN_LIMIT, NODE_LIMIT, PARTS_LIMIT, ROW_TEXT_LIMIT, SHARED_STRINGS_COUNT_LIMIT } from './xlsx-limits.js';

/** A cell as the reader gives it: text, a number, a boolean, a date cell, or empty. */
export type XlsxValue = string | number | boolean | Date | null;

export interface XlsxRecord {
  /** The row's number in the sheet (1-based). */
  readonly line: number;
  /** Cell values by column (0-based: A is 0); a column with no cell is null. */
  readonly values: readonly XlsxValue[];
}

/** One parsed tag: its name without a namespace prefix (x:row is row), and its attributes as written. */
interface Handlers {
  open?(name: string, attributes: Readonly<Record<string, string>>): void;
  close?(name: string): void;
  text?(text: string): void;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The part it points at, as a path inside the zip (no leading slash). */
  readonly target: string;
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/** A relationship's target as a path inside the zip: absolute ("/xl/worksheets/sheet1.xml", as openpyxl writes) or relative to the source part's folder. */
export function resolveTarget(folder: string, target: string): string {
  const segments = target.startsWith('/') ? [] : folder.split('/').filter((s) => s !== '');
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}

const folderOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);
const relsOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

/** The column of a cell reference (A1 -> 0, XFD7 -> 16383), or -1 when it is not one. */
export function columnOf(reference: string): number {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i) | 0x20; // lower case
    if (code < 0x61 || code > 0x7a) break;
    column = column * 26 + (code - 0x60);
    if (column > COLUMN_LIMIT) return -1;
  }
  return i === 0 ? -1 : column - 1;
}

/**
 * Whether a number format shows a date or a time, as exceljs decided it (its
 * isDateFmt: any of y m d h s b outside quotes and brackets), so a date cell
 * reads as before; the built-in formats by id (ECMA-376 Part 1, 18.8.30):
 * 14-22 and 45-47, and 27-36 and 50-58, the East Asian dates (year, month, day in Chinese characters).
 */
function isDateFormat(id: number, custom: ReadonlyMap<number, string>): boolean {
  const code = custom.get(id);
  if (code !== undefined) return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/**
 * A date cell's value as exceljs gave it (a count of days from 1899-12-30;
 * 1904-01-01 in the 1904 system), so that rows read as before. Excel's own
 * count differs by a day before 1900-03-01 (its 1900-02-29): no roster date.
 */
function dateOfSerial(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

export async function* readXlsx(file: string, sheet: string | undefined, onBytes?: (n: number) => void): AsyncGenerator<XlsxRecord> {
  const bad = () => new RosterFileError({ kind: 'bad-xlsx', path: file });
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await openZip(file);
    if (zip.entryCount > PARTS_LIMIT) throw bad();
    const entries = await entriesOf(zip);
    // Every part's declared size, before anything is inflated.
    checkPartSizes(entries.map((e) => ({ name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize })));
    const opened = zip;
    const parts = new Map(entries.map((e) => [e.fileName.toLowerCase(), e]));
    // Part names compare without case (OPC, ECMA-376 Part 2, 9.1.1.1); a target may be percent-encoded.
    const partOf = (name: string) => parts.get(name.toLowerCase()) ?? parts.get(decoded(name).toLowerCase());
    /** A part parsed whole (the workbook's own parts): false when the zip has no such part. */
    const readPart = async (name: string, handlers: Handlers): Promise<boolean> => {
      const entry = partOf(name);
      if (entry === undefined) return false;
      checkHeldPart(entry.fileName, entry.uncompressedSize);
      for await (const _ of parsePart(opened, entry, handlers, bad)) void _;
      return true;
    };

    // The package's relationships name the workbook part; xl/workbook.xml where there are none.
    const root = await relationships(readPart, '_rels/.rels');
    const workbookPart = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
    const book = await workbookOf(readPart, workbookPart);
    if (book === null) throw bad();
    const related = new Map((await relationships(readPart, relsOf(workbookPart))).map((r) => [r.id, r]));
    const worksheets = book.sheets.flatMap((s) => {
      const r = related.get(s.id);
      return r?.type.endsWith('/worksheet') ? [{ name: s.name, part: r.target }] : [];
    });
    const chosen = sheet === undefined ? worksheets[0] : worksheets.find((w) => w.name === sheet);
    if (chosen === undefined) {
      if (sheet !== undefined) throw new RosterFileError({ kind: 'sheet-not-found', sheet, sheets: worksheets.map((w) => w.name) });
      return; // no sheet at all: an empty file
    }
    const sheetEntry = partOf(chosen.part);
    if (sheetEntry === undefined) throw bad();
    const targetOf = (type: string) => [...related.values()].find((r) => r.type.endsWith(type))?.target;
    const styles = targetOf('/styles');
    const dates = styles === undefined ? [] : await dateStyles(readPart, styles);
    const strings = targetOf('/sharedStrings');
    const shared = strings === undefined ? [] : await sharedStrings(readPart, strings);

    onBytes?.(Math.max(0, fileSizeOf(zip) - sheetEntry.compressedSize));
    const perByte = sheetEntry.uncompressedSize > 0 ? sheetEntry.compressedSize / sheetEntry.uncompressedSize : 0;
    yield* rows(opened, sheetEntry, { shared, dates, date1904: book.date1904 }, bad, (n) => onBytes?.(n * perByte));
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    // The file could not be read (read.ts says so with its code); anything else is a damaged or crafted workbook.
    if (typeof (error as NodeJS.ErrnoException).syscall === 'string') throw error;
    throw bad();
  } finally {
    zip?.close();
  }
}

function decoded(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function fileSizeOf(zip: yauzl.ZipFile): number {
  return (zip as unknown as { fileSize?: number }).fileSize ?? 0;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes (the default): a part that inflates past its declared size is an error, found as it inflates.
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (error, zip) => (error || !zip ? reject(error) : resolve(zip)));
  });
}

function entriesOf(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('/')) found.push(entry); // a folder's own entry
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.on('error', reject);
    zip.readEntry();
  });
}

function openPart(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))));
}

/**
 * A part's XML parsed as it is inflated, yielding after each inflated chunk
 * (the caller passes on what the handlers gathered). More than NODE_LIMIT bytes
 * without a tag or a text (one endless text or attribute) is refused by
 * `tooLong`, so the parser never holds more.
 */
async function* parsePart(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  handlers: Handlers,
  tooLong: () => Error,
  onInflated?: (n: number) => void,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false });
  let sinceEvent = 0;
  parser.on('opentag', (tag) => {
    sinceEvent = 0;
    handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => {
    sinceEvent = 0;
    handlers.close?.(localName(tag.name));
  });
  const text = (t: string) => {
    sinceEvent = 0;
    handlers.text?.(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  const stream = await openPart(zip, entry);
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onInflated?.(chunk.length);
      sinceEvent += chunk.length;
      parser.write(decoder.write(chunk));
      if (sinceEvent > NODE_LIMIT) throw tooLong();
      yield;
    }
    parser.write(decoder.end());
    parser.close();
  } finally {
    stream.destroy();
  }
}

type ReadPart = (name: string, handlers: Handlers) => Promise<boolean>;

/** A part's relationships (OPC): none when it has no .rels part. External targets (links) are left out. */
async function relationships(readPart: ReadPart, relsPart: string): Promise<Relationship[]> {
  // A .rels part sits in _rels/ beside its source; targets are relative to the source's folder.
  const folder = folderOf(relsPart).replace(/_rels\/$/, '');
  const found: Relationship[] = [];
  await readPart(relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || a.TargetMode === 'External' || a.Id === undefined || a.Target === undefined) return;
      found.push({ id: a.Id, type: a.Type ?? '', target: resolveTarget(folder, a.Target) });
    },
  });
  return found;
}

/** The workbook's sheets in tab order (name, relationship id) and its date system; null when the part is missing. */
async function workbookOf(readPart: ReadPart, part: string): Promise<{ sheets: { name: string; id: string }[]; date1904: boolean } | null> {
  const sheets: { name: string; id: string }[] = [];
  let date1904 = false;
  const found = await readPart(part, {
    open(name, a) {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet' || a.name === undefined) return;
      // The relationship id is r:id, whatever the prefix bound to the relationships namespace.
      const id = Object.entries(a).find(([key]) => key.includes(':') && localName(key) === 'id')?.[1];
      if (id !== undefined) sheets.push({ name: a.name, id });
    },
  });
  return found ? { sheets, date1904 } : null;
}

/** For each cell style (cellXfs, by index), whether its number format is a date. */
async function dateStyles(readPart: ReadPart, part: string): Promise<boolean[]> {
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await readPart(part, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId !== undefined) formats.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => isDateFormat(id, formats));
}

/**
 * The shared strings (sst), each as its plain text: the runs of rich text
 * joined, phonetic guides (rPh) left out. Refused past SHARED_STRINGS_COUNT_LIMIT
 * strings: a part of a few MB of empty strings made exceljs hold 6 M objects.
 */
async function sharedStrings(readPart: ReadPart, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let phonetic = 0;
  await readPart(part, {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 'rPh') phonetic++;
      else if (name === 't') inText = current !== null && phonetic === 0;
    },
    text(t) {
      if (inText) current += t;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current !== null) {
        if (strings.length >= SHARED_STRINGS_COUNT_LIMIT) throw new RosterFileError({ kind: 'xlsx-too-many-strings', limit: SHARED_STRINGS_COUNT_LIMIT });
        strings.push(current);
        current = null;
      }
    },
  });
  return strings;
}

interface SheetContext {
  readonly shared: readonly string[];
  readonly dates: readonly boolean[];
  readonly date1904: boolean;
}

interface Cell {
  readonly column: number;
  /** t: s (shared string), inlineStr, str (a formula's text), b, e (error), d (ISO date), n (number, the default). */
  readonly type: string;
  readonly style: number;
  /** The <v> text; null when the cell has none (a formula never calculated). */
  value: string | null;
  /** An inline string's text (<is>). */
  inline: string | null;
}

/** The chosen sheet's rows, in file order, as they are parsed. */
async function* rows(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  context: SheetContext,
  bad: () => RosterFileError,
  onInflated: (n: number) => void,
): AsyncGenerator<XlsxRecord> {
  let pending: XlsxRecord[] = [];
  let line = 0;
  let values: XlsxValue[] | null = null;
  let rowText = 0;
  let column = -1;
  let cell: Cell | null = null;
  let into: 'value' | 'inline' | null = null;
  let phonetic = 0;
  const cellValue = (c: Cell): XlsxValue => {
    const v = c.value;
    switch (c.type) {
      case 's': {
        if (v === null) return null;
        const text = context.shared[Number(v)];
        if (text === undefined) throw bad(); // a string the workbook does not have
        return text;
      }
      case 'inlineStr':
        return c.inline ?? v;
      case 'str': // a formula's text result
      case 'e': // an error, as Excel shows it (#N/A)
        return v;
      case 'b':
        return v === null ? null : Number(v) !== 0;
      case 'd': {
        // ISO 8601 (ECMA-376 Part 1, 18.17.4); without a zone, as UTC, so that the machine's zone never moves it.
        if (v === null) return null;
        const date = new Date(/T[\d:.]+$/.test(v) ? `${v}Z` : v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default: {
        if (v === null || v.trim() === '') return null;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return context.dates[c.style] ? dateOfSerial(n, context.date1904) : n;
      }
    }
  };
  const tooLong = () => new RosterFileError({ kind: 'line-too-long', line: Math.max(line, 1) });
  const handlers: Handlers = {
    open(name, a) {
      switch (name) {
        case 'row': {
          const r = a.r === undefined ? line + 1 : Number(a.r);
          if (!Number.isSafeInteger(r) || r < 1) throw bad();
          line = r;
          values = [];
          column = -1;
          rowText = 0;
          break;
        }
        case 'c': {
          if (values === null) break;
          column = a.r === undefined ? column + 1 : columnOf(a.r);
          if (column < 0 || column >= COLUMN_LIMIT) throw bad();
          cell = { column, type: a.t ?? 'n', style: a.s === undefined ? 0 : Number(a.s), value: null, inline: null };
          break;
        }
        case 'v':
          if (cell !== null) {
            cell.value = '';
            into = 'value';
          }
          break;
        case 'is':
          if (cell !== null) cell.inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell !== null && cell.inline !== null && phonetic === 0) into = 'inline';
          break;
      }
    },
    text(t) {
      if (into === null || cell === null) return;
      rowText += t.length;
      if (rowText > ROW_TEXT_LIMIT) throw tooLong();
      if (into === 'value') cell.value += t;
      else cell.inline += t;
    },
    close(name) {
      switch (name) {
        case 'v':
        case 't':
          into = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (cell !== null && values !== null) {
            while (values.length < cell.column) values.push(null); // a column with no cell
            values[cell.column] = cellValue(cell);
          }
          cell = null;
          into = null;
          break;
        case 'row':
          if (values !== null) pending.push({ line, values });
          values = null;
          break;
      }
    },
  };
  for await (const _ of parsePart(zip, entry, handlers, tooLong, onInflated)) {
    if (pending.length === 0) continue;
    const ready = pending;
    pending = [];
    yield* ready;
  }
  yield* pending;
}

const isoOfUtc = (d: Date): string => d.toISOString().slice(0, 10);

/**
 * A cell as the text a CSV would hold: date cells (and numbers in date
 * columns, Excel's serial days) as YYYY-MM-DD, booleans as TRUE and FALSE.
 * `isNumber` tells that the cell was a number.
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
