// An .xlsx export (SPEC 2.3), written by sscard itself, row by row, so a big
// ledger is never held whole (issue 31: exceljs's streaming WorkbookWriter
// took 198 MiB at 100,000 rows and 676 MiB at 1,000,000). The sheet's XML is
// deflated (node:zlib) straight into the zip as rows come, with back-pressure
// from the output; the small parts (workbook, styles, relationships) follow
// it. Zip layout: PKWARE APPNOTE 6.3.10 (4.3.7 local header, 4.3.9 data
// descriptor, 4.3.12 central directory, 4.3.16 its end); parts: ECMA-376
// Part 1 (SpreadsheetML) and Part 2 (OPC).
//
// The ID and card number columns are text cells formatted "@" (built-in 49),
// so that Excel never turns an identity number into 1.10105E+17 when the file
// is edited and saved; dates are real date cells (Excel serial days formatted
// yyyy-mm-dd), so that they sort and filter as dates. Text cells need no
// formula guard beyond keepQuotes: a string cell is never evaluated, and the
// text then round-trips exactly.
import type { Writable } from 'node:stream';
import zlib from 'node:zlib';
import { writeWaiting } from '../back-pressure.js';
import type { IsoDate } from '../../../core/calendar-date.js';
import { type Column, keepQuotes } from '../ledger-csv.js';
import { DATE_COLUMNS, headerName } from './columns.js';
import { excelSerialOf, parseRosterDate } from './dates.js';

/** Identity numbers and codes: text, or Excel shows 1.10105E+17 and drops the last digits (the guardian's ID, the credit code too). */
const TEXT_COLUMNS: ReadonlySet<Column> = new Set(['id', 'card_number', 'guardian_id', 'employer_uscc']);
/** Sheet XML gathered before it is handed to the deflater. */
const CHUNK = 64 * 1024;

export interface XlsxWriterOptions {
  readonly headers: 'en' | 'zh';
  readonly sheetName?: string;
  /** The workbook's creation time in its properties (the caller's clock, not read here). */
  readonly createdAt: Date;
}

export interface XlsxRosterWriter {
  /** Adds a row; a promise when the output is full: the caller waits for it before the next rows (back-pressure). */
  addRow(row: Partial<Record<Column, string | null>>): Promise<void> | undefined;
  /** Writes the end of the workbook; resolves once the stream has it all. The stream is left open: the caller ends it. */
  finish(): Promise<void>;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Cell styles (cellXfs): 0 general, 1 text (@, built-in 49), 2 date (custom 164, yyyy-mm-dd). */
const STYLE = { general: 0, text: 1, date: 2 } as const;

/** Text as XML character data: the markup characters escaped; characters XML 1.0 cannot hold (control characters) left out. */
export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** The column letters of a 0-based index (0 -> A, 26 -> AA). */
function letters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A zip written front to back into `out` (no seeking: standard output), waiting for `out` when it is full. */
class ZipOut {
  private offset = 0;
  private readonly entries: { name: Buffer; crc: number; packed: number; size: number; at: number; flags: number }[] = [];
  private readonly time: number;
  private readonly date: number;

  constructor(
    private readonly out: Writable,
    when: Date,
  ) {
    // MS-DOS time and date (APPNOTE 4.4.6), in UTC: the file says the same day wherever it is made.
    this.time = (when.getUTCHours() << 11) | (when.getUTCMinutes() << 5) | Math.floor(when.getUTCSeconds() / 2);
    this.date = (Math.max(0, when.getUTCFullYear() - 1980) << 9) | ((when.getUTCMonth() + 1) << 5) | when.getUTCDate();
  }

  write(bytes: Buffer): Promise<void> | undefined {
    this.offset += bytes.length;
    if (this.offset > 0xffffffff) throw new Error('xlsx export past 4 GiB needs ZIP64');
    return writeWaiting(this.out, bytes);
  }

