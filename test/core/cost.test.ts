// The estimate of SPEC 1.9, checked against worked examples computed by hand
// (the arithmetic is in each comment), to the fen. The shipped data gives
// Beijing's 2025 year; the other shipped cities have no figures yet, so their
// estimate names what is missing. The July year boundary and the leap day use
// a test table (TEST_TABLE below: made-up figures, not a real city's).
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { parseContributions, type ContributionTable, findCity, withLoaded } from '../../src/core/contributions.js';
import { declarationCutoff, lateFee, premium, registrationCost } from '../../src/core/cost.js';

const d = (s: string) => s as IsoDate;
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
    // Hired 2025-09-01, as of 2025-10-20, base 10,000.00 yuan. Beijing 2025: employer 16 + 9.8 + 0.5 + 0.4 = 26.7%
    // (1,600 + 980 + 50 + 40 = 2,670.00 a month), employee 8 + 2 + 0.5 = 10.5% (1,050.00). No due day known: the
    // month's last day. September: due 09-30, 20 days to 10-20: 3,720.00 x 20 x 0.05% = 37.20. October: due 10-31, 0.
    const c = cost(SHIPPED, 'beijing', '2025-09-01', '2025-10-20', 1_000_000);
    expect(c.missing).toEqual([]);
    expect(c.monthCount).toBe(2);
    expect(c.base).toEqual({ exact: 1_000_000 });
    expect(c.months.map((m) => [m.month, m.dueOn, m.lateDays, m.lateFee.min])).toEqual([
      ['2025-09', '2025-09-30', 20, 3_720],
      ['2025-10', '2025-10-31', 0, 0],
    ]);
    expect(c.premiums).toEqual({ employer: { min: 534_000, max: 534_000 }, employee: { min: 210_000, max: 210_000 } });
    expect(c.lateFee).toEqual({ min: 3_720, max: 3_720 });
    expect(c.fineRange).toEqual({ min: 744_000, max: 2_232_000 }); // 1x and 3x of 7,440.00
    expect(c.managerFine).toEqual({ min: 50_000, max: 300_000 });
    expect(c.sources.map((s) => s.confidence)).toEqual(['low']);
  });

  it('Beijing, no base known: a range from the floor (7,162) to the ceiling (35,811), filed late across a year end', () => {
    // Hired 2025-11-15, filed 2026-01-05: November, December, January.
    // Floor 7,162.00: employer 1,145.92 + 701.88 (701.876) + 35.81 + 28.65 (28.648) = 1,912.26; employee 572.96 + 143.24 + 35.81 = 752.01.
    // Ceiling 35,811.00: employer 5,729.76 + 3,509.48 (3,509.478) + 179.06 (179.055) + 143.24 (143.244) = 9,561.54;
    // employee 2,864.88 + 716.22 + 179.06 = 3,760.16. A month unpaid: 2,664.27 .. 13,321.70.
    // November due 11-30, 36 days to 01-05: 47.96 (47.95686) .. 239.79 (239.7906); December due 12-31, 5 days:
    // 6.66 (6.660675) .. 33.30 (33.30425); January: 0.
    const c = cost(SHIPPED, 'beijing', '2025-11-15', '2026-01-05', null);
    expect(c.missing).toEqual([]);
    expect(c.base).toEqual({ min: 716_200, max: 3_581_100 });
    expect(c.months.map((m) => m.lateDays)).toEqual([36, 5, 0]);
    expect(c.premiums).toEqual({ employer: { min: 573_678, max: 2_868_462 }, employee: { min: 225_603, max: 1_128_048 } });
    expect(c.lateFee).toEqual({ min: 5_462, max: 27_309 });
    expect(c.fineRange).toEqual({ min: 799_281, max: 11_989_530 }); // 7,992.81 x 1 .. 39,965.10 x 3
  });

  it('a month boundary: the as-of day on the first of a month adds that month and a day of late fee', () => {
    // Beijing, base 10,000.00, hired 2025-09-01. As of 10-31: September 31 days late (3,720.00 x 31 x 0.05% = 57.66).
    // As of 11-01: September 32 days (59.52), October 1 day (1.86), and November's premiums.
    const before = cost(SHIPPED, 'beijing', '2025-09-01', '2025-10-31', 1_000_000);
    const after = cost(SHIPPED, 'beijing', '2025-09-01', '2025-11-01', 1_000_000);
    expect([before.monthCount, before.lateFee?.min]).toEqual([2, 5_766]);
    expect([after.monthCount, after.lateFee?.min]).toEqual([3, 5_952 + 186]);
    expect(after.premiums?.employer.min).toBe(3 * 267_000);
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

  it.each(['shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu'])('%s: no figures shipped, so the estimate names what is missing', (city) => {
    const c = cost(SHIPPED, city, '2025-09-01', '2025-10-20', null);
    expect(c.premiums).toBeNull();
    expect(c.lateFee).toBeNull();
    expect(c.fineRange).toBeNull();
    expect(c.missing).toEqual([
      { kind: 'base', city, year: 2025 },
      ...['pension', 'medical', 'unemployment', 'injury'].map((insurance) => ({ kind: 'rates', city, year: 2025, insurance })),
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
  it('ships the six cities for 2025 and 2026, every known value with a source', () => {
    for (const city of ['beijing', 'shanghai', 'guangzhou', 'shenzhen', 'hangzhou', 'chengdu']) {
      expect(SHIPPED.years.filter((y) => y.city === city).map((y) => y.year)).toEqual([2025, 2026]);
    }
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
