import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ALIASES, columnOf, resolveHeader } from '../../src/cli/formats/roster/columns.js';
import { idDamage } from '../../src/cli/formats/roster/damaged-id.js';
import { decodeRoster, PROBE_BYTES } from '../../src/cli/formats/roster/decode.js';
import { parseDelimited } from '../../src/cli/formats/roster/delimited.js';
import { openRoster } from '../../src/cli/formats/roster/read.js';
import { COLUMNS } from '../../src/cli/formats/ledger-csv.js';
import { failureOf } from '../../src/cli/exit.js';
import { gb18030, readAll, readError, tempDir, writeFile } from './roster-helpers.js';
import { en } from '../../src/cli/text/messages/en.js';
import { zh } from '../../src/cli/text/messages/zh.js';

const WANG = '11010519491231002X';
const dir = tempDir();

describe('header names: English or Chinese, any case, spaces ignored', () => {
  const cases = COLUMNS.flatMap((column) =>
    [column, column.toUpperCase(), ` ${column} `, ...ALIASES[column], ...ALIASES[column].map((a) => `\u3000${a} `)].map((h) => [h, column] as const),
  );
  it.each(cases)('%j is %s', (header, column) => expect(columnOf(header)).toBe(column));

  it('every alias of SPEC 2.3 is there', () => {
    expect(ALIASES.id).toEqual(['身份证号', '身份证号码', '公民身份号码', '证件号码', '社会保障号码', '社保号']);
    expect(ALIASES.employer).toEqual(['用人单位', '单位', '单位名称', '公司']);
    // SPEC 2.3's 34 names, plus guardian_id's (a column of sscard's own), plus SPEC 1.9's and 1.10's and 1.3's (v3).
    expect(ALIASES.employer_uscc).toContain('统一社会信用代码');
    expect(ALIASES.employer_city).toContain('参保地');
    expect(ALIASES.base).toContain('缴费基数');
    expect(Object.values(ALIASES).flat()).toHaveLength(
      34 +
        ALIASES.guardian_id.length +
        ALIASES.hire_kind.length +
        ALIASES.card_state.length +
        ALIASES.card_ended_on.length +
        ALIASES.employer_uscc.length +
        ALIASES.employer_city.length +
        ALIASES.base.length +
        // SPEC 1.3 v3: card-making progress (申领, 网点签收, 领卡网点, 制卡失败) and the card's generation.
        ALIASES.generation.length +
        ALIASES.applied_on.length +
        ALIASES.ready_on.length +
        ALIASES.ready_outlet.length +
        ALIASES.failed_on.length +
        ALIASES.failure_reason.length,
    );
    // The e-card's 申领 date and the card's are different columns.
    expect(columnOf('申领日期')).toBe('applied_on');
    expect(columnOf('电子社保卡申领日期')).toBe('ecard_claimed_on');
  });

  it('unknown columns are ignored and named, blank headers are not', () => {
    expect(resolveHeader(['身份证号', '部门', '', ' 岗位 ', 'Name'])).toEqual({
      header: { columns: ['id', null, null, null, 'name'], unknownColumns: ['部门', '岗位'] },
    });
  });

  it.each([
    [
      ['id', 'ID'],
      ['id', 'ID'],
    ],
    [
      ['身份证号', '姓名', '证件号码'],
      ['身份证号', '证件号码'],
    ],
    [
      ['入职日期', 'hired_on'],
      ['入职日期', 'hired_on'],
    ],
  ])('%j: the same column twice is an error', (cells, headers) => {
    expect(resolveHeader(cells)).toMatchObject({ problem: { kind: 'duplicate-column', headers } });
  });

  it('no id column is an error', () => expect(resolveHeader(['姓名', '部门'])).toEqual({ problem: { kind: 'missing-id-column' } }));
});

describe('IDs damaged by Excel', () => {
  it.each([
    ['110105194912310020', true, 'number-cell'],
    ['1.10105E+17', false, 'scientific'],
    ['4.4E+17', false, 'scientific'],
    ['4.4e17', false, 'scientific'],
    ['110105194912310000', false, 'rounded'],
    ['440301199001011000', false, 'rounded'],
  ])('%j (number cell: %s) is %s', (cell, isNumber, kind) => expect(idDamage(cell, isNumber)).toEqual({ kind }));

  it.each([
    [WANG, false],
    ['110105491231002', true], // 15 digits survive a number cell
    ['110104198808080000', false], // ends in zeros but passes the check: not rounded
    ['110105194912310021', false], // a wrong check character is an ordinary invalid number
    ['', false],
  ])('%j (number cell: %s) is not damaged', (cell, isNumber) => expect(idDamage(cell, isNumber)).toBeNull());

  it('the sentence says to format the column as text and export again, in both languages', () => {
    expect(en.roster.idDamage('scientific')).toMatch(/scientific notation.*format the column as text.*export the file again/);
    expect(zh.roster.idDamage('number-cell')).toMatch(/数字单元格.*文本.*导出/);
  });
});

