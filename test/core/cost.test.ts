// The estimate of SPEC 1.9, checked against worked examples computed by hand
// (the arithmetic is in each comment), to the fen, one per city the data ships
// figures for: Beijing 2025 and Shanghai July-December 2025 (Shanghai's against
// the figures of an open-source payroll project's own worked case). The
// other shipped years have unknowns, so their estimate names what is missing.
// The July year boundary and the leap day use a test table (TEST_TABLE below:
// made-up figures, not a real city's).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import {
  type ContributionTable,
  type ContributionYear,
  contributionFile,
  findCity,
  INSURANCES,
  parseContributions,
  sourcesOf,
  storedYear,
  withLoaded,
} from '../../src/core/contributions.js';
import { declarationCutoff, lateFee, premium, registrationCost } from '../../src/core/cost.js';

const d = (s: string) => s as IsoDate;
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const shippedParse = parseContributions(JSON.parse(fs.readFileSync(new URL('../../data/contributions.json', import.meta.url), 'utf8')));
if (!shippedParse.ok) throw new Error(JSON.stringify(shippedParse.problem));
const SHIPPED = shippedParse.table;

const source = { title: 'test data, not a real city', url: 'https://example.test/', date: null, confidence: 'low' };
const testYear = (year: number, floor: number, ceiling: number, medical: number, dueDay: number | 'unknown') => ({
  city: 'testcity',
  year,
  from: `${year}-07-01`,
  to: `${year + 1}-06-30`,
  base: { floor, ceiling, source: 't' },
  pension: { employer: 16, employee: 8, source: 't' },
  medical: { employer: medical, employee: 2, source: 't' },
  unemployment: { employer: 0.5, employee: 0.5, source: 't' },
  injury: { employer: 0.2, employee: 0, range: { min: 0.2, max: 1.9 }, source: 't' },
  dueDay: dueDay === 'unknown' ? 'unknown' : { day: dueDay, source: 't' },
  cutoff: { day: 20, source: 't' },
});
const testParse = parseContributions({
  version: 1,
  sources: { t: source },
  cities: [{ id: 'testcity', name: { en: 'Test City', zh: '测试市' } }],
  years: [testYear(2025, 5000, 25000, 8, 15), testYear(2026, 6000, 30000, 9, 15), testYear(2027, 6000, 30000, 9, 'unknown')],
});
if (!testParse.ok) throw new Error(JSON.stringify(testParse.problem));
const TEST_TABLE: ContributionTable = testParse.table;

const cost = (table: ContributionTable, city: string | null, hiredOn: string, until: string, base: number | null, leftOn: string | null = null) =>
  registrationCost({ hiredOn: d(hiredOn), until: d(until), city, base, leftOn: leftOn === null ? null : d(leftOn) }, table);

describe('money in fen', () => {
  it('rounds each premium and late fee half up to the fen', () => {
    expect(premium(716_200, 9_800)).toBe(70_188); // 7,162.00 x 9.8% = 701.876
    expect(premium(3_581_100, 500)).toBe(17_906); // 35,811.00 x 0.5% = 179.055
    expect(lateFee(266_427, 36)).toBe(4_796); // 2,664.27 x 36 x 0.05% = 47.95686
  });
});

