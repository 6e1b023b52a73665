// Date arithmetic must not depend on the machine's zone (issue 12). Node
// re-reads process.env.TZ when it is assigned, so each zone is tried in this
// process; Pacific/Apia skipped 2011-12-30 entirely (UTC-10 -> UTC+14).
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, daysInMonth, digitsAt, type IsoDate, isoInstant, isRealDate, parseIsoDate } from '../../src/core/calendar-date.js';

const ZONES = ['Pacific/Apia', 'America/St_Johns', 'Asia/Shanghai', 'Pacific/Kiritimati', 'America/Sao_Paulo', 'UTC'];
const d = (text: string) => text as IsoDate;
const original = process.env.TZ;
afterAll(() => {
  process.env.TZ = original;
});

const ADD_DAYS: [string, number, string][] = [
  ['2011-11-30', 30, '2011-12-30'], // the day Samoa skipped
  ['2011-12-29', 1, '2011-12-30'],
  ['2011-12-29', 2, '2011-12-31'],
  ['2011-12-31', -1, '2011-12-30'],
  ['2024-02-28', 1, '2024-02-29'],
  ['2026-03-29', 1, '2026-03-30'], // DST changes in Europe / Sao Paulo era
  ['1900-02-28', 1, '1900-03-01'],
  ['2000-02-28', 1, '2000-02-29'],
  ['0099-12-31', 1, '0100-01-01'],
  ['9999-12-30', 1, '9999-12-31'],
];
const ADD_MONTHS: [string, number, string][] = [
  ['2025-08-31', 6, '2026-02-28'],
  ['2023-08-31', 6, '2024-02-29'],
  ['2011-06-30', 6, '2011-12-30'],
  ['2026-01-31', 1, '2026-02-28'],
  ['2026-12-15', 1, '2027-01-15'],
  ['2026-03-31', -1, '2026-02-28'],
  ['2026-01-15', -13, '2024-12-15'],
];
const BETWEEN: [string, string, number][] = [
  ['2011-12-29', '2011-12-31', 2],
  ['2011-11-30', '2011-12-30', 30],
  ['2026-11-24', '2026-11-24', 0],
  ['2026-11-24', '2025-11-24', -365],
  ['1970-01-01', '2000-01-01', 10957],
];

describe.each(ZONES)('under TZ=%s', (zone) => {
  it('addDays, addMonths and daysBetween give the calendar answer', () => {
    process.env.TZ = zone;
    for (const [from, n, to] of ADD_DAYS) expect(addDays(d(from), n), `${from} + ${n} days`).toBe(to);
    for (const [from, n, to] of ADD_MONTHS) expect(addMonths(d(from), n), `${from} + ${n} months`).toBe(to);
    for (const [from, to, n] of BETWEEN) expect(daysBetween(d(from), d(to)), `${from} -> ${to}`).toBe(n);
  });
});

it('every day of 2011 and 2012 is one day after the previous one (no skipped or doubled day)', () => {
  process.env.TZ = 'Pacific/Apia';
  let day = d('2011-01-01');
  for (let i = 1; i < 731; i++) {
    const next = addDays(day, 1);
    expect(daysBetween(day, next)).toBe(1);
    expect(next > day).toBe(true);
    day = next;
  }
  expect(day).toBe('2012-12-31');
});

it('knows the length of every month, years 1-99 included', () => {
  expect([daysInMonth(2024, 2), daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(4, 2), daysInMonth(2026, 4)]).toEqual([29, 28, 29, 29, 30]);
  expect(parseIsoDate('0004-02-29')).toBe('0004-02-29');
  expect(parseIsoDate('2026-02-29')).toBeNull();
});

