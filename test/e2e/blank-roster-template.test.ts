// sscard template (issue 28 item 14): a blank roster with the header row of
// the columns import reads. Given back as it is, it imports nothing and writes
// nothing; filled in by another program (Debian's python3-openpyxl, as a clerk's
// spreadsheet would), it imports, with the identity number kept as text.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/cli/formats/ledger-columns.js';
import { ALIASES } from '../../src/cli/formats/roster/columns.js';
import { BIN, type Ledger, tempLedger } from './harness.js';

const ID = '11010519491231002X';
const PYTHON = '/usr/bin/python3';
const OPENPYXL = spawnSync(PYTHON, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0;
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

/** A ledger holding one person, so that "nothing written" is a ledger left byte for byte as it was. */
function ledgerWithOne(): Ledger {
  const l = tempLedger();
  expect(l.run(['register-employee', '--id', ID, '--employer', '甲公司', '--hired-on', '2026-11-01', '--pending']).code).toBe(0);
  return l;
}

/** The template as a file. The workbook's bytes come from a process of its own: the in-process harness gives standard output as text. */
function template(l: Ledger, format: 'csv' | 'xlsx', headers: 'en' | 'zh'): string {
  const r = spawnSync(process.execPath, [BIN, 'template', '--format', format, '--headers', headers], { env: { PATH: process.env.PATH ?? '' } });
  expect(r.status, String(r.stderr)).toBe(0);
  const file = path.join(l.dir, `template-${headers}.${format}`);
  fs.writeFileSync(file, r.stdout);
  return file;
}

describe('sscard template', () => {
  it.each(['en', 'zh'] as const)('csv, --headers %s: the header row of every column import reads, and nothing else', (headers) => {
    ledger = tempLedger();
    const text = fs.readFileSync(template(ledger, 'csv', headers), 'utf8');
    expect(text).toBe(`\uFEFF${COLUMNS.map((c) => (headers === 'zh' ? ALIASES[c][0] : c)).join(',')}\r\n`);
  });

  it.each([
    ['csv', 'en'],
    ['csv', 'zh'],
    ['xlsx', 'en'],
    ['xlsx', 'zh'],
  ] as const)('%s --headers %s given back to import: 0 rows, nothing written', (format, headers) => {
    ledger = ledgerWithOne();
    const file = template(ledger, format, headers);
    const before = ledger.bytes();
    const r = ledger.run(['import', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ rows: 0, changed: 0, events: 0, invalidCount: 0 });
    expect(ledger.bytes()).toEqual(before);
  });

  it.skipIf(!OPENPYXL && process.env.SSCARD_CI !== '1')('filled in by openpyxl, the Chinese template imports; its ID columns are text', () => {
    ledger = tempLedger();
    const file = template(ledger, 'xlsx', 'zh');
    const filled = path.join(ledger.dir, 'filled.xlsx');
    const script = `
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
header = [c.value for c in ws[1]]
# The template's formats, as a spreadsheet program reads them: the ID column is text.
print(ws.title, ws.column_dimensions['A'].number_format)
row = {'身份证号': '${ID}', '姓名': '王芳', '用人单位': '北京某某有限公司', '入职日期': datetime.datetime(2026, 11, 2), '社保卡号': 'A12345678', '银行': '工商银行', '制卡日期': datetime.datetime(2026, 6, 1)}
ws.append([row.get(h) for h in header])
wb.save(sys.argv[2])
`;
    const made = spawnSync(PYTHON, ['-c', script, file, filled], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stdout.trim()).toBe('花名册 @');
    const r = ledger.run(['import', filled, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json).toMatchObject({ rows: 1, changed: 1, invalidCount: 0 });
    const status = ledger.run(['status', ID, '--json']).json;
    expect(status.registrations.map((h: { employer: string; hiredOn: string }) => [h.employer, h.hiredOn])).toEqual([['北京某某有限公司', '2026-11-02']]);
    expect(status.card).toMatchObject({ number: 'A12345678', bank: '工商银行', issuedOn: '2026-06-01' });
  });
});
