import fs from 'node:fs';
import path from 'node:path';
import * as chineseDaysLib from 'chinese-days';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../src/core/calendar-date.js';
import { chineseDaysLunar } from '../../src/core/chinese-days-lunar.js';
import { calendarFrom, isRestDay, type ScheduleData, scheduleFromYearTexts, scheduleYears, scheduleYearTexts } from '../../src/core/holidays.js';
import { chinaCalendar, officialCalendar } from '../../src/core/official-calendar.js';
import { type OfficialSchedule, parseHolidayCnSchedule, sameSchedule, scheduleDayName } from '../../src/core/official-schedule.js';
import { deadlineOf, explainDeadline } from '../../src/core/period.js';
import { statutoryHolidays } from '../../src/core/statutory-holidays.js';

const d = (s: string) => s as IsoDate;
const data = chineseDays as ScheduleData;
const lunar = chineseDaysLunar(chineseDaysLib);
const fixture = (year: number): unknown => JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'holiday-cn', `${year}.json`), 'utf8'));

/** The statutory days of a year, grouped by holiday name, as "MM-DD" lists. */
function byHoliday(year: number): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [date, name] of statutoryHolidays(year, lunar)) (out[name.en] ??= []).push(date.slice(5));
  return out;
}

// The suite runs in America/St_Johns (vitest.config.mts), where chinese-days
// prints its solar-term dates a day early: these answers prove the correction.
describe('statutoryHolidays: the 13 days of 全国年节及纪念日放假办法 (2024), lunar ones from chinese-days', () => {
  it.each([
    [2025, { springFestival: ['01-28', '01-29', '01-30', '01-31'], qingming: ['04-04'], dragonBoat: ['05-31'], midAutumn: ['10-06'] }],
    [2026, { springFestival: ['02-16', '02-17', '02-18', '02-19'], qingming: ['04-05'], dragonBoat: ['06-19'], midAutumn: ['09-25'] }],
    [2027, { springFestival: ['02-05', '02-06', '02-07', '02-08'], qingming: ['04-05'], dragonBoat: ['06-09'], midAutumn: ['09-15'] }],
  ])('%i', (year, lunarDays) => {
    expect(byHoliday(year)).toEqual({
      "New Year's Day": ['01-01'],
      'Spring Festival': lunarDays.springFestival,
      'Tomb-sweeping Day': lunarDays.qingming,
      'Labour Day': ['05-01', '05-02'],
      'Dragon Boat Festival': lunarDays.dragonBoat,
      'Mid-autumn Festival': lunarDays.midAutumn,
      'National Day': ['10-01', '10-02', '10-03'],
    });
    expect(statutoryHolidays(year, lunar).size).toBe(13);
  });

  // Two independent transcriptions of the State Council's notices: every day
  // the law makes a holiday must be a rest day in each of them.
  it.each([2025, 2026])('%i: every computed day is a holiday in the official schedules (chinese-days and holiday-cn)', (year) => {
    const holidayCn = parseHolidayCnSchedule(fixture(year));
    if (!holidayCn.ok) throw new Error(`fixture ${year} does not parse`);
    const offDays = new Set(holidayCn.schedule.days.filter((day) => day.isOffDay).map((day) => day.date));
    for (const [date, name] of statutoryHolidays(year, lunar)) {
      expect(data.holidays[date], `${date} (${name.en}) in chinese-days`).toBeDefined();
      expect(data.holidays[date]!.split(',')[0]).toBe(name.en);
      expect(offDays.has(date), `${date} (${name.en}) in holiday-cn`).toBe(true);
    }
  });

  // Leap months included (2023 had a leap 2nd month, 2028 a leap 5th); 2028's Mid-Autumn is 3 October.
  it('every year the lunar tables cover (1901-2099) has each festival once, 除夕 the day before 1/1', () => {
    for (let year = 1901; year <= 2099; year++) {
      const days = [...statutoryHolidays(year, lunar)];
      const named = (en: string) => days.filter(([, name]) => name.en.includes(en)).map(([date]) => date);
      expect(named('Dragon Boat'), `${year}`).toHaveLength(1);
      expect(named('Mid-autumn'), `${year}`).toHaveLength(1);
      expect(named('Tomb-sweeping'), `${year}`).toHaveLength(1);
      const spring = named('Spring Festival');
      expect(spring, `${year}`).toHaveLength(4);
      expect(lunar.lunarDate(spring[0]! as IsoDate).month, `${year}`).toBe(12);
      expect(lunar.lunarDate(spring[1]! as IsoDate), `${year}`).toEqual({ month: 1, day: 1, leap: false });
    }
  });

  it('2020: Mid-Autumn on 1 October is one day with both names', () => {
    expect(statutoryHolidays(2020, lunar).get(d('2020-10-01'))).toEqual({ en: 'National Day and Mid-autumn Festival', zh: '国庆节、中秋' });
    expect(statutoryHolidays(2020, lunar).size).toBe(12);
  });

  it('without a lunar calendar only the fixed-date holidays are known', () => {
    expect([...statutoryHolidays(2027, null).keys()]).toEqual(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']);
  });
});

describe('the provisional calendar of a year without an official schedule', () => {
  it('SPEC 1.2 v3: hired 2027-01-06, 30 days: nominal 2027-02-05 (除夕) moves past Spring Festival and its make-up days 02-09, 02-10 to 2027-02-11', () => {
    for (const calendar of [chinaCalendar, calendarFrom(scheduleYears(data), { lunar: () => lunar })]) {
      const deadline = deadlineOf(d('2027-01-06'), { days: 30 }, calendar);
      expect(deadline).toMatchObject({ nominal: '2027-02-05', date: '2027-02-11', provisional: true });
      expect(explainDeadline(deadline)).toEqual([
        { kind: 'moved', from: '2027-02-05', to: '2027-02-11', holiday: { en: 'Spring Festival', zh: '春节' }, weekday: 5 },
        { kind: 'make-up', days: ['2027-02-09', '2027-02-10'], holiday: { en: 'Spring Festival', zh: '春节' } },
        { kind: 'provisional', year: 2027 },
      ]);
    }
  });

  it.each([
    // SPEC 1.2 v3's examples: the weekend days of a holiday are made up on the first working days after it (Art. 6).
    ['Spring Festival 2027-02-05..08 (Fri-Mon)', { days: 30 }, '2027-01-06', '2027-02-11', ['2027-02-09', '2027-02-10']],
    ['Labour Day 2027-05-01..02 (Sat-Sun)', { days: 30 }, '2027-04-01', '2027-05-05', ['2027-05-03', '2027-05-04']],
    ['National Day 2027-10-01..03 (Fri-Sun)', { days: 30 }, '2027-09-01', '2027-10-06', ['2027-10-04', '2027-10-05']],
  ] as const)('%s: made up on %s', (_, period, start, date, makeUp) => {
    const deadline = deadlineOf(d(start), period, chinaCalendar);
    expect(deadline).toMatchObject({ date, provisional: true, makeUp: { days: makeUp } });
  });

  it('a holiday on weekdays only owes nothing: New Year 2027 (Friday), Qingming 2027-04-05 (Monday)', () => {
    expect(chinaCalendar.dayInfo(d('2027-01-04')).kind).toBe('workday');
    expect(chinaCalendar.dayInfo(d('2027-04-06')).kind).toBe('workday');
  });

  it.each([
    ['2027-04-05', 'holiday', 'Tomb-sweeping Day', '清明'], // a Monday
    ['2027-06-09', 'holiday', 'Dragon Boat Festival', '端午'],
    ['2027-09-15', 'holiday', 'Mid-autumn Festival', '中秋'],
    ['2027-10-03', 'holiday', 'National Day', '国庆节'],
    ['2027-10-06', 'workday', null, null], // no bridging day beyond the make-up days is assumed
    ['2027-10-09', 'weekend', null, null], // nor any adjusted working day
  ])('%s is a %s (%s), not official', (date, kind, en, zh) => {
    const info = chinaCalendar.dayInfo(d(date));
    expect(info).toEqual({ kind, holiday: en ? { en, zh } : null, official: false });
  });

  it.each([
    ['2027-10-04', 'National Day'],
    ['2027-05-03', 'Labour Day'],
    ['2027-02-10', 'Spring Festival'],
  ])('%s is an assumed make-up rest day (%s)', (date, en) => {
    expect(chinaCalendar.dayInfo(d(date))).toMatchObject({ kind: 'holiday', holiday: { en }, official: false, makeUp: true });
  });

  it('loads the lunar tables only for a provisional year, once', () => {
    const load = vi.fn(() => lunar);
    const calendar = calendarFrom(scheduleYears(data), { lunar: load });
    calendar.dayInfo(d('2026-10-01'));
    deadlineOf(d('2026-03-01'), { months: 6 }, calendar);
    expect(load).not.toHaveBeenCalled();
    calendar.dayInfo(d('2027-02-05'));
    calendar.dayInfo(d('2028-01-26'));
    calendar.dayInfo(d('2027-06-09'));
    expect(load).toHaveBeenCalledTimes(1);
  });
});

const SCHEDULE_2027 = {
  year: 2027,
  days: [
    ...['02-05', '02-06', '02-07', '02-08', '02-09', '02-10', '02-11', '02-12'].map((md) => ({ name: '春节', date: `2027-${md}`, isOffDay: true })),
    { name: '春节', date: '2027-02-13', isOffDay: false }, // a Saturday made a working day
    { name: '中秋节、国庆节', date: '2027-10-01', isOffDay: true },
  ],
};

function parsed(json: unknown): OfficialSchedule {
  const result = parseHolidayCnSchedule(json);
  if (!result.ok) throw new Error(`did not parse: ${JSON.stringify(result.problem)}`);
  return result.schedule;
}

describe('parseHolidayCnSchedule', () => {
  it.each([2025, 2026])('reads holiday-cn %i.json as published, each day as chinese-days has it', (year) => {
    const schedule = parsed(fixture(year));
    expect(schedule.year).toBe(year);
    for (const day of schedule.days) {
      const packaged = day.isOffDay ? data.holidays[day.date] : data.workdays[day.date];
      expect(packaged, `${day.date} ${day.name}`).toBeDefined();
      expect(scheduleDayName(day.name).en).not.toBe(day.name); // every name of a real file has its English name
    }
  });

  it('sorts days by date and trims names', () => {
    const schedule = parsed({
      year: 2027,
      days: [
        { name: ' 国庆节 ', date: '2027-10-02', isOffDay: true },
        { name: '元旦', date: '2027-01-01', isOffDay: true },
      ],
    });
    expect(schedule.days.map((day) => [day.date, day.name])).toEqual([
      ['2027-01-01', '元旦'],
      ['2027-10-02', '国庆节'],
    ]);
  });

  const day = { name: '春节', date: '2027-02-05', isOffDay: true };
  it.each([
    ['holiday-cn 2027.json before the notice', fixture(2027), { kind: 'days-empty', year: 2027 }],
    ['an array', [day], { kind: 'not-an-object' }],
    ['null', null, { kind: 'not-an-object' }],
    ['a string', '2027', { kind: 'not-an-object' }],
    ['no year', { days: [day] }, { kind: 'year-invalid' }],
    ['year as text', { year: '2027', days: [day] }, { kind: 'year-invalid' }],
    ['a fractional year', { year: 2027.5, days: [day] }, { kind: 'year-invalid' }],
    ['a year past the lunar tables', { year: 2100, days: [{ ...day, date: '2100-02-05' }] }, { kind: 'year-invalid' }],
    ['no days', { year: 2027 }, { kind: 'days-not-a-list' }],
    ['days as an object', { year: 2027, days: { 0: day } }, { kind: 'days-not-a-list' }],
    ['a day that is a string', { year: 2027, days: [day, '2027-02-06'] }, { kind: 'day-not-an-object', index: 1 }],
    ['a day without a name', { year: 2027, days: [{ date: '2027-02-05', isOffDay: true }] }, { kind: 'name-invalid', index: 0 }],
    ['a blank name', { year: 2027, days: [{ ...day, name: '  ' }] }, { kind: 'name-invalid', index: 0 }],
    ['not a date: 2027-02-30', { year: 2027, days: [day, { ...day, date: '2027-02-30' }] }, { kind: 'date-invalid', index: 1, date: '2027-02-30' }],
    ['not a date: 2027/02/05', { year: 2027, days: [{ ...day, date: '2027/02/05' }] }, { kind: 'date-invalid', index: 0, date: '2027/02/05' }],
    ['a date with a time', { year: 2027, days: [{ ...day, date: '2027-02-05T00:00:00Z' }] }, { kind: 'date-invalid', index: 0, date: '2027-02-05T00:00:00Z' }],
    ['a date as a number', { year: 2027, days: [{ ...day, date: 20270205 }] }, { kind: 'date-invalid', index: 0, date: null }],
    [
      'a date of another year (year mismatch)',
      { year: 2027, days: [day, { ...day, date: '2026-12-31' }] },
      { kind: 'date-outside-year', index: 1, date: '2026-12-31', year: 2027 },
    ],
    ['the year of the file is not the year of its days', { year: 2026, days: [day] }, { kind: 'date-outside-year', index: 0, date: '2027-02-05', year: 2026 }],
    ['isOffDay as text', { year: 2027, days: [{ ...day, isOffDay: 'true' }] }, { kind: 'off-day-invalid', index: 0 }],
    ['isOffDay missing', { year: 2027, days: [{ name: '春节', date: '2027-02-05' }] }, { kind: 'off-day-invalid', index: 0 }],
    [
      'a date given twice',
      { year: 2027, days: [day, { ...day, date: '2027-02-06' }, { ...day, isOffDay: false }] },
      { kind: 'date-repeated', index: 2, date: '2027-02-05', firstIndex: 0 },
    ],
  ])('refuses %s', (_case, json, problem) => {
    expect(parseHolidayCnSchedule(json)).toEqual({ ok: false, problem });
  });

  it('sameSchedule: the same days in any order are the same schedule; any changed field is not', () => {
    const a = parsed(SCHEDULE_2027);
    expect(sameSchedule(a, parsed({ ...SCHEDULE_2027, days: [...SCHEDULE_2027.days].reverse() }))).toBe(true);
    expect(sameSchedule(a, parsed({ ...SCHEDULE_2027, days: SCHEDULE_2027.days.slice(1) }))).toBe(false);
    expect(sameSchedule(a, parsed({ ...SCHEDULE_2027, days: SCHEDULE_2027.days.map((x, i) => (i === 8 ? { ...x, isOffDay: true } : x)) }))).toBe(false);
    expect(sameSchedule(a, parsed({ ...SCHEDULE_2027, days: SCHEDULE_2027.days.map((x, i) => (i === 9 ? { ...x, name: '国庆节' } : x)) }))).toBe(false);
  });

  it.each([
    ['元旦', "New Year's Day"],
    ['清明节', 'Tomb-sweeping Day'],
    ['中秋节、国庆节', 'Mid-autumn Festival and National Day'],
    ['国庆节、中秋节', 'National Day and Mid-autumn Festival'],
    ['某纪念日', '某纪念日'], // unknown: kept as written
  ])('names %s in English as %s', (zh, en) => expect(scheduleDayName(zh)).toEqual({ en, zh }));
});

describe('a loaded schedule overrides the package and the provisional calendar for its year', () => {
  it('2027 loaded: the provisional flag goes and the deadline follows the notice', () => {
    const calendar = officialCalendar([parsed(SCHEDULE_2027)]);
    expect([calendar.yearSource(2026), calendar.yearSource(2027), calendar.yearSource(2028)]).toEqual(['package', 'loaded', 'provisional']);
    const deadline = deadlineOf(d('2027-01-06'), { days: 30 }, calendar);
    // 2027-02-05..12 off; Saturday 2027-02-13 is an adjusted working day.
    expect(deadline).toMatchObject({ nominal: '2027-02-05', date: '2027-02-13', provisional: false });
    expect(calendar.dayInfo(d('2027-02-13'))).toEqual({ kind: 'adjusted-workday', holiday: { en: 'Spring Festival', zh: '春节' }, official: true });
    expect(calendar.dayInfo(d('2027-10-01'))).toEqual({
      kind: 'holiday',
      holiday: { en: 'Mid-autumn Festival and National Day', zh: '中秋节、国庆节' },
      official: true,
    });
    // Days the file does not list follow the week, officially: no statutory day is assumed any more.
    expect(calendar.dayInfo(d('2027-06-09'))).toEqual({ kind: 'workday', holiday: null, official: true });
    expect(calendar.dayInfo(d('2027-02-14'))).toEqual({ kind: 'weekend', holiday: null, official: true });
    // Without the load, the same calendar data answers provisionally.
    expect(chinaCalendar.yearSource(2027)).toBe('provisional');
    expect(deadlineOf(d('2027-01-06'), { days: 30 }, chinaCalendar)).toMatchObject({ date: '2027-02-11', provisional: true });
  });

  it('a loaded year the package covers replaces the package for that year only', () => {
    // A (made-up) 2026 file without the National Day holiday: 2026-10-01 is then a plain Thursday.
    const calendar = officialCalendar([parsed({ year: 2026, days: [{ name: '元旦', date: '2026-01-01', isOffDay: true }] })]);
    expect(calendar.yearSource(2026)).toBe('loaded');
    expect(deadlineOf(d('2026-09-01'), { days: 30 }, calendar)).toMatchObject({ date: '2026-10-01', moved: null, provisional: false });
    expect(deadlineOf(d('2026-09-01'), { days: 30 }, chinaCalendar)).toMatchObject({ date: '2026-10-08', provisional: false });
    expect(calendar.dayInfo(d('2025-10-01'))).toEqual(chinaCalendar.dayInfo(d('2025-10-01')));
    expect(isRestDay(calendar.dayInfo(d('2025-10-01')))).toBe(true);
  });
});

// The build puts the package's schedules into the bundles a year at a time, as text parsed when first asked for
// (scripts/build.mjs, chineseDaysByYear; issue 31's start-up). Every day of every year must read as the whole file says.
describe('the official schedule a year at a time', () => {
  const years = [...new Set(Object.keys(data.holidays).map((date) => Number(date.slice(0, 4))))].sort((a, b) => a - b);

  it('covers the years with holidays in the file, 2004 to 2026 at least', () => {
    expect(years[0]).toBe(2004);
    expect(years).toContain(2026);
    for (const schedule of [scheduleYears(data), scheduleFromYearTexts(scheduleYearTexts(data))])
      expect([...schedule.years].sort((a, b) => a - b)).toEqual(years);
  });

  it('every holiday and adjusted working day of the file is in its year, and nothing else', () => {
    for (const schedule of [scheduleYears(data), scheduleFromYearTexts(scheduleYearTexts(data))]) {
      const holidays = Object.assign({}, ...years.map((year) => schedule.days(year).holidays));
      const workdays = Object.assign({}, ...years.map((year) => schedule.days(year).workdays));
      expect(holidays).toEqual(data.holidays);
      const coveredWorkdays = Object.fromEntries(Object.entries(data.workdays).filter(([date]) => years.includes(Number(date.slice(0, 4)))));
      expect(workdays).toEqual(coveredWorkdays);
      for (const year of years) for (const date of Object.keys(schedule.days(year).holidays)) expect(date.startsWith(`${year}-`)).toBe(true);
    }
  });

  it('a year without holidays is not covered, and its adjusted working days are left out, both ways', () => {
    const table = {
      holidays: { '2026-10-01': 'National Day,国庆节,3' },
      workdays: { '2026-09-27': 'National Day,国庆节,3', '2027-02-07': 'Spring Festival,春节,3' },
    };
    for (const schedule of [scheduleYears(table), scheduleFromYearTexts(scheduleYearTexts(table))]) {
      expect([...schedule.years]).toEqual([2026]);
      expect(schedule.days(2026)).toEqual({ holidays: { '2026-10-01': 'National Day,国庆节,3' }, workdays: { '2026-09-27': 'National Day,国庆节,3' } });
      expect(schedule.days(2027)).toEqual({ holidays: {}, workdays: {} });
    }
  });

  it('a calendar from the texts answers each day from 2004 to 2028 as one from the whole file does', () => {
    const whole = calendarFrom(scheduleYears(data), { lunar: () => lunar });
    const byText = calendarFrom(scheduleFromYearTexts(scheduleYearTexts(data)), { lunar: () => lunar });
    let checked = 0;
    for (let t = Date.UTC(2004, 0, 1); t <= Date.UTC(2028, 11, 31); t += 86_400_000, checked++) {
      const date = new Date(t).toISOString().slice(0, 10) as IsoDate;
      expect(byText.dayInfo(date), date).toEqual(whole.dayInfo(date));
    }
    expect(checked).toBe(9132);
    // And the days read as the file says them: 2026-10-01 a holiday, 2026-09-28 an adjusted working day, a plain Monday a workday.
    expect(byText.dayInfo(d('2026-10-01'))).toEqual({ kind: 'holiday', holiday: { en: 'National Day', zh: '国庆节' }, official: true });
    expect(byText.dayInfo(d('2026-09-20'))).toMatchObject({ kind: 'adjusted-workday', official: true });
    expect(byText.dayInfo(d('2026-11-23'))).toEqual({ kind: 'workday', holiday: null, official: true });
  });

  it('parses a year only when a day of it is first asked for', () => {
    const texts = scheduleYearTexts(data);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const schedule = scheduleFromYearTexts(texts);
      expect(parse).not.toHaveBeenCalled();
      schedule.days(2026);
      schedule.days(2026);
      expect(parse).toHaveBeenCalledTimes(1);
      expect(schedule.days(2030)).toEqual({ holidays: {}, workdays: {} });
    } finally {
      parse.mockRestore();
    }
  });
});