  private localHeader(name: Buffer, flags: number, crc: number, packed: number, size: number): Buffer {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(8, 8); // deflate
    h.writeUInt16LE(this.time, 10);
    h.writeUInt16LE(this.date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(packed, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    return Buffer.concat([h, name]);
  }

  /** A small part, deflated whole: sizes in its local header. */
  async part(path: string, text: string): Promise<void> {
    const name = Buffer.from(path, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const flags = 0x0800; // UTF-8 names
    this.entries.push({ name, crc, packed: packed.length, size: data.length, at: this.offset, flags });
    await this.write(this.localHeader(name, flags, crc, packed.length, data.length));
    await this.write(packed);
  }

  /** A part streamed through the deflater: its sizes and CRC in a data descriptor after it (flag bit 3). */
  streamed(path: string): { add(text: string): Promise<void>; end(): Promise<void> } {
    const name = Buffer.from(path, 'utf8');
    const flags = 0x0808;
    const at = this.offset;
    let crc = 0;
    let size = 0;
    let packed = 0;
    const deflate = zlib.createDeflateRaw({ level: 6 });
    let failure: Error | null = null;
    deflate.on('error', (error) => (failure = error));
    const header = this.write(this.localHeader(name, flags, 0, 0, 0));
    // The deflater's output, written in order; a full output pauses the deflater, whose own buffer then fills.
    let writing: Promise<void> | undefined = header;
    deflate.on('data', (chunk: Buffer) => {
      packed += chunk.length;
      const wait = (writing ?? Promise.resolve()).then(() => this.write(chunk));
      deflate.pause();
      writing = wait.then(() => {
        deflate.resume();
      });
    });
    const ended = new Promise<void>((resolve) => deflate.once('end', resolve));
    return {
      add: async (text) => {
        if (failure) throw failure;
        const bytes = Buffer.from(text, 'utf8');
        crc = zlib.crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await new Promise((resolve) => deflate.once('drain', resolve));
      },
      end: async () => {
        deflate.end();
        await ended;
        await writing;
        if (failure) throw failure;
        const d = Buffer.alloc(16);
        d.writeUInt32LE(0x08074b50, 0);
        d.writeUInt32LE(crc, 4);
        d.writeUInt32LE(packed, 8);
        d.writeUInt32LE(size, 12);
        this.entries.push({ name, crc, packed, size, at, flags });
        await this.write(d);
      },
    };
  }

  /** The central directory and its end. */
  async close(): Promise<void> {
    const start = this.offset;
    const records = this.entries.map((e) => {
      const r = Buffer.alloc(46);
      r.writeUInt32LE(0x02014b50, 0);
      r.writeUInt16LE(20, 4);
      r.writeUInt16LE(20, 6);
      r.writeUInt16LE(e.flags, 8);
      r.writeUInt16LE(8, 10);
      r.writeUInt16LE(this.time, 12);
      r.writeUInt16LE(this.date, 14);
      r.writeUInt32LE(e.crc, 16);
      r.writeUInt32LE(e.packed, 20);
      r.writeUInt32LE(e.size, 24);
      r.writeUInt16LE(e.name.length, 28);
      r.writeUInt32LE(e.at, 42);
      return Buffer.concat([r, e.name]);
    });
    const directory = Buffer.concat(records);
    await this.write(directory);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }
}

export async function createXlsxWriter(out: Writable, columns: readonly Column[], options: XlsxWriterOptions): Promise<XlsxRosterWriter> {
  const zip = new ZipOut(out, options.createdAt);
  const sheetName = options.sheetName ?? (options.headers === 'zh' ? '台账' : 'ledger');
  const refs = columns.map((_, i) => letters(i));
  const styleOf = (column: Column) => (TEXT_COLUMNS.has(column) ? STYLE.text : DATE_COLUMNS.has(column) ? STYLE.date : STYLE.general);
  const sheet = zip.streamed('xl/worksheets/sheet1.xml');
  const widths = columns
    .map(
      (column, i) =>
        `<col min="${i + 1}" max="${i + 1}" width="${column === 'id' ? 22 : DATE_COLUMNS.has(column) ? 12 : 16}" customWidth="1" style="${styleOf(column)}"/>`,
    )
    .join('');
  let line = 1;
  const textCell = (ref: string, style: number, text: string) =>
    `<c r="${ref}"${style === STYLE.general ? '' : ` s="${style}"`} t="inlineStr"><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
  let pending =
    `${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols><sheetData>` +
    `<row r="1">${columns.map((c, i) => textCell(`${refs[i]}1`, styleOf(c), headerName(c, options.headers))).join('')}</row>`;
  let flushing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const text = pending;
    pending = '';
    flushing = flushing.then(() => sheet.add(text));
    return flushing;
  };

  return {
    addRow(row) {
      line++;
      let xml = `<row r="${line}">`;
      columns.forEach((column, i) => {
        const value = row[column];
        if (value === null || value === undefined || value === '') return;
        const ref = `${refs[i]}${line}`;
        const date = DATE_COLUMNS.has(column) ? parseRosterDate(value) : null;
        xml +=
          date === null ? textCell(ref, styleOf(column), keepQuotes(value)) : `<c r="${ref}" s="${STYLE.date}"><v>${excelSerialOf(date as IsoDate)}</v></c>`;
      });
      pending += `${xml}</row>`;
      return pending.length >= CHUNK ? flush() : undefined;
    },
    async finish() {
      pending += '</sheetData></worksheet>';
      await flush();
      await sheet.end();
      const iso = options.createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
      await zip.part(
        '[Content_Types].xml',
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
          '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
          '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
      );
      await zip.part(
        '_rels/.rels',
        `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
          '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
      );
      await zip.part(
        'docProps/core.xml',
        `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
          `<dc:creator>sscard</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified></cp:coreProperties>`,
      );
      await zip.part(
        'xl/workbook.xml',
        `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets><sheet name="${xmlText(sheetName)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      );
      await zip.part(
        'xl/_rels/workbook.xml.rels',
        `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
      );
      await zip.part(
        'xl/styles.xml',
        `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>` +
          '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
          '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
          '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
          '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
          '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
          '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
          '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
          '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
      );
      await zip.close();
    },
  };
}
