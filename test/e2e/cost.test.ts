// SPEC 1.9 and 1.10 end to end: employers as records with a checked unified
// social credit code and a city, a roster with both columns round trip,
// `rates` and `rates load`, the cost of an overdue registration under status
// (and in its JSON), the Art. 58/84 sentence once, and the HR month's cut-off
// in `due`. The loaded year is test data (test/e2e/cost.test.ts's LOADED), not a city's figures.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { checkCharacter } from '../../src/core/citizen-id.js';
import { BIN, expectCleanError, type Ledger, type RunResult, tempLedger } from './harness.js';

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

// The same year with a medical base of its own from July to December 2026 (9,500 .. 40,000), to carry
// per-insurance bases through rates load, the ledger, export and import.
const LOADED_BASES = {
  ...LOADED,
  years: [{ ...LOADED.years[0], bases: { medical: [{ from: '2026-07', to: '2026-12', floor: 9500, ceiling: 40000, source: 't' }] } }],
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

  // The code a row gives an employer is known to the rows after it in the same import (EmployerBook keeps the
  // employers by code as it records them): another employer given it is that row's error, in its sentence.
  it('a roster row giving another employer the code an earlier row gave one is refused, naming the first', () => {
    ledger = tempLedger();
    const file = path.join(ledger.dir, 'r.csv');
    fs.writeFileSync(file, `id,employer,employer_uscc,hired_on\n${WANG},Acme Ltd,91110000600037341L,2026-11-02\n${LI},Beta Co,91110000600037341L,2026-11-03\n`);
    const r = ledger.run(['import', file]);
    expect([r.code, r.stderr]).toEqual([
      2,
      'line 3, employer_uscc: that unified social credit code is already recorded for Acme Ltd; one code names one employer.\n' +
        'sscard: 1 of 2 rows is invalid, so nothing was imported; fix it or use --skip-invalid to import the others.\n',
    ]);
    expect(ledger.bytes()).toBeNull();
    const skipped = ledger.run(['import', '--skip-invalid', file]);
    expect([skipped.code, skipped.stderr]).toEqual([
      0,
      'line 3, employer_uscc: that unified social credit code is already recorded for Acme Ltd; one code names one employer.\n',
    ]);
    expect(ok(ledger.run(['employer', 'list', '--json'])).json.employers).toEqual([
      { name: 'Acme Ltd', uscc: '91110000600037341L', city: null, hasData: false },
    ]);
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
    expect(out).toContain('rsj.beijing.gov.cn/xxgk/2024zcwj/202509/t20250918_4204880.html');
    const shanghai = ok(ledger.run(['rates', '上海'])).stdout;
    expect(shanghai).toContain('Monthly base (缴费基数, floor .. ceiling): 7,460.00 .. 37,302.00');
    expect(shanghai).toContain('Monthly base (缴费基数, floor .. ceiling): 7,546.00 .. 37,731.00');
    expect(shanghai).toContain('Unemployment: unknown');
    const shenzhen = ok(ledger.run(['rates', '深圳', '--lang', 'zh'])).stdout;
    expect(shenzhen).toContain('月缴费基数（下限 .. 上限），适用于无单独基数的险种：未知');
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
        '      premiums owed: employer 5,300.00, employee 2,100.00',
        '        employer: 2 months × 10,000.00 × 26.5%',
        '        employee: 2 months × 10,000.00 × 10.5%',
        '      late fee (滞纳金, 0.05% a day, Art. 86): 37.00',
        '        2025-09: 3,700.00 × 20 days × 0.05% = 37.00',
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
      premiums: { employer: { min: 530_000, max: 530_000 }, employee: { min: 210_000, max: 210_000 } },
      lateFee: { min: 3_700, max: 3_700 },
      fineRange: { min: 740_000, max: 2_220_000 },
      missing: [],
    });
    expect(range.cost.base).toEqual({ min: 716_200, max: 3_581_100 });
    expect(range.cost.sources.map((x: { confidence: string }) => x.confidence)).toEqual(['medium', 'low', 'medium']);
  });

  it('a city with a base per insurance: rates shows each one, status says which base each insurance used (Shenzhen, January 2026)', () => {
    ledger = tempLedger('2026-02-10');
    const rates = ok(ledger.run(['rates', 'shenzhen'])).stdout;
    expect(rates).toContain(
      [
        'Shenzhen 2025 (2026-01-01 .. 2026-06-30)',
        '  Monthly base (缴费基数, floor .. ceiling), for the insurances without their own: unknown',
        '  Pension: employer 16%, employee 8%',
        '    its own base (floor .. ceiling): 4,775.00 .. 27,549.00',
        '  Medical (maternity included): employer 6.5%, employee 2%',
        '    its own base (floor .. ceiling): 6,727.00 .. 33,633.00',
      ].join('\n'),
    );
    // Guangzhou's medical base is known from January 2026 only: the months before are shown unknown.
    expect(ok(ledger.run(['rates', 'guangzhou'])).stdout).toContain(
      ['    its own base 2025-07 .. 2025-12: unknown', '    its own base 2026-01 .. 2026-06: 6,234.00 .. 31,170.00'].join('\n'),
    );
    const zh = ok(ledger.run(['rates', '深圳', '--lang', 'zh'])).stdout;
    expect(zh).toContain('  医疗保险（含生育保险）：单位 6.5%，个人 2%\n    单独缴费基数（下限 .. 上限）：6,727.00 .. 33,633.00');
    const json = ok(ledger.run(['rates', 'shenzhen', '--json'])).json.years;
    expect(json[1].bases.medical).toEqual([
      {
        from: '2026-01',
        to: '2026-06',
        floor: 672_700,
        ceiling: 3_363_300,
        source: expect.objectContaining({ url: expect.stringContaining('hsa.sz.gov.cn') }),
      },
    ]);
    expect(json[0].bases.medical).toEqual([]); // unknown for July to December 2025
    expect(json[0].bases.injury).toBeUndefined(); // the common base (unknown)

    ok(ledger.run(['employer', 'add', 'Acme Ltd', '--city', 'Shenzhen']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-01-05', '--pending', '--base', '5000']));
    const text = ok(ledger.run(['status', WANG])).stdout;
    // test/core/cost.test.ts has the arithmetic to the fen.
    expect(text).toContain(
      [
        '    Estimated cost in yuan (Shenzhen, 2 months):',
        '      premiums owed: employer 2,574.52, employee 1,089.08',
        '        Pension: employer 2 months × 5,000.00 × 16%; employee 2 months × 5,000.00 × 8%',
        '        Medical (maternity included): employer 2 months × 6,727.00 × 6.5%; employee 2 months × 6,727.00 × 2%',
        '        Unemployment: employer 2 months × 5,000.00 × 0.8%; employee 2 months × 5,000.00 × 0.2%',
        '        Work injury (class 1): employer 2 months × 5,000.00 × 0.2%',
        '      late fee (滞纳金, 0.05% a day, Art. 86): 9.16',
        '        2026-01: 1,831.80 × 10 days × 0.05% = 9.16',
      ].join('\n'),
    );
    const zhStatus = ok(ledger.run(['status', WANG, '--lang', 'zh'])).stdout;
    expect(zhStatus).toContain('医疗保险（含生育保险）：单位 2 个月 × 6,727.00 × 6.5%；个人 2 个月 × 6,727.00 × 2%');
    const cost = ok(ledger.run(['status', WANG, '--json'])).json.registrations[0].cost;
    expect(cost.months[0].insurances.medical).toEqual({
      base: { min: 672_700, max: 672_700 },
      ratesPercent: { employer: 6.5, employee: 2 },
      premiums: { employer: { min: 43_726, max: 43_726 }, employee: { min: 13_454, max: 13_454 } },
    });
    expect(cost.months[0].insurances.pension.base).toEqual({ min: 500_000, max: 500_000 });
    expect(cost.premiums).toEqual({ employer: { min: 257_452, max: 257_452 }, employee: { min: 108_908, max: 108_908 } });
  });

  it('a year an older sscard stored in the ledger (without bases) still reads, and estimates as before', () => {
    ledger = tempLedger('2026-11-10');
    const file = path.join(ledger.dir, 'shanghai-2026.json');
    fs.writeFileSync(file, JSON.stringify(LOADED));
    ok(ledger.run(['rates', 'load', file]));
    ok(ledger.run(['employer', 'add', 'Beta Co', '--city', 'Shanghai']));
    ok(ledger.run(['register-employee', '--id', LI, '--employer', 'Beta Co', '--hired-on', '2026-09-01', '--pending', '--base', '9000']));
    const before = ok(ledger.run(['status', LI, '--json'])).json.registrations[0].cost;
    // As the version before per-insurance bases wrote the row: the parsed year without `bases`.
    const db = new Database(ledger.db);
    const row = db.prepare('SELECT entry FROM contribution_year').get() as { entry: string };
    const { bases, ...older } = JSON.parse(row.entry);
    expect(bases).toEqual({});
    db.prepare('UPDATE contribution_year SET entry = ?').run(JSON.stringify(older));
    db.close();
    expect(ok(ledger.run(['status', LI, '--json'])).json.registrations[0].cost).toEqual(before);
    expect(before.premiums.employer.min).toBe(3 * (1_440_00 + 900_00 + 45_00 + 18_00));
    expect(ok(ledger.run(['rates', 'shanghai'])).stdout).toContain('Monthly base (缴费基数, floor .. ceiling): 7,000.00 .. 35,000.00');
    // And the export carries it in the data file's form, without bases.
    const exported = exportTo(ledger, 'json', '2026-11-10');
    expect(
      JSON.parse(
        `${fs
          .readFileSync(exported, 'utf8')
          .split('\n')[0]!
          .replace(/,"events":\[$/, '')}}`,
      ).rates[0].data.years[0].bases,
    ).toBeUndefined();
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
    // Medical has a base of its own, unknown for 2025; work injury uses the common base, unknown.
    expect(json.missing.slice(0, 2)).toEqual([
      { kind: 'base', city: 'shenzhen', year: 2025, insurance: 'medical', month: '2025-09' },
      { kind: 'base', city: 'shenzhen', year: 2025 },
    ]);
    expect(zh).toContain('深圳市 2025 年度医疗保险单独的缴费基数上下限在 2025-09 未知');
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
    // A pending separation (减员) shows the cut-off of its leaving month too.
    ok(ledger.run(['register-employee', '--id', LI, '--employer', 'Beta Co', '--hired-on', '2026-08-03', '--registered-on', '2026-08-10']));
    ok(ledger.run(['leave', '--id', LI, '--employer', 'Beta Co', '--left-on', '2026-11-06']));
    const separation = ok(ledger.run(['due', '--json'])).json.items.find((i: { kind: string }) => i.kind === 'separation');
    expect(separation.cutoff).toEqual({ date: '2026-11-20', month: '2026-11' });
    expect(ok(ledger.run(['due'])).stdout).toContain("减员 cut-off: file by 2026-11-20 for 2026-11's contributions to stop");
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

  // due --json makes the texts many items share once (src/cli/commands/due.ts: by employer, by deadline, and a hire's
  // tail by city, kind, state, days and base); status words each hire on its own. Items alike in all but one of those
  // parts must still each get their own.
  it('due --json gives each hire the deadline, cut-off and cost status gives it, when items share an employer, a day or a city', () => {
    ledger = tempLedger('2026-11-24');
    const file = path.join(ledger.dir, 'shanghai-2026.json');
    fs.writeFileSync(file, JSON.stringify(LOADED));
    ok(ledger.run(['rates', 'load', file]));
    ok(ledger.run(['employer', 'add', 'North Co', '--city', '北京']));
    ok(ledger.run(['employer', 'add', 'East Co', '--city', '上海']));
    const person = (n: number) => {
      const first17 = `11010519800101${100 + n}`;
      return first17 + checkCharacter(first17);
    };
    const hires: [employer: string, hiredOn: string, base: string | null][] = [
      ['North Co', '2026-09-01', '8000'], // the same employer and day as the next, another base
      ['North Co', '2026-09-01', '12000'],
      ['North Co', '2026-09-01', null], // no base
      ['East Co', '2026-09-01', '12000'], // the same day and base in another city (a cut-off of its own)
      ['East Co', '2026-09-02', '12000'], // the next day
      ['East Co', '2026-11-10', null], // not yet due
    ];
    for (const [n, [employer, hiredOn, base]] of hires.entries())
      ok(ledger.run(['register-employee', '--id', person(n), '--employer', employer, '--hired-on', hiredOn, '--pending', ...(base ? ['--base', base] : [])]));
    // A leaver of East Co whose transfer is pending (减员), on a day another item shares.
    ok(ledger.run(['register-employee', '--id', person(9), '--employer', 'East Co', '--hired-on', '2026-03-02', '--registered-on', '2026-03-05']));
    ok(ledger.run(['leave', '--id', person(9), '--employer', 'East Co', '--left-on', '2026-11-10']));
    const items = ok(ledger.run(['due', '--json', '--reveal'])).json.items as Record<string, unknown>[];
    expect(items).toHaveLength(hires.length + 1);
    const costs = new Set<string>();
    for (const item of items) {
      const [hire] = ok(ledger.run(['status', item.id as string, '--json'])).json.registrations;
      // A separation's deadline, state and cut-off are its own; the registration's cost (none: filed on time) is the hire's.
      const duty = item.kind === 'registration' ? hire : hire.separation;
      expect({
        deadline: duty.deadline,
        state: duty.state,
        daysLeft: duty.daysLeft,
        employer: hire.employer,
        hiredOn: hire.hiredOn,
        card: null,
        cutoff: duty.cutoff,
        cost: item.kind === 'registration' ? hire.cost : null,
      }).toEqual({
        deadline: item.deadline,
        state: item.state,
        daysLeft: item.daysLeft,
        employer: item.employer,
        hiredOn: item.hiredOn,
        card: item.card,
        cutoff: item.cutoff,
        cost: item.cost,
      });
      costs.add(JSON.stringify(item.cost));
    }
    // Five overdue registrations with four costs (two bases, none, another city; East Co's two days cost alike), and null.
    expect(costs.size).toBe(5);
  });
});

/** `sscard export --format FORMAT --reveal > file`, as a user does it (bytes: xlsx is a zip file). */
function exportTo(from: Ledger, format: 'json' | 'csv' | 'xlsx', today: string): string {
  const file = path.join(from.dir, `export.${format}`);
  const out = fs.openSync(file, 'w');
  const r = spawnSync(process.execPath, [BIN, '--db', from.db, 'export', '--format', format, '--reveal'], {
    stdio: ['ignore', out, 'pipe'],
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LANG: 'C', SSCARD_TODAY: today },
  });
  fs.closeSync(out);
  expect(r.status, String(r.stderr)).toBe(0);
  return file;
}

describe('export -> import into an empty ledger keeps employers and loaded rates (SPEC 2.3, 1.9, 1.10)', () => {
  const TODAY = '2026-11-10';
  const setUp = () => {
    ledger = tempLedger(TODAY);
    const file = path.join(ledger.dir, 'shanghai-2026.json');
    fs.writeFileSync(file, JSON.stringify(LOADED_BASES));
    ok(ledger.run(['rates', 'load', file]));
    ok(ledger.run(['employer', 'add', 'Acme Ltd', '--uscc', '91110000600037341L', '--city', '北京']));
    ok(ledger.run(['employer', 'add', 'Beta Co', '--uscc', '91310115MA1K3BTP2B', '--city', 'Shanghai']));
    ok(ledger.run(['employer', 'add', 'Gamma', '--city', 'Ningbo'])); // a city the data does not know, kept as typed
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', 'Acme Ltd', '--hired-on', '2026-10-12', '--pending', '--base', '12000']));
    // Shanghai 2026 from the loaded year: its months have figures only with the loaded unemployment rate.
    ok(ledger.run(['register-employee', '--id', LI, '--employer', 'Beta Co', '--hired-on', '2026-09-01', '--pending', '--base', '9000']));
  };

  it('json: the employer list, the rates and status --json (cost included) are the same after the round trip', () => {
    setUp();
    const file = exportTo(ledger, 'json', TODAY);
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toMatch(
      /^\{"format":"sscard-events","version":2,"asOf":"[^"]+","employers":\[.*\],"rates":\[.*\],"events":\[$/,
    );
    const copy = tempLedger(TODAY);
    try {
      ok(copy.run(['import', file]));
      expect(ok(copy.run(['employer', 'list', '--json'])).json).toEqual(ok(ledger.run(['employer', 'list', '--json'])).json);
      expect(ok(copy.run(['rates'])).stdout).toBe(ok(ledger.run(['rates'])).stdout);
      expect(ok(copy.run(['rates', '--json'])).json).toEqual(ok(ledger.run(['rates', '--json'])).json);
      for (const id of [WANG, LI])
        expect(ok(copy.run(['--reveal', 'status', id, '--json'])).json).toEqual(ok(ledger.run(['--reveal', 'status', id, '--json'])).json);
      // The cost really came from the loaded year: three months of Shanghai 2026 at 9,000 (its own figures, not shipped
      // ones), medical on its own floor 9,500 (x 10% = 950.00), which came through the export and import too.
      const cost = ok(copy.run(['status', LI, '--json'])).json.registrations[0].cost;
      expect([cost.premiums?.employer.min, cost.missing]).toEqual([3 * (1_440_00 + 950_00 + 45_00 + 18_00), []]);
      expect(ok(copy.run(['rates', 'shanghai', '--json'])).json.years.at(-1).bases.medical[0]).toMatchObject({ from: '2026-07', floor: 950_000 });
      // Importing the same file again changes nothing.
      const before = copy.bytes();
      expect(ok(copy.run(['import', file])).stdout).toMatch(/0 with changes/);
      expect(copy.bytes()!.equals(before!)).toBe(true);
    } finally {
      copy.cleanup();
    }
  });

  it('json: a wrong credit code or a different loaded year in the file is a bad line, and nothing is imported', () => {
    setUp();
    const file = exportTo(ledger, 'json', TODAY);
    const [first, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
    const bad = path.join(ledger.dir, 'bad.json');
    fs.writeFileSync(bad, [first!.replace('91110000600037341L', '91110000600037341N'), ...rest].join('\n'));
    const copy = tempLedger(TODAY);
    try {
      const r = copy.run(['import', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('line 1, employers[0]');
      expect(copy.bytes()).toBeNull();
      // A ledger that loaded other figures for Shanghai 2026 keeps them: the import does not replace loaded rates.
      const other = path.join(copy.dir, 'other.json');
      fs.writeFileSync(other, JSON.stringify({ ...LOADED, years: [{ ...LOADED.years[0], base: { floor: 7100, ceiling: 35000, source: 't' } }] }));
      ok(copy.run(['rates', 'load', other]));
      const refused = copy.run(['import', file, '--lang', 'zh']);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('上海市 2026');
      expect(ok(copy.run(['rates', 'shanghai'])).stdout).toContain('7,100.00 .. 35,000.00');
    } finally {
      copy.cleanup();
    }
  });

  it.each(['csv', 'xlsx'] as const)('%s: credit codes and cities come back, and the second export is the same', (format) => {
    setUp();
    const file = exportTo(ledger, format, TODAY);
    const copy = tempLedger(TODAY);
    try {
      ok(copy.run(['import', file]));
      // Gamma has no hire, so a roster cannot carry it; the employers that hires name come back whole.
      const named = (l: Ledger) => ok(l.run(['employer', 'list', '--json'])).json.employers.filter((e: { name: string }) => e.name !== 'Gamma');
      expect(named(copy)).toEqual(named(ledger));
      expect(named(copy).map((e: { uscc: string; city: string }) => [e.uscc, e.city])).toEqual([
        ['91110000600037341L', 'beijing'],
        ['91310115MA1K3BTP2B', 'shanghai'],
      ]);
      expect(fs.readFileSync(exportTo(copy, 'csv', TODAY), 'utf8')).toBe(fs.readFileSync(exportTo(ledger, 'csv', TODAY), 'utf8'));
    } finally {
      copy.cleanup();
    }
  });
});

describe('the Chinese output speaks Chinese (issue 27 item 3)', () => {
  /** What is left once source lines (title, address), commands, file names and the city ids of a loaded file are set aside. */
  const prose = (text: string) =>
    text
      .split('\n')
      .filter((line) => !/^\s+- .*https?:\/\//.test(line))
      .join('\n')
      .replace(/`[^`]*`/g, '')
      .replace(/https?:\/\/\S+/g, '')
      .replace(/data\/contributions\.(json|md)/g, '')
      .replace(/--base/g, '');

  it('rates --lang zh: the labels, the values and the notes, with no English word', () => {
    ledger = tempLedger();
    const out = ok(ledger.run(['rates', '--lang', 'zh'])).stdout;
    expect(out).toContain('说明：费率取自一个薪资计算器');
    expect(out).toContain('养老保险：单位 16%，个人 8%');
    expect(prose(out)).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('the cost lines under status --lang zh, estimated and not, with no English word', () => {
    ledger = tempLedger('2025-12-20');
    ok(ledger.run(['employer', 'add', '甲公司', '--city', '上海']));
    ok(ledger.run(['employer', 'add', '乙公司', '--city', '深圳']));
    ok(ledger.run(['register-employee', '--id', WANG, '--employer', '甲公司', '--hired-on', '2025-11-03', '--pending', '--base', '7460']));
    ok(ledger.run(['register-employee', '--id', LI, '--employer', '乙公司', '--hired-on', '2025-11-03', '--pending']));
    const shanghai = ok(ledger.run(['status', WANG, '--lang', 'zh'])).stdout;
    const block = shanghai.slice(shanghai.indexOf('费用估算'), shanghai.indexOf('来源：') + 40);
    expect(block).toContain('应缴社会保险费：单位 3,834.44，个人 1,566.60');
    expect(block).toContain('2025-11：2,700.52 × 20 天 × 0.05% = 27.01');
    expect(block).toContain('来源：`sscard rates 上海市`');
    expect(prose(block)).not.toMatch(/[A-Za-z]{2,}/);
    const shenzhen = ok(ledger.run(['status', LI, '--lang', 'zh'])).stdout;
    const missing = shenzhen.slice(shenzhen.indexOf('费用：缺少数据'));
    expect(prose(missing.split('\n').slice(0, 6).join('\n'))).not.toMatch(/[A-Za-z]{2,}/);
  });
});