describe('the estimate (SPEC 1.9)', () => {
  it('Beijing, an exact base, overdue: two months, the first one 20 days late', () => {
    // Hired 2025-09-01, as of 2025-10-20, base 10,000.00 yuan. Beijing 2025: employer 16 + 9.8 + 0.5 + 0.2 = 26.5%
    // (1,600 + 980 + 50 + 20 = 2,650.00 a month), employee 8 + 2 + 0.5 = 10.5% (1,050.00). No due day known: the
    // month's last day. September: due 09-30, 20 days to 10-20: 3,700.00 x 20 x 0.05% = 37.00. October: due 10-31, 0.
    const c = cost(SHIPPED, 'beijing', '2025-09-01', '2025-10-20', 1_000_000);
    expect(c.missing).toEqual([]);
    expect(c.monthCount).toBe(2);
    expect(c.base).toEqual({ exact: 1_000_000 });
    expect(c.months.map((m) => [m.month, m.dueOn, m.lateDays, m.lateFee.min])).toEqual([
      ['2025-09', '2025-09-30', 20, 3_700],
      ['2025-10', '2025-10-31', 0, 0],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 530_000, max: 530_000 }, employee: { min: 210_000, max: 210_000 } });
    expect(c.lateFee).toEqual({ min: 3_700, max: 3_700 });
    expect(c.fineRange).toEqual({ min: 740_000, max: 2_220_000 }); // 1x and 3x of 7,400.00
    expect(c.managerFine).toEqual({ min: 50_000, max: 300_000 });
    // The base from the bureau's notice (as quoted), the rates from a calculator, work injury from the national notice.
    expect(c.sources.map((s) => s.confidence)).toEqual(['medium', 'low', 'medium']);
  });

  it('Beijing, no base known: a range from the floor (7,162) to the ceiling (35,811), filed late across a year end', () => {
    // Hired 2025-11-15, filed 2026-01-05: November, December, January.
    // Floor 7,162.00: employer 1,145.92 + 701.88 (701.876) + 35.81 + 14.32 (14.324) = 1,897.93; employee 572.96 + 143.24 + 35.81 = 752.01.
    // Ceiling 35,811.00: employer 5,729.76 + 3,509.48 (3,509.478) + 179.06 (179.055) + 71.62 (71.622) = 9,489.92;
    // employee 2,864.88 + 716.22 + 179.06 = 3,760.16. A month unpaid: 2,649.94 .. 13,250.08.
    // November due 11-30, 36 days to 01-05: 47.70 (47.69892) .. 238.50 (238.50144); December due 12-31, 5 days:
    // 6.62 (6.62485) .. 33.13 (33.1252); January: 0. Premiums: 3 x 1,897.93 = 5,693.79 .. 3 x 9,489.92 = 28,469.76
    // employer, 3 x 752.01 = 2,256.03 .. 3 x 3,760.16 = 11,280.48 employee; owed 7,949.82 .. 39,750.24.
    const c = cost(SHIPPED, 'beijing', '2025-11-15', '2026-01-05', null);
    expect(c.missing).toEqual([]);
    expect(c.base).toEqual({ min: 716_200, max: 3_581_100 });
    expect(c.months.map((m) => m.lateDays)).toEqual([36, 5, 0]);
    expect(c.premiums).toEqual({ employer: { min: 569_379, max: 2_846_976 }, employee: { min: 225_603, max: 1_128_048 } });
    expect(c.lateFee).toEqual({ min: 4_770 + 662, max: 23_850 + 3_313 });
    expect(c.fineRange).toEqual({ min: 794_982, max: 11_925_072 }); // 7,949.82 x 1 .. 39,750.24 x 3
  });

  it('a month boundary: the as-of day on the first of a month adds that month and a day of late fee', () => {
    // Beijing, base 10,000.00, hired 2025-09-01. As of 10-31: September 31 days late (3,700.00 x 31 x 0.05% = 57.35).
    // As of 11-01: September 32 days (59.20), October 1 day (1.85), and November's premiums.
    const before = cost(SHIPPED, 'beijing', '2025-09-01', '2025-10-31', 1_000_000);
    const after = cost(SHIPPED, 'beijing', '2025-09-01', '2025-11-01', 1_000_000);
    expect([before.monthCount, before.lateFee?.min]).toEqual([2, 5_735]);
    expect([after.monthCount, after.lateFee?.min]).toEqual([3, 5_920 + 185]);
    expect(after.premiums?.employer.min).toBe(3 * 265_000);
  });

  it('a contribution year boundary in July: June at the old rates, July at the new', () => {
    // Test city, base 8,000.00, hired 2026-06-10, as of 2026-08-01, due day 15.
    // June (2025 year, medical 8%): employer 1,280 + 640 + 40 + 16 = 1,976.00; employee 640 + 160 + 40 = 840.00;
    // 47 days after 06-15: 2,816.00 x 47 x 0.05% = 66.176 -> 66.18.
    // July and August (2026 year, medical 9%): employer 2,056.00, employee 840.00; July 17 days after 07-15:
    // 2,896.00 x 17 x 0.05% = 24.616 -> 24.62; August due 08-15, not yet.
    const c = cost(TEST_TABLE, 'testcity', '2026-06-10', '2026-08-01', 800_000);
    expect(c.months.map((m) => [m.month, m.year, m.premiums.employer.min, m.lateDays, m.lateFee.min])).toEqual([
      ['2026-06', 2025, 197_600, 47, 6_618],
      ['2026-07', 2026, 205_600, 17, 2_462],
      ['2026-08', 2026, 205_600, 0, 0],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 608_800, max: 608_800 }, employee: { min: 252_000, max: 252_000 } });
    expect(c.lateFee).toEqual({ min: 9_080, max: 9_080 });
  });

  it('a leap day: February 2028 is due on the 29th (no due day known), ten days before 03-10', () => {
    // Test city 2027 year, base 10,000.00, hired 2028-02-10, filed 2028-03-10: employer 2,570.00, employee 1,050.00;
    // February due 2028-02-29, 10 days: 3,620.00 x 10 x 0.05% = 18.10 (11 days in a common year).
    const c = cost(TEST_TABLE, 'testcity', '2028-02-10', '2028-03-10', 1_000_000);
    expect(c.months.map((m) => [m.dueOn, m.lateDays, m.lateFee.min])).toEqual([
      ['2028-02-29', 10, 1_810],
      ['2028-03-31', 0, 0],
    ]);
    expect(c.premiums?.employer.min).toBe(514_000);
  });

  it('stops the months at the leaving month, the late fee still runs to the day', () => {
    const c = cost(SHIPPED, 'beijing', '2025-09-01', '2025-12-10', 1_000_000, '2025-10-15');
    expect(c.months.map((m) => m.month)).toEqual(['2025-09', '2025-10']);
    expect(c.months.map((m) => m.lateDays)).toEqual([71, 40]);
  });

  it("Shanghai, an exact base on the floor (7,460), filed late in December 2025: the payroll project's own month, to the fen", () => {
    // Hired 2025-11-03, filed 2025-12-20, base 7,460.00 (the 2025 floor). Shanghai July-December 2025: employer
    // 16 + 9 + 0.5 + 0.2 = 25.7%: 1,193.60 + 671.40 + 37.30 + 14.92 = 1,917.22 a month; employee 8 + 2 + 0.5 = 10.5%:
    // 596.80 + 149.20 + 37.30 = 783.30 - the very lines of norbital-ai/templates' case CN-SH09-1 (December 2025, a
    // declared 6,000 insured on the 7,460 floor). November due 11-30, 20 days to 12-20: 2,700.52 x 20 x 0.05% =
    // 27.0052 -> 27.01; December due 12-31, not yet. Owed 2 x 2,700.52 = 5,401.04: fine 5,401.04 .. 16,203.12.
    const c = cost(SHIPPED, 'shanghai', '2025-11-03', '2025-12-20', 746_000);
    expect(c.missing).toEqual([]);
    expect(c.months.map((m) => [m.month, m.premiums.employer.min, m.premiums.employee.min, m.lateDays, m.lateFee.min])).toEqual([
      ['2025-11', 191_722, 78_330, 20, 2_701],
      ['2025-12', 191_722, 78_330, 0, 0],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 383_444, max: 383_444 }, employee: { min: 156_660, max: 156_660 } });
    expect(c.lateFee).toEqual({ min: 2_701, max: 2_701 });
    expect(c.fineRange).toEqual({ min: 540_104, max: 1_620_312 });
    expect(c.sources.every((s) => s.url.startsWith('https://rsj.sh.gov.cn/') || s.url.includes('chinatax.gov.cn'))).toBe(true);
  });

  it('Shanghai, no base known, July 2025: the range from the floor 7,460 to the ceiling 37,302', () => {
    // Hired 2025-07-01, as of 2025-07-31, one month, not yet late. Floor: 1,917.22 / 783.30 (above).
    // Ceiling 37,302.00: employer 5,968.32 + 3,357.18 + 186.51 + 74.60 (74.604) = 9,586.61; employee 2,984.16 + 746.04
    // + 186.51 = 3,916.71 (norbital-ai/templates' case CN-SH05-2 has the same lines at the ceiling).
    const c = cost(SHIPPED, 'shanghai', '2025-07-01', '2025-07-31', null);
    expect(c.base).toEqual({ min: 746_000, max: 3_730_200 });
    expect(c.premiums).toEqual({ employer: { min: 191_722, max: 958_661 }, employee: { min: 78_330, max: 391_671 } });
    expect(c.lateFee).toEqual({ min: 0, max: 0 });
  });

  it('Shanghai from January 2026 and Beijing 2026: what no source gives is named, not invented', () => {
    // Shanghai's unemployment rate is known to 31 December 2025 only; a December hire filed in January has a gap.
    const sh = cost(SHIPPED, 'shanghai', '2025-12-01', '2026-01-10', 746_000);
    expect(sh.premiums).toBeNull();
    expect(sh.missing).toEqual([{ kind: 'rates', city: 'shanghai', year: 2025, insurance: 'unemployment' }]);
    expect(sh.months.map((m) => m.month)).toEqual(['2025-12']);
    const bj = cost(SHIPPED, 'beijing', '2026-07-01', '2026-08-10', null);
    expect(bj.base).toEqual({ min: 727_000, max: 3_634_800 }); // the 2026 notice's 7,270 .. 36,348
    expect(bj.missing).toEqual(['pension', 'medical', 'unemployment'].map((insurance) => ({ kind: 'rates', city: 'beijing', year: 2026, insurance })));
  });

  it('Hangzhou: no figures shipped, so the estimate names what is missing', () => {
    const c = cost(SHIPPED, 'hangzhou', '2025-09-01', '2025-10-20', null);
    expect([c.premiums, c.lateFee, c.fineRange]).toEqual([null, null, null]);
    expect(c.missing).toEqual([
      { kind: 'base', city: 'hangzhou', year: 2025 },
      ...['pension', 'medical', 'unemployment', 'injury'].map((insurance) => ({ kind: 'rates', city: 'hangzhou', year: 2025, insurance })),
    ]);
  });

  it('Shenzhen, base 5,000, hired 2026-01-05, filed 2026-02-10: medical on its own floor 6,727, the rest on 5,000, to the fen', () => {
    // January-June 2026 (Shenzhen 2025's second entry). Pension 5,000 (within 4,775 .. 27,549) x 16% = 800.00, x 8% = 400.00;
    // medical 6,727 (its own 2026 floor) x 6.5% (tier 1 6% + maternity 0.5%) = 437.255 -> 437.26, x 2% = 134.54;
    // unemployment 5,000 (within 2,520 .. 44,265) x 0.8% = 40.00, x 0.2% = 10.00; work injury (no base of its own, the common
    // base unknown: the hire's 5,000 as recorded) x 0.2% = 10.00. A month: employer 1,287.26, employee 544.54, unpaid 1,831.80.
    // No due day known: January due 01-31, 10 days to 02-10: 1,831.80 x 10 x 0.05% = 9.159 -> 9.16; February not yet due.
    // Totals 2,574.52 / 1,089.08; late fee 9.16; fine 3,663.60 .. 10,990.80.
    const c = cost(SHIPPED, 'shenzhen', '2026-01-05', '2026-02-10', 500_000);
    expect(c.missing).toEqual([]);
    expect(INSURANCES.map((k) => c.months[0]!.insurances[k].base.min)).toEqual([500_000, 672_700, 500_000, 500_000]);
    expect(c.months.map((m) => [m.month, m.premiums.employer.min, m.premiums.employee.min, m.lateDays, m.lateFee.min])).toEqual([
      ['2026-01', 128_726, 54_454, 10, 916],
      ['2026-02', 128_726, 54_454, 0, 0],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 257_452, max: 257_452 }, employee: { min: 108_908, max: 108_908 } });
    expect(c.lateFee).toEqual({ min: 916, max: 916 });
    expect(c.fineRange).toEqual({ min: 366_360, max: 1_099_080 });
    // Without a base: work injury has no base anywhere (no common base shipped); July-December 2025 has no medical figures.
    expect(cost(SHIPPED, 'shenzhen', '2026-01-05', '2026-02-10', null).missing).toEqual([{ kind: 'base', city: 'shenzhen', year: 2025 }]);
    expect(cost(SHIPPED, 'shenzhen', '2025-09-01', '2025-10-20', 500_000).missing).toEqual([
      { kind: 'rates', city: 'shenzhen', year: 2025, insurance: 'medical' },
    ]);
  });

  it('Guangzhou, base 5,000 in January 2026: pension raised to its floor 5,510 and medical to 6,234, but no employer unemployment rate: named', () => {
    const c = cost(SHIPPED, 'guangzhou', '2026-01-05', '2026-02-10', 500_000);
    expect(c.premiums).toBeNull();
    expect(c.missing).toEqual([{ kind: 'rates', city: 'guangzhou', year: 2025, insurance: 'unemployment' }]);
    // September 2025, no base: medical's and unemployment's own bases start in January 2026; work injury has no base.
    expect(cost(SHIPPED, 'guangzhou', '2025-09-01', '2025-10-20', null).missing).toEqual([
      { kind: 'base', city: 'guangzhou', year: 2025, insurance: 'medical', month: '2025-09' },
      { kind: 'base', city: 'guangzhou', year: 2025, insurance: 'unemployment', month: '2025-09' },
      { kind: 'base', city: 'guangzhou', year: 2025 },
      { kind: 'rates', city: 'guangzhou', year: 2025, insurance: 'unemployment' },
    ]);
  });

  it("Chengdu: Sichuan's 2025 pension base 4,588 .. 22,938 is shown; no rate is known, so nothing is estimated", () => {
    const c = cost(SHIPPED, 'chengdu', '2025-09-01', '2025-10-20', null);
    expect(c.base).toEqual({ min: 458_800, max: 2_293_800 });
    expect(c.premiums).toBeNull();
    expect(c.missing).toEqual([
      { kind: 'base', city: 'chengdu', year: 2025, insurance: 'medical', month: '2025-09' },
      { kind: 'base', city: 'chengdu', year: 2025 },
      ...['pension', 'medical', 'unemployment', 'injury'].map((insurance) => ({ kind: 'rates', city: 'chengdu', year: 2025, insurance })),
    ]);
  });

  it('names a missing city, and months no data covers, instead of a figure', () => {
    expect(cost(SHIPPED, null, '2025-09-01', '2025-10-20', 1_000_000).missing).toEqual([{ kind: 'city' }]);
    const c = cost(SHIPPED, 'beijing', '2025-05-20', '2025-07-10', 1_000_000);
    expect(c.missing).toEqual([
      { kind: 'year', city: 'beijing', month: '2025-05' },
      { kind: 'year', city: 'beijing', month: '2025-06' },
    ]);
    expect(c.premiums).toBeNull();
  });
});

