// openRoster: the rows of the file an HR department has (SPEC 2.3), streamed,
// whatever its form: .xlsx or delimited text (.csv, .tsv, .txt, or - for
// standard input) in UTF-8 or GB18030, with English or Chinese headers. Each
// row comes with its cells by column, as text, and the line it starts on.
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Column } from '../ledger-csv.js';
import { type Header, resolveHeader } from './columns.js';
import { idDamage, type IdDamage } from './damaged-id.js';
import { decodeRoster, type RosterEncoding } from './decode.js';
import { type Delimiter, parseDelimited } from './delimited.js';
import { MAX_LINE, RosterFileError, type RosterProblem } from './problems.js';
import type { RosterProgress } from './progress.js';

export interface RosterRow {
  /** The line (xlsx: the row number) the row starts on. */
  readonly line: number;
  readonly cells: Partial<Record<Column, string>>;
  /** The id cell as Excel damaged it, to report instead of an invalid number. */
  readonly idDamage: IdDamage | null;
}

export interface Roster {
  readonly format: 'xlsx' | 'text';
  /** Each position's column, or null where the header cell is not a known column. */
  readonly columns: readonly (Column | null)[];
  /** Header cells not recognised, as written: the caller names them once. */
  readonly unknownColumns: readonly string[];
  /** The line (xlsx: row) the header was read from. */
  readonly headerLine: number;
  /** Each known column's header as the file writes it (参保登记日期, not registered_on): what a message about a cell names. */
  readonly headerNames: Readonly<Partial<Record<Column, string>>>;
  /** Rows above the header were passed over (a title above it, as many 花名册 have): the caller says which line it used. */
  readonly headerBelowTitle: boolean;
  /** The rows in file order, in pages (a text file's: one per chunk read; a workbook's: WORKBOOK_PAGE rows): a caller steps once per page, not per row. */
  readonly pages: AsyncIterable<RosterRow[]>;
  /** Ends reading early (the file is closed when `pages` is read to the end or fails). */
  close(): Promise<void>;
}

export interface RosterOptions {
  /** xlsx: the sheet to read; the first when not given. */
  readonly sheet?: string;
  /** The header's line (xlsx: row), 1-based; otherwise the first of the first HEADER_SEARCH non-blank rows that names the id column. */
  readonly headerRow?: number;
  /** Standard input, for `-` (process.stdin when not given). */
  readonly stdin?: NodeJS.ReadableStream;
  /** Called every PROGRESS_EVERY rows and once at the end. */
  readonly onProgress?: (progress: RosterProgress) => void;
  /** Text files: what was detected (for --json and messages). */
  readonly onDetected?: (detected: { encoding: RosterEncoding; delimiter: Delimiter }) => void;
}

export const PROGRESS_EVERY = 1000;

/**
 * Non-blank rows looked at for the header. A roster often has a merged title
 * (XX公司员工花名册), a date line or a blank line above its header; its
 * header is the first row naming the id column (issue 28).
 */
export const HEADER_SEARCH = 10;

/** A workbook's rows come one by one from its reader; they are passed on in pages of this many. */
const WORKBOOK_PAGE = 1000;

const TEXT_EXTENSIONS = new Set(['.csv', '.tsv', '.txt']);

interface RawRecord {
  readonly line: number;
  readonly values: readonly unknown[];
}

/**
 * The file's kind and size, from its metadata alone: a device or a FIFO is
 * refused before anything opens it (opening a FIFO for reading blocks until a
 * writer comes; /dev/zero never ends).
 */