it('reads a YYYY-MM-DD date as the regular expression it replaced did (issue 31)', () => {
  // The earlier reader, kept here as the reference: the pattern, then the same checks of month and day.
  const before = (text: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return null;
    const [y, mo, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return y < 1 || mo < 1 || mo > 12 || day < 1 || day > daysInMonth(y, mo) ? null : text;
  };
  const chars = fc.constantFrom(...'0123456789-/:. x\n\u0660\uff10'.split(''));
  const near = fc.tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }));
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: chars, minLength: 8, maxLength: 12 }),
        near.map(([y, m, day]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`),
        near.map(([y, m, day]) => `${y}-${m}-${day}`),
      ),
      (text) => {
        expect(parseIsoDate(text)).toBe(before(text));
      },
    ),
    { numRuns: 20_000 },
  );
  for (const text of ['2026-02-28\n', ' 2026-02-28', '2026-1-01', '+026-01-01', '2026-01-0a', '0000-01-01', '2026-00-10', '2024-02-29', '1900-02-29'])
    expect(parseIsoDate(text)).toBe(before(text));
});

describe('daysBetween counts days by arithmetic on the digits (issue 31)', () => {
  // The reference: a UTC Date set to the day (years 0-99 as written), what daysBetween built per call before.
  const reference = (date: string) => {
    const d = new Date(0);
    d.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    return Math.round(d.getTime() / 86_400_000);
  };
  const iso = (n: number) => {
    const d = new Date(n * 86_400_000);
    return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}` as IsoDate;
  };
  it('agrees with the calendar on every day of 1899-2101 and every 13th day of years 0000-9999', () => {
    const wrong: string[] = [];
    const first = reference('0000-01-01');
    const last = reference('9999-12-31');
    for (let n = first; n <= last; n += n >= reference('1899-01-01') && n < reference('2102-01-01') ? 1 : 13) {
      const date = iso(n);
      if (daysBetween('1970-01-01' as IsoDate, date) !== n || addDays(date, 0) !== date) wrong.push(date);
    }
    expect(wrong).toEqual([]);
    for (const date of [
      '0000-01-01',
      '0000-02-29',
      '0000-03-01',
      '0099-12-31',
      '0100-02-28',
      '0100-03-01',
      '1900-02-28',
      '1900-03-01',
      '2000-02-29',
      '9999-12-31',
    ])
      expect(daysBetween('1970-01-01' as IsoDate, date as IsoDate)).toBe(reference(date));
  });
});

describe('digitsAt and isRealDate, the readers parseIsoDate and parseCitizenId share', () => {
  it.each([
    ['2026', 0, 4, 2026],
    ['x2026', 1, 4, 2026],
    ['20a6', 0, 4, -1],
    ['２０２６', 0, 4, -1], // full-width digits are not ASCII digits
    ['12', 0, 4, -1], // past the text's end: not digits (it was NaN, which isRealDate took for a day)
    ['', 0, 2, -1],
  ])('digitsAt(%j, %i, %i) = %i', (text, at, length, expected) => {
    expect(digitsAt(text, at, length)).toBe(expected);
  });

  it.each([
    [2024, 2, 29, true],
    [2026, 2, 29, false],
    [2026, 12, 31, true],
    [0, 1, 1, false],
    [2026, 13, 1, false],
    [2026, 4, 31, false],
    [-1, -1, -1, false],
    [Number.NaN, Number.NaN, Number.NaN, false],
  ])('isRealDate(%d, %d, %d) = %s', (y, m, d, expected) => {
    expect(isRealDate(y, m, d)).toBe(expected);
  });
});

describe('isoInstant writes an instant as toISOString does, without asking for the zone (issue 31)', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [Date.UTC(2026, 10, 24, 8, 5, 9, 42), '2026-11-24T08:05:09.042Z'],
    [Date.UTC(2026, 11, 31, 23, 59, 59, 999), '2026-12-31T23:59:59.999Z'],
    [Date.UTC(2026, 0, 1, 0, 0, 0, 7), '2026-01-01T00:00:00.007Z'],
    [Date.UTC(2024, 1, 29, 12, 30, 0, 100), '2024-02-29T12:30:00.100Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [-2_208_988_800_000, '1900-01-01T00:00:00.000Z'],
    [-62_167_219_200_000, '0000-01-01T00:00:00.000Z'], // the first instant of year 0
    [253_402_300_799_999, '9999-12-31T23:59:59.999Z'], // the last of year 9999
    [253_402_300_800_000, '+010000-01-01T00:00:00.000Z'], // toISOString's six-digit years, as it writes them
    [-62_167_219_200_001, '-000001-12-31T23:59:59.999Z'],
  ])('isoInstant(%d) = %s', (ms, expected) => {
    expect(isoInstant(new Date(ms))).toBe(expected);
  });

  it('agrees with toISOString over the whole range of dates, in every zone', () => {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      fc.assert(
        fc.property(
          // Years 0-9999 (written here) most of the time, the rest of Date's range (left to toISOString) too.
          fc.oneof({ arbitrary: fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), weight: 4 }, fc.integer({ min: -8.64e15, max: 8.64e15 })),
          (ms) => isoInstant(new Date(ms)) === new Date(ms).toISOString(),
        ),
        { numRuns: 2000 },
      );
    }
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => isoInstant(new Date(Number.NaN))).toThrow(RangeError);
  });
});