describe('text rosters', () => {
  it('GB18030 from iconv, with 䶮 and common names, is detected and decoded', async () => {
    const file = writeFile(
      dir,
      'gbk.csv',
      gb18030(`身份证号,姓名,用人单位,入职日期\n${WANG},刘䶮,北京某某有限公司,2026/9/1\n440301199001011234,王芳,深圳市腾飞科技,2026年9月2日\n`),
    );
    expect(fs.readFileSync(file).includes(Buffer.from([0xfe, 0x9f]))).toBe(true); // 䶮's GB18030 code, not UTF-8
    const detected: unknown[] = [];
    const { columns, rows } = await readAll(file, { onDetected: (d) => detected.push(d) });
    expect(detected).toEqual([{ encoding: 'gb18030', delimiter: ',' }]);
    expect(columns).toEqual(['id', 'name', 'employer', 'hired_on']);
    expect(rows).toEqual([
      { line: 2, cells: { id: WANG, name: '刘䶮', employer: '北京某某有限公司', hired_on: '2026/9/1' }, idDamage: null },
      { line: 3, cells: { id: '440301199001011234', name: '王芳', employer: '深圳市腾飞科技', hired_on: '2026年9月2日' }, idDamage: null },
    ]);
  });

  it.each(['UTF-16LE', 'UTF-16BE'])('Excel "Unicode Text": tab-separated %s with a BOM, made by iconv', async (encoding) => {
    const text = `身份证号\t姓名\t部门\r\n${WANG}\t刘䶮\t人事部\r\n`;
    const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', encoding], { input: text });
    const bom = encoding === 'UTF-16LE' ? [0xff, 0xfe] : [0xfe, 0xff];
    const file = writeFile(dir, `unicode-${encoding}.txt`, Buffer.concat([Buffer.from(bom), bytes]));
    const detected: unknown[] = [];
    const { rows } = await readAll(file, { onDetected: (d) => detected.push(d) });
    expect(detected).toEqual([{ encoding: encoding.toLowerCase(), delimiter: '\t' }]);
    expect(rows).toEqual([{ line: 2, cells: { id: WANG, name: '刘䶮' }, idDamage: null }]);
  });

  it('UTF-8 with BOM and CRLF, quoted cells with commas, quotes and line breaks keep their line numbers', async () => {
    const file = writeFile(dir, 'bom.csv', `\uFEFFID,Name,Employer\r\n${WANG},"Wang, Fang","Acme ""Global""\r\nLtd"\r\n\r\n${WANG},李雷,x\r\n`);
    const { rows } = await readAll(file);
    expect(rows).toEqual([
      { line: 2, cells: { id: WANG, name: 'Wang, Fang', employer: 'Acme "Global"\r\nLtd' }, idDamage: null },
      { line: 5, cells: { id: WANG, name: '李雷', employer: 'x' }, idDamage: null },
    ]);
  });

  it.each([
    ['tab', 'roster.tsv', '\t', 'tab'],
    ['semicolon', 'roster.csv', ';', 'semicolon'],
    ['tab in a .txt', 'roster.txt', '\t', 'tab'],
  ])('%s-separated', async (_, name, d) => {
    const file = writeFile(dir, name, `身份证号${d}姓名${d}部门${d}入职日期\n${WANG}${d}"Li; Lei, Jr"${d}HR${d}20260901\n`);
    const { rows, unknownColumns } = await readAll(file);
    expect(unknownColumns).toEqual(['部门']);
    expect(rows).toEqual([{ line: 2, cells: { id: WANG, name: 'Li; Lei, Jr', hired_on: '20260901' }, idDamage: null }]);
  });

  it('classic Mac line ends (CR) and blank rows of delimiters are skipped', async () => {
    const { rows } = await readAll(writeFile(dir, 'cr.csv', `id,name\r,\r${WANG},A\r`));
    expect(rows).toEqual([{ line: 3, cells: { id: WANG, name: 'A' }, idDamage: null }]);
  });

  it('a damaged id is flagged on its row', async () => {
    const { rows } = await readAll(writeFile(dir, 'sci.csv', `id,name\n1.10105E+17,A\n110105194912310000,B\n`));
    expect(rows.map((r) => r.idDamage)).toEqual([{ kind: 'scientific' }, { kind: 'rounded' }]);
  });

  it('standard input with -', async () => {
    const stdin = Readable.from([Buffer.from(`id\tname\n${WANG}\t`), Buffer.from('王芳\n')]);
    const { rows } = await readAll('-', { stdin });
    expect(rows).toEqual([{ line: 2, cells: { id: WANG, name: '王芳' }, idDamage: null }]);
  });

  it('progress is reported by rows and bytes of the total', async () => {
    const body = Array.from({ length: 2500 }, () => `${WANG},A`).join('\n');
    const file = writeFile(dir, 'many.csv', `id,name\n${body}\n`);
    const seen: { rows: number; bytes: number; totalBytes: number | null }[] = [];
    await readAll(file, { onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.rows)).toEqual([1000, 2000, 2500]);
    expect(seen.at(-1)).toEqual({ rows: 2500, bytes: fs.statSync(file).size, totalBytes: fs.statSync(file).size });
  });
});