describe('the HR month: the 增员/减员 cut-off', () => {
  it('is the cut-off day of the month the duty starts in, or the next one once passed', () => {
    expect(declarationCutoff(d('2026-10-05'), d('2026-10-09'), 20)).toEqual({ date: '2026-10-20', month: '2026-10' });
    expect(declarationCutoff(d('2026-10-05'), d('2026-10-20'), 20)).toEqual({ date: '2026-10-20', month: '2026-10' });
    expect(declarationCutoff(d('2026-10-05'), d('2026-10-21'), 20)).toEqual({ date: '2026-11-20', month: '2026-11' });
    expect(declarationCutoff(d('2026-09-01'), d('2026-10-09'), 20)).toEqual({ date: '2026-10-20', month: '2026-10' });
    expect(declarationCutoff(d('2027-02-01'), d('2027-02-01'), 30)).toEqual({ date: '2027-02-28', month: '2027-02' });
  });
});

describe('contribution data', () => {
  it('ships the six cities for 2025 and 2026 without a gap from July 2025 to June 2027, every note in both languages', () => {
    for (const city of ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu']) {
      const years = SHIPPED.years.filter((y) => y.city === city);
      expect([...new Set(years.map((y) => y.year))]).toEqual([2025, 2026]);
      expect(years[0]!.from).toBe('2025-07-01');
      expect(years.at(-1)!.to).toBe('2027-06-30');
      for (const [a, b] of years.slice(1).map((y, i) => [years[i]!, y] as const)) expect(d(b.from)).toBe(nextDay(a.to));
      for (const y of years) {
        expect(y.note?.en).toMatch(/\S/);
        expect(y.note?.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(y.note?.zh).not.toMatch(/\b(the|and|not|found|rates?)\b/i);
      }
    }
    // Every figure names a source with an address and a confidence (parseContributions refuses one that does not).
    for (const s of SHIPPED.years.flatMap(sourcesOf))
      expect([s.url.startsWith('https://'), ['high', 'medium', 'low'].includes(s.confidence)]).toEqual([true, true]);
    expect(findCity(SHIPPED, '北京')?.id).toBe('beijing');
    expect(findCity(SHIPPED, 'Shenzhen')?.id).toBe('shenzhen');
    expect(findCity(SHIPPED, '深圳市')?.id).toBe('shenzhen');
    expect(findCity(SHIPPED, 'Atlantis')).toBeNull();
  });

  it('names the entry and the field that is wrong', () => {
    const file = (year: Record<string, unknown>) => ({ version: 1, sources: { t: source }, years: [{ ...testYear(2026, 6000, 30000, 9, 15), ...year }] });
    const problem = (year: Record<string, unknown>) => {
      const p = parseContributions(file(year), TEST_TABLE.cities);
      return p.ok ? null : p.problem;
    };
    expect(problem({ base: { floor: 'abc', ceiling: 30000, source: 't' } })).toEqual({ entry: 'testcity 2026', field: 'base.floor', kind: 'not-an-amount' });
    expect(problem({ pension: { employer: 16, employee: 8, source: 'nowhere' } })).toEqual({
      entry: 'testcity 2026',
      field: 'pension.source',
      kind: 'unknown-source',
    });
    expect(problem({ medical: { employer: 9.1234, employee: 2, source: 't' } })).toEqual({
      entry: 'testcity 2026',
      field: 'medical.employer',
      kind: 'not-a-rate',
    });
    expect(problem({ base: { floor: 9000, ceiling: 3000, source: 't' } })).toEqual({ entry: 'testcity 2026', field: 'base.ceiling', kind: 'bad-range' });
    expect(problem({ cutoff: { day: 32, source: 't' } })).toEqual({ entry: 'testcity 2026', field: 'cutoff.day', kind: 'not-a-day' });
    expect(problem({ city: 'atlantis' })).toEqual({ entry: 'atlantis 2026', field: 'city', kind: 'unknown-city' });
    expect(problem({ dueDay: undefined })).toEqual({ entry: 'testcity 2026', field: 'dueDay', kind: 'missing' });
    const overlap = parseContributions(
      {
        version: 1,
        sources: { t: source },
        years: [testYear(2026, 6000, 30000, 9, 15), { ...testYear(2026, 6000, 30000, 9, 15), year: 2027, from: '2027-01-01', to: '2027-12-31' }],
      },
      TEST_TABLE.cities,
    );
    expect(overlap.ok ? null : overlap.problem).toEqual({ entry: 'testcity 2027', field: 'from', kind: 'overlap' });
  });

  it('the file form of the years reads back to the same years (the JSON export carries loaded years so)', () => {
    const again = parseContributions(JSON.parse(JSON.stringify(contributionFile(SHIPPED.years))), SHIPPED.cities);
    if (!again.ok) throw new Error(JSON.stringify(again.problem));
    expect(again.table.years).toEqual(SHIPPED.years);
  });

  it("a note may be one text for both languages (a user's own file)", () => {
    const p = parseContributions(
      { version: 1, sources: { t: source }, years: [{ ...testYear(2026, 6000, 30000, 9, 15), note: '我们自己的数据' }] },
      TEST_TABLE.cities,
    );
    expect(p.ok && p.table.years[0]!.note).toEqual({ en: '我们自己的数据', zh: '我们自己的数据' });
  });

  it('a loaded year replaces the shipped one for its city and year', () => {
    const loaded = parseContributions(
      { version: 1, sources: { t: source }, years: [{ ...testYear(2026, 7000, 35000, 9, 15), city: 'beijing' }] },
      SHIPPED.cities,
    );
    if (!loaded.ok) throw new Error('loaded');
    const table = withLoaded(SHIPPED, loaded.table.years);
    expect(table.years.filter((y) => y.city === 'beijing').map((y) => [y.year, y.base?.floor ?? null])).toEqual([
      [2025, 716_200],
      [2026, 700_000],
    ]);
  });
});

// A made-up city whose medical base is set apart from the common base and runs
// January to December, as Guangzhou's and Shenzhen's do (figures chosen for
// easy arithmetic; not a real city's). Common base 5,000 .. 25,000 (pension,
// unemployment, work injury); medical 6,000 .. 30,000 to December 2025, then
// 6,500 .. 32,500. Rates: pension 16 / 8, medical 6 / 2, unemployment 0.8 /
// 0.2, work injury 0.2 / 0. Premiums due on the 15th.
const splitYear = (year: number, bases: Record<string, unknown>) => ({
  ...testYear(year, 5000, 25000, 6, 15),
  city: 'splitcity',
  unemployment: { employer: 0.8, employee: 0.2, source: 't' },
  bases,
});
const splitParse = parseContributions({
  version: 1,
  sources: { t: source, m: { ...source, title: 'test medical base, not a real city' } },
  cities: [{ id: 'splitcity', name: { en: 'Split City', zh: '分基数市' } }],
  years: [
    splitYear(2025, {
      medical: [
        { from: '2025-07', to: '2025-12', floor: 6000, ceiling: 30000, source: 'm' },
        { from: '2026-01', to: '2026-06', floor: 6500, ceiling: 32500, source: 'm' },
      ],
    }),
    // 2026: the medical base is known only from January 2027; work injury's base is unknown all year.
    splitYear(2026, { medical: [{ from: '2027-01', to: '2027-06', floor: 7000, ceiling: 35000, source: 'm' }], injury: 'unknown' }),
  ],
});
if (!splitParse.ok) throw new Error(JSON.stringify(splitParse.problem));
const SPLIT: ContributionTable = splitParse.table;

describe('a base per insurance', () => {
  it('an exact base of 5,500: medical at its own floor, and its floor changing in January, to the fen', () => {
    // Hired 2025-11-10, filed 2026-01-20. The hire's 5,500 is within the common base, below medical's floor.
    // Nov and Dec: pension 5,500 x 16% = 880.00, medical 6,000 (floor) x 6% = 360.00, unemployment 5,500 x 0.8% = 44.00,
    // injury 5,500 x 0.2% = 11.00: employer 1,295.00; employee 440.00 + 120.00 + 11.00 = 571.00; unpaid 1,866.00.
    // Jan: medical 6,500 (the new floor) x 6% = 390.00 and x 2% = 130.00: employer 1,325.00, employee 581.00; unpaid 1,906.00.
    // Late fees: Nov due 11-15, 66 days to 01-20: 1,866.00 x 66 x 0.05% = 61.578 -> 61.58; Dec due 12-15, 36 days:
    // 33.588 -> 33.59; Jan due 01-15, 5 days: 4.765 -> 4.77. Totals 3,915.00 / 1,723.00, late fee 99.94; fine 5,638.00 .. 16,914.00.
    const c = cost(SPLIT, 'splitcity', '2025-11-10', '2026-01-20', 550_000);
    expect(c.missing).toEqual([]);
    expect(c.months.map((m) => [m.month, m.insurances.pension.base.min, m.insurances.medical.base.min, m.insurances.injury.base.min])).toEqual([
      ['2025-11', 550_000, 600_000, 550_000],
      ['2025-12', 550_000, 600_000, 550_000],
      ['2026-01', 550_000, 650_000, 550_000],
    ]);
    expect(c.months.map((m) => [m.premiums.employer.min, m.premiums.employee.min, m.lateDays, m.lateFee.min])).toEqual([
      [129_500, 57_100, 66, 6_158],
      [129_500, 57_100, 36, 3_359],
      [132_500, 58_100, 5, 477],
    ]);
    expect(c.months[2]!.insurances.medical.premiums).toEqual({ employer: { min: 39_000, max: 39_000 }, employee: { min: 13_000, max: 13_000 } });
    expect(c.months[2]!.base).toEqual({ min: 550_000, max: 650_000 });
    expect(c.premiums).toEqual({ employer: { min: 391_500, max: 391_500 }, employee: { min: 172_300, max: 172_300 } });
    expect(c.lateFee).toEqual({ min: 9_994, max: 9_994 });
    expect(c.fineRange).toEqual({ min: 563_800, max: 1_691_400 });
    // The medical base's own source is cited beside the common base's.
    expect(c.sources.map((s) => s.title)).toEqual(['test data, not a real city', 'test medical base, not a real city']);
  });

  it('no base known: each insurance from its own floor to its own ceiling, across the January change', () => {
    // Hired 2025-12-01, as of 2026-01-31. Dec floor: 800.00 + 360.00 + 40.00 + 10.00 = 1,210.00, employee 400.00 + 120.00
    // + 10.00 = 530.00; Dec ceiling: 4,000.00 + 1,800.00 + 200.00 + 50.00 = 6,050.00, employee 2,000.00 + 600.00 + 50.00 = 2,650.00.
    // Jan floor: medical 6,500 -> 1,240.00 / 540.00; Jan ceiling: medical 32,500 -> 1,950.00 / 650.00: 6,200.00 / 2,700.00.
    const c = cost(SPLIT, 'splitcity', '2025-12-01', '2026-01-31', null);
    expect(c.missing).toEqual([]);
    expect(c.base).toEqual({ min: 500_000, max: 3_250_000 });
    expect(c.months.map((m) => [m.month, m.insurances.medical.base, m.insurances.pension.base])).toEqual([
      ['2025-12', { min: 600_000, max: 3_000_000 }, { min: 500_000, max: 2_500_000 }],
      ['2026-01', { min: 650_000, max: 3_250_000 }, { min: 500_000, max: 2_500_000 }],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 245_000, max: 1_225_000 }, employee: { min: 107_000, max: 535_000 } });
  });

  it("a base is brought within the floor and ceiling; a month an insurance's own base does not cover is named, not filled from the common base", () => {
    // 40,000 is above both ceilings: pension at 25,000, medical at 30,000 (December 2025).
    const high = cost(SPLIT, 'splitcity', '2025-12-01', '2025-12-31', 4_000_000);
    expect([high.months[0]!.insurances.pension.base.min, high.months[0]!.insurances.medical.base.min]).toEqual([2_500_000, 3_000_000]);
    // July 2026: medical's own base starts only in January 2027, work injury's is unknown: both named, no figure.
    const gap = cost(SPLIT, 'splitcity', '2026-07-01', '2026-08-10', null);
    expect(gap.missing).toEqual([
      { kind: 'base', city: 'splitcity', year: 2026, insurance: 'medical', month: '2026-07' },
      { kind: 'base', city: 'splitcity', year: 2026, insurance: 'injury', month: '2026-07' },
    ]);
    expect(gap.premiums).toBeNull();
    // With the hire's base recorded, an insurance whose range is unknown uses that base as it is.
    const exact = cost(SPLIT, 'splitcity', '2026-07-01', '2026-07-31', 800_000);
    expect(exact.missing).toEqual([]);
    expect([exact.months[0]!.insurances.medical.base.min, exact.months[0]!.insurances.injury.base.min]).toEqual([800_000, 800_000]);
  });

  it('refuses periods outside the year, overlapping, or not months; an older year without bases still reads', () => {
    const problem = (bases: unknown) => {
      const p = parseContributions({ version: 1, sources: { t: source }, years: [{ ...testYear(2026, 6000, 30000, 9, 15), bases }] }, TEST_TABLE.cities);
      return p.ok ? null : p.problem;
    };
    const period = (from: string, to: string) => ({ from, to, floor: 6000, ceiling: 30000, source: 't' });
    expect(problem({ medical: [period('2026-07', '2027-07')] })).toEqual({ entry: 'testcity 2026', field: 'bases.medical[0]', kind: 'outside-year' });
    expect(problem({ medical: [period('2026-07', '2026-12'), period('2026-12', '2027-06')] })).toEqual({
      entry: 'testcity 2026',
      field: 'bases.medical',
      kind: 'overlap',
    });
    expect(problem({ medical: period('2026-7', '2026-12') })).toEqual({ entry: 'testcity 2026', field: 'bases.medical.from', kind: 'not-a-month' });
    expect(problem({ maternity: period('2026-07', '2026-12') })).toEqual({ entry: 'testcity 2026', field: 'bases.maternity', kind: 'bad-value' });
    expect(problem({ pension: { floor: 6000, ceiling: 3000, source: 't' } })).toEqual({
      entry: 'testcity 2026',
      field: 'bases.pension.ceiling',
      kind: 'bad-range',
    });
    expect(problem({ pension: { floor: 6000, ceiling: 30000, source: 'x' } })).toEqual({
      entry: 'testcity 2026',
      field: 'bases.pension.source',
      kind: 'unknown-source',
    });
    // One object without from/to covers the whole year.
    const whole = parseContributions(
      {
        version: 1,
        sources: { t: source },
        years: [{ ...testYear(2026, 6000, 30000, 9, 15), bases: { pension: { floor: 4000, ceiling: 20000, source: 't' } } }],
      },
      TEST_TABLE.cities,
    );
    expect(whole.ok && whole.table.years[0]!.bases.pension!.map((p) => [p.from, p.to])).toEqual([['2026-07', '2027-06']]);
    // A year as an older sscard stored it in the ledger (no `bases`) reads as one base for all four.
    const { bases: _, ...older } = TEST_TABLE.years[0]!;
    expect(storedYear(older as ContributionYear)).toEqual(TEST_TABLE.years[0]);
    expect(JSON.stringify(storedYear(older as ContributionYear))).toBe(JSON.stringify(TEST_TABLE.years[0]));
  });

  it('the file form keeps each insurance base and its periods', () => {
    const again = parseContributions(JSON.parse(JSON.stringify(contributionFile(SPLIT.years))), SPLIT.cities);
    if (!again.ok) throw new Error(JSON.stringify(again.problem));
    expect(again.table.years).toEqual(SPLIT.years);
    expect((contributionFile(SPLIT.years).years as { bases: unknown }[])[1]!.bases).toEqual({
      medical: [{ from: '2027-01', to: '2027-06', floor: 7000, ceiling: 35000, source: 's2' }],
      injury: 'unknown',
    });
  });
});
