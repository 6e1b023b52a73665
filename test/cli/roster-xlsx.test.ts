// xlsx rosters written by write-excel-file, the way HR staff save them:
// Chinese headers, date cells, an ID typed into a General (number) cell, an
// extra 部门 column; and workbooks written part by part, for every kind of cell
// sscard's reader (src/cli/formats/roster/xlsx.ts) meets.
import { randomBytes } from 'node:crypto';
import writeExcelFile from 'write-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { readAll, readError, tempDir, writeFile, zipOfParts } from './roster-helpers.js';

const WANG = '11010519491231002X';
const dir = tempDir();
let roster: string;

const text = (value: string) => ({ value });
const date = (y: number, m: number, d: number) => ({ type: Date, value: new Date(Date.UTC(y, m - 1, d)), format: 'yyyy/m/d' });

beforeAll(async () => {
  roster = `${dir}/花名册.xlsx`;
  // toBuffer, not toFile: toFile's promise can settle before the file is complete.
  const workbook = await writeExcelFile([
    {
      sheet: '花名册',
      data: [
        [text(' 身份证号码 '), text('姓名'), text('部门'), text('入职日期'), text('参保日期'), text('单位名称')],
        [text(WANG), text('王芳'), text('人事部'), date(2026, 9, 1), { type: Number, value: 46267 }, text('Acme Ltd')],
        [{ type: Number, value: 110105194912310020 }, text('李雷'), text('IT'), text('2026年9月1日'), text(''), text('Acme Ltd')],
        [],
        [text('4.4E+17'), text('刘䶮'), text('IT'), date(1900, 1, 1), text(''), { type: 'Formula', value: 'CONCATENATE("Ac","me")' }], // a formula never calculated has no value,
      ],
    },
    { sheet: 'Sheet2', data: [[text('id')], [text(WANG)]] },
  ] as never).toBuffer();
  writeFile(dir, '花名册.xlsx', workbook);
});

describe('xlsx rosters', () => {
  it('first sheet: Chinese headers, date cells and serials as dates, number-cell IDs flagged, extra columns named', async () => {
    const { columns, unknownColumns, rows } = await readAll(roster);
    expect(columns).toEqual(['id', 'name', null, 'hired_on', 'registered_on', 'employer']);
    expect(unknownColumns).toEqual(['部门']);
    expect(rows[0]).toEqual({
      line: 2,
      cells: { id: WANG, name: '王芳', hired_on: '2026-09-01', registered_on: '2026-09-02', employer: 'Acme Ltd' },
      idDamage: null,
    });
    expect(rows[1]).toMatchObject({ line: 3, cells: { id: '110105194912310000', name: '李雷', hired_on: '2026年9月1日' }, idDamage: { kind: 'number-cell' } });
    expect(rows[2]).toEqual({
      line: 5,
      cells: { id: '4.4E+17', name: '刘䶮', hired_on: '1900-01-01', registered_on: '', employer: '' },
      idDamage: { kind: 'scientific' },
    });
    expect(rows).toHaveLength(3);
  });

  // No retry: the timing question inside exceljs's streaming reader (a sheet's strings not there yet, seen once
  // in a loaded run) went with it (issue 29).
  it('--sheet picks a sheet by name', async () => {
    const { rows } = await readAll(roster, { sheet: 'Sheet2' });
    expect(rows).toEqual([{ line: 2, cells: { id: WANG }, idDamage: null }]);
  });

  it('a sheet that is not there names the sheets that are', async () => {
    expect(await readError(roster, { sheet: 'Sheet9' })).toMatchObject({ code: 'sheet-not-found', message: expect.stringContaining('"花名册", "Sheet2"') });
  });

  it('a file named .xlsx that is not a workbook is a bad file', async () => {
    expect(await readError(writeFile(dir, 'fake.xlsx', 'id,name\n'))).toMatchObject({ name: 'InvalidInput', code: 'bad-xlsx' });
  });
});

