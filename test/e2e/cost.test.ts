// SPEC 1.9 and 1.10 end to end: employers as records with a checked unified
// social credit code and a city, a roster with both columns round trip,
// `rates` and `rates load`, the cost of an overdue registration under status
// (and in its JSON), the Art. 58/84 sentence once, and the HR month's cut-off
// in `due`. The loaded year is test data (test/e2e/cost.test.ts's LOADED), not a city's figures.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expectCleanError, type Ledger, type RunResult, tempLedger } from './harness.js';

const WANG = '11010519491231002X';
const LI = '110105194912310011';
let ledger: Ledger;
afterEach(() => ledger?.cleanup());

const ok = (r: RunResult): RunResult => {
  expect(r.stderr, r.stderr).not.toMatch(/Error|at /);
  expect(r.code, r.stderr).toBe(0);
  return r;
};

// Made-up figures for a made-up year, to load: a due day and a cut-off, which no shipped city has yet.
const LOADED = {
  version: 1,
  sources: { t: { title: 'test data, not a bureau notice', url: 'https://example.test/contributions', date: '2026-12-06', confidence: 'low' } },
  years: [
    {
      city: 'shanghai',
      year: 2026,
      from: '2026-07-01',
      to: '2027-06-30',
      base: { floor: 7000, ceiling: 35000, source: 't' },
      pension: { employer: 16, employee: 8, source: 't' },
      medical: { employer: 10, employee: 2, source: 't' },
      unemployment: { employer: 0.5, employee: 0.5, source: 't' },
      injury: { employer: 0.2, employee: 0, range: { min: 0.2, max: 1.52 }, source: 't' },
      dueDay: { day: 15, source: 't' },
      cutoff: { day: 20, source: 't' },
    },
  ],
};