async function decodeChunks(bytes: Buffer, size: number): Promise<string> {
  const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  let text = '';
  for await (const t of decodeRoster(Readable.from(chunks))) text += t;
  return text;
}

describe('encoding detection over chunk boundaries', () => {
  const line = '王芳,北京某某有限公司,䶮\n';
  const big = line.repeat(Math.ceil((PROBE_BYTES * 2) / Buffer.byteLength(line)));

  it.each([1, 7, 4096, 65535, 65537])('UTF-8 split into %d-byte chunks stays UTF-8', async (size) => {
    expect(await decodeChunks(Buffer.from(big), size)).toBe(big);
  });

  it.each([7, 65535])('GB18030 split into %d-byte chunks stays GB18030', async (size) => {
    expect(await decodeChunks(gb18030(big), size)).toBe(big);
  });

  it('a file valid as UTF-8 for its first 64 KiB but not later is refused, naming the line', async () => {
    const lines = big.split('\n').length - 1;
    const bytes = Buffer.concat([Buffer.from(big), gb18030('刘䶮\n')]);
    const error = await decodeChunks(bytes, 1000).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'not-utf8-later', problem: { kind: 'not-utf8-later', line: lines + 1 } });
    expect(failureOf(error, en).message).toContain(`line ${lines + 1} is not UTF-8`);
  });

  it('a NUL byte makes a bad file, naming its line', async () => {
    const file = writeFile(dir, 'nul.csv', Buffer.from(`id,name\n${WANG},a\u0000b\n`));
    expect(await readError(file)).toMatchObject({ name: 'InvalidInput', code: 'nul-byte', message: expect.stringContaining('Line 2 contains a NUL byte') });
  });
});

