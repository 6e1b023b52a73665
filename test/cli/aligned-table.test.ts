// The text table of due and people, written from one reading of its rows
// (issue 31): the same bytes as the two readings it replaced (measure every
// row, then print each padded), whether the rows wait in memory or in a
// private temporary file, whatever the cells hold.
import fs from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { alignedTable, type RowStyle } from '../../src/cli/commands/shared/aligned-table.js';
import { padded, width } from '../../src/cli/text/human.js';

const color = { red: (s: string) => `<red>${s}</red>`, yellow: (s: string) => `<yellow>${s}</yellow>` };

/** What due and people printed before: widths from a first reading, then each row padded and trimmed. */
function twoReadings(header: string[], rows: { cells: string[]; style: RowStyle; after: string | null }[]): string {
  const widths = header.map((_, i) => Math.max(width(header[i]!), ...rows.map((r) => width(r.cells[i]!))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => padded(cell, widths[i]!))
      .join('  ')
      .trimEnd();
  return (
    `${line(header)}\n` +
    rows
      .map(({ cells, style, after }) => {
        const row = line(cells);
        return `${style === 'red' ? color.red(row) : style === 'yellow' ? color.yellow(row) : row}\n${after === null ? '' : `${after}\n`}`;
      })
      .join('')
  );
}

const header = ['ID', 'NAME', 'EMPLOYER', 'NOTE'];
const rows = Array.from({ length: 300 }, (_, i) => ({
  cells: [
    `11010519900101${String(i).padStart(4, '0')}`,
    // Names as a ledger may hold them: Chinese, a NUL, a line break, STX (the table's own markers), a trailing space.
    // And a colour code (no width): the table pads by length only cells without any of these (issue 31).
    ['王芳', `Name\u0000${i}`, 'two\nlines', '\u0002marked', 'trailing  ', 'Ｆｕｌｌ', '\u001b[1mbold\u001b[22m', `Name ${i}`][i % 8]!,
    i % 7 === 0 ? '' : `公司 ${i % 13}`,
    i % 5 === 0 ? '2026-10-01 is a holiday; moved to 2026-10-08' : '',
  ],
  style: (['plain', 'red', 'yellow'] as const)[i % 3]!,
  after: i % 11 === 0 ? `    cut-off ${i}` : i % 37 === 0 ? 'after\u0000with NUL' : null,
}));

async function written(spillAfter: number): Promise<string> {
  let text = '';
  const table = alignedTable(
    {
      out: {
        write: (s: string) => {
          text += s;
          return true;
        },
      },
      color,
    } as never,
    header,
    spillAfter,
  );
  for (const r of rows) table.add(r.cells, r.style, r.after);
  expect(table.count).toBe(rows.length);
  await table.write();
  return text;
}

describe('alignedTable: one reading, the bytes of two', () => {
  it('in memory', async () => {
    expect(await written(1 << 30)).toBe(twoReadings(header, rows));
  });

  it('spilled to a private temporary file (removed once written)', async () => {
    const before = new Set(fs.readdirSync(os.tmpdir()));
    expect(await written(200)).toBe(twoReadings(header, rows));
    const left = fs.readdirSync(os.tmpdir()).filter((name) => !before.has(name) && name.startsWith(`sscard-${process.pid}-`));
    for (const name of left) expect(fs.readdirSync(`${os.tmpdir()}/${name}`)).toEqual([]);
  });
});
