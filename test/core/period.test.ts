import { describe, expect, it } from 'vitest';
import { addMonths, chinaDate, daysBetween, type IsoDate } from '../../src/core/calendar-date.js';
import { calendarFrom, scheduleYears } from '../../src/core/holidays.js';
import { chinaCalendar } from '../../src/core/official-calendar.js';
import { deadlineOf, explainDeadline, hasPassed, type Period } from '../../src/core/period.js';

const d = (s: string) => s as IsoDate;

describe('deadlineOf: Civil Code Art. 201-203 with the official holiday schedule', () => {
  it.each<[string, string, Period, string, string, boolean]>([
    // case, start, period, nominal, deadline, moved
    ['SPEC 1.2: hired 2026-09-01 + 30 days, nominal day in National Day', '2026-09-01', { days: 30 }, '2026-10-01', '2026-10-08', true],
    ['SPEC 1.2: Saturday 2026-10-10 is an adjusted working day and stays', '2026-09-10', { days: 30 }, '2026-10-10', '2026-10-10', false],
    ['Sunday 2026-09-20 is an adjusted working day too', '2026-08-21', { days: 30 }, '2026-09-20', '2026-09-20', false],
    ['SPEC 1.3: received 2026-03-31 + 6 months', '2026-03-31', { months: 6 }, '2026-09-30', '2026-09-30', false],
    ['SPEC 1.2: 2025-08-31 + 6 months ends on 28 Feb (an adjusted working Saturday)', '2025-08-31', { months: 6 }, '2026-02-28', '2026-02-28', false],
    ['SPEC 1.2: 2023-08-31 + 6 months ends on the leap day', '2023-08-31', { months: 6 }, '2024-02-29', '2024-02-29', false],
    ['a plain weekend moves to Monday', '2026-10-30', { days: 30 }, '2026-11-29', '2026-11-30', true],
    ['inside Spring Festival 2026 (02-15..02-23) moves past the whole holiday', '2026-01-16', { days: 30 }, '2026-02-15', '2026-02-24', true],
    ['last day of Spring Festival', '2026-01-24', { days: 30 }, '2026-02-23', '2026-02-24', true],
    ['Labour Day 2026 (05-01..05-05)', '2026-04-01', { days: 30 }, '2026-05-01', '2026-05-06', true],
    ['month end: 2026-01-31 + 1 month', '2026-01-31', { months: 1 }, '2026-02-28', '2026-02-28', false],
    ['starting day not counted: + 1 day is the next day', '2026-11-24', { days: 1 }, '2026-11-25', '2026-11-25', false],
  ])('%s', (_, start, period, nominal, date, moved) => {
    const deadline = deadlineOf(d(start), period, chinaCalendar);
    expect(deadline.nominal).toBe(nominal);
    expect(deadline.date).toBe(date);
    expect(deadline.moved !== null).toBe(moved);
    expect(deadline.provisional).toBe(false);
  });

  it('explains a moved deadline as data: the holiday (both names) or the weekday, from and to', () => {
    const deadline = deadlineOf(d('2026-09-01'), { days: 30 }, chinaCalendar);
    expect(explainDeadline(deadline)).toEqual([
      { kind: 'moved', from: '2026-10-01', to: '2026-10-08', holiday: { en: 'National Day', zh: '国庆节' }, weekday: 4 },
    ]);
    expect(explainDeadline(deadlineOf(d('2026-10-30'), { days: 30 }, chinaCalendar))).toEqual([
      { kind: 'moved', from: '2026-11-29', to: '2026-11-30', holiday: null, weekday: 0 },
    ]);
    expect(explainDeadline(deadlineOf(d('2026-03-31'), { months: 6 }, chinaCalendar))).toEqual([]);
  });
});

describe('years the holiday package does not cover yet', () => {
  it('uses weekends plus the fixed-date holidays and marks the deadline provisional', () => {
    // 2026-12-02 + 30 days = Friday 2027-01-01, New Year's Day by law whatever the schedule.
    const deadline = deadlineOf(d('2026-12-02'), { days: 30 }, chinaCalendar);
    expect(deadline).toMatchObject({ nominal: '2027-01-01', date: '2027-01-04', provisional: true });
    expect(explainDeadline(deadline)).toContainEqual({ kind: 'provisional', year: 2027 });
  });

  it.each([
    ['2027-05-01', '2027-05-05'], // Sat 1 and Sun 2 May, made up on Mon 3 and Tue 4 (Art. 6) -> Wednesday 5 May
    ['2027-10-01', '2027-10-06'], // Fri 1 .. Sun 3 October, Sat and Sun made up on Mon 4 and Tue 5 -> Wednesday
    ['2027-06-15', '2027-06-15'], // an ordinary Tuesday: stays, still provisional
  ])('nominal %s -> %s', (nominal, date) => {
    const deadline = deadlineOf(addDaysBack(nominal), { days: 1 }, chinaCalendar);
    expect(deadline).toMatchObject({ nominal, date, provisional: true });
  });

  it('a deadline moved from a covered year into an uncovered one becomes provisional', () => {
    // A calendar covering only 2026 where 31 Dec 2026 is a holiday: the move lands in 2027.
    const calendar = calendarFrom(scheduleYears({ holidays: { '2026-12-31': 'Test,测试,1' }, workdays: {} }));
    const deadline = deadlineOf(d('2026-12-30'), { days: 1 }, calendar);
    expect(deadline).toMatchObject({ nominal: '2026-12-31', date: '2027-01-04', provisional: true });
  });
});

function addDaysBack(date: string): IsoDate {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() - 1);
  return t.toISOString().slice(0, 10) as IsoDate;
}

describe('hasPassed: the deadline is the END of its day', () => {
  const deadline = deadlineOf(d('2026-09-01'), { days: 30 }, chinaCalendar);
  it.each([
    ['2026-10-07', false],
    ['2026-10-08', false],
    ['2026-10-09', true],
  ])('as of %s: %s', (today, passed) => expect(hasPassed(deadline, d(today))).toBe(passed));
});

describe('calendar arithmetic does not depend on the machine zone', () => {
  it('chinaDate maps instants to the Beijing calendar day', () => {
    expect(chinaDate(new Date('2026-11-24T15:59:59Z'))).toBe('2026-11-24');
    expect(chinaDate(new Date('2026-11-24T16:00:00Z'))).toBe('2026-11-25');
    expect(chinaDate(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });
  it('addMonths and daysBetween across DST-observing zones', () => {
    // vitest.config.ts runs the suite in America/St_Johns (DST, half-hour offset).
    expect(addMonths(d('2026-03-08'), 1)).toBe('2026-04-08');
    expect(daysBetween(d('2026-03-01'), d('2026-04-01'))).toBe(31);
    expect(daysBetween(d('2026-11-01'), d('2026-10-31'))).toBe(-1);
  });
});