describe("shared strings across the inflater's chunks", () => {
  // exceljs's reader cut a Chinese character where one chunk of sharedStrings.xml ended (员工1110 read as \ufffd\ufffd工1110
  // in a 3,000-row workbook written by exceljs): a name changed on import. The parser is fed whole characters.
  it('3,000 Chinese names written by exceljs with shared strings come back whole', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const file = `${dir}/shared-strings.xlsx`;
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['身份证号', '姓名', '用人单位']).commit();
    // Names in Chinese characters only (the number in Chinese numerals): a chunk's end falls inside a character two times in three.
    const name = (i: number) => `员工${[...String(i)].map((d) => '零一二三四五六七八九'[Number(d)]).join('')}号`;
    for (let i = 0; i < 3000; i++) sheet.addRow([WANG, name(i), `单位${i % 5}`]).commit();
    sheet.commit();
    await workbook.commit();
    const { rows } = await readAll(file);
    expect(rows.map((r) => r.cells.name)).toEqual(Array.from({ length: 3000 }, (_, i) => name(i)));
  });
});

describe('numbers as Excel shows them', async () => {
  const { excelNumberText } = await import('../../src/cli/formats/roster/xlsx.js');
  it.each([
    [110105194912310020, '110105194912310000'],
    [4.4e17, '440000000000000000'],
    [110105491231002, '110105491231002'],
    [123456789, '123456789'],
    [1.5, '1.5'],
  ])('%d -> %s', (n, text) => expect(excelNumberText(n)).toBe(text));
});

describe('hostile workbooks', () => {
  it('a row holding more than 1 MiB of text is a bad file, naming the row', async () => {
    const big = 'x'.repeat(600_000);
    const workbook = await writeExcelFile([
      [text('id'), text('name'), text('employer')],
      [text(WANG), text(big), text(big)],
    ]).toBuffer();
    expect(await readError(writeFile(dir, 'big-row.xlsx', workbook))).toMatchObject({ code: 'line-too-long', message: expect.stringContaining('Line 2') });
  });
});