describe('employers as records (SPEC 1.10)', () => {
  it('refuses a wrong credit code with exit 2 and one sentence, in either language, writing nothing', () => {
    ledger = tempLedger();
    const r = ledger.run(['employer', 'add', 'Acme Ltd', '--uscc', '91110000600037341N', '--city', 'Beijing']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^sscard: --uscc: the check character \(the 18th\) does not match the first 17; [^\n]+\.\n$/);
    expectCleanError(r.stderr);
    expect(ledger.bytes()).toBeNull();
    const zh = ledger.run(['employer', 'add', 'Acme Ltd', '--uscc', '9111000060003IOZSV', '--lang', 'zh']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^sscard: --uscc：统一社会信用代码由数字和除 I、O、S、V、Z 以外的大写字母组成；[^\n]+。\n$/);
    const json = ledger.run(['employer', 'add', 'Acme Ltd', '--uscc', '12345', '--json']);
    expect(json.code).toBe(2);
    expect(json.json.error.code).toBe('uscc-invalid');
  });

  it('records, lists and sets; a hire creates an employer with its name only', () => {
    ledger = tempLedger();
    ok(ledger.run(['employer', 'add', 'Acme Ltd', '--uscc', '91 110000 600037341L', '--city', '北京']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Beta Co', '--hired-on', '2026-11-02', '--pending']));
    expect(ok(ledger.run(['employer', 'list', '--json'])).json.employers).toEqual([
      { name: 'Acme Ltd', uscc: '91110000600037341L', city: 'beijing', hasData: true },
      { name: 'Beta Co', uscc: null, city: null, hasData: false },
    ]);
    ok(ledger.run(['employer', 'set', 'Beta Co', '--city', 'Shanghai']));
    expect(ok(ledger.run(['employer', 'list'])).stdout).toBe('Acme Ltd  91110000600037341L  Beijing\nBeta Co  (no credit code)  Shanghai\n');
    // One organisation, one code; one code, one organisation.
    const taken = ledger.run(['employer', 'add', 'Gamma', '--uscc', '91110000600037341L']);
    expect([taken.code, taken.stderr]).toEqual([
      1,
      'sscard: --uscc: that unified social credit code is already recorded for Acme Ltd; one code names one employer.\n',
    ]);
    expect(ledger.run(['employer', 'set', 'Nobody', '--city', 'Beijing']).code).toBe(1);
  });

  it('a roster with credit codes and cities imports, and exports round trip', () => {
    ledger = tempLedger();
    const file = path.join(ledger.dir, '花名册.csv');
    fs.writeFileSync(
      file,
      '身份证号,姓名,用人单位,统一社会信用代码,参保地,入职日期,缴费基数\n' +
        `${WANG},王芳,Acme Ltd,91110000600037341L,北京,2026-11-02,8000\n` +
        `${LI},李雷,Beta Co,91310115MA1K3BTP2B,上海,2026-11-03,"9,500.50"\n`,
    );
    ok(ledger.run(['import', file]));
    const exported = ok(ledger.run(['export', '--reveal'])).stdout;
    expect(exported.split('\n')[0]).toContain(',ecard_claimed_on,employer_uscc,employer_city,base');
    expect(exported).toContain(',91110000600037341L,beijing,8000.00');
    expect(exported).toContain(',91310115MA1K3BTP2B,shanghai,9500.50');
    const again = tempLedger();
    try {
      const copy = path.join(again.dir, 'export.csv');
      fs.writeFileSync(copy, exported);
      ok(again.run(['import', copy]));
      expect(ok(again.run(['export', '--reveal'])).stdout).toBe(exported);
      expect(ok(again.run(['employer', 'list', '--json'])).json).toEqual(ok(ledger.run(['employer', 'list', '--json'])).json);
    } finally {
      again.cleanup();
    }
  });

  it("a roster row with a wrong code is that row's error (exit 2), and nothing is imported", () => {
    ledger = tempLedger();
    const file = path.join(ledger.dir, 'r.csv');
    fs.writeFileSync(file, `id,employer,employer_uscc,hired_on\n${WANG},Acme Ltd,91110000600037341N,2026-11-02\n`);
    const r = ledger.run(['import', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 2, employer_uscc: is not a valid unified social credit code: the check character (the 18th) does not match the first 17');
    expect(ledger.bytes()).toBeNull();
  });
});

describe('rates and the cost of an overdue registration (SPEC 1.9)', () => {
  it('lists the shipped data with sources, and unknown where none was found', () => {
    ledger = tempLedger();
    const out = ok(ledger.run(['rates', 'beijing'])).stdout;
    expect(out).toContain('Monthly base (缴费基数, floor .. ceiling): 7,162.00 .. 35,811.00');
    expect(out).toContain('Pension: employer 16%, employee 8%');
    expect(out).toContain('confidence low');
    const shenzhen = ok(ledger.run(['rates', '深圳', '--lang', 'zh'])).stdout;
    expect(shenzhen).toContain('月缴费基数（下限 .. 上限）：未知');
    expect(ledger.run(['rates', 'Atlantis']).code).toBe(1);
  });

  it('status shows the cost once per registration with its arithmetic, and Art. 58/84 once', () => {
    ledger = tempLedger('2025-10-20');
    ok(ledger.run(['employer', 'add', 'Acme Ltd', '--city', 'Beijing']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2025-09-01', '--pending', '--base', '10000']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2025-09-15', '--pending']));
    const text = ok(ledger.run(['status', WANG])).stdout;
    expect(text).toContain(
      [
        '    Estimated cost in yuan (Beijing, 2 months):',
        '      premiums owed: employer 5,340.00, employee 2,100.00',
        '        employer: 2 months × 10,000.00 × 26.7%',
        '        employee: 2 months × 10,000.00 × 10.5%',
        '      late fee (滞纳金, 0.05% a day, Art. 86): 37.20',
        '        2025-09: 3,720.00 × 20 days × 0.05% = 37.20',
      ].join('\n'),
    );
    expect(text).toContain('no base recorded: from the floor to the ceiling');
    expect(text.match(/Art\. 58/g)).toHaveLength(1);
    const json = ok(ledger.run(['status', WANG, '--json'])).json;
    const [exact, range] = json.registrations;
    expect(exact.cost).toMatchObject({
      unit: 'fen',
      city: 'beijing',
      base: { exact: 1_000_000 },
      premiums: { employer: { min: 534_000, max: 534_000 }, employee: { min: 210_000, max: 210_000 } },
      lateFee: { min: 3_720, max: 3_720 },
      fineRange: { min: 744_000, max: 2_232_000 },
      missing: [],
    });
    expect(range.cost.base).toEqual({ min: 716_200, max: 3_581_100 });
    expect(range.cost.sources[0].confidence).toBe('low');
  });

  it('names what is missing instead of a figure, in both languages', () => {
    ledger = tempLedger('2025-10-20');
    ok(ledger.run(['employer', 'add', 'Acme Ltd', '--city', 'Shenzhen']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2025-09-01', '--pending']));
    const zh = ok(ledger.run(['status', WANG, '--lang', 'zh'])).stdout;
    expect(zh).toContain('费用：缺少数据，未估算：');
    expect(zh).toContain('深圳市 2025 年度的缴费基数上下限未知');
    const json = ok(ledger.run(['status', WANG, '--json'])).json.registrations[0].cost;
    expect(json.premiums).toBeNull();
    expect(json.missing[0]).toEqual({ kind: 'base', city: 'shenzhen', year: 2025 });
  });

  it('rates load stores a newer year in the ledger; due shows the cut-off beside the deadline and counts it in --within', () => {
    ledger = tempLedger('2026-11-10');
    const file = path.join(ledger.dir, 'shanghai-2026.json');
    fs.writeFileSync(file, JSON.stringify(LOADED));
    expect(ok(ledger.run(['rates', 'load', file])).stdout).toBe('Loaded 1 contribution year: Shanghai 2026. Estimates now use it.\n');
    expect(ok(ledger.run(['rates', 'shanghai'])).stdout).toContain('by day 20 of each month');
    ok(ledger.run(['employer', 'add', 'Beta Co', '--city', '上海']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Beta Co', '--hired-on', '2026-11-03', '--pending']));
    const due = ok(ledger.run(['due', '--json'])).json.items[0];
    expect(due.deadline.date).toBe('2026-12-03');
    expect(due.cutoff).toEqual({ date: '2026-11-20', month: '2026-11' });
    expect(ok(ledger.run(['due'])).stdout).toContain("增员 cut-off: file by 2026-11-20 for 2026-11's coverage");
    // The deadline is 23 days away, the cut-off 10: --within 12 shows the item for its cut-off.
    expect(ok(ledger.run(['due', '--within', '12', '--json'])).json.items).toHaveLength(1);
    expect(ok(ledger.run(['status', WANG, '--json'])).json.registrations[0].cutoff).toEqual({ date: '2026-11-20', month: '2026-11' });
    // A broken file names the entry and the field, and changes nothing.
    const broken = path.join(ledger.dir, 'broken.json');
    fs.writeFileSync(broken, JSON.stringify({ ...LOADED, years: [{ ...LOADED.years[0], base: { floor: 'x', ceiling: 1, source: 't' } }] }));
    const r = ledger.run(['rates', 'load', broken, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`sscard: ${broken}：shanghai 2026，字段 base.floor：应为以元为单位、最多两位小数的金额\n`);
    // What is not a JSON file is refused in rates' own words (the reader calendar load shares).
    fs.writeFileSync(broken, '{"years": [');
    const notJson = ledger.run(['rates', 'load', broken, '--json']);
    expect(notJson.code).toBe(2);
    expect(notJson.json.error).toEqual({
      code: 'not-json',
      message: `<file.json>: ${broken} is not valid JSON; give a file in the format of data/contributions.json.`,
    });
    expect(ledger.run(['rates', 'load', ledger.dir, '--json']).json.error.code).toBe('not-a-file');
  });
});
