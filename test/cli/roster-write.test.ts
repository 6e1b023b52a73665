import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COLUMNS, type Column, unneutralise } from '../../src/cli/formats/ledger-csv.js';
import { csvCell, csvHeader, csvRow } from '../../src/cli/formats/roster/write-csv.js';
import { createXlsxWriter } from '../../src/cli/formats/roster/write-xlsx.js';
import { readAll, tempDir, writeFile } from './roster-helpers.js';

const dir = tempDir();
const WANG = '11010519491231002X';
const ROWS: Partial<Record<Column, string | null>>[] = [
  {
    id: WANG,
    name: '王芳',
    employer: '=Acme, "Global"\nLtd',
    hired_on: '2026-09-01',
    registered_on: '2026-09-03',
    card_number: '123456789',
    bank: '工商银行',
    activated_on: '2027-01-15',
    ecard_channel: 'wechat',
    ecard_claimed_on: '2026-10-01',
  },
  { id: '110105194912310000', name: '刘䶮', left_on: '2026-12-31', expires_on: '2036-09-01', policy: null, card_number: '000123456' },
];

describe('CSV writing', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['-5,x', `"'-5,x"`],
    ['', ''],
  ])('cell %j -> %j', (value, cell) => expect(csvCell(value)).toBe(cell));

  it('starts with a BOM, ends records with CRLF, names columns in English or Chinese', () => {
    expect(csvHeader(['id', 'name', 'hired_on'], 'en')).toBe('\uFEFFid,name,hired_on\r\n');
    expect(csvHeader(['id', 'name', 'hired_on', 'ecard_claimed_on'], 'zh')).toBe('\uFEFF身份证号,姓名,入职日期,电子社保卡申领日期\r\n');
  });

  it.each(['en', 'zh'] as const)('what it writes with %s headers reads back cell for cell', async (headers) => {
    const file = writeFile(dir, `export-${headers}.csv`, csvHeader(COLUMNS, headers) + ROWS.map((r) => csvRow(COLUMNS, r)).join(''));
    const { columns, rows } = await readAll(file);
    expect(columns).toEqual(COLUMNS);
    expect(
      rows.map((r) =>
        Object.fromEntries(
          Object.entries(r.cells)
            .filter(([, v]) => v !== '')
            .map(([k, v]) => [k, unneutralise(v!)]),
        ),
      ),
    ).toEqual(ROWS.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v))));
    expect(rows[0]!.line).toBe(2);
    expect(rows[1]!.line).toBe(4); // the employer's quoted line break
  });
});

async function writeXlsx(name: string, headers: 'en' | 'zh'): Promise<string> {
  const file = `${dir}/${name}`;
  const out = fs.createWriteStream(file);
  const finished = new Promise<void>((resolve) => out.on('close', () => resolve()));
  const writer = await createXlsxWriter(out, COLUMNS, { headers, createdAt: new Date(Date.UTC(2026, 10, 24)) });
  for (const row of ROWS) writer.addRow(row);
  await writer.finish();
  out.end(); // the writer leaves its stream open (standard output is never ended)
  await finished;
  return file;
}

describe('xlsx writing', () => {
  it.each(['en', 'zh'] as const)('with %s headers, reads back cell for cell', async (headers) => {
    const file = await writeXlsx(`export-${headers}.xlsx`, headers);
    const { columns, rows } = await readAll(file);
    expect(columns).toEqual(COLUMNS);
    expect(rows.map((r) => Object.fromEntries(Object.entries(r.cells).filter(([, v]) => v !== '')))).toEqual(
      ROWS.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v))),
    );
    expect(rows.map((r) => r.idDamage)).toEqual([null, { kind: 'rounded' }]); // a text cell, damaged only by its digits
  });

  it('the ID and card number are text cells formatted @, dates are numbers formatted as dates (read from the XML itself)', async () => {
    const file = await writeXlsx('xml.xlsx', 'zh');
    const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    const styles = execFileSync('unzip', ['-p', file, 'xl/styles.xml'], { encoding: 'utf8' });
    const cell = (ref: string) => new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(sheet)?.[0] ?? '';
    const numFmtOf = (ref: string) => {
      const s = Number(/ s="(\d+)"/.exec(cell(ref))?.[1]);
      const cellXfs = styles.slice(styles.indexOf('<cellXfs'));
      const id = [...cellXfs.matchAll(/<xf [^>]*?numFmtId="(\d+)"/g)][s]?.[1];
      const custom = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]+)"`).exec(styles)?.[1];
      return custom ?? `builtin ${id}`;
    };
    expect(cell('A2')).toMatch(/t="(inlineStr|str|s)"/);
    expect(cell('A2')).toContain(WANG);
    expect(numFmtOf('A2')).toBe('builtin 49'); // 49 is the built-in "@" (text)
    expect(cell('D2')).toMatch(/<v>46266<\/v>/); // 2026-09-01
    expect(cell('D2')).not.toMatch(/t="/);
    expect(numFmtOf('D2')).toBe('yyyy-mm-dd');
    expect(sheet).toContain('身份证号');
  });
});

describe("xlsx writing: sscard's own zip (issue 31)", () => {
  it('Info-ZIP finds every part whole (CRCs, sizes, the data descriptor after the streamed sheet)', async () => {
    const file = await writeXlsx('unzip.xlsx', 'en');
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
    const listed = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    expect(listed.sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ].sort(),
    );
  });

  it('markup characters come back as written; characters XML cannot hold (control characters) are left out', async () => {
    const file = `${dir}/markup.xlsx`;
    const out = fs.createWriteStream(file);
    const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
    const writer = await createXlsxWriter(out, ['id', 'name', 'employer'], { headers: 'en', createdAt: new Date(Date.UTC(2026, 10, 24)) });
    await writer.addRow({ id: WANG, name: 'A & <B> "C" \'D\'', employer: 'Tab\there\u0001bell\u0007' });
    await writer.finish();
    out.end();
    await closed;
    const { rows } = await readAll(file);
    expect(rows[0]!.cells).toEqual({ id: WANG, name: 'A & <B> "C" \'D\'', employer: 'Tab\therebell' });
  });

  it('a slow output holds back the rows: addRow answers with a promise while the output is full, and little waits in it', async () => {
    const { Writable } = await import('node:stream');
    let most = 0;
    const chunks: Buffer[] = [];
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        setImmediate(done);
      },
    });
    const writer = await createXlsxWriter(slow, ['id', 'name', 'employer', 'hired_on'], { headers: 'en', createdAt: new Date(Date.UTC(2026, 10, 24)) });
    let waited = 0;
    for (let i = 0; i < 20_000; i++) {
      const full = writer.addRow({ id: WANG, name: `Worker ${i} ${'x'.repeat(i % 97)}`, employer: `Employer ${i % 7}`, hired_on: '2026-09-01' });
      most = Math.max(most, slow.writableLength);
      if (full) {
        waited++;
        await full;
      }
    }
    await writer.finish();
    await new Promise<void>((resolve) => slow.end(resolve));
    const file = writeFile(dir, 'slow.xlsx', Buffer.concat(chunks));
    expect(waited).toBeGreaterThan(0);
    expect(most).toBeLessThan(1024 * 1024);
    const { rows } = await readAll(file);
    expect(rows).toHaveLength(20_000);
    expect(rows[19_999]!.cells.name).toBe(`Worker 19999 ${'x'.repeat(19_999 % 97)}`);
  });
});