describe("every kind of cell, parts in any order (sscard's own reader, issue 29)", async () => {
  const { readXlsx } = await import('../../src/cli/formats/roster/xlsx.js');
  const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const types = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
  const rootRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  // Relationships relative (as Excel writes them) and absolute (as openpyxl does).
  const workbookRels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
    <Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>
    <Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>
    <Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>
    <Relationship Id="rId4" Type="${REL}/styles" Target="./styles.xml"/>
  </Relationships>`;
  const workbook = (pr: string) =>
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN} xmlns:r="${REL}">${pr}<sheets><sheet name="名单" sheetId="1" r:id="rId1"/><sheet name="其他" sheetId="2" r:id="rId2"/></sheets></workbook>`;
  // Style 1 is a custom date format, 2 is text (@), 3 the built-in date 14.
  const styles = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
    <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
    <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="49"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
  // A rich-text string with a phonetic guide (rPh), which is not part of the text.
  const shared = `<sst ${MAIN} count="3" uniqueCount="3"><si><t>身份证号</t></si>
    <si><r><rPr><b/></rPr><t>用人</t></r><r><t xml:space="preserve">单位</t></r><rPh sb="0" eb="2"><t>ヨウジン</t></rPh></si><si><t>王芳</t></si></sst>`;
  const sheet1 = `<worksheet ${MAIN}><sheetData>
    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c><c r="C1" t="s"><v>1</v></c>
      <c r="D1" t="inlineStr"><is><r><t>入职</t></r><r><t>日期</t></r></is></c><c r="E1" t="inlineStr"><is><t>参保日期</t></is></c><c r="F1" t="inlineStr"><is><t>备注</t></is></c></row>
    <row r="3"><c r="A3" t="inlineStr" s="2"><is><t>${WANG}</t></is></c><c r="B3" t="s"><v>2</v></c><c r="C3" t="str"><f>CONCAT("Acme"," Ltd")</f><v>Acme Ltd</v></c>
      <c r="D3" s="1"><v>46266</v></c><c r="F3" t="e"><v>#N/A</v></c></row>
    <row r="4"><c r="A4"><v>110105194912310020</v></c><c r="B4" t="b"><v>1</v></c><c r="C4"><f>A4*2</f></c><c r="D4" t="d"><v>2026-09-15T00:00:00</v></c>
      <c r="E4"><v>46280</v></c><c r="G4" t="b"><v>0</v></c></row>
    <row r="5"><c t="inlineStr"><is><t>a &amp; b</t></is></c><c s="3"><v>46267.75</v></c></row>
    <row r="6"/>
  </sheetData></worksheet>`;
  // Elements with a prefix for the main namespace, as the Open XML SDK may write them.
  const sheet2 = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c></x:row>
    <x:row r="3"><x:c r="B3" t="inlineStr"><x:is><x:t>${WANG}</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>`;
  // The sheets first, the workbook last (as openpyxl stores them), then the other order.
  const parts = (pr = ''): [string, string][] => [
    ['[Content_Types].xml', types],
    ['xl/worksheets/sheet1.xml', sheet1],
    ['xl/worksheets/sheet2.xml', sheet2],
    ['xl/sharedStrings.xml', shared],
    ['xl/styles.xml', styles],
    ['_rels/.rels', rootRels],
    ['xl/_rels/workbook.xml.rels', workbookRels],
    ['xl/workbook.xml', workbook(pr)],
  ];
  const sheetFirst = zipOfParts(dir, 'sheet-first.xlsx', parts());
  const workbookFirst = zipOfParts(dir, 'workbook-first.xlsx', parts().reverse());
  const date1904 = zipOfParts(dir, 'date1904.xlsx', parts('<workbookPr date1904="1"/>'));
  const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));
  /** Text that does not compress (base64 of random bytes), `length` characters. */
  const noise = (length: number) =>
    randomBytes(Math.ceil((length * 3) / 4))
      .toString('base64')
      .slice(0, length);

  const records = async (file: string, sheet?: string) => {
    const found = [];
    for await (const record of readXlsx(file, sheet)) found.push(record);
    return found;
  };

  it.each([
    ['sheet first', sheetFirst],
    ['workbook first', workbookFirst],
  ])('%s: shared, rich, inline, formula, boolean, error, date and number cells; gaps as empty cells', async (_, file) => {
    expect(await records(file)).toEqual([
      { line: 1, values: ['身份证号', '姓名', '用人单位', '入职日期', '参保日期', '备注'] },
      { line: 3, values: [WANG, '王芳', 'Acme Ltd', utc(2026, 9, 1), null, '#N/A'] },
      // A formula never calculated (no <v>) is empty; a t="d" date without a zone is that day wherever the machine is.
      { line: 4, values: [110105194912310020, true, null, utc(2026, 9, 15), 46280, null, false] },
      // Cells with no reference follow each other; a built-in date format with a time of day.
      { line: 5, values: ['a & b', utc(2026, 9, 2, 18)] },
      { line: 6, values: [] },
    ]);
  });

  it('as a roster: the columns, dates, and an ID in a number cell flagged', async () => {
    const { columns, unknownColumns, rows } = await readAll(sheetFirst);
    expect(columns).toEqual(['id', 'name', 'employer', 'hired_on', 'registered_on', null]);
    expect(unknownColumns).toEqual(['备注']);
    expect(rows.map((r) => [r.line, r.cells, r.idDamage?.kind ?? null])).toEqual([
      [3, { id: WANG, name: '王芳', employer: 'Acme Ltd', hired_on: '2026-09-01', registered_on: '' }, null],
      [4, { id: '110105194912310000', name: 'TRUE', employer: '', hired_on: '2026-09-15', registered_on: '2026-09-15' }, 'number-cell'],
      [5, { id: 'a & b', name: '2026-09-02', employer: '', hired_on: '', registered_on: '' }, null],
    ]);
  });

  it('the 1904 date system (old Mac workbooks): a date cell four years and a day later', async () => {
    const found = await records(date1904);
    expect(found[1]?.values[3]).toEqual(utc(2030, 9, 2));
  });

  it('--sheet by name, its relationship absolute and its elements prefixed; a missing one lists them in tab order', async () => {
    expect(await records(sheetFirst, '其他')).toEqual([
      { line: 2, values: [null, 'id'] },
      { line: 3, values: [null, WANG] },
    ]);
    expect(await readError(sheetFirst, { sheet: 'Sheet9' })).toMatchObject({ code: 'sheet-not-found', message: expect.stringContaining('"名单", "其他"') });
  });

  it('a zip that is not a workbook, a sheet part missing, a string index past the shared strings: the bad-xlsx sentence', async () => {
    const noWorkbook = zipOfParts(dir, 'no-workbook.xlsx', [
      ['[Content_Types].xml', types],
      ['word/document.xml', '<document/>'],
    ]);
    const noSheet = zipOfParts(
      dir,
      'no-sheet.xlsx',
      parts().filter(([name]) => name !== 'xl/worksheets/sheet1.xml'),
    );
    const pastStrings = zipOfParts(
      dir,
      'past-strings.xlsx',
      parts().map(([name, text]): [string, string] => [name, name.endsWith('sheet1.xml') ? text.replace('<v>2</v>', '<v>7</v>') : text]),
    );
    const notXml = zipOfParts(
      dir,
      'not-xml.xlsx',
      parts().map(([name, text]): [string, string] => [name, name.endsWith('sheet1.xml') ? `${text.slice(0, 300)}<<` : text]),
    );
    for (const file of [noWorkbook, noSheet, pastStrings, notXml]) {
      expect(await readError(file), file).toMatchObject({
        code: 'bad-xlsx',
        message: `<file>: ${file} is not a valid .xlsx workbook; save it again as .xlsx from the spreadsheet.`,
      });
    }
  });

  it('a cell reference past column XFD is a bad file, not a row of millions of empty cells', async () => {
    const far = zipOfParts(
      dir,
      'far.xlsx',
      parts().map(([name, text]): [string, string] => [name, name.endsWith('sheet1.xml') ? text.replace('r="F3"', 'r="ZZZZZZ3"') : text]),
    );
    expect(await readError(far)).toMatchObject({ code: 'bad-xlsx' });
  });

  it('more shared strings than the limit are refused in one sentence before the sheet is read (6 M empty strings took 793 MB)', async () => {
    const { SHARED_STRINGS_COUNT_LIMIT } = await import('../../src/cli/formats/roster/xlsx-limits.js');
    // Empty strings, with comments of random text among them so that the part packs under 100:1 (the bomb check).
    const strings = Array.from({ length: 100 }, () => `<!--${noise(2000)}-->${'<si/>'.repeat(SHARED_STRINGS_COUNT_LIMIT / 100)}`).join('');
    const many = zipOfParts(
      dir,
      'many-strings.xlsx',
      parts().map(([name, text]): [string, string] => [name, name.endsWith('sharedStrings.xml') ? `<sst ${MAIN}>${strings}<si/></sst>` : text]),
    );
    expect(await readError(many)).toEqual({
      name: 'InvalidInput',
      code: 'xlsx-too-many-strings',
      message: `The workbook holds more than ${SHARED_STRINGS_COUNT_LIMIT.toLocaleString('en-US')} shared strings (its different texts), more than sscard holds in memory; no row was read: save the sheet as CSV and import that.`,
    });
  });

  it('one text of more than NODE_LIMIT bytes in a sheet is refused as a long row, naming it', async () => {
    const { NODE_LIMIT } = await import('../../src/cli/formats/roster/xlsx-limits.js');
    const long = zipOfParts(
      dir,
      'long-text.xlsx',
      parts().map(([name, text]): [string, string] => [name, name.endsWith('sheet1.xml') ? text.replace('>a &amp; b<', `>${noise(NODE_LIMIT + 1)}<`) : text]),
    );
    expect(await readError(long)).toMatchObject({ code: 'line-too-long', message: expect.stringContaining('Line 5 ') });
  });
});
