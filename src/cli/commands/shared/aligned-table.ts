// A text table aligned over all its rows, from one reading of its source
// (issue 31: `due` and `people` ran their whole query twice, the first time
// only to measure the columns). Each row's cells are measured as they come
// and kept, joined, until the last row is in: in memory up to SPILL_AFTER
// characters, beyond that in a file of this process's private temporary
// directory (the cells hold names and identity numbers; the directory is
// removed on every exit path, private-temp.ts), so that millions of rows
// never sit in memory. Then the table is written in batches (output.ts's batched()).
import fs from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Context } from '../../context.js';
import { privateTempDir } from '../../private-temp.js';
import { padded, width } from '../../text/human.js';
import { batched } from './output.js';

/** How a row is shown: plain, or coloured whole (an overdue deadline red, a near one yellow). */
export type RowStyle = 'plain' | 'red' | 'yellow';

/** Characters kept in memory before the rows go to a file (2-4 MB of strings: 100,000 people's lines were 40 MiB more at 8 Mi). */
const SPILL_AFTER = 2 * 1024 * 1024;
/** A row's parts are joined by NUL and rows end in LF; a row whose text holds either is kept as JSON, marked by STX. */
const SEPARATOR = '\u0000';
const AS_JSON = '\u0002';
const SPECIAL = /[\u0000\u0002\n]/;
/**
 * A cell without a table marker, colour code or character that may be wide: its width is its length, and it
 * needs no other look (one test instead of measuring and searching it for markers: issue 31, most cells).
 */
const LOOK_CLOSER = /[\u0000\u0002\n\x1b\u1100-\uffff]/;
const STYLE_CODE: Record<RowStyle, string> = { plain: 'p', red: 'r', yellow: 'y' };
/** The style code of a row some cell of which is not as wide as it is long: measured again when printed. */
const MEASURED_CODE: Record<RowStyle, string> = { plain: 'P', red: 'R', yellow: 'Y' };

export interface AlignedTable {
  /** One row: its cells (one per header column), its style, and a line printed after it as it is (not aligned). */
  add(cells: readonly string[], style?: RowStyle, after?: string | null): void;
  /** The rows added so far. */
  readonly count: number;
  /** Writes the header and every row, padded to the widest cell of each column (the last cell unpadded). */
  write(): Promise<void>;
}

/** `spillAfter`: characters kept in memory before the rows go to a file (a test makes it small). */
export function alignedTable(ctx: Pick<Context, 'out' | 'color'>, header: readonly string[], spillAfter = SPILL_AFTER): AlignedTable {
  const widths = header.map(width);
  let parts: string[] = [];
  let size = 0;
  let count = 0;
  let file: { path: string; fd: number } | null = null;
  const spill = () => {
    if (file === null) {
      const name = path.join(privateTempDir(), `table-${process.pid}-${Date.now()}.txt`);
      file = { path: name, fd: fs.openSync(name, 'wx+', 0o600) };
    }
    fs.writeSync(file.fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    get count() {
      return count;
    },
    add(cells, style = 'plain', after = null) {
      let plain = after === null || !SPECIAL.test(after);
      let narrow = true;
      for (let i = 0; i < cells.length; i++) {
        const cell = cells[i]!;
        let w = cell.length;
        if (LOOK_CLOSER.test(cell)) {
          w = width(cell);
          if (w !== cell.length) narrow = false;
          if (plain && SPECIAL.test(cell)) plain = false;
        }
        if (w > widths[i]!) widths[i] = w;
      }
      const code = (narrow ? STYLE_CODE : MEASURED_CODE)[style];
      const record = plain ? `${code}${after ?? ''}${SEPARATOR}${cells.join(SEPARATOR)}\n` : `${AS_JSON}${JSON.stringify([code, after, cells])}\n`;
      parts.push(record);
      size += record.length;
      count++;
      if (size >= spillAfter) spill();
    },
    async write() {
      const c = ctx.color;
      const batch = batched(ctx);
      // Runs of spaces made once (the short ones a table pads with): not a new string per cell.
      const runs = Array.from({ length: 64 }, (_, n) => ' '.repeat(n));
      const spaces = (n: number) => runs[n] ?? ' '.repeat(n);
      const line = (cells: readonly string[], narrow: boolean) => {
        let text = '';
        const last = cells.length - 1;
        for (let i = 0; i < last; i++) {
          const cell = cells[i]!;
          // A cell as wide as it is long is padded by its length; the others measured again (padded).
          text += narrow ? cell + spaces(widths[i]! - cell.length + 2) : `${padded(cell, widths[i]!)}  `;
        }
        return `${text}${cells[last]}`.trimEnd();
      };
      await batch.add(`${line(header, false)}\n`);
      const out = (record: string): string => {
        let style: string;
        let after: string | null;
        let cells: string[];
        if (record.startsWith(AS_JSON)) [style, after, cells] = JSON.parse(record.slice(1)) as [string, string | null, string[]];
        else {
          const all = record.split(SEPARATOR);
          style = all[0]!.charAt(0);
          after = all[0]!.length > 1 ? all[0]!.slice(1) : null;
          cells = all.slice(1);
        }
        const narrow = style === 'p' || style === 'r' || style === 'y';
        const row = line(cells, narrow);
        return `${style === 'r' || style === 'R' ? c.red(row) : style === 'y' || style === 'Y' ? c.yellow(row) : row}\n${after === null ? '' : `${after}\n`}`;
      };
      // Row by row, awaited only when a batch was written (not a promise per row: issue 31).
      const records = async (text: string, carry: string): Promise<string> => {
        const lines = (carry + text).split('\n');
        const rest = lines.pop()!;
        for (const record of lines) {
          const wait = batch.add(out(record));
          if (wait) await wait;
        }
        return rest;
      };
      if (file !== null) {
        const { fd, path: name } = file;
        spill();
        const decoder = new StringDecoder('utf8');
        const buffer = Buffer.alloc(1 << 20);
        let carry = '';
        for (let n = 0, at = 0; (n = fs.readSync(fd, buffer, 0, buffer.length, at)) > 0; at += n)
          carry = await records(decoder.write(buffer.subarray(0, n)), carry);
        await records(decoder.end(), carry);
        fs.closeSync(fd);
        fs.rmSync(name, { force: true });
        file = null;
      } else await records(parts.join(''), '');
      parts = [];
      await batch.flush();
    },
  };
}