export function checkSource(source: string): { format: 'xlsx' | 'text'; size: number | null } {
  if (source === '-') return { format: 'text', size: null };
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch (error) {
    throw new RosterFileError({ kind: 'unreadable', path: source, code: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (!stat.isFile()) {
    const what = stat.isDirectory()
      ? 'directory'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? 'device'
        : stat.isFIFO()
          ? 'fifo'
          : stat.isSocket()
            ? 'socket'
            : 'other';
    throw new RosterFileError({ kind: 'not-a-regular-file', path: source, what });
  }
  const extension = path.extname(source).toLowerCase();
  if (extension === '.xlsx') return { format: 'xlsx', size: stat.size };
  if (TEXT_EXTENSIONS.has(extension)) return { format: 'text', size: stat.size };
  throw new RosterFileError({ kind: 'unknown-format', path: source });
}

function openStream(source: string, stdin: NodeJS.ReadableStream | undefined): Readable | NodeJS.ReadableStream {
  if (source === '-') return stdin ?? process.stdin;
  const stream = fs.createReadStream(source, { highWaterMark: 64 * 1024 });
  stream.on('error', () => undefined); // reported where it is read
  return stream;
}

async function* counted(stream: AsyncIterable<unknown>, onBytes: (n: number) => void): AsyncGenerator<Uint8Array> {
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
    onBytes(bytes.length);
    yield bytes;
  }
}

export async function openRoster(source: string, options: RosterOptions = {}): Promise<Roster> {
  const { format, size } = checkSource(source);
  // A workbook is read from its file by random access (xlsx.ts); text, and standard input, as a stream.
  const stream = format === 'xlsx' ? null : openStream(source, options.stdin);
  let bytes = 0;
  const onBytes = (n: number) => (bytes += n);

  let records: AsyncGenerator<RawRecord[]>;
  if (format === 'xlsx') {
    const { readXlsx } = await import('./xlsx.js');
    records = paged(readXlsx(source, options.sheet, onBytes));
  } else {
    let encoding: RosterEncoding = 'utf-8';
    const texts = decodeRoster(counted(stream as AsyncIterable<unknown>, onBytes), { onEncoding: (e) => (encoding = e) });
    records = (async function* () {
      for await (const page of parseDelimited(texts, { onDelimiter: (delimiter) => options.onDetected?.({ encoding, delimiter }) })) {
        yield page.map((r): RawRecord => ({ line: r.line, values: r.cells }));
      }
    })();
  }
  const wrapped = readErrors(records, source);

  const release = () => {
    if (source !== '-') (stream as Readable | null)?.destroy();
  };

  // The header is the row --header-row names, or the first of the first HEADER_SEARCH non-blank rows that
  // names the id column; the rows above it are passed over, the rest of its page are rows.
  let found: { record: RawRecord; header: Header } | undefined;
  let rest: RawRecord[] = [];
  let examined = 0;
  const fail = async (problem: RosterProblem): Promise<never> => {
    await wrapped.return(undefined);
    release();
    throw new RosterFileError(problem);
  };
  while (found === undefined) {
    const next = await wrapped.next();
    if (next.done) {
      release();
      if (options.headerRow !== undefined) throw new RosterFileError({ kind: 'header-row-missing', line: options.headerRow });
      throw new RosterFileError(examined === 0 ? { kind: 'empty-file' } : { kind: 'missing-id-column', searched: examined });
    }
    for (const [i, record] of next.value.entries()) {
      if (isBlank(record.values) || (options.headerRow !== undefined && record.line < options.headerRow)) continue;
      if (options.headerRow !== undefined && record.line !== options.headerRow) await fail({ kind: 'header-row-missing', line: options.headerRow });
      examined++;
      const resolved = resolveHeader(record.values.map((v) => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v))));
      if ('header' in resolved) {
        found = { record, header: resolved.header };
        rest = next.value.slice(i + 1);
        break;
      }
      // A column twice is the header's own mistake; a row without the id column may be a title: look further.
      if (resolved.problem.kind !== 'missing-id-column' || options.headerRow !== undefined) await fail(resolved.problem);
      if (examined >= HEADER_SEARCH) await fail({ kind: 'missing-id-column', searched: examined });
    }
  }
  const { columns, unknownColumns } = found.header;
  const headerLine = found.record.line;
  const headerNames: Partial<Record<Column, string>> = {};
  for (const [i, column] of columns.entries()) {
    const written = found.record.values[i];
    if (column !== null && typeof written === 'string') headerNames[column] = written.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '').slice(0, 40);
  }
  const headerBelowTitle = examined > 1 && options.headerRow === undefined;
  const cellText = format === 'xlsx' ? (await import('./xlsx.js')).xlsxCellText : null; // text files: a cell is its text
  const used = [...columns.entries()].filter((entry): entry is [number, Column] => entry[1] !== null);

  const rowOf = (record: RawRecord): RosterRow => {
    const cells: Partial<Record<Column, string>> = {};
    let idIsNumber = false;
    let length = 0;
    for (const [i, column] of used) {
      if (cellText === null) {
        const text = (record.values[i] as string | undefined) ?? '';
        cells[column] = text;
        length += text.length;
        continue;
      }
      const { text, isNumber } = cellText(record.values[i], column);
      cells[column] = text;
      length += text.length;
      if (column === 'id') idIsNumber = isNumber;
    }
    // Text files are bounded as they are parsed; a crafted workbook's row is bounded here.
    if (length > MAX_LINE) throw new RosterFileError({ kind: 'line-too-long', line: record.line });
    return { line: record.line, cells, idDamage: idDamage(cells.id ?? '', idIsNumber) };
  };

  async function* pages(): AsyncGenerator<RosterRow[]> {
    let count = 0;
    const rowsOf = (page: readonly RawRecord[]): RosterRow[] => {
      const rows: RosterRow[] = [];
      for (const record of page) {
        if (isBlank(record.values)) continue;
        rows.push(rowOf(record));
        if (++count % PROGRESS_EVERY === 0) options.onProgress?.({ rows: count, bytes, totalBytes: size });
      }
      return rows;
    };
    try {
      const first = rowsOf(rest);
      if (first.length > 0) yield first;
      for await (const page of { [Symbol.asyncIterator]: () => wrapped }) {
        const rows = rowsOf(page);
        if (rows.length > 0) yield rows;
      }
      options.onProgress?.({ rows: count, bytes, totalBytes: size });
    } finally {
      release(); // also when the caller stops early
    }
  }

  return {
    format,
    columns,
    unknownColumns,
    headerLine,
    headerNames,
    headerBelowTitle,
    pages: pages(),
    async close() {
      await wrapped.return(undefined);
      release();
    },
  };
}

/** Records one by one (a workbook's) as pages of up to WORKBOOK_PAGE. */
async function* paged(records: AsyncIterable<RawRecord>): AsyncGenerator<RawRecord[]> {
  let page: RawRecord[] = [];
  for await (const record of records) {
    page.push(record);
    if (page.length >= WORKBOOK_PAGE) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

function isBlank(values: readonly unknown[]): boolean {
  return values.every((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
}

/** A read error of the file itself (after the checks) as one sentence, not a stack trace. */
async function* readErrors(records: AsyncGenerator<RawRecord[]>, source: string): AsyncGenerator<RawRecord[]> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof RosterFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new RosterFileError({ kind: 'unreadable', path: source, code });
    throw error;
  }
}