describe('bad files: exit 2 with one sentence, never a crash', () => {
  it('an unterminated quote names the line where it opened, not swallowing the rest', async () => {
    const file = writeFile(dir, 'quote.csv', `id,name\n${WANG},a\n${WANG},"b\n${WANG},c\n${WANG},d\n`);
    expect(await readError(file)).toEqual({
      name: 'InvalidInput',
      code: 'unterminated-quote',
      message: expect.stringContaining('The quote opened on line 3 is never closed'),
    });
  });

  it('an unterminated quote in a big file is reported at 1 MiB, not read to the end', async () => {
    const file = writeFile(dir, 'quote-big.csv', `id,name\n${WANG},"b\n${`${WANG},c\n`.repeat(200_000)}`);
    expect(await readError(file)).toMatchObject({ code: 'unterminated-quote', message: expect.stringContaining('line 2') });
  });

  it('a line longer than 1 MiB names its line', async () => {
    const file = writeFile(dir, 'long.csv', `id,name\n${WANG},a\n${WANG},${'x'.repeat(1024 * 1024 + 1)}\n`);
    expect(await readError(file)).toMatchObject({ code: 'line-too-long', message: expect.stringContaining('Line 3 is longer than 1 MiB') });
  });

  it('a header line longer than 1 MiB', async () => {
    expect(await readError(writeFile(dir, 'longhead.csv', 'x'.repeat(3 * 1024 * 1024)))).toMatchObject({ code: 'line-too-long' });
  });

  it.each([
    ['/dev/zero', 'device'],
    [dir, 'directory'],
  ])('%s is refused as a %s', async (file, what) => {
    expect(await readError(file)).toMatchObject({ code: 'not-a-regular-file', message: expect.stringContaining(`is a ${what}, not a regular file`) });
  });

  it('a FIFO is refused at once, without waiting for a writer', async () => {
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    expect(await readError(fifo)).toMatchObject({ code: 'not-a-regular-file', message: expect.stringContaining('is a fifo') });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it.each([
    ['missing.csv', 'unreadable', 'cannot be read (no such file or directory)'],
    ['roster.xls', 'unknown-format', 'use an .xlsx, .csv, .tsv or .txt file'],
  ])('%s', async (name, code, text) => {
    const file = name === 'missing.csv' ? path.join(dir, name) : writeFile(dir, name, 'id\n');
    expect(await readError(file)).toMatchObject({ code, message: expect.stringContaining(text) });
  });

  it.each([
    ['empty.csv', '', 'empty-file'],
    ['blank.csv', '\n\n , \n', 'empty-file'],
    ['noid.csv', '姓名,部门\nA,B\n', 'missing-id-column'],
    ['dup.csv', '身份证号,证件号码\n', 'duplicate-column'],
  ])('%s: %s', async (name, content, code) => {
    expect(await readError(writeFile(dir, name, content))).toMatchObject({ name: 'InvalidInput', code });
  });

  it('a workbook under a .csv name, or on standard input, is named as such', async () => {
    const zip = Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000', 'latin1');
    expect(await readError(writeFile(dir, 'renamed.csv', zip))).toMatchObject({ code: 'workbook-as-text', message: expect.stringContaining('.xlsx workbook') });
    expect(await readError('-', { stdin: Readable.from([zip]) })).toMatchObject({ code: 'workbook-as-text' });
  });

  it('errors are in Chinese with lang zh', async () => {
    expect((await readError('/dev/zero', {}, zh)).message).toMatch(/不是普通文件/);
  });

  it('a row shorter than the header has empty cells at its end (some tools leave off trailing empty cells)', async () => {
    const { rows } = await readAll(writeFile(dir, 'short.csv', `id,name,employer,hired_on\n${WANG},Wang Fang\n${WANG}\n`));
    expect(rows.map((r) => r.cells)).toEqual([
      { id: WANG, name: 'Wang Fang', employer: '', hired_on: '' },
      { id: WANG, name: '', employer: '', hired_on: '' },
    ]);
  });

  it('records without the delimiter parse as one cell', async () => {
    const records = [];
    for await (const page of parseDelimited(Readable.from(['id\n', `${WANG}\n`]))) records.push(...page);
    expect(records).toEqual([
      { line: 1, cells: ['id'] },
      { line: 2, cells: [WANG] },
    ]);
  });

  it('close() ends reading early: the file is closed', async () => {
    // Bigger than a read, so that the file is still open after the first page.
    const roster = await openRoster(writeFile(dir, 'close.csv', `id\n${`${WANG}\n`.repeat(100_000)}`));
    const first = await roster.pages[Symbol.asyncIterator]().next();
    expect(first.value?.[0]?.line).toBe(2);
    const open = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith('close.csv');
        } catch {
          return false; // the directory listing's own descriptor, gone once read
        }
      }).length;
    expect(open()).toBe(1);
    await roster.close();
    // Destroying a file stream closes its descriptor on a later turn of the event loop (fs.close is asynchronous).
    for (let turn = 0; turn < 10_000 && open() > 0; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(open()).toBe(0);
  });
});

describe('stopping early', () => {
  const openFiles = (name: string) =>
    fs.readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith(name);
      } catch {
        return false;
      }
    }).length;

  it.each([
    ['early.csv', `id\n${`${WANG}\n`.repeat(100_000)}`],
    ['early.tsv', `id\tname\n${`${WANG}\tA\n`.repeat(100_000)}`],
  ])('closes %s (bigger than a read) when the caller stops reading rows', async (name, content) => {
    const roster = await openRoster(writeFile(dir, name, content));
    expect(openFiles(name)).toBe(1);
    for await (const page of roster.pages) {
      expect(page[0]!.line).toBe(2);
      break;
    }
    // Closing is asynchronous: wait for it (a file left open stays open, and fails here), not for a fixed time.
    for (let waited = 0; waited < 5000 && openFiles(name) > 0; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(openFiles(name)).toBe(0);
  });
});
